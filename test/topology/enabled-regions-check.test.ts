import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { EnabledRegionsCheck } from "../../modules/topology/enabled-regions-check";
import type { SynthDoc } from "../helpers";

function build(regions: string[], role = "security") {
  const stack = new TerraformStack(Testing.app(), "s");
  const provider = new AwsProvider(stack, "security", { alias: "security", region: "eu-west-1" });
  const check = new EnabledRegionsCheck(stack, "Regions", { provider, accountId: "222222222222", role, regions });
  return { check, doc: JSON.parse(Testing.synth(stack)) as SynthDoc };
}

test("opt-in regions are checked against the account's enabled regions, with a message naming the account and the command", () => {
  const { doc, check } = build(["us-east-1", "me-south-1", "af-south-1"]);
  expect(check.optInRegions).toEqual(["af-south-1", "me-south-1"]);
  const data = doc.data!.aws_regions.regions_enabled;
  expect(data.provider).toBe("aws.security");
  expect(data.all_regions).toBeUndefined(); // only the regions enabled for the account
  const [post] = data.lifecycle.postcondition;
  expect(post.condition).toBe('${length(setsubtract(["af-south-1","me-south-1"], self.names)) == 0}');
  expect(post.error_message).toContain("The security account 222222222222 has not enabled the opt-in region(s) ${join(\", \", sort(setsubtract(");
  expect(post.error_message).toContain("aws account enable-region --account-id 222222222222 --region-name af-south-1");
  expect(post.error_message).toContain("Nothing was changed.");
});

test("the management account enables its own regions without --account-id", () => {
  const { doc } = build(["me-south-1"], "management");
  expect(doc.data!.aws_regions.regions_enabled.lifecycle.postcondition[0].error_message).toContain("aws account enable-region --region-name me-south-1");
});

test("no data source when no region is opt-in", () => {
  const { doc, check } = build(["eu-west-1", "us-east-1"]);
  expect(check.regionsData).toBeUndefined();
  expect(doc.data).toBeUndefined();
});
