/**
 * `decommission`: the estate file's switch for turning GuardDuty management off without losing the exported
 * findings or stranding accounts (issue 12, part 3). Two phases, because Terraform cannot order "set auto-enable
 * NONE, then disassociate the members, then delete them, then remove the delegated administrator" inside one destroy:
 * a destroy only deletes, in the reverse order of the dependencies the state recorded, and an `aws_guardduty_member`'s
 * Delete calls DeleteMembers only (internal/service/guardduty/member.go); DisassociateMembers is an update.
 * - `prepare`: the organization configuration and every plan's feature auto-enable NONE, then the listed organization
 *   members and the management account are disassociated (`invite = false`); publishing destinations, notifications
 *   and those members' plan overrides go. Detectors, designation, invited members, bucket and key stay. AWS's
 *   documented order ("Changing the delegated GuardDuty administrator account"): auto-enable NEW or NONE first,
 *   DisassociateMembers is refused under ALL.
 * - `teardown`: nothing of the estate stays in the configuration: invited members are disassociated (from their own
 *   account) and every member deleted before the designation is removed, then the detectors are deleted; the findings
 *   export (bucket, key, policies, settings) leaves the state through `removed` blocks with `destroy = false`.
 * What every Delete calls, and how the phases are written: modules/estate/decommission.ts.
 */
import { z } from "zod";

/** The phases, in the order a user applies them. */
export const DECOMMISSION_PHASES = ["prepare", "teardown"] as const;
export type DecommissionPhase = (typeof DECOMMISSION_PHASES)[number];

export const decommissionSchema = z
  .enum(DECOMMISSION_PHASES, { error: `expected one of ${DECOMMISSION_PHASES.join(", ")}` })
  .describe(
    "Turn GuardDuty management off in two applied plans: \"prepare\" (auto-enable NONE, listed organization members and the management account disassociated, publishing destinations and notifications removed), then \"teardown\" (members deleted, administrator designation and detectors removed; findings bucket, key and their data kept, forgotten by the state, never destroyed). Omit to run the estate.",
  );
