import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import { parseEstate } from "../../modules/config/load";
import { EstateStack } from "../../modules/estate/estate-stack";
import {
  configureBackend, S3_LOCKFILE_TARGET_VERSIONS, S3LockfileBackend, TARGET_VERSIONS_CONTEXT_KEY,
} from "../../modules/topology/backend";
import { TEST_RUNTIME } from "../consumer/runtimes";
import { exampleRaw } from "../estate/fixtures";

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

describe("target versions (CDK Terrain checks S3-native locking against them; cdktf ignores them)", () => {
  const KEY = TARGET_VERSIONS_CONTEXT_KEY;
  const s3 = { type: "s3", bucket: "tf-state", key: "guardduty.tfstate", region: "eu-west-1" } as const;

  test("an S3 backend with the lock file declares Terraform and OpenTofu >= 1.10 on its stack, which then synthesizes with validations", () => {
    const stack = new TerraformStack(Testing.app(), "guardduty");
    configureBackend(stack, s3);
    expect(stack.node.tryGetContext(KEY)).toEqual({ terraform: ">=1.10.0", opentofu: ">=1.10.0" });
    expect(S3_LOCKFILE_TARGET_VERSIONS).toEqual({ terraform: ">=1.10.0", opentofu: ">=1.10.0" });
    expect(JSON.parse(Testing.synth(stack, true)).terraform.backend.s3.use_lockfile).toBe(true);
  });

  test("the estate stack declares them for its S3 backend, and synthesizes with validations on both runtimes", () => {
    const raw = exampleRaw();
    raw.backend = { type: "s3", bucket: "tf-state", key: "guardduty.tfstate", region: "eu-west-1" };
    const stack = new EstateStack(Testing.app(), parseEstate(raw));
    expect(stack.node.tryGetContext(KEY)).toEqual(S3_LOCKFILE_TARGET_VERSIONS);
    expect(JSON.parse(Testing.synth(stack, true)).terraform.backend.s3).toMatchObject({ use_lockfile: true, encrypt: true });
  });

  test("a backend added after other constructs declares them on itself (a stack's context is fixed once it has children)", () => {
    const stack = new TerraformStack(Testing.app(), "guardduty");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const backend = configureBackend(stack, s3) as S3LockfileBackend;
    expect(stack.node.tryGetContext(KEY)).toBeUndefined();
    expect(backend.node.tryGetContext(KEY)).toEqual(S3_LOCKFILE_TARGET_VERSIONS);
    expect(backend.targetVersions).toEqual(S3_LOCKFILE_TARGET_VERSIONS);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("the app's own declaration (cdktf.json targetVersions) is kept", () => {
    const app = Testing.app({ context: { [KEY]: { terraform: ">=1.11.0" } } });
    const stack = new TerraformStack(app, "guardduty");
    const backend = configureBackend(stack, s3) as S3LockfileBackend;
    expect(backend.targetVersions).toEqual({ terraform: ">=1.11.0" });
    expect(stack.node.tryGetContext(KEY)).toEqual({ terraform: ">=1.11.0" });
  });

  test("without the lock file, or with local state, nothing is declared", () => {
    const local = new TerraformStack(Testing.app(), "local");
    configureBackend(local, { type: "local" });
    const unlocked = new TerraformStack(Testing.app(), "unlocked");
    const backend = configureBackend(unlocked, { ...s3, useLockfile: false }) as S3LockfileBackend;
    expect([local.node.tryGetContext(KEY), unlocked.node.tryGetContext(KEY), backend.targetVersions]).toEqual([undefined, undefined, undefined]);
  });

  test(`fails on an app that declares a Terraform too old for the lock file, on cdktn (${TEST_RUNTIME === "cdktn" ? "this run" : "not this run: cdktf does not check"})`, () => {
    const app = Testing.app({ context: { [KEY]: { terraform: ">=1.5.7" } } });
    const stack = new TerraformStack(app, "guardduty");
    configureBackend(stack, s3);
    if (TEST_RUNTIME === "cdktn") {
      expect(() => Testing.synth(stack, true)).toThrow(/S3 native state locking requires terraform >=1\.10\.0, but the project targets terraform >=1\.5\.7/);
    } else {
      expect(JSON.parse(Testing.synth(stack, true)).terraform.backend.s3.use_lockfile).toBe(true);
    }
  });
});
