/** DeployRoles: the estate's deploy roles as aws_iam_role + aws_iam_role_policy, the same policies the command writes. */
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { loadEstate } from "../../modules/config/load";
import { rolesCommand } from "../../modules/cli/roles-command";
import { DeployRoles, DEFAULT_DEPLOY_POLICY_NAME } from "../../modules/roles/deploy-roles";
import { deployRoles, synthesizeEstate } from "../../modules/roles/estate-roles";
import { addresses, resources, type SynthDoc } from "../helpers";

const config = loadEstate(path.join(__dirname, "..", "..", "examples", "organization", "estate.json"));
const roles = deployRoles(config, synthesizeEstate(config));

/** A bootstrap stack with one provider per alias of the roles. */
function bootstrap() {
  const stack = new TerraformStack(Testing.app(), "bootstrap");
  const providers = Object.fromEntries(roles.map((r) => [r.alias, new AwsProvider(stack, r.alias, { region: "eu-west-1", alias: r.alias })]));
  return { stack, providers, synth: (): SynthDoc => JSON.parse(Testing.synth(stack)) };
}

describe("DeployRoles", () => {
  it("builds one role and one inline policy per account, addressed by account ID", () => {
    const { stack, providers, synth } = bootstrap();
    new DeployRoles(stack, "DeployRoles", { roles, providers });
    const found = addresses(synth()).map((a) => a.replace(/_[0-9A-F]{8}$/, ""));
    expect(found).toEqual(
      roles.flatMap((r) => [`aws_iam_role.DeployRoles_${r.accountId}_Role`, `aws_iam_role_policy.DeployRoles_${r.accountId}_Policy`]).sort(),
    );
  });

  it("synthesizes the trust and identity policies `guardduty-cdktf roles` writes, in each account's provider", () => {
    const { stack, providers, synth } = bootstrap();
    new DeployRoles(stack, "DeployRoles", { roles, providers });
    const doc = synth();
    const out = mkdtempSync(path.join(tmpdir(), "roles-"));
    expect(rolesCommand(config, { out }, { out: () => undefined, err: () => undefined })).toBe(0);
    const rolesByName = Object.values(resources(doc, "aws_iam_role"));
    const policies = Object.values(resources(doc, "aws_iam_role_policy"));
    for (const role of roles) {
      const read = (kind: string) => JSON.parse(readFileSync(path.join(out, `${role.alias}.${kind}.json`), "utf8"));
      const iamRole = rolesByName.find((r) => r.provider === `aws.${role.alias}`);
      const policy = policies.find((p) => p.provider === `aws.${role.alias}`);
      expect(JSON.parse(iamRole.assume_role_policy)).toEqual(read("trust"));
      expect(JSON.parse(policy.policy)).toEqual(read("policy"));
      expect(policy.name).toBe(DEFAULT_DEPLOY_POLICY_NAME);
      expect(policy.role).toMatch(/^\$\{aws_iam_role\.DeployRoles_\d+_Role_[0-9A-F]+\.name\}$/);
    }
  });

  it("names each role after the role its account's provider assumes, by default", () => {
    const { stack, providers, synth } = bootstrap();
    new DeployRoles(stack, "DeployRoles", { roles, providers });
    const byProvider = Object.fromEntries(Object.values(resources(synth(), "aws_iam_role")).map((r) => [r.provider, r]));
    for (const role of roles) {
      const [, pathAndName] = role.roleArn.split(":role");
      expect(`${byProvider[`aws.${role.alias}`].path}${byProvider[`aws.${role.alias}`].name}`).toBe(pathAndName);
    }
  });

  it("takes one roleName and policyName for every account", () => {
    const { stack, providers, synth } = bootstrap();
    new DeployRoles(stack, "DeployRoles", { roles, providers, roleName: "guardduty-deployer", policyName: "deploy" });
    const doc = synth();
    expect(new Set(Object.values(resources(doc, "aws_iam_role")).map((r) => `${r.path}${r.name}`))).toEqual(new Set(["/guardduty-deployer"]));
    expect(new Set(Object.values(resources(doc, "aws_iam_role_policy")).map((p) => p.name))).toEqual(new Set(["deploy"]));
  });

  it("fails listing every problem: a missing provider, a provider of another stack, a second role for an account, bad names, a policy over IAM's limit", () => {
    const { stack, providers } = bootstrap();
    const elsewhere = new AwsProvider(new TerraformStack(Testing.app(), "other"), "aws", { region: "eu-west-1" });
    const { management: _dropped, ...withoutManagement } = providers;
    const huge = { ...roles[3], policy: { Version: "2012-10-17" as const, Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: Array.from({ length: 400 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`) }] } };
    let message = "";
    try {
      new DeployRoles(stack, "DeployRoles", {
        // log-archive, management (no provider), member (log-archive's account again), security (another stack's provider, policy too long)
        roles: [roles[0], roles[1], { ...roles[2], accountId: roles[0].accountId }, huge],
        providers: { ...withoutManagement, security: elsewhere },
        roleName: "no spaces",
        policyName: "",
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/DeployRoles "bootstrap\/DeployRoles" has 6 invalid properties/);
    expect(message).toMatch(/roleName must be 1 to 64 letters, digits and \+ = , \. @ _ -; got "no spaces"/);
    expect(message).toMatch(/policyName must be 1 to 128 letters/);
    expect(message).toMatch(/providers\.management must be a provider for the account of roles\[1\] \(111111111111\); given: log-archive, member-444455556666, security/);
    expect(message).toMatch(/providers\.security must be a provider of stack "bootstrap"/);
    expect(message).toMatch(new RegExp(`roles\\[2\\]\\.accountId must be an account not already given by alias "log-archive": one deploy role per account; got "${roles[0].accountId}"`));
    expect(message).toMatch(/roles\[3\]\.policy must be at most 10240 characters \(IAM's limit on a role's inline policies\); got "\d+ characters"/);
  });

  it("fails on no roles", () => {
    const { stack, providers } = bootstrap();
    expect(() => new DeployRoles(stack, "DeployRoles", { roles: [], providers })).toThrow(/roles must be at least one role \(deployRoles\(config\) of the estate\); got "0 roles"/);
  });
});
