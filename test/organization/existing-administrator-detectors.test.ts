import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { GuarddutyPublishingDestination } from "@cdktf/provider-aws/lib/guardduty-publishing-destination";
import { AdministratorDetectors } from "../../modules/organization/administrator-detectors";
import { ExistingAdministratorDetectors } from "../../modules/organization/existing-administrator-detectors";
import { orgStack, REGIONS } from "./fixtures";

test("reads the administrator's detector in every region with one data source, for_each keyed by region", () => {
  const { stack, security, synth } = orgStack();
  new ExistingAdministratorDetectors(stack, "Admin", { provider: security, regions: REGIONS });
  const doc = synth();
  expect(doc.resource).toBeUndefined();
  expect(Object.keys(doc.data!.aws_guardduty_detector)).toEqual(["admin_detector"]);
  expect(doc.data!.aws_guardduty_detector.admin_detector).toMatchObject({
    provider: "aws.security",
    region: "${each.key}",
    for_each: { "eu-west-1": "eu-west-1", "me-south-1": "me-south-1", "us-east-1": "us-east-1" },
  });
});

test("answers like AdministratorDetectors, with references to the data source", () => {
  const { stack, security, synth } = orgStack();
  const existing = new ExistingAdministratorDetectors(stack, "Admin", { provider: security, regions: REGIONS });
  const created = new AdministratorDetectors(stack, "Created", { provider: security, regions: REGIONS });
  expect(existing.regions).toEqual(created.regions);
  new GuarddutyPublishingDestination(stack, "Destination", {
    provider: security,
    region: "us-east-1",
    detectorId: existing.detectorId("us-east-1"),
    destinationArn: existing.detectorArn("eu-west-1"),
    kmsKeyArn: existing.eachDetectorId,
  });
  const destination = Object.values(synth().resource!.aws_guardduty_publishing_destination)[0] as any;
  expect(destination.detector_id).toBe('${data.aws_guardduty_detector.admin_detector["us-east-1"].id}');
  expect(destination.destination_arn).toBe('${data.aws_guardduty_detector.admin_detector["eu-west-1"].arn}');
  expect(destination.kms_key_arn).toBe("${data.aws_guardduty_detector.admin_detector[each.key].id}");
});

test("lists every region's detector references, for the export and notification constructs", () => {
  const { stack, security } = orgStack();
  const refs = new ExistingAdministratorDetectors(stack, "Admin", { provider: security, regions: ["us-east-1", "eu-west-1"] }).detectorRefs();
  expect(refs.map((r) => r.region)).toEqual(["eu-west-1", "us-east-1"]);
  new TerraformOutput(stack, "arn", { value: refs[1].detectorArn });
  expect(JSON.parse(Testing.synth(stack)).output.arn.value).toBe('${data.aws_guardduty_detector.admin_detector["us-east-1"].arn}');
});

test("fails on a region it does not read", () => {
  const { stack, security } = orgStack();
  const existing = new ExistingAdministratorDetectors(stack, "Admin", { provider: security, regions: ["eu-west-1"] });
  expect(() => existing.detectorId("us-east-1")).toThrow('region must be one of the administrator\'s regions (eu-west-1); got "us-east-1"');
  expect(() => existing.detectorArn("us-east-1")).toThrow(/got "us-east-1"/);
});

test("fails on no region, an unknown region or a repeated one", () => {
  const { stack, security } = orgStack();
  expect(() => new ExistingAdministratorDetectors(stack, "A", { provider: security, regions: [] })).toThrow("regions must list at least one region; got []");
  expect(() => new ExistingAdministratorDetectors(stack, "B", { provider: security, regions: ["eu-wst-1"] })).toThrow(/got "eu-wst-1"/);
  expect(() => new ExistingAdministratorDetectors(stack, "C", { provider: security, regions: ["eu-west-1", "eu-west-1"] }))
    .toThrow(/must not repeat a region; got "eu-west-1" twice/);
});

test("fails on a provider of another stack", () => {
  const { stack } = orgStack();
  const other = new TerraformStack(Testing.app(), "other");
  const foreign = new AwsProvider(other, "security", { alias: "security", region: "eu-west-1" });
  expect(() => new ExistingAdministratorDetectors(stack, "Admin", { provider: foreign, regions: REGIONS }))
    .toThrow('provider must be a provider of stack "org"; got provider "security" of stack "other"');
});
