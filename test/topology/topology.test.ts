import { Testing, TerraformStack } from "cdktf";
import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { assertProviderInStack, Topology } from "../../modules/topology/topology";
import { ACCOUNTS } from "../helpers";
import { expectAllReported } from "./props-error";

function topology(stack: TerraformStack) {
  return new Topology(stack, "Providers", {
    partition: "aws",
    homeRegion: "eu-west-1",
    accounts: [
      { alias: "management", accountId: ACCOUNTS.management, roleArn: `arn:aws:iam::${ACCOUNTS.management}:role/Deploy` },
      { alias: "security", accountId: ACCOUNTS.security, roleArn: `arn:aws:iam::${ACCOUNTS.security}:role/Deploy` },
      { alias: "log-archive", accountId: ACCOUNTS.security },
    ],
    defaultTags: { owner: "security" },
  });
}

test("creates one provider per account, pinned to it, assuming its role, in the home region", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const t = topology(stack);
  const doc = JSON.parse(Testing.synth(stack));
  expect(doc.provider.aws).toHaveLength(2);
  const security = doc.provider.aws.find((p: any) => p.alias === "security");
  expect(security).toMatchObject({
    region: "eu-west-1",
    allowed_account_ids: [ACCOUNTS.security],
    assume_role: [{ role_arn: `arn:aws:iam::${ACCOUNTS.security}:role/Deploy`, session_name: "guardduty-cdktf" }],
    default_tags: [{ tags: { owner: "security" } }],
  });
  expect(t.provider(ACCOUNTS.security)).toBe(t.providers.get(ACCOUNTS.security));
});

test("an account in two roles keeps its first alias", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  topology(stack);
  const aliases = JSON.parse(Testing.synth(stack)).provider.aws.map((p: any) => p.alias);
  expect(aliases).toEqual(["management", "security"]);
});

test("fails on two accounts with the same alias", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  expect(() => new Topology(stack, "P", { partition: "aws", homeRegion: "eu-west-1", accounts: [
    { alias: "security", accountId: ACCOUNTS.security },
    { alias: "security", accountId: ACCOUNTS.logArchive },
  ] })).toThrow(/alias "security" is used for accounts 222222222222 and 333333333333/);
});

test("fails on an alias Terraform would not accept", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  expect(() => new Topology(stack, "P", { partition: "aws", homeRegion: "eu-west-1", accounts: [
    { alias: "Security Account", accountId: ACCOUNTS.security },
  ] })).toThrow(/alias must be lowercase .*got "Security Account"/);
});

test("fails with every problem at once: a malformed alias, a malformed account ID and a reused alias", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  expectAllReported(() => new Topology(stack, "P", { partition: "aws", homeRegion: "eu-west-1", accounts: [
    { alias: "Security Account", accountId: ACCOUNTS.security },
    { alias: "log", accountId: ACCOUNTS.logArchive },
    { alias: "log", accountId: "1234" },
  ] }), 'Topology "s/P"', [
    ["accounts[0].alias", 'alias must be lowercase letters, digits and dashes, starting with a letter; got "Security Account"'],
    ["accounts[2].accountId", 'accounts[2].accountId must be a 12-digit AWS account ID; got "1234"'],
    ["accounts[2].alias", 'alias "log" is used for accounts 333333333333 and 1234; aliases must be unique'],
  ]);
});

test("fails on a home region that is unknown or of another partition", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const accounts = [{ alias: "security", accountId: ACCOUNTS.security }];
  expect(() => new Topology(stack, "A", { partition: "aws", homeRegion: "eu-wst-1", accounts }))
    .toThrow('homeRegion must be a known AWS region code; got "eu-wst-1"');
  expect(() => new Topology(stack, "B", { partition: "aws", homeRegion: "cn-north-1", accounts }))
    .toThrow('homeRegion must be a region of partition aws; got "cn-north-1"');
});

test("fails on an account it has no provider for, naming the known ones", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  expect(() => topology(stack).provider(ACCOUNTS.other)).toThrow(/no provider for account 999999999999; known accounts: 111111111111, 222222222222/);
});

test("fails on a provider from another stack", () => {
  const app = Testing.app();
  const a = new TerraformStack(app, "a");
  const b = new TerraformStack(app, "b");
  const foreign = topology(a).provider(ACCOUNTS.security);
  expect(() => assertProviderInStack(b, foreign)).toThrow(/provider must be a provider of stack "b"; got provider "security" of stack "a"/);
  // and cdktf alone would have accepted it:
  expect(() => new GuarddutyDetector(b, "D", { provider: foreign })).not.toThrow();
});
