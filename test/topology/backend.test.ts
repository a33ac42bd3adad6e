import { Testing, TerraformStack } from "cdktf";
import { configureBackend } from "../../modules/topology/backend";

function backendOf(stack: TerraformStack) {
  return JSON.parse(Testing.synth(stack)).terraform.backend;
}

test("a local state path is written relative to the stack's working directory", () => {
  const stack = new TerraformStack(Testing.app(), "guardduty");
  configureBackend(stack, { type: "local", path: "state/guardduty.tfstate" });
  expect(backendOf(stack)).toEqual({ local: { path: "../../../state/guardduty.tfstate" } });
});

test("the local state defaults to terraform.<stack>.tfstate at the project root", () => {
  const stack = new TerraformStack(Testing.app(), "guardduty");
  configureBackend(stack, { type: "local" });
  expect(backendOf(stack)).toEqual({ local: { path: "../../../terraform.guardduty.tfstate" } });
});

test("S3 state is encrypted and locked with use_lockfile by default", () => {
  const stack = new TerraformStack(Testing.app(), "guardduty");
  configureBackend(stack, { type: "s3", bucket: "tf-state", key: "guardduty.tfstate", region: "eu-west-1" });
  expect(backendOf(stack)).toEqual({
    s3: { bucket: "tf-state", key: "guardduty.tfstate", region: "eu-west-1", encrypt: true, use_lockfile: true },
  });
});

test("S3 state can assume a role and use a KMS key, and turn the lock file off", () => {
  const stack = new TerraformStack(Testing.app(), "guardduty");
  configureBackend(stack, {
    type: "s3", bucket: "tf-state", key: "k", region: "eu-west-1", useLockfile: false,
    roleArn: "arn:aws:iam::111122223333:role/State", kmsKeyId: "alias/state",
  });
  const s3 = backendOf(stack).s3;
  expect(s3.use_lockfile).toBe(false);
  expect(s3.assume_role).toEqual({ role_arn: "arn:aws:iam::111122223333:role/State" });
  expect(s3.kms_key_id).toBe("alias/state");
});
