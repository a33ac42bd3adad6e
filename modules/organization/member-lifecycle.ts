import type { TerraformResourceLifecycle } from "cdktf";

/**
 * The lifecycle of an organization account's `aws_guardduty_member` (listed members and the management account):
 * - `ignore_changes = [invite, email]`: the provider's Read sets `invite = true` for an Enabled member
 *   (internal/service/guardduty/member.go, resourceMemberRead), so a config without it would plan an update whose
 *   apply calls DisassociateMembers (resourceMemberUpdate); the email only matters to CreateMembers.
 * - `prevent_destroy`: Delete calls DeleteMembers, which AWS refuses for an organization member under auto-enable ALL
 *   and which would otherwise stop GuardDuty from reporting the account to the administrator. Removing an account
 *   from the estate therefore stops the plan; `terraform state rm` forgets it without touching AWS.
 */
export const MEMBER_LIFECYCLE: TerraformResourceLifecycle = {
  ignoreChanges: ["invite", "email"],
  preventDestroy: true,
};
