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
  ];
}

/** One provider per account of the estate, in the home region, tagged with the estate's tags. */
export function estateTopology(scope: Construct, config: EstateConfig): Topology {
  return new Topology(scope, "Providers", {
    partition: config.partition,
    homeRegion: config.homeRegion,
    accounts: estateAccounts(config),
    sessionName: `guardduty-cdktf-${config.name}`,
    defaultTags: config.tags,
  });
}
