import { Construct } from "constructs";
import type { EstateConfig } from "../config/estate-config";
import { Topology, type TopologyAccount } from "../topology/topology";

/** Provider aliases of the estate's accounts, in priority order (an account in two roles keeps the first). */
export function estateAccounts(config: EstateConfig): TopologyAccount[] {
  const { management, security, logArchive } = config.accounts;
  return [
    { alias: "management", accountId: management.id, roleArn: management.roleArn },
    { alias: "security", accountId: security.id, roleArn: security.roleArn },
    { alias: "log-archive", accountId: logArchive.id, roleArn: logArchive.roleArn },
    ...config.invitedMembers.map((m) => ({ alias: `member-${m.accountId}`, accountId: m.accountId, roleArn: m.roleArn })),
    // Accounts that hold only protected buckets (s3MalwareProtection.accounts).
    ...(config.s3MalwareProtection?.accounts ?? []).map((a) => ({ alias: `account-${a.id}`, accountId: a.id, roleArn: a.roleArn })),
  ];
}

/**
 * One provider per account of the estate, in the home region, tagged with the estate's tags. With `accountIds`, only
 * those accounts (a stack of a split estate: see stackLayout), under the same aliases as in the whole estate.
 *
 * @param accountIds the accounts to create a provider for. @default - every account of the estate
 */
export function estateTopology(scope: Construct, config: EstateConfig, accountIds?: readonly string[]): Topology {
  const wanted = accountIds ? new Set(accountIds) : undefined;
  return new Topology(scope, "Providers", {
    partition: config.partition,
    homeRegion: config.homeRegion,
    accounts: estateAccounts(config).filter((a) => !wanted || wanted.has(a.accountId)),
    sessionName: `guardduty-cdktf-${config.name}`,
    defaultTags: config.tags,
  });
}
