/** Administrator detectors in every commercial region this library knows: the worst case for policy sizes. */
import { DEFAULT_ENABLED_COMMERCIAL_REGIONS, OPT_IN_REGIONS } from "../../modules/topology/regions";
import type { DetectorRef } from "../../modules/export/policy-document";
import { ADMIN } from "./fixtures";

export const ALL_REGIONS_DETECTORS: DetectorRef[] = [...DEFAULT_ENABLED_COMMERCIAL_REGIONS, ...OPT_IN_REGIONS].map((region) => ({
  region,
  // 32 hex characters, as real detector IDs
  detectorArn: `arn:aws:guardduty:${region}:${ADMIN}:detector/${"0123456789abcdef".repeat(2)}`,
}));
