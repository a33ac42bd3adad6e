/**
 * Pure builders of the deploy roles: from synthesized stacks (cdk.tf.json, parsed), per provider alias, the identity
 * policy the role Terraform assumes there needs (only the actions of the types placed in that account, scoped to the
 * account's ARNs where IAM allows it: see action-scopes.ts) and its trust policy.
 */
import { ACTION_SCOPES } from "./action-scopes";
import { DATA_SOURCE_ACTIONS, RESOURCE_ACTIONS, actionsOf, type TypeActions } from "./provider-actions";

/** An IAM policy document. */
export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly Record<string, unknown>[];
}

/** A synthesized stack, parsed (only what the roles read). */
export interface SynthesizedStack {
  readonly provider?: { readonly aws?: readonly { alias?: string; assume_role?: readonly { role_arn?: string }[] }[] };
  readonly resource?: Record<string, Record<string, { provider?: string }>>;
  readonly data?: Record<string, Record<string, { provider?: string }>>;
}

/** One account's deploy role, as placed by the providers. */
export interface AccountTypes {
  readonly alias: string;
  readonly accountId: string;
  readonly partition: string;
  /** The role the provider assumes (its `assume_role.role_arn`). */
  readonly roleArn: string;
  /** Resource types placed in the account. */
  readonly resourceTypes: readonly string[];
  /** Data source types read in the account. */
  readonly dataTypes: readonly string[];
}

/** One account's deploy role: its identity policy and trust policy. */
export interface DeployRole {
  /** The provider alias (`management`, `security`, `log-archive`, `member-<id>`, ...). */
  readonly alias: string;
  readonly accountId: string;
  /** The role the estate's provider for this account assumes. */
  readonly roleArn: string;
  readonly policy: PolicyDocument;
  readonly trust: PolicyDocument;
}

/** Who may assume the deploy roles (estate file `deployRoles`). */
export interface TrustConfig {
  readonly trustedPrincipalArn: string;
  readonly externalId?: string;
}

/** The partition and account of an IAM ARN (`arn:<partition>:iam::<account>:...`), or undefined for anything else. */
export function iamArnAccount(arn: string): { partition: string; accountId: string } | undefined {
  const match = /^arn:([^:]+):iam::(\d{12}):/.exec(arn);
  return match ? { partition: match[1], accountId: match[2] } : undefined;
}

function add(map: Map<string, Set<string>>, key: string, value: string) {
  (map.get(key) ?? map.set(key, new Set()).get(key)!).add(value);
}

/** Per provider alias, the resource and data source types the stacks place in its account. */
export function accountTypes(stacks: readonly SynthesizedStack[]): AccountTypes[] {
  const accounts = new Map<string, { accountId: string; partition: string; roleArn: string }>();
  const resources = new Map<string, Set<string>>();
  const data = new Map<string, Set<string>>();
  for (const stack of stacks) {
    for (const provider of stack.provider?.aws ?? []) {
      const alias = provider.alias ?? "default";
      const roleArn = provider.assume_role?.[0]?.role_arn ?? "";
      const account = iamArnAccount(roleArn);
      if (account && !accounts.has(alias)) accounts.set(alias, { ...account, roleArn });
    }
    for (const [into, blocks] of [[resources, stack.resource], [data, stack.data]] as const) {
      for (const [type, byName] of Object.entries(blocks ?? {})) {
        for (const block of Object.values(byName)) add(into, (block.provider ?? "aws").replace(/^aws\.?/, "") || "default", type);
      }
    }
  }
  return [...accounts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([alias, account]) => ({
      alias,
      ...account,
      resourceTypes: [...(resources.get(alias) ?? [])].filter((t) => t.startsWith("aws_")).sort(),
      dataTypes: [...(data.get(alias) ?? [])].filter((t) => t.startsWith("aws_")).sort(),
    }));
}

/** The table entry of a type, or an error naming it and where to add it. */
function entryOf(type: string, kind: "resource" | "data"): TypeActions {
  const table = kind === "resource" ? RESOURCE_ACTIONS : DATA_SOURCE_ACTIONS;
  const entry = Object.hasOwn(table, type) ? table[type] : undefined;
  if (!entry) throw new Error(`${kind} type ${type} has no entry in modules/roles/provider-actions.ts; add the actions the provider calls for it`);
  return entry;
}

/** The table entries of the account's types. */
function accountEntries(account: AccountTypes): TypeActions[] {
  return [...account.resourceTypes.map((t) => entryOf(t, "resource")), ...account.dataTypes.map((t) => entryOf(t, "data"))];
}

/** Every action the account's role needs, sorted. */
export function accountActions(account: AccountTypes): string[] {
  return [...new Set(accountEntries(account).flatMap(actionsOf))].sort();
}

/** Fills `${Partition}` and `${Account}` in, and every other `${...}` variable with "*". */
function fillPattern(pattern: string, accountId: string, partition: string): string {
  return pattern.replace(/\$\{Partition\}/g, partition).replace(/\$\{Account\}/g, accountId).replace(/\$\{[A-Za-z]+\}/g, "*");
}

/** The ARNs an action is scoped to in one account: "*" for a resource-less action. */
export function scopedResources(action: string, accountId: string, partition: string): { arns: string[]; accountless: boolean } {
  const scope = Object.hasOwn(ACTION_SCOPES, action) ? ACTION_SCOPES[action] : undefined;
  if (scope === undefined) throw new Error(`action ${action} has no scope; run npx tsx scripts/roles-scopes.ts`);
  if (scope === "*") return { arns: ["*"], accountless: false };
  const arns = scope.map((pattern) => fillPattern(pattern, accountId, partition));
  // S3 bucket and object ARNs name no account: the request is bound to the account by aws:ResourceAccount instead.
  return { arns: [...new Set(arns)].sort(), accountless: scope.some((p) => !p.includes("${Account}")) };
}

/**
 * The ARNs each action of the account is scoped to: the narrower patterns of the table (`scopes`) when every type of
 * the account that needs the action narrows it, else every ARN IAM allows for the action in the account.
 */
export function accountScopes(account: AccountTypes): Map<string, { arns: string[]; accountless: boolean }> {
  const narrowed = new Map<string, Set<string> | "all">();
  for (const entry of accountEntries(account)) {
    for (const action of actionsOf(entry)) {
      const own = entry.scopes && Object.hasOwn(entry.scopes, action) ? entry.scopes[action] : undefined;
      const before = narrowed.get(action);
      if (own === undefined || before === "all") narrowed.set(action, "all");
      else narrowed.set(action, new Set([...(before ?? []), ...own]));
    }
  }
  const scopes = new Map<string, { arns: string[]; accountless: boolean }>();
  for (const [action, patterns] of [...narrowed.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    scopes.set(
      action,
      patterns === "all"
        ? scopedResources(action, account.accountId, account.partition)
        : { arns: [...patterns].map((p) => fillPattern(p, account.accountId, account.partition)).sort(), accountless: false },
    );
  }
  return scopes;
}

/** The identity policy of one account's deploy role. */
export function identityPolicy(account: AccountTypes): PolicyDocument {
  const groups = new Map<string, { arns: string[]; accountless: boolean; actions: string[] }>();
  for (const [action, scope] of accountScopes(account)) {
    const key = `${scope.accountless}|${scope.arns.join(",")}`;
    (groups.get(key) ?? groups.set(key, { ...scope, actions: [] }).get(key)!).actions.push(action);
  }
  const Statement = [...groups.values()]
    .sort((a, b) => a.arns.join().localeCompare(b.arns.join()))
    .map((g) => ({
      Effect: "Allow",
      Action: g.actions,
      Resource: g.arns.length === 1 ? g.arns[0] : g.arns,
      ...(g.accountless ? { Condition: { StringEquals: { "aws:ResourceAccount": account.accountId } } } : {}),
    }));
  return { Version: "2012-10-17", Statement };
}

/** The trust policy of a deploy role: the estate's trusted principal, with `sts:ExternalId` when given. */
export function trustPolicy(trust: TrustConfig): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: trust.trustedPrincipalArn },
        Action: "sts:AssumeRole",
        ...(trust.externalId ? { Condition: { StringEquals: { "sts:ExternalId": trust.externalId } } } : {}),
      },
    ],
  };
}

/** The S3 state backend, as the estate file gives it (only what its permissions depend on). */
export interface StateBackend {
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  /** S3-native locking: a lock object `<key>.tflock` beside the state. @default true */
  readonly useLockfile?: boolean;
  /** KMS key ID, key ARN, alias name or alias ARN that encrypts the state object. */
  readonly kmsKeyId?: string;
}

/**
 * What Terraform's S3 backend needs (developer.hashicorp.com/terraform/language/backend/s3, "Permissions"):
 * s3:ListBucket on the bucket, s3:GetObject/PutObject on the state object, s3:GetObject/PutObject/DeleteObject on
 * its lock file `<key>.tflock` (with `useLockfile`), and kms:Encrypt/Decrypt/GenerateDataKey on the key when
 * `kmsKeyId` is set. A key given by ID or alias is taken to be in `accountId` and the backend's region.
 */
export function backendStatements(backend: StateBackend, accountId: string, partition = "aws"): Record<string, unknown>[] {
  const object = `arn:${partition}:s3:::${backend.bucket}/${backend.key}`;
  return [
    { Effect: "Allow", Action: "s3:ListBucket", Resource: `arn:${partition}:s3:::${backend.bucket}` },
    { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: object },
    ...(backend.useLockfile === false ? [] : [{ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource: `${object}.tflock` }]),
    ...(backend.kmsKeyId ? [kmsStatement(backend.kmsKeyId, backend.region, accountId, partition)] : []),
  ];
}

/** The KMS statement of the state key: on its ARN, or on the account's keys carrying the alias. */
function kmsStatement(kmsKeyId: string, region: string, accountId: string, partition: string): Record<string, unknown> {
  const Action = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"];
  const keys = `arn:${partition}:kms:${region}:${accountId}:key/`;
  const alias = /^(arn:[^:]+:kms:[^:]*:\d{12}:)?(alias\/.+)$/.exec(kmsKeyId)?.[2];
  if (alias) {
    // IAM authorizes the key, never the alias: any key of the account that carries the alias.
    return { Effect: "Allow", Action, Resource: `${keys}*`, Condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": alias } } };
  }
  return { Effect: "Allow", Action, Resource: kmsKeyId.startsWith("arn:") ? kmsKeyId : `${keys}${kmsKeyId}` };
}
