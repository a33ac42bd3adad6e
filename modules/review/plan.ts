/**
 * Reading `terraform show -json <planfile>` (Terraform's documented plan representation): counts of each action
 * and the changes a reviewer must never approve blindly, the destruction or replacement of what holds findings.
 */

/** A `resource_changes` entry of Terraform's plan JSON. */
export interface PlanResourceChange {
  readonly address: string;
  readonly type: string;
  readonly mode?: string;
  readonly change: { readonly actions: readonly string[]; readonly importing?: unknown };
}

/** What the plan does. */
export interface PlanAnalysis {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
  readonly replace: number;
  readonly import: number;
  readonly noop: number;
  /** Destroyed or replaced detectors, findings buckets or keys: `address (delete|replace)`. */
  readonly dangers: readonly string[];
  /** Resources the plan removes from the state without destroying them (`removed` blocks, action "forget"). */
  readonly forget: number;
  /** In a decommission plan: the protected resources it destroys as the phase expects (detectors, designation, a notifications key), which are not dangers there. */
  readonly decommissioned: readonly string[];
}

/** What a decommission plan may destroy (README "Decommissioning"); buckets and keys never. */
export const DECOMMISSIONED_TYPES: readonly string[] = ["aws_guardduty_detector", "aws_guardduty_organization_admin_account"];

/** Options of {@link analyzePlan}. */
export interface AnalyzePlanOptions {
  /** The synthesized stacks are a decommission teardown (`removed` blocks): detectors may go. @default false */
  readonly decommission?: boolean;
  /**
   * The resource addresses (`type.name`, no instance key) the synthesized decommission phase says it destroys (its
   * `..._decommission_phase` local, see decommissionRecords). With it, a protected resource may be destroyed only when
   * listed there, whatever its type (e.g. the notifications' topic key in "prepare"), and a findings bucket never.
   * @default - with `decommission`, detectors and designations (DECOMMISSIONED_TYPES)
   */
  readonly expectedDestroys?: readonly string[];
}

/** `aws_x.y["k"]` -> `aws_x.y`. */
function withoutInstanceKey(address: string): string {
  return address.replace(/\[[^\]]*\]$/, "");
}

/** Whether a destroyed protected resource is one the decommission phase expects to destroy. */
function expectedDestroy(rc: PlanResourceChange, options: AnalyzePlanOptions): boolean {
  if (options.expectedDestroys) return rc.type !== "aws_s3_bucket" && options.expectedDestroys.includes(withoutInstanceKey(rc.address));
  return options.decommission === true && DECOMMISSIONED_TYPES.includes(rc.type);
}

/** Resource types whose destruction loses findings or breaks the organization. */
export const PROTECTED_TYPES: readonly string[] = [
  "aws_guardduty_detector", "aws_s3_bucket", "aws_kms_key", "aws_guardduty_organization_admin_account",
];

/** Counts a plan's actions and lists the dangerous ones. */
export function analyzePlan(plan: { resource_changes?: readonly PlanResourceChange[] }, options: AnalyzePlanOptions = {}): PlanAnalysis {
  const counts = { create: 0, update: 0, delete: 0, replace: 0, import: 0, noop: 0 };
  const dangers: string[] = [];
  const decommissioned: string[] = [];
  let forget = 0;
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode === "data") continue;
    const a = rc.change.actions;
    if (rc.change.importing) counts.import++;
    // Terraform >= 1.7 plans a `removed` block with `destroy = false` as the action "forget": not a deletion.
    if (a.includes("forget") && !a.includes("delete")) {
      forget++;
      continue;
    }
    let kind: "create" | "update" | "delete" | "replace" | "noop";
    if (a.includes("delete") && a.includes("create")) kind = "replace";
    else if (a.includes("delete")) kind = "delete";
    else if (a.includes("create")) kind = "create";
    else if (a.includes("update")) kind = "update";
    else kind = "noop";
    counts[kind]++;
    if ((kind === "delete" || kind === "replace") && PROTECTED_TYPES.includes(rc.type)) {
      if (kind === "delete" && expectedDestroy(rc, options)) decommissioned.push(rc.address);
      else dangers.push(`${rc.address} (${kind})`);
    }
  }
  return { ...counts, dangers, forget, decommissioned };
}
