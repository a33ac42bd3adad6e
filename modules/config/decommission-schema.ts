/**
 * `decommission`: the estate file's switch for turning GuardDuty management off without losing the exported
 * findings or stranding accounts (issue 12, part 3). Two phases, because Terraform cannot order "set auto-enable
 * NONE, then disassociate the members, then remove the delegated administrator" inside one destroy:
 * - `prepare`: the organization configuration auto-enables NONE and every feature's auto-enable is off, publishing
 *   destinations and notifications go; members, detectors, bucket and key stay. AWS's documented order for an
 *   organization ("Disabling GuardDuty", GuardDuty User Guide, guardduty_suspend-disable): stop auto-enable first,
 *   so that no new account is enrolled while the others are removed.
 * - `teardown`: members are disassociated before the delegated administrator is removed, detectors go; the
 *   findings bucket and key leave the state through `removed` blocks with `destroy = false` (the data stays).
 * Provider behaviour (hashicorp/terraform-provider-aws internal/service/guardduty/member.go, resourceMemberDelete):
 * destroying an `aws_guardduty_member` calls DeleteMembers only (no DisassociateMembers), which AWS refuses while
 * auto-enable is ALL: hence auto-enable NONE in "prepare", before any member is destroyed in "teardown".
 * organization_admin_account.go and detector.go Delete were NOT re-read for this change: check them before the
 * phases are synthesized.
 */
import { z } from "zod";

/** The phases, in the order a user applies them. */
export const DECOMMISSION_PHASES = ["prepare", "teardown"] as const;
export type DecommissionPhase = (typeof DECOMMISSION_PHASES)[number];

export const decommissionSchema = z
  .enum(DECOMMISSION_PHASES, { error: `expected one of ${DECOMMISSION_PHASES.join(", ")}` })
  .describe(
    "Turn GuardDuty management off in two applied plans: \"prepare\" (auto-enable NONE, publishing destinations and notifications removed), then \"teardown\" (members disassociated, administrator designation and detectors removed; findings bucket and key kept out of state, never destroyed). Omit to run the estate.",
  );

/**
 * Until the estate synthesizes the two phases, a `decommission` value is refused rather than silently ignored:
 * synthesizing the running estate under a "teardown" switch would mislead whoever reviews the plan.
 */
export function decommissionIssues(input: { readonly decommission?: unknown }): Array<{ path: string[]; message: string }> {
  if (typeof input.decommission !== "string" || !(DECOMMISSION_PHASES as readonly string[]).includes(input.decommission)) return [];
  return [{
    path: ["decommission"],
    message: "not synthesized yet by this version (the stacks would still be the running estate): remove the key and follow " +
      `the README's "Decommissioning" runbook; got ${JSON.stringify(input.decommission)}`,
  }];
}
