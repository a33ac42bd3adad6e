import { TerraformStack, Testing } from "cdktf";
import { RemovedBlock } from "../../modules/topology/removed-block";

test("removed blocks with destroy = false, in JSON and in HCL (address unquoted)", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const bucket = new RemovedBlock(stack, "bucket", { from: "aws_s3_bucket.findings" });
  new RemovedBlock(stack, "key", { from: "aws_kms_key.findings" });
  expect(JSON.parse(Testing.synth(stack)).removed).toEqual([
    { from: "aws_s3_bucket.findings", lifecycle: { destroy: false } },
    { from: "aws_kms_key.findings", lifecycle: { destroy: false } },
  ]);
  expect(bucket.toHclTerraform().removed[0]).toMatchObject({
    from: { value: "aws_s3_bucket.findings", storageClassType: "reference" }, lifecycle: { destroy: false },
  });
});

test("refuses an instance address: removed blocks name whole resources", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  expect(() => new RemovedBlock(stack, "b", { from: 'aws_s3_bucket.findings["eu-west-1"]' }))
    .toThrow('RemovedBlock b: from: expected a resource address without instance key, e.g. aws_s3_bucket.findings; got "aws_s3_bucket.findings[\\"eu-west-1\\"]"');
});

test("cdk.tf (cdktf synth --hcl) carries the removed blocks, which cdktf's own renderer drops", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  new RemovedBlock(stack, "bucket", { from: "aws_s3_bucket.findings" });
  expect(stack.toHclTerraform().hcl).toContain("removed {\n  from = aws_s3_bucket.findings\n  lifecycle {\n    destroy = false\n  }\n}");
});
