import { GuardDutyOrganization } from "../../modules/organization/guardduty-organization";
import { resolvePlans } from "../../modules/config/estate-config";
import { ACCOUNTS, addresses, resources } from "../helpers";
import { orgStack, REGIONS } from "./fixtures";
import { expectAllReported } from "../topology/props-error";

const DESIGNATIONS = [
  "aws_guardduty_organization_admin_account.org_delegation_first_admin_account",
  "aws_guardduty_organization_admin_account.org_delegation_admin_account",
];

test("builds the core in the order the APIs need: detectors, designation (home region first), auto-enable, members and invitations", () => {
  const { stack, management, security, member, synth } = orgStack();
  new GuardDutyOrganization(stack, "Org", {
    managementProvider: management, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: REGIONS,
    homeRegion: "eu-west-1", invitedMembers: [{ accountId: ACCOUNTS.invited, email: "root@example.com", provider: member }],
  });
  const doc = synth();
  const designations = resources(doc, "aws_guardduty_organization_admin_account");
  expect(designations.org_delegation_first_admin_account.depends_on).toEqual(["aws_guardduty_detector.org_administrator_detector"]);
  expect(Object.keys(designations.org_delegation_first_admin_account.for_each)).toEqual(["eu-west-1"]);
  expect(designations.org_delegation_admin_account.depends_on).toEqual([DESIGNATIONS[0], "aws_guardduty_detector.org_administrator_detector"]);
  expect(resources(doc, "aws_guardduty_organization_configuration").org_auto_enable_configuration.depends_on).toEqual(DESIGNATIONS);
  expect(resources(doc, "aws_guardduty_member").org_invited_invitation.depends_on).toEqual(DESIGNATIONS);
  expect(addresses(doc).filter((a) => !a.includes("_feature_"))).toEqual([
    "aws_guardduty_detector.org_administrator_detector",
    "aws_guardduty_detector.org_invited_member_444455556666_detector",
    "aws_guardduty_detector.org_management_account_detector",
    "aws_guardduty_invite_accepter.org_invited_member_444455556666_accepter",
    "aws_guardduty_member.org_invited_invitation",
    "aws_guardduty_member.org_management_account_member",
    "aws_guardduty_organization_admin_account.org_delegation_admin_account",
    "aws_guardduty_organization_admin_account.org_delegation_first_admin_account",
    "aws_guardduty_organization_configuration.org_auto_enable_configuration",
    "aws_iam_service_linked_role.org_malware_protection_role",
  ]);
});

test("the management account is monitored by default: its own detector, then a member after the organization's features", () => {
  const { stack, management, security, synth } = orgStack();
  new GuardDutyOrganization(stack, "Org", {
    managementProvider: management, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: REGIONS,
  });
  const doc = synth();
  const detector = resources(doc, "aws_guardduty_detector").org_management_account_detector;
  expect(detector).toMatchObject({ provider: "aws.management", enable: true, for_each: { "eu-west-1": "eu-west-1", "me-south-1": "me-south-1", "us-east-1": "us-east-1" } });
  expect(detector.finding_publishing_frequency).toBeUndefined();
  const member = resources(doc, "aws_guardduty_member").org_management_account_member;
  expect(member).toMatchObject({
    provider: "aws.security",
    account_id: ACCOUNTS.management,
    detector_id: "${aws_guardduty_detector.org_administrator_detector[each.key].id}",
    email: "${data.aws_organizations_organization.org_lookup_organization.master_account_email}",
    lifecycle: { ignore_changes: ["invite", "email"], prevent_destroy: true },
  });
  expect(member.invite).toBeUndefined();
  expect(member.depends_on[0]).toBe("aws_guardduty_detector.org_management_account_detector");
  expect(member.depends_on).toContain("aws_guardduty_organization_configuration.org_auto_enable_configuration");
  expect(member.depends_on).toContain("aws_guardduty_organization_configuration_feature.org_auto_enable_feature_ebs_malware_protection");
});

test("the management account's email may be given, and its existing detectors adopted", () => {
  const { stack, management, security, synth } = orgStack();
  new GuardDutyOrganization(stack, "Org", {
    managementProvider: management, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: REGIONS,
    managementAccount: { email: "org-root@example.com", existingDetectorIds: { "us-east-1": "0123456789abcdef0123456789abcdef" } },
  });
  const doc = synth();
  expect(resources(doc, "aws_guardduty_member").org_management_account_member.email).toBe("org-root@example.com");
  expect(doc.import).toContainEqual({ to: 'aws_guardduty_detector.org_management_account_detector["us-east-1"]', id: "0123456789abcdef0123456789abcdef" });
});

test("monitor: false leaves the management account alone", () => {
  const { stack, management, security, synth } = orgStack();
  const org = new GuardDutyOrganization(stack, "Org", {
    managementProvider: management, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: REGIONS,
    managementAccount: { monitor: false },
  });
  expect(org.managementAccount).toBeUndefined();
  const doc = synth();
  expect(resources(doc, "aws_guardduty_detector").org_management_account_detector).toBeUndefined();
  expect(resources(doc, "aws_guardduty_member")).toEqual({});
});

test("without invited members or listed accounts, the only member is the management account", () => {
  const { stack, management, security, synth } = orgStack();
  const org = new GuardDutyOrganization(stack, "Org", {
    managementProvider: management, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: REGIONS,
  });
  expect(org.invited).toBeUndefined();
  expect(org.members).toBeUndefined();
  expect(Object.keys(resources(synth(), "aws_guardduty_member"))).toEqual(["org_management_account_member"]);
});

test("EBS malware protection: the management account's service-linked role, then the organization feature behind a trusted-access precondition", () => {
  const { stack, management, security, synth } = orgStack();
  new GuardDutyOrganization(stack, "Org", {
    managementProvider: management, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: REGIONS,
  });
  const doc = synth();
  expect(resources(doc, "aws_iam_service_linked_role").org_malware_protection_role).toMatchObject({
    provider: "aws.management", aws_service_name: "malware-protection.guardduty.amazonaws.com",
  });
  const feature = resources(doc, "aws_guardduty_organization_configuration_feature").org_auto_enable_feature_ebs_malware_protection;
  expect(feature.depends_on).toEqual([
    "aws_guardduty_organization_configuration.org_auto_enable_configuration", "aws_iam_service_linked_role.org_malware_protection_role",
  ]);
  expect(feature.lifecycle.precondition).toEqual([{
    condition: '${contains(data.aws_organizations_organization.org_lookup_organization.aws_service_access_principals, "malware-protection.guardduty.amazonaws.com")}',
    error_message: expect.stringContaining("aws organizations enable-aws-service-access --service-principal malware-protection.guardduty.amazonaws.com"),
  }]);
  expect(resources(doc, "aws_guardduty_organization_configuration_feature").org_auto_enable_feature_s3_data_events.lifecycle).toBeUndefined();
});

test("an existing malware-protection role is adopted by import, by its ARN", () => {
  const { stack, management, security, synth } = orgStack();
  new GuardDutyOrganization(stack, "Org", {
    managementProvider: management, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: REGIONS,
    managementAccount: { malwareProtectionRole: "existing" },
  });
  expect(synth().import).toContainEqual({
    to: "aws_iam_service_linked_role.org_malware_protection_role",
    id: `arn:aws:iam::${ACCOUNTS.management}:role/aws-service-role/malware-protection.guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDutyMalwareProtection`,
  });
});

test("without EBS malware protection there is no role and no trusted-access precondition", () => {
  const { stack, management, security, synth } = orgStack();
  const plans = resolvePlans({ EBS_MALWARE_PROTECTION: { enabled: false } }, "ALL");
  new GuardDutyOrganization(stack, "Org", {
    managementProvider: management, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: REGIONS, protectionPlans: plans,
  });
  const doc = synth();
  expect(resources(doc, "aws_iam_service_linked_role")).toEqual({});
  expect(JSON.stringify(doc)).not.toContain("aws_service_access_principals");
});

test("a construct without the home region (a split estate's other region) designates after it and writes no account-wide role", () => {
  const { stack, management, security, synth } = orgStack();
  new GuardDutyOrganization(stack, "Org", {
    managementProvider: management, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: ["us-east-1"], homeRegion: "eu-west-1",
  });
  const doc = synth();
  expect(Object.keys(resources(doc, "aws_guardduty_organization_admin_account"))).toEqual(["org_delegation_admin_account"]);
  expect(resources(doc, "aws_iam_service_linked_role")).toEqual({});
  // the feature still waits for trusted access
  expect(resources(doc, "aws_guardduty_organization_configuration_feature").org_auto_enable_feature_ebs_malware_protection.lifecycle.precondition)
    .toHaveLength(1);
});

test("listed organization accounts are enrolled now, and their overrides follow the enrolment", () => {
  const { stack, management, security, synth } = orgStack();
  new GuardDutyOrganization(stack, "Org", {
    managementProvider: management, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: REGIONS,
    memberOverrides: [
      { accountId: "123412341234", protectionPlans: { RUNTIME_MONITORING: false } },
      { accountId: "567856785678", email: "b@example.com", protectionPlans: {} },
    ],
  });
  const doc = synth();
  const members = resources(doc, "aws_guardduty_member").org_members_member;
  expect(members.depends_on).toContain("aws_guardduty_organization_configuration.org_auto_enable_configuration");
  expect(members.depends_on).toContain("aws_guardduty_organization_configuration_feature.org_auto_enable_feature_runtime_monitoring");
  const overrides = resources(doc, "aws_guardduty_member_detector_feature");
  expect(Object.keys(overrides)).toEqual(["org_member_overrides_runtime_monitoring_disabled"]);
  expect(overrides.org_member_overrides_runtime_monitoring_disabled.depends_on).toEqual(["aws_guardduty_member.org_members_member"]);
});

test("fails when the management account's ID is unknown and the management account is monitored", () => {
  const { stack, security } = orgStack();
  const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
  const bare = new AwsProvider(stack, "bare", { alias: "bare", region: "eu-west-1" });
  expect(() => new GuardDutyOrganization(stack, "Org", {
    managementProvider: bare, administratorProvider: security, administratorAccountId: ACCOUNTS.security, regions: REGIONS,
  })).toThrow(/managementAccountId is required to monitor the management account or for EBS malware protection/);
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

test("fails with every problem at once, before any part is created", () => {
  const { stack, security } = orgStack();
  const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
  const bare = new AwsProvider(stack, "bare", { alias: "bare", region: "eu-west-1" });
  expectAllReported(() => new GuardDutyOrganization(stack, "Org", {
    managementProvider: bare, administratorProvider: security, administratorAccountId: "2222", regions: ["eu-west-1", "mars-1"],
    findingPublishingFrequency: "5m" as never,
  }), 'GuardDutyOrganization "org/Org"', [
    ["administratorAccountId", 'administratorAccountId must be a 12-digit AWS account ID; got "2222"'],
    ["regions", 'regions must contain known AWS region codes (e.g. eu-west-1); got "mars-1"'],
    ["findingPublishingFrequency", 'findingPublishingFrequency must be one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS; got "5m"'],
    ["managementAccountId", "managementAccountId is required to monitor the management account or for EBS malware protection (the managementProvider pins no allowed_account_ids)"],
  ]);
  expect(stack.node.tryFindChild("Org")?.node.children ?? []).toEqual([]);
});
