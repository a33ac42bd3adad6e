/**
 * What a first `terraform apply` on a real organization needs, asserted on the estate's synthesized JSON: an estate with
 * organization-member overrides and invited members, with the management account monitored and not.
 */
import { instanceArgument, resourceInstances } from "../../modules/review/synthesized";
import { resources } from "../helpers";
import { exampleRaw, synthEstate } from "./fixtures";

const REGIONS = ["eu-west-1", "me-south-1", "us-east-1"];
const LISTED = ["123412341234", "567856785678"];

function estate(monitor: boolean) {
  const raw = exampleRaw();
  raw.organizationMembers = [
    { accountId: "123412341234", protectionPlans: { RUNTIME_MONITORING: false, EKS_AUDIT_LOGS: false } },
    { accountId: "567856785678", email: "b@example.com" },
  ];
  if (!monitor) raw.managementAccount = { monitor: false };
  return synthEstate(raw).doc;
}

describe.each([true, false])("management account monitored: %s", (monitor) => {
  const doc = estate(monitor);
  const instances = resourceInstances(doc as any);

  test("each listed account is enrolled in every region from the administrator, after the organization configuration and its features", () => {
    const members = instances.filter((i) => i.name === "estate_organization_members_member");
    expect(members.map((m) => m.key)).toEqual(REGIONS.flatMap((r) => LISTED.map((a) => `${r}/${a}`)));
    expect(members.every((m) => m.providerAlias === "security")).toBe(true);
    const block = resources(doc, "aws_guardduty_member").estate_organization_members_member;
    expect(block.depends_on).toEqual(expect.arrayContaining([
      "aws_guardduty_organization_configuration.estate_organization_auto_enable_configuration",
      ...["ebs_malware_protection", "eks_audit_logs", "lambda_network_logs", "rds_login_events", "runtime_monitoring", "s3_data_events"]
        .map((p) => `aws_guardduty_organization_configuration_feature.estate_organization_auto_enable_feature_${p}`),
    ]));
    expect(block.lifecycle).toMatchObject({ ignore_changes: ["invite", "email"], prevent_destroy: true });
  });

  test("overrides follow the enrolment and state what Read returns", () => {
    const overrides = resources(doc, "aws_guardduty_member_detector_feature");
    const rm = overrides.estate_organization_member_overrides_runtime_monitoring_disabled;
    expect(rm.depends_on).toEqual(["aws_guardduty_member.estate_organization_members_member"]);
    expect(rm.additional_configuration.map((a: any) => a.name)).toEqual(["EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT"]);
    const keys = instances.filter((i) => i.name === "estate_organization_member_overrides_runtime_monitoring_disabled").map((i) => i.key);
    expect(keys).toEqual(REGIONS.map((r) => `${r}/123412341234`));
  });

  test("the home region is designated first, the others after it", () => {
    const designations = resources(doc, "aws_guardduty_organization_admin_account");
    expect(Object.keys(designations.estate_organization_delegation_first_admin_account.for_each)).toEqual(["eu-west-1"]);
    expect(designations.estate_organization_delegation_admin_account.depends_on[0])
      .toBe("aws_guardduty_organization_admin_account.estate_organization_delegation_first_admin_account");
  });

  test("invited members get the estate's plans after they accept", () => {
    const f = resources(doc, "aws_guardduty_member_detector_feature").estate_organization_invited_feature_runtime_monitoring;
    expect(f.depends_on).toEqual(["aws_guardduty_invite_accepter.estate_organization_invited_member_444455556666_accepter"]);
  });

  test("the plan-time checks are present: listed accounts in the organization, trusted access, opt-in regions", () => {
    const member = resources(doc, "aws_guardduty_member").estate_organization_members_member;
    expect(member.lifecycle.precondition).toHaveLength(1);
    const ebs = resources(doc, "aws_guardduty_organization_configuration_feature").estate_organization_auto_enable_feature_ebs_malware_protection;
    expect(ebs.lifecycle.precondition[0].condition).toContain('"malware-protection.guardduty.amazonaws.com"');
    expect(Object.keys(doc.data!.aws_regions).sort()).toEqual([
      "estate_organization_invited_member_444455556666_regions_enabled", "estate_organization_management_regions_enabled",
      "estate_organization_security_regions_enabled",
    ]);
  });

  test(monitor ? "the management account has its own detectors and is a member" : "the management account is left alone", () => {
    const detectors = instances.filter((i) => i.name === "estate_organization_management_account_detector");
    const member = instances.filter((i) => i.name === "estate_organization_management_account_member");
    if (!monitor) {
      expect([detectors, member]).toEqual([[], []]);
      return;
    }
    expect(detectors.map((d) => [d.key, d.providerAlias])).toEqual(REGIONS.map((r) => [r, "management"]));
    expect(member.map((m) => [m.key, m.providerAlias, instanceArgument(m, "account_id")])).toEqual(REGIONS.map((r) => [r, "security", "111111111111"]));
  });
});
