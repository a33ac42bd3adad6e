/** The deploy roles of a whole estate: synthesizes it in memory and builds each account's policies. */
import { App, Testing } from "cdktf";
import type { EstateConfig } from "../config/estate-config";
import { EstateStack } from "../estate/estate-stack";
import { accountTypes, backendStatements, identityPolicy, trustPolicy, type DeployRole, type SynthesizedStack } from "./deploy-policies";

export type { DeployRole } from "./deploy-policies";

/** The synthesized stacks of an estate, parsed. */
export function synthesizeEstate(config: EstateConfig): SynthesizedStack[] {
  const app = new App({ outdir: "cdktf.out", skipValidation: true });
  const estate = new EstateStack(app, config);
  return estate.stacks.map((s) => JSON.parse(Testing.synth(s)) as SynthesizedStack);
}

/**
 * Each account's deploy role. Without `deployRoles` in the estate, the trust names the account's own root (any
 * principal of the account that its IAM allows). With an S3 backend, the account whose role the backend assumes
 * (backend.roleArn), else the management account, also gets the state object, its lock file and the KMS key.
 */
export function deployRoles(config: EstateConfig, stacks: readonly SynthesizedStack[] = synthesizeEstate(config)): DeployRole[] {
  const backend = config.backend;
  const stateAccount = backend.type === "s3" ? (/^arn:[^:]+:iam::(\d{12}):/.exec(backend.roleArn ?? "")?.[1] ?? config.accounts.management.id) : undefined;
  const accounts = accountTypes(stacks);
  // The first alias (sorted) of the state account, so that the backend's needs land on one role only.
  const stateAlias = accounts.find((a) => a.accountId === stateAccount)?.alias;
  return accounts.map((account) => {
    let policy = identityPolicy(account);
    if (backend.type === "s3" && account.alias === stateAlias) {
      policy = { ...policy, Statement: [...policy.Statement, ...backendStatements(backend, account.accountId, account.partition)] };
    }
    const trust = trustPolicy(config.deployRoles ?? { trustedPrincipalArn: `arn:${account.partition}:iam::${account.accountId}:root` });
    return { alias: account.alias, accountId: account.accountId, roleArn: account.roleArn, policy, trust };
  });
}
