import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import type { Partition } from "./regions";
import { assertSameRuntime } from "./runtime";

/** One account Terraform works in. */
export interface TopologyAccount {
  /** Provider alias: lowercase letters, digits and dashes (`security`, `member-444455556666`). */
  readonly alias: string;
  readonly accountId: string;
  /** Role to assume; the provider also pins `allowed_account_ids` to accountId. @default - the caller's credentials, no assume_role */
  readonly roleArn?: string;
}

/** Props of {@link Topology}. */
export interface TopologyProps {
  readonly partition: Partition;
  /** The providers' own region; regional resources set their `region` argument. */
  readonly homeRegion: string;
  /** Accounts, in priority order: an account listed twice keeps its first alias and role. */
  readonly accounts: readonly TopologyAccount[];
  /** STS session name of every assume_role. @default "guardduty-cdktf" */
  readonly sessionName?: string;
  /** Tags on every taggable resource (provider default_tags). @default {} */
  readonly defaultTags?: Readonly<Record<string, string>>;
}

/**
 * ONE AWS provider per account, created once: regional resources are placed with the provider-v6
 * resource-level `region` argument, not with one provider per account x region. Aliases are the caller's,
 * so they are deterministic; each provider pins `allowed_account_ids` so a wrong role can never deploy into
 * another account.
 *
 * @example
 * const topology = new Topology(stack, "Topology", { partition: "aws", homeRegion: "eu-west-1", accounts: [
 *   { alias: "management", accountId: "111111111111", roleArn: "arn:aws:iam::111111111111:role/OrganizationAccountAccessRole" },
 * ] });
 * topology.provider("111111111111");
 */
export class Topology extends Construct {
  /** Providers by account ID. */
  public readonly providers: ReadonlyMap<string, AwsProvider>;
  public readonly partition: Partition;
  public readonly homeRegion: string;

  constructor(scope: Construct, id: string, props: TopologyProps) {
    assertSameRuntime(scope);
    super(scope, id);
    this.partition = props.partition;
    this.homeRegion = props.homeRegion;
    const providers = new Map<string, AwsProvider>();
    const aliases = new Map<string, string>();
    const tags = Object.keys(props.defaultTags ?? {}).length > 0 ? [{ tags: { ...props.defaultTags } }] : undefined;
    for (const account of props.accounts) {
      if (providers.has(account.accountId)) continue;
      if (!/^[a-z][a-z0-9-]*$/.test(account.alias)) {
        throw new Error(`alias must be lowercase letters, digits and dashes, starting with a letter; got "${account.alias}"`);
      }
      const taken = aliases.get(account.alias);
      if (taken) throw new Error(`alias "${account.alias}" is used for accounts ${taken} and ${account.accountId}; aliases must be unique`);
      aliases.set(account.alias, account.accountId);
      providers.set(
        account.accountId,
        new AwsProvider(this, account.alias, {
          alias: account.alias,
          region: props.homeRegion,
          allowedAccountIds: [account.accountId],
          assumeRole: account.roleArn ? [{ roleArn: account.roleArn, sessionName: props.sessionName ?? "guardduty-cdktf" }] : undefined,
          defaultTags: tags,
        }),
      );
    }
    this.providers = providers;
  }

  /** The provider of an account; fails naming the known accounts. */
  public provider(accountId: string): AwsProvider {
    const p = this.providers.get(accountId);
    if (!p) throw new Error(`no provider for account ${accountId}; known accounts: ${[...this.providers.keys()].join(", ")}`);
    return p;
  }
}

/**
 * Refuses a provider that belongs to another stack: cdktf would accept it silently and land the resources in
 * the wrong account or region.
 */
export function assertProviderInStack(scope: Construct, provider: AwsProvider, propName = "provider"): void {
  assertSameRuntime(scope);
  assertSameRuntime(provider, propName);
  const mine = TerraformStack.of(scope);
  const theirs = TerraformStack.of(provider);
  if (mine !== theirs) {
    throw new Error(
      `${propName} must be a provider of stack "${mine.node.id}"; got provider "${provider.alias ?? provider.node.id}" of stack "${theirs.node.id}"`,
    );
  }
}
