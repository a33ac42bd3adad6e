/**
 * Protection plans as GuardDuty feature arguments: pure functions, no cdktf import.
 */
import type { ResolvedPlan } from "../config/estate-config";

/** `additional_configuration` of a detector feature. */
export interface DetectorAdditionalConfiguration {
  readonly name: string;
  readonly status: "ENABLED" | "DISABLED";
}

/** `additional_configuration` of an organization configuration feature. */
export interface OrganizationAdditionalConfiguration {
  readonly name: string;
  readonly autoEnable: "ALL" | "NEW" | "NONE";
}

/** The arguments of an `aws_guardduty_detector_feature` for a plan (the administrator's own detector). */
export function detectorFeatureArgs(plan: ResolvedPlan): { name: string; status: string; additionalConfiguration?: DetectorAdditionalConfiguration[] } {
  const additional = plan.agentManagement.map(
    (a) => ({ name: a.name, status: plan.enabled && a.enabled ? "ENABLED" : "DISABLED" }) as const,
  );
  return {
    name: plan.name,
    status: plan.enabled ? "ENABLED" : "DISABLED",
    ...(additional.length > 0 ? { additionalConfiguration: additional } : {}),
  };
}

/**
 * The arguments of an `aws_guardduty_organization_configuration_feature` for a plan. An agent setting that is
 * off auto-enables nowhere; one that is on follows the plan.
 */
export function organizationFeatureArgs(plan: ResolvedPlan): { name: string; autoEnable: string; additionalConfiguration?: OrganizationAdditionalConfiguration[] } {
  const additional = plan.agentManagement.map((a) => ({ name: a.name, autoEnable: a.enabled ? plan.autoEnable : "NONE" } as const));
  return {
    name: plan.name,
    autoEnable: plan.autoEnable,
    ...(additional.length > 0 ? { additionalConfiguration: additional } : {}),
  };
}

/** A plan name as a construct id part: `RUNTIME_MONITORING` -> `RuntimeMonitoring`. */
export function planConstructId(name: string): string {
  return name.toLowerCase().split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}
