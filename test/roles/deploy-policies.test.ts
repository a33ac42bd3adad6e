/**
 * The pure builders of the deploy roles: the state backend's statements (S3 object, lock file, KMS key) proven with
 * the IAM simulator, where they land (the account that holds the state, one role only), and the per-type narrowed
 * scopes of the table.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { loadEstate, parseEstate } from "../../modules/config/load";
import { ACTION_SCOPES } from "../../modules/roles/action-scopes";
import { DATA_SOURCE_ACTIONS, RESOURCE_ACTIONS, actionsOf } from "../../modules/roles/provider-actions";
import { accountScopes, accountTypes, backendStatements, type DeployRole, type PolicyDocument } from "../../modules/roles/deploy-policies";
import { deployRoles, synthesizeEstate } from "../../modules/roles/estate-roles";
import { decide } from "../export/simulate";

const STATE = "222222222222";
const backend = { bucket: "acme-terraform-state", key: "guardduty/estate.tfstate", region: "eu-west-1" };
const principal = `arn:aws:iam::${STATE}:role/deploy`;
const policyOf = (statements: Record<string, unknown>[]): PolicyDocument => ({ Version: "2012-10-17", Statement: statements });
const object = (key: string) => `arn:aws:s3:::${backend.bucket}/${key}`;
const s3 = (policy: PolicyDocument, action: string, resource: string) =>
  decide({ principal, action, resource, resourceAccount: STATE, identityPolicy: policy as never });
const kms = (policy: PolicyDocument, action: string, resource: string, context?: Record<string, string[]>) =>
  decide({
    principal, action, resource, resourceAccount: STATE, identityPolicy: policy as never, ...(context ? { context } : {}),
    resourcePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${STATE}:root` }, Action: "kms:*", Resource: "*" }] } as never,
  });

describe("backendStatements", () => {
  it("allows the state object and its lock file, and nothing else of the bucket", async () => {
    const policy = policyOf(backendStatements(backend, STATE));
    expect(await s3(policy, "s3:ListBucket", `arn:aws:s3:::${backend.bucket}`)).toBe("Allowed");
    for (const action of ["s3:GetObject", "s3:PutObject"]) expect([action, await s3(policy, action, object(backend.key))]).toEqual([action, "Allowed"]);
    for (const action of ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]) expect([action, await s3(policy, action, object(`${backend.key}.tflock`))]).toEqual([action, "Allowed"]);
    // The state itself is never deleted; other objects, other buckets and the bucket's settings are out of reach.
    expect(await s3(policy, "s3:DeleteObject", object(backend.key))).toBe("ImplicitlyDenied");
    expect(await s3(policy, "s3:GetObject", object("other/estate.tfstate"))).toBe("ImplicitlyDenied");
    expect(await s3(policy, "s3:GetObject", `arn:aws:s3:::another-bucket/${backend.key}`)).toBe("ImplicitlyDenied");
    expect(await s3(policy, "s3:PutBucketPolicy", `arn:aws:s3:::${backend.bucket}`)).toBe("ImplicitlyDenied");
  });

  it("without useLockfile has no lock file statement", async () => {
    const policy = policyOf(backendStatements({ ...backend, useLockfile: false }, STATE));
    expect(JSON.stringify(policy)).not.toContain(".tflock");
    expect(await s3(policy, "s3:PutObject", object(`${backend.key}.tflock`))).toBe("ImplicitlyDenied");
  });

  it("without kmsKeyId grants no KMS action", () => {
    expect(JSON.stringify(backendStatements(backend, STATE))).not.toContain("kms:");
  });

  it.each([
    ["a key ARN", "arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
    ["a key ID (in the state account and the backend's region)", "1234abcd-12ab-34cd-56ef-1234567890ab"],
  ])("with kmsKeyId as %s allows Encrypt, Decrypt and GenerateDataKey on that key only", async (_name, kmsKeyId) => {
    const policy = policyOf(backendStatements({ ...backend, kmsKeyId }, STATE));
    const key = "arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    for (const action of ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"]) expect([action, await kms(policy, action, key)]).toEqual([action, "Allowed"]);
    expect(await kms(policy, "kms:Decrypt", "arn:aws:kms:eu-west-1:222222222222:key/ffffffff-12ab-34cd-56ef-1234567890ab")).toBe("ImplicitlyDenied");
    expect(await kms(policy, "kms:ScheduleKeyDeletion", key)).toBe("ImplicitlyDenied");
  });

  it("with kmsKeyId as an alias allows the account's keys that carry the alias", async () => {
    const policy = policyOf(backendStatements({ ...backend, kmsKeyId: "alias/terraform-state" }, STATE));
    const key = "arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    expect(await kms(policy, "kms:Decrypt", key, { "kms:ResourceAliases": ["alias/terraform-state"] })).toBe("Allowed");
    expect(await kms(policy, "kms:Decrypt", key, { "kms:ResourceAliases": ["alias/other"] })).toBe("ImplicitlyDenied");
  });
});

describe("where the backend's statements land", () => {
  const raw = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "examples", "organization", "estate.json"), "utf8"));
  const withBackend = (extra: Record<string, unknown>) => parseEstate({ ...raw, backend: { type: "s3", ...backend, ...extra } });
  const holding = (roles: DeployRole[]) => roles.filter((r) => JSON.stringify(r.policy).includes(backend.bucket)).map((r) => r.alias);

  it("in the management account's role without backend.roleArn", () => {
    expect(holding(deployRoles(withBackend({})))).toEqual(["management"]);
  });

  it("in the role of the account of backend.roleArn", () => {
    expect(holding(deployRoles(withBackend({ roleArn: "arn:aws:iam::333333333333:role/terraform-state" })))).toEqual(["log-archive"]);
  });

  it("nowhere with a local backend", () => {
    expect(holding(deployRoles(loadEstate(path.join(__dirname, "..", "..", "examples", "organization", "estate.json"))))).toEqual([]);
  });
});

describe("accountScopes", () => {
  const config = loadEstate(path.join(__dirname, "..", "..", "examples", "organization", "estate.json"));
  const management = accountTypes(synthesizeEstate(config)).find((a) => a.alias === "management")!;

  it("narrows an action when every type that needs it narrows it", () => {
    expect(accountScopes(management).get("iam:CreateServiceLinkedRole")).toEqual({
      arns: ["arn:aws:iam::111111111111:role/aws-service-role/*", "arn:aws:iam::111111111111:role/aws-service-role/guardduty.amazonaws.com/*"],
      accountless: false,
    });
  });

  it("keeps every ARN IAM allows when one type that needs the action does not narrow it", () => {
    const widened = { ...management, resourceTypes: [...management.resourceTypes, "aws_iam_role"] };
    expect(accountScopes(widened).get("iam:GetRole")!.arns).toEqual(["arn:aws:iam::111111111111:role/*"]);
  });

  it("fails naming a type the table lacks and where to add it", () => {
    expect(() => accountScopes({ ...management, resourceTypes: ["aws_guardduty_unknown"] })).toThrow(
      "resource type aws_guardduty_unknown has no entry in modules/roles/provider-actions.ts; add the actions the provider calls for it",
    );
  });
});

test("every action of the table has its scope from the Service Authorization Reference (npx tsx scripts/roles-scopes.ts)", () => {
  const actions = [...Object.values(RESOURCE_ACTIONS), ...Object.values(DATA_SOURCE_ACTIONS)].flatMap(actionsOf);
  expect(actions.filter((a) => !Object.hasOwn(ACTION_SCOPES, a))).toEqual([]);
  expect(Object.keys(ACTION_SCOPES).filter((a) => !actions.includes(a))).toEqual([]);
});
