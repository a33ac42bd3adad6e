import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { resolvePlans } from "../../modules/config/estate-config";
import { AdministratorDetectors } from "../../modules/organization/administrator-detectors";
import { resources } from "../helpers";
import { orgStack, REGIONS } from "./fixtures";
import { expectAllReported } from "../topology/props-error";

test("one detector per region, from the administrator's provider, placed by the region argument", () => {
  const { stack, security, synth } = orgStack();
  new AdministratorDetectors(stack, "Admin", { provider: security, regions: REGIONS });
  const detectors = resources(synth(), "aws_guardduty_detector");
  expect(Object.keys(detectors)).toEqual(["admin_detector"]);
  const d = detectors.admin_detector;
  expect(Object.keys(d.for_each)).toEqual(["eu-west-1", "me-south-1", "us-east-1"]);
  expect(d).toMatchObject({ provider: "aws.security", region: "${each.key}", enable: true });
  expect(d.datasources).toBeUndefined();
});

test("sets the finding publishing frequency, FIFTEEN_MINUTES by default", () => {
  const { stack, security, synth } = orgStack();
  new AdministratorDetectors(stack, "Admin", { provider: security, regions: REGIONS });
  new AdministratorDetectors(stack, "Hourly", { provider: security, regions: REGIONS, findingPublishingFrequency: "ONE_HOUR" });
  const detectors = resources(synth(), "aws_guardduty_detector");
  expect(detectors.admin_detector.finding_publishing_frequency).toBe("FIFTEEN_MINUTES");
  expect(detectors.hourly_detector.finding_publishing_frequency).toBe("ONE_HOUR");
});

test("protection plans are detector features, by default every plan with Runtime Monitoring agent management", () => {
  const { stack, security, synth } = orgStack();
  new AdministratorDetectors(stack, "Admin", { provider: security, regions: REGIONS });
  const features = resources(synth(), "aws_guardduty_detector_feature");
  const byName = Object.fromEntries(Object.values(features).map((f: any) => [f.name, f]));
  expect(Object.keys(byName).sort()).toEqual([
    "EBS_MALWARE_PROTECTION", "EKS_AUDIT_LOGS", "LAMBDA_NETWORK_LOGS", "RDS_LOGIN_EVENTS", "RUNTIME_MONITORING", "S3_DATA_EVENTS",
  ]);
  for (const f of Object.values(byName) as any[]) {
    expect(f.status).toBe("ENABLED");
    expect(Object.keys(f.for_each)).toEqual(["eu-west-1", "me-south-1", "us-east-1"]);
    expect(f.detector_id).toBe("${aws_guardduty_detector.admin_detector[each.key].id}");
  }
  expect(byName.RUNTIME_MONITORING.additional_configuration).toEqual([
    { name: "EKS_ADDON_MANAGEMENT", status: "ENABLED" },
    { name: "ECS_FARGATE_AGENT_MANAGEMENT", status: "ENABLED" },
    { name: "EC2_AGENT_MANAGEMENT", status: "ENABLED" },
  ]);
  expect(features.admin_feature_runtime_monitoring).toBeDefined();
});

test("a disabled plan and a disabled agent are written as DISABLED, not left out", () => {
  const { stack, security, synth } = orgStack();
  const plans = resolvePlans({ S3_DATA_EVENTS: { enabled: false }, RUNTIME_MONITORING: { agentManagement: { EC2_AGENT_MANAGEMENT: false } } }, "ALL");
  new AdministratorDetectors(stack, "Admin", { provider: security, regions: REGIONS, protectionPlans: plans });
  const features = resources(synth(), "aws_guardduty_detector_feature");
  expect(features.admin_feature_s3_data_events.status).toBe("DISABLED");
  expect(features.admin_feature_runtime_monitoring.additional_configuration).toContainEqual({ name: "EC2_AGENT_MANAGEMENT", status: "DISABLED" });
});

test("adopts an existing detector with an import block into its region's instance", () => {
  const { stack, security, synth } = orgStack();
  new AdministratorDetectors(stack, "Admin", {
    provider: security, regions: REGIONS, existingDetectorIds: { "us-east-1": "12abc34d567e8fa901bc2d34e56789f0" },
  });
  const doc = synth();
  expect(doc.import).toEqual([{ to: 'aws_guardduty_detector.admin_detector["us-east-1"]', id: "12abc34d567e8fa901bc2d34e56789f0" }]);
  expect(Object.keys(resources(doc, "aws_guardduty_detector").admin_detector.for_each)).toContain("us-east-1");
});

test("exposes per-region ID and ARN references", () => {
  const { stack, security, synth } = orgStack();
  const admin = new AdministratorDetectors(stack, "Admin", { provider: security, regions: REGIONS });
  new TerraformOutput(stack, "id", { value: admin.detectorId("me-south-1") });
  new TerraformOutput(stack, "arn", { value: admin.detectorArn("eu-west-1") });
  const out = synth().output!;
  expect(out.id.value).toBe('${aws_guardduty_detector.admin_detector["me-south-1"].id}');
  expect(out.arn.value).toBe('${aws_guardduty_detector.admin_detector["eu-west-1"].arn}');
  expect(() => admin.detectorId("ap-south-1")).toThrow(/region must be one of the administrator's regions \(eu-west-1, me-south-1, us-east-1\); got "ap-south-1"/);
});

test("fails on an unknown frequency, naming the allowed ones", () => {
  const { stack, security } = orgStack();
  expect(() => new AdministratorDetectors(stack, "Admin", { provider: security, regions: REGIONS, findingPublishingFrequency: "5m" as any }))
    .toThrow(/findingPublishingFrequency must be one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS; got "5m"/);
});

test("fails on an existing detector of an unconfigured region", () => {
  const { stack, security } = orgStack();
  expect(() => new AdministratorDetectors(stack, "Admin", { provider: security, regions: ["eu-west-1"], existingDetectorIds: { "us-east-1": "x" } }))
    .toThrow(/existingDetectorIds has region "us-east-1", which is not one of regions \(eu-west-1\)/);
});

test("fails on no regions, unknown or repeated regions", () => {
  const { stack, security } = orgStack();
  expect(() => new AdministratorDetectors(stack, "A", { provider: security, regions: [] })).toThrow(/regions must list at least one region; got \[\]/);
  expect(() => new AdministratorDetectors(stack, "B", { provider: security, regions: ["eu-wst-1"] })).toThrow(/known AWS region codes.*got "eu-wst-1"/);
  expect(() => new AdministratorDetectors(stack, "C", { provider: security, regions: ["eu-west-1", "eu-west-1"] })).toThrow(/must not repeat a region; got "eu-west-1" twice/);
});

test("fails on a provider from another stack", () => {
  const { stack } = orgStack();
  const other = new TerraformStack(Testing.app(), "other");
  const foreign = new AwsProvider(other, "aws", { region: "eu-west-1", alias: "security" });
  expect(() => new AdministratorDetectors(stack, "Admin", { provider: foreign, regions: REGIONS }))
    .toThrow(/provider must be a provider of stack "org"; got provider "security" of stack "other"/);
});

test("lists every region's detector references, for the export and notification constructs", () => {
  const { stack, security, synth } = orgStack();
  const admin = new AdministratorDetectors(stack, "Admin", { provider: security, regions: REGIONS });
  const refs = admin.detectorRefs();
  expect(refs.map((r) => r.region)).toEqual(["eu-west-1", "me-south-1", "us-east-1"]);
  new TerraformOutput(stack, "arn", { value: refs[1].detectorArn });
  expect(synth().output!.arn.value).toBe('${aws_guardduty_detector.admin_detector["me-south-1"].arn}');
});

test("a plan's excluded regions get no feature there, and a plan excluded everywhere gets none", () => {
  const { stack, security, synth } = orgStack();
  const plans = resolvePlans({ RDS_LOGIN_EVENTS: { excludeRegions: ["me-south-1"] }, LAMBDA_NETWORK_LOGS: { excludeRegions: REGIONS } }, "ALL");
  new AdministratorDetectors(stack, "Admin", { provider: security, regions: REGIONS, protectionPlans: plans });
  const features = resources(synth(), "aws_guardduty_detector_feature");
  expect(Object.keys(features.admin_feature_rds_login_events.for_each)).toEqual(["eu-west-1", "us-east-1"]);
  expect(Object.keys(features.admin_feature_s3_data_events.for_each)).toEqual(["eu-west-1", "me-south-1", "us-east-1"]);
  expect(features.admin_feature_lambda_network_logs).toBeUndefined();
});

test("fails with every problem at once: an unknown region, an unknown frequency and an existing detector elsewhere", () => {
  const { stack, security } = orgStack();
  expectAllReported(() => new AdministratorDetectors(stack, "Admin", {
    provider: security, regions: ["eu-west-1", "mars-1"], findingPublishingFrequency: "5m" as any, existingDetectorIds: { "us-east-1": "x" },
  }), 'AdministratorDetectors "org/Admin"', [
    ["regions", 'regions must contain known AWS region codes (e.g. eu-west-1); got "mars-1"'],
    ["findingPublishingFrequency", 'findingPublishingFrequency must be one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS; got "5m"'],
    ["existingDetectorIds.us-east-1", 'existingDetectorIds has region "us-east-1", which is not one of regions (eu-west-1, mars-1)'],
  ]);
});
