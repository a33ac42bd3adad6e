import { resolvePlans } from "../../modules/config/estate-config";
import { OrganizationAutoEnable } from "../../modules/organization/organization-auto-enable";
import { resources } from "../helpers";
import { orgStack, REGIONS } from "./fixtures";
import { expectAllReported } from "../topology/props-error";

const EACH = "${aws_guardduty_detector.admin_detector[each.key].id}";

test("auto-enables ALL organization members in every region by default", () => {
  const { stack, security, synth } = orgStack();
  new OrganizationAutoEnable(stack, "AutoEnable", { provider: security, regions: REGIONS, eachDetectorId: EACH });
  const config = resources(synth(), "aws_guardduty_organization_configuration").auto_enable_configuration;
  expect(config).toMatchObject({ provider: "aws.security", region: "${each.key}", detector_id: EACH, auto_enable_organization_members: "ALL" });
  expect(Object.keys(config.for_each)).toEqual(["eu-west-1", "me-south-1", "us-east-1"]);
  expect(config.datasources).toBeUndefined();
});

test("plans are organization configuration features, with agent management, after the configuration", () => {
  const { stack, security, synth } = orgStack();
  const plans = resolvePlans({ LAMBDA_NETWORK_LOGS: { autoEnable: "NEW" }, RUNTIME_MONITORING: { agentManagement: { EC2_AGENT_MANAGEMENT: false } } }, "ALL");
  new OrganizationAutoEnable(stack, "AutoEnable", { provider: security, regions: REGIONS, eachDetectorId: EACH, protectionPlans: plans });
  const features = resources(synth(), "aws_guardduty_organization_configuration_feature");
  expect(features.auto_enable_feature_lambda_network_logs.auto_enable).toBe("NEW");
  expect(features.auto_enable_feature_s3_data_events.auto_enable).toBe("ALL");
  expect(features.auto_enable_feature_runtime_monitoring.additional_configuration).toEqual([
    { name: "EKS_ADDON_MANAGEMENT", auto_enable: "ALL" },
    { name: "ECS_FARGATE_AGENT_MANAGEMENT", auto_enable: "ALL" },
    { name: "EC2_AGENT_MANAGEMENT", auto_enable: "NONE" },
  ]);
  for (const f of Object.values(features) as any[]) {
    expect(f.depends_on).toEqual(["aws_guardduty_organization_configuration.auto_enable_configuration"]);
  }
});

test("NEW auto-enable applies to the configuration and, by default, to every plan", () => {
  const { stack, security, synth } = orgStack();
  new OrganizationAutoEnable(stack, "AutoEnable", { provider: security, regions: REGIONS, eachDetectorId: EACH, autoEnableOrganizationMembers: "NEW" });
  const doc = synth();
  expect(resources(doc, "aws_guardduty_organization_configuration").auto_enable_configuration.auto_enable_organization_members).toBe("NEW");
  for (const f of Object.values(resources(doc, "aws_guardduty_organization_configuration_feature")) as any[]) expect(f.auto_enable).toBe("NEW");
});

test("a disabled plan auto-enables nowhere", () => {
  const { stack, security, synth } = orgStack();
  const plans = resolvePlans({ EBS_MALWARE_PROTECTION: { enabled: false } }, "ALL");
  new OrganizationAutoEnable(stack, "AutoEnable", { provider: security, regions: REGIONS, eachDetectorId: EACH, protectionPlans: plans });
  expect(resources(synth(), "aws_guardduty_organization_configuration_feature").auto_enable_feature_ebs_malware_protection.auto_enable).toBe("NONE");
});

test("fails on an unknown auto-enable value", () => {
  const { stack, security } = orgStack();
  expect(() => new OrganizationAutoEnable(stack, "A", { provider: security, regions: REGIONS, eachDetectorId: EACH, autoEnableOrganizationMembers: "SOME" as any }))
    .toThrow(/autoEnableOrganizationMembers must be one of ALL, NEW, NONE; got "SOME"/);
});

test("a plan's excluded regions get no organization feature there", () => {
  const { stack, security, synth } = orgStack();
  const plans = resolvePlans({ RUNTIME_MONITORING: { excludeRegions: ["me-south-1"] } }, "ALL");
  new OrganizationAutoEnable(stack, "AutoEnable", { provider: security, regions: REGIONS, eachDetectorId: EACH, protectionPlans: plans });
  const f = resources(synth(), "aws_guardduty_organization_configuration_feature").auto_enable_feature_runtime_monitoring;
  expect(Object.keys(f.for_each)).toEqual(["eu-west-1", "us-east-1"]);
});

test("fails with every problem at once: an unknown region and an unknown auto-enable value", () => {
  const { stack, security } = orgStack();
  expectAllReported(() => new OrganizationAutoEnable(stack, "A", {
    provider: security, regions: ["mars-1"], eachDetectorId: EACH, autoEnableOrganizationMembers: "SOME" as any,
  }), 'OrganizationAutoEnable "org/A"', [
    ["regions", 'regions must contain known AWS region codes (e.g. eu-west-1); got "mars-1"'],
    ["autoEnableOrganizationMembers", 'autoEnableOrganizationMembers must be one of ALL, NEW, NONE; got "SOME"'],
  ]);
});
