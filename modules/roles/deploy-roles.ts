import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import { jsonDocument } from "../topology/hcl-synth";
import { assertProviderInStack } from "../topology/topology";
import { PropProblems } from "../topology/validation";
import type { DeployRole } from "./deploy-policies";

/** Default name of each deploy role's inline policy. */
export const DEFAULT_DEPLOY_POLICY_NAME = "guardduty-cdktf-deploy";

/** IAM's limit on the inline policies of one role, in characters without whitespace. */
export const INLINE_POLICY_MAX_CHARS = 10240;

/** Properties of {@link DeployRoles}. */
export interface DeployRolesProps {
  /**
   * The roles to build, one per account: `deployRoles(config)` of the estate (the same policies
   * `guardduty-cdktf roles` writes).
   */
  readonly roles: readonly DeployRole[];
  /**
   * The provider of each role's account, by alias (`management`, `security`, `log-archive`, `member-<id>`, ...):
   * credentials that may create IAM roles there (a bootstrap stack's providers), each a provider of this stack.
   */
  readonly providers: Readonly<Record<string, AwsProvider>>;
  /**
   * Name of every role.
   * @default - the name (and path) of the role the estate's provider for the account assumes (`roles[].roleArn`)
   */
  readonly roleName?: string;
  /**
   * Name of each role's inline policy.
   * @default "guardduty-cdktf-deploy"
   */
  readonly policyName?: string;
}

/** The name and path of a role ARN (`arn:aws:iam::111122223333:role/ci/deployer` -> `deployer`, `/ci/`). */
function nameAndPath(roleArn: string): { name: string; path: string } {
  const rest = /^arn:[^:]+:iam::\d{12}:role(\/.*)$/.exec(roleArn)?.[1] ?? "/";
  const slash = rest.lastIndexOf("/");
  return { name: rest.slice(slash + 1), path: rest.slice(0, slash + 1) };
}

/** Characters IAM counts for a policy's size: its JSON without whitespace. */
function policySize(doc: unknown): number {
  return JSON.stringify(doc).replace(/\s/g, "").length;
}

/**
 * The deploy roles of an estate as Terraform, for a bootstrap stack: per account an `aws_iam_role` whose trust policy
 * lets `deployRoles.trustedPrincipalArn` (with the optional `sts:ExternalId`) assume it, and an
 * `aws_iam_role_policy` with the identity policy the account's Terraform needs (only the actions of the resource
 * types placed in that account, on that account's ARNs; the state backend's object, lock file and key in the
 * account that holds the state). The policies are the ones `guardduty-cdktf roles` writes.
 *
 * Addresses: `<id>/<account ID>/Role` and `<id>/<account ID>/Policy`, one per account.
 *
 * @example
 * const config = loadEstate("estate.json");
 * new DeployRoles(bootstrap, "DeployRoles", {
 *   roles: deployRoles(config),
 *   providers: { management: mgmtAdmin, security: securityAdmin, "log-archive": logArchiveAdmin },
 * });
 */
export class DeployRoles extends Construct {
  /** The roles, by alias. */
  public readonly roles: Readonly<Record<string, IamRole>>;
  /** The inline policies, by alias. */
  public readonly policies: Readonly<Record<string, IamRolePolicy>>;

  constructor(scope: Construct, id: string, props: DeployRolesProps) {
    super(scope, id);
    const policyName = props.policyName ?? DEFAULT_DEPLOY_POLICY_NAME;
    const p = new PropProblems(this);
    p.check("roles", `${props.roles.length} roles`, props.roles.length > 0, "at least one role (deployRoles(config) of the estate)");
    if (props.roleName !== undefined) p.check("roleName", props.roleName, /^[\w+=,.@-]{1,64}$/.test(props.roleName), "1 to 64 letters, digits and + = , . @ _ -");
    p.check("policyName", policyName, /^[\w+=,.@-]{1,128}$/.test(policyName), "1 to 128 letters, digits and + = , . @ _ -");
    const seen = new Map<string, string>();
    props.roles.forEach((role, i) => {
      const provider = Object.hasOwn(props.providers, role.alias) ? props.providers[role.alias] : undefined;
      if (provider) p.capture(() => assertProviderInStack(this, provider, `providers.${role.alias}`));
      else p.add(`providers.${role.alias}`, undefined, `a provider for the account of roles[${i}] (${role.accountId}); given: ${Object.keys(props.providers).join(", ") || "none"}`);
      const other = seen.get(role.accountId);
      if (other !== undefined) p.add(`roles[${i}].accountId`, role.accountId, `an account not already given by alias "${other}": one deploy role per account`);
      seen.set(role.accountId, role.alias);
      const size = policySize(role.policy);
      p.check(`roles[${i}].policy`, `${size} characters`, size <= INLINE_POLICY_MAX_CHARS, `at most ${INLINE_POLICY_MAX_CHARS} characters (IAM's limit on a role's inline policies)`);
    });
    p.throwIfAny();

    const roles: Record<string, IamRole> = {};
    const policies: Record<string, IamRolePolicy> = {};
    for (const role of props.roles) {
      const account = new Construct(this, role.accountId);
      const provider = props.providers[role.alias];
      const own = nameAndPath(role.roleArn);
      roles[role.alias] = new IamRole(account, "Role", {
        provider,
        name: props.roleName ?? own.name,
        path: props.roleName === undefined ? own.path : "/",
        description: `Terraform deploy role of guardduty-cdktf (${role.alias})`,
        assumeRolePolicy: jsonDocument(role.trust),
      });
      policies[role.alias] = new IamRolePolicy(account, "Policy", {
        provider,
        role: roles[role.alias].name,
        name: policyName,
        policy: jsonDocument(role.policy),
      });
    }
    this.roles = roles;
    this.policies = policies;
  }
}
