import { AdministratorDetectors } from "../../modules/organization/administrator-detectors";
import { MemberFeatureOverrides } from "../../modules/organization/member-feature-overrides";
import { resourceInstances } from "../../modules/review/synthesized";
import { resolvePlans } from "../../modules/config/estate-config";
import { PROTECTION_PLANS } from "../../modules/config/estate-schema";
import { resources } from "../helpers";
import { orgStack, REGIONS } from "./fixtures";
import { expectAllReported } from "../topology/props-error";

function build(members: ConstructorParameters<typeof MemberFeatureOverrides>[2]["members"]) {
  const ctx = orgStack();
  const admin = new AdministratorDetectors(ctx.stack, "Admin", { provider: ctx.security, regions: REGIONS });
  new MemberFeatureOverrides(ctx.stack, "Overrides", { provider: ctx.security, administratorDetector: admin.detector, regions: REGIONS, members });
  return ctx.synth();
}

test("one resource per plan and status, keyed region/account, from the administrator", () => {
  const doc = build([
    { accountId: "123412341234", protectionPlans: { EKS_AUDIT_LOGS: false, RDS_LOGIN_EVENTS: true } },
    { accountId: "567856785678", protectionPlans: { EKS_AUDIT_LOGS: false } },
  ]);
  const features = resources(doc, "aws_guardduty_member_detector_feature");
  expect(Object.keys(features).sort()).toEqual(["overrides_eks_audit_logs_disabled", "overrides_rds_login_events_enabled"]);
  expect(features.overrides_eks_audit_logs_disabled).toMatchObject({
    provider: "aws.security", name: "EKS_AUDIT_LOGS", status: "DISABLED", region: "${each.value.region}", account_id: "${each.value.account_id}",
    detector_id: "${aws_guardduty_detector.admin_detector[each.value.region].id}",
  });
  const keys = resourceInstances(doc as any).filter((i) => i.name === "overrides_eks_audit_logs_disabled").map((i) => i.key);
  expect(keys).toEqual(REGIONS.slice().sort().flatMap((r) => [`${r}/123412341234`, `${r}/567856785678`]));
});

test("the document grows with accounts, not accounts x regions", () => {
  const members = (n: number) => Array.from({ length: n }, (_, i) => ({ accountId: String(100000000000 + i), protectionPlans: { EKS_AUDIT_LOGS: false } }));
  const size = (n: number) => JSON.stringify(build(members(n))).length;
  const perAccount = (size(200) - size(100)) / 100;
  expect(perAccount).toBeLessThan(20); // one quoted account ID and a comma
});

test("fails on an unknown plan or a repeated account", () => {
  expect(() => build([{ accountId: "123412341234", protectionPlans: { S3: true } as any }])).toThrow(/protectionPlans has "S3"; allowed: S3_DATA_EVENTS/);
  const m = { accountId: "123412341234", protectionPlans: { EKS_AUDIT_LOGS: false } };
  expect(() => build([m, m])).toThrow(/members must not repeat an account; got 123412341234 twice/);
});

test("a Runtime Monitoring override states its three agent settings, in the API's order, as Read stores them", () => {
  const doc = build([
    { accountId: "123412341234", protectionPlans: { RUNTIME_MONITORING: true } },
    { accountId: "567856785678", protectionPlans: { RUNTIME_MONITORING: false } },
  ]);
  const features = resources(doc, "aws_guardduty_member_detector_feature");
  expect(features.overrides_runtime_monitoring_enabled.additional_configuration).toEqual([
    { name: "EKS_ADDON_MANAGEMENT", status: "ENABLED" },
    { name: "ECS_FARGATE_AGENT_MANAGEMENT", status: "ENABLED" },
    { name: "EC2_AGENT_MANAGEMENT", status: "ENABLED" },
  ]);
  expect(features.overrides_runtime_monitoring_disabled.additional_configuration).toEqual([
    { name: "EKS_ADDON_MANAGEMENT", status: "DISABLED" },
    { name: "ECS_FARGATE_AGENT_MANAGEMENT", status: "DISABLED" },
    { name: "EC2_AGENT_MANAGEMENT", status: "DISABLED" },
  ]);
});

test("an enabled override follows the estate's agent management; plans without agents carry none", () => {
  const ctx = orgStack();
  const admin = new AdministratorDetectors(ctx.stack, "Admin", { provider: ctx.security, regions: REGIONS });
  const plans = resolvePlans({ RUNTIME_MONITORING: { agentManagement: { EC2_AGENT_MANAGEMENT: false } } }, "ALL");
  new MemberFeatureOverrides(ctx.stack, "Overrides", {
    provider: ctx.security, administratorDetector: admin.detector, regions: REGIONS, protectionPlans: plans,
    members: [{ accountId: "123412341234", protectionPlans: { RUNTIME_MONITORING: true, EKS_AUDIT_LOGS: false } }],
  });
  const features = resources(ctx.synth(), "aws_guardduty_member_detector_feature");
  expect(features.overrides_runtime_monitoring_enabled.additional_configuration.map((a: any) => a.status)).toEqual(["ENABLED", "ENABLED", "DISABLED"]);
  expect(features.overrides_eks_audit_logs_disabled.additional_configuration).toBeUndefined();
});

test("fails with every problem at once: a malformed ID, an unknown plan and a repeated account", () => {
  const m = { accountId: "123412341234", protectionPlans: { EKS_AUDIT_LOGS: false } };
  expectAllReported(() => build([{ accountId: "1234", protectionPlans: {} }, { accountId: "123412341234", protectionPlans: { S3: true } as any }, m]),
    'MemberFeatureOverrides "org/Overrides"', [
      ["members[].accountId", 'members[].accountId must be a 12-digit AWS account ID; got "1234"'],
      ["members[123412341234].protectionPlans", `members[123412341234].protectionPlans has "S3"; allowed: ${PROTECTION_PLANS.join(", ")}`],
      ["members", "members must not repeat an account; got 123412341234 twice"],
    ]);
});
