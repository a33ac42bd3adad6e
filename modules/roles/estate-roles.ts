/** The deploy roles of a whole estate: synthesizes it in memory and builds each account's policies. */
import { App, Testing } from "cdktf";
import type { EstateConfig } from "../config/estate-config";
import { EstateStack } from "../estate/estate-stack";
import { exportAccount } from "../estate/stack-layout";
import { serviceHost } from "../topology/regions";
import { accountTypes, backendStatements, iamArnAccount, identityPolicy, trustPolicy, type DeployRole, type SynthesizedStack } from "./deploy-policies";

export type { DeployRole } from "./deploy-policies";

/** The synthesized stacks of an estate, parsed. */
export function synthesizeEstate(config: EstateConfig): SynthesizedStack[] {
  const app = new App({ outdir: "cdktf.out", skipValidation: true });
  const estate = new EstateStack(app, config);
  return estate.stacks.map((s) => JSON.parse(Testing.synth(s)) as SynthesizedStack);
}

/**
 * kms:GenerateDataKey on the findings key, through S3 in its region only, for the role of an account that writes
 * KMS-encrypted objects into the findings bucket (`aws_s3_object`: the prefix marker, the uploaded GuardDuty lists).
 * PutObject with `aws:kms` asks KMS for a data key as the caller (S3 User Guide, "Using server-side encryption with
 * AWS KMS keys": kms:GenerateDataKey), which the provider table cannot say: the key may be another account's (its key
 * policy's `AllowPrefixMarkerUploadThroughS3` grants the bucket account the same call, see modules/export/key-policy.ts).
 */
export function uploadKeyStatement(config: EstateConfig): Record<string, unknown> | undefined {
  const ex = config.export;
  if (!ex) return undefined;
  const keyAccount = exportAccount(config, ex.keyAccount ?? ex.bucketAccount);
  return {
    Effect: "Allow",
    Action: "kms:GenerateDataKey",
    Resource: `arn:${config.partition}:kms:${ex.homeRegion}:${keyAccount}:key/*`,
    Condition: { StringEquals: { "kms:ViaService": serviceHost("s3", ex.homeRegion, config.partition) } },
  };
}

/**
 * Each account's deploy role. Without `deployRoles` in the estate, the trust names the account's own root (any
 * principal of the account that its IAM allows). With an S3 backend, the account whose role the backend assumes
 * (backend.roleArn), else the management account, also gets the state object, its lock file and the KMS key.
 */
export function deployRoles(config: EstateConfig, stacks: readonly SynthesizedStack[] = synthesizeEstate(config)): DeployRole[] {
  const backend = config.backend;
  const stateAccount = backend.type === "s3" ? (iamArnAccount(backend.roleArn ?? "")?.accountId ?? config.accounts.management.id) : undefined;
  const accounts = accountTypes(stacks);
  // The first alias (sorted) of the state account, so that the backend's needs land on one role only.
  const stateAlias = accounts.find((a) => a.accountId === stateAccount)?.alias;
  const uploadKey = uploadKeyStatement(config);
  return accounts.map((account) => {
    let policy = identityPolicy(account);
    if (uploadKey && account.resourceTypes.includes("aws_s3_object")) policy = { ...policy, Statement: [...policy.Statement, uploadKey] };
    if (backend.type === "s3" && account.alias === stateAlias) {
      policy = { ...policy, Statement: [...policy.Statement, ...backendStatements(backend, account.accountId, account.partition)] };
    }
    const trust = trustPolicy(config.deployRoles ?? { trustedPrincipalArn: `arn:${account.partition}:iam::${account.accountId}:root` });
    return { alias: account.alias, accountId: account.accountId, roleArn: account.roleArn, policy, trust };
  });
}
