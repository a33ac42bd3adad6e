/**
 * Protection plans as GuardDuty feature arguments: pure functions, no cdktf import.
 */
import type { ResolvedPlan } from "../config/estate-config";
import { AGENTS_OF_PLAN, type ProtectionPlan } from "../config/estate-schema";

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
 * The arguments of an `aws_guardduty_member_detector_feature` that turns `name` on or off for a member, stated the
 * way the provider's Read stores them (internal/service/guardduty/member_detector_feature.go: Read flattens the
 * `additional_configuration` GetMemberDetectors returns): a plan with agents always lists every agent, in the API's
 * order (EKS add-on, ECS Fargate, EC2 for Runtime Monitoring), each ENABLED when the member's plan is on and the
 * estate's agent management is on (`plan`; all on when the estate does not configure the plan), otherwise DISABLED.
 * Without them the second plan would show a change on every run.
 */
export function memberFeatureArgs(
  name: ProtectionPlan,
  enabled: boolean,
  plan?: ResolvedPlan,
): { name: string; status: string; additionalConfiguration?: DetectorAdditionalConfiguration[] } {
  const additional = AGENTS_OF_PLAN[name].map((agent) => {
    const configured = plan?.agentManagement.find((a) => a.name === agent)?.enabled ?? true;
    return { name: agent, status: enabled && configured ? "ENABLED" : "DISABLED" } as const;
  });
  return { name, status: enabled ? "ENABLED" : "DISABLED", ...(additional.length > 0 ? { additionalConfiguration: additional } : {}) };
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
