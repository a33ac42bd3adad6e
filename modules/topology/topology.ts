import { TerraformStack, Token } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import { partitionOf, type Partition } from "./regions";
import { assertSameRuntime } from "./runtime";
import { accountIdPropProblems, knownRegionProblems, PropProblems, type PropProblem } from "./validation";

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
 * another account. Fails, listing every problem at once, on a home region that is unknown or of another partition, a
 * malformed account ID, an alias Terraform would refuse, or an alias two accounts share.
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
    topologyProblems(this, props).throwIfAny();
    const providers = new Map<string, AwsProvider>();
    const tags = Object.keys(props.defaultTags ?? {}).length > 0 ? [{ tags: { ...props.defaultTags } }] : undefined;
    for (const account of props.accounts) {
      if (providers.has(account.accountId)) continue;
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
 * Every problem of the topology's props: the home region, and each account's ID and alias (an account listed again
 * keeps its first alias, so only its first entry is checked).
 */
function topologyProblems(scope: Construct, props: TopologyProps): PropProblems {
  const p = new PropProblems(scope);
  p.add(knownRegionProblems("homeRegion", props.homeRegion));
  if (p.problems.length === 0 && !Token.isUnresolved(props.homeRegion) && partitionOf(props.homeRegion) !== props.partition) {
    p.add("homeRegion", props.homeRegion, `a region of partition ${props.partition}`);
  }
  const aliases = new Map<string, string>();
  const seen = new Set<string>();
  props.accounts.forEach((account, i) => {
    if (seen.has(account.accountId)) return;
    seen.add(account.accountId);
    p.add(accountIdPropProblems(`accounts[${i}].accountId`, account.accountId));
    if (!/^[a-z][a-z0-9-]*$/.test(account.alias)) {
      const allowed = "lowercase letters, digits and dashes, starting with a letter";
      p.add(`accounts[${i}].alias`, account.alias, allowed, `alias must be ${allowed}; got "${account.alias}"`);
    }
    const taken = aliases.get(account.alias);
    if (taken) {
      p.add(`accounts[${i}].alias`, account.alias, "an alias no other account has",
        `alias "${account.alias}" is used for accounts ${taken} and ${account.accountId}; aliases must be unique`);
    } else aliases.set(account.alias, account.accountId);
  });
  return p;
}

/**
 * The problem of a provider that belongs to another stack (cdktf would accept it silently and land the resources in
 * the wrong account or region); none when it is in `scope`'s stack. A provider or scope of the other CDK runtime is
 * refused at once (thrown), not collected.
 */
export function providerInStackProblems(scope: Construct, provider: AwsProvider, propName = "provider"): PropProblem[] {
  assertSameRuntime(scope);
  assertSameRuntime(provider, propName);
  const mine = TerraformStack.of(scope);
  const theirs = TerraformStack.of(provider);
  if (mine === theirs) return [];
  const got = `provider "${provider.alias ?? provider.node.id}" of stack "${theirs.node.id}"`;
  return [{ path: propName, value: got, allowed: `a provider of stack "${mine.node.id}"`, message: `${propName} must be a provider of stack "${mine.node.id}"; got ${got}` }];
}

/**
 * Refuses a provider that belongs to another stack: throws the one problem of {@link providerInStackProblems}. In a
 * construct, add `providerInStackProblems` to its `PropProblems` instead, so the provider is reported with the rest.
 */
export function assertProviderInStack(scope: Construct, provider: AwsProvider, propName = "provider"): void {
  new PropProblems().add(providerInStackProblems(scope, provider, propName)).throwIfAny();
}
