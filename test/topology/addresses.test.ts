import { Testing, TerraformStack } from "cdktf";
import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { Construct } from "constructs";
import { named, snakeName } from "../../modules/topology/addresses";
import { ImportBlock } from "../../modules/topology/import-block";
import { regionIterator } from "../../modules/topology/for-each";

test("construct ids become snake-case name parts", () => {
  expect(snakeName("AdminDetector")).toBe("admin_detector");
  expect(snakeName("Member-444455556666")).toBe("member_444455556666");
  expect(snakeName("FeatureS3DataEvents")).toBe("feature_s3_data_events");
  expect(snakeName("SIEMReader")).toBe("siem_reader");
});

test("named resources are addressed by their construct path, without a hash", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const scope = new Construct(stack, "Estate");
  const d = named(new GuarddutyDetector(scope, "AdminDetector", { enable: true }));
  expect(Object.keys(JSON.parse(Testing.synth(stack)).resource.aws_guardduty_detector)).toEqual(["estate_admin_detector"]);
  expect(d.friendlyUniqueId).toBe("estate_admin_detector");
});

test("region iterators are keyed by region, sorted, whatever the input order", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const it = regionIterator(["us-east-1", "eu-west-1", "me-south-1"]);
  named(new GuarddutyDetector(stack, "D", { forEach: it, region: it.key }));
  const body = JSON.parse(Testing.synth(stack)).resource.aws_guardduty_detector.d;
  expect(Object.keys(body.for_each)).toEqual(["eu-west-1", "me-south-1", "us-east-1"]);
  expect(body.region).toBe("${each.key}");
});

test("an import block adopts one for_each instance, without a provider argument", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const it = regionIterator(["eu-west-1"]);
  const d = named(new GuarddutyDetector(stack, "D", { forEach: it, region: it.key }));
  new ImportBlock(stack, "I", { resource: d, key: "eu-west-1", importId: "0123456789abcdef0123456789abcdef" });
  expect(JSON.parse(Testing.synth(stack)).import).toEqual([
    { to: 'aws_guardduty_detector.d["eu-west-1"]', id: "0123456789abcdef0123456789abcdef" },
  ]);
});
