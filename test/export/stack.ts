/** A test stack with the two providers the export uses: security (administrator) and log-archive (bucket). */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { ExportDetector, FindingsExportProps } from "../../modules/export/findings-export";
import { testStack } from "../helpers";
import { ADMIN, BUCKET, HOME, LOG_ARCHIVE, detectorArn } from "./fixtures";

export function exportStack() {
  const { app, stack, provider: security, synth } = testStack("security");
  const logArchive = new AwsProvider(stack, "log_archive", { region: HOME, alias: "log-archive" });
  return { app, stack, security, logArchive, synth };
}

/** Administrator detectors with plain IDs and ARNs, one per region. */
export function exportDetectors(regions: string[] = ["eu-west-1", "us-east-1", "me-south-1"]): ExportDetector[] {
  return regions.map((region) => {
    const detectorId = `d${region.replace(/-/g, "")}`;
    return { region, detectorId, detectorArn: detectorArn(region, ADMIN, detectorId) };
  });
}

/** The smallest valid props: bucket and key in log-archive, no prefix, no reader, no queue. */
export function minimalProps(security: AwsProvider, logArchive: AwsProvider): FindingsExportProps {
  return {
    partition: "aws",
    homeRegion: HOME,
    administratorAccountId: ADMIN,
    administratorProvider: security,
    detectors: exportDetectors(),
    bucketProvider: logArchive,
    bucketAccountId: LOG_ARCHIVE,
    bucketName: BUCKET,
  };
}
