import { GuardDutyOrganization } from "../../modules/organization/guardduty-organization";
import { ACCOUNTS, addresses, resources } from "../helpers";
import { orgStack, REGIONS } from "./fixtures";

test("builds the core in the order the APIs need: detectors, designation, auto-enable and invitations", () => {
  const { stack, management, security, member, synth } = orgStack();
  new GuardDutyOrganization(stack, "Org", {
    managementProvider: management, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: REGIONS,
    invitedMembers: [{ accountId: ACCOUNTS.invited, email: "root@example.com", provider: member }],
  });
  const doc = synth();
  expect(resources(doc, "aws_guardduty_organization_admin_account").org_delegation_admin_account.depends_on)
    .toEqual(["aws_guardduty_detector.org_administrator_detector"]);
  expect(resources(doc, "aws_guardduty_organization_configuration").org_auto_enable_configuration.depends_on)
    .toEqual(["aws_guardduty_organization_admin_account.org_delegation_admin_account"]);
  expect(resources(doc, "aws_guardduty_member").org_invited_invitation.depends_on)
    .toEqual(["aws_guardduty_organization_admin_account.org_delegation_admin_account"]);
  expect(addresses(doc).filter((a) => !a.includes("_feature_"))).toEqual([
    "aws_guardduty_detector.org_administrator_detector",
    "aws_guardduty_detector.org_invited_member_444455556666_detector",
    "aws_guardduty_invite_accepter.org_invited_member_444455556666_accepter",
    "aws_guardduty_member.org_invited_invitation",
    "aws_guardduty_organization_admin_account.org_delegation_admin_account",
    "aws_guardduty_organization_configuration.org_auto_enable_configuration",
  ]);
});

test("without invited members, no member resources are created", () => {
  const { stack, management, security, synth } = orgStack();
  const org = new GuardDutyOrganization(stack, "Org", {
    managementProvider: management, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: REGIONS,
  });
  expect(org.invited).toBeUndefined();
  expect(resources(synth(), "aws_guardduty_member")).toEqual({});
});

test("the frequency is set on the administrator's detector only", () => {
  const { stack, management, security, member, synth } = orgStack();
  new GuardDutyOrganization(stack, "Org", {
    managementProvider: management, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: REGIONS,
    findingPublishingFrequency: "SIX_HOURS", invitedMembers: [{ accountId: ACCOUNTS.invited, email: "root@example.com", provider: member }],
  });
  const detectors = resources(synth(), "aws_guardduty_detector");
  expect(detectors.org_administrator_detector.finding_publishing_frequency).toBe("SIX_HOURS");
  expect(detectors.org_invited_member_444455556666_detector.finding_publishing_frequency).toBeUndefined();
});
