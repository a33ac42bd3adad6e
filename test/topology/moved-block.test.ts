import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { TerraformStack, Testing } from "cdktf";
import { instanceAddress, MovedBlock } from "../../modules/topology/moved-block";

test("a moved block between two for_each instances, in JSON and in HCL (addresses unquoted)", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const d = new GuarddutyDetector(stack, "d", { forEach: undefined });
  d.overrideLogicalId("new_detector");
  const block = new MovedBlock(stack, "m", { from: 'aws_guardduty_detector.old["eu-west-1"]', to: instanceAddress(d, "eu-west-1") });
  expect(JSON.parse(Testing.synth(stack)).moved).toEqual([{ from: 'aws_guardduty_detector.old["eu-west-1"]', to: 'aws_guardduty_detector.new_detector["eu-west-1"]' }]);
  expect(block.toHclTerraform().moved[0].to).toMatchObject({ value: 'aws_guardduty_detector.new_detector["eu-west-1"]', storageClassType: "reference" });
});
