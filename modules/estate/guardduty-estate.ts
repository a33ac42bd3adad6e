import { Construct } from "constructs";
import type { EstateConfig } from "../config/estate-config";
import type { FindingsExport } from "../export/findings-export";
import type { GuardDutyLists } from "../lists/guardduty-lists";
import type { FindingNotifications } from "../notifications/finding-notifications";
import { GuardDutyOrganization } from "../organization/guardduty-organization";
import { assertSameRuntime } from "../topology/runtime";
import type { Topology } from "../topology/topology";
import { findingsExportOf, invitedMembersOf, ipListsOf, notificationsOf, organizationProps } from "./estate-wiring";

/** Props of {@link GuardDutyEstate}. */
export interface GuardDutyEstateProps {
  /** The resolved estate (see loadEstate / parseEstate). */
  readonly config: EstateConfig;
  /** Providers of every account the estate names (see estateTopology). */
  readonly topology: Topology;
}

/**
 * The whole GuardDuty estate of one config in one stack: the organization core in every region, plus findings export,
 * notifications and GuardDuty lists when configured. The config's `stacks` section is not read here: EstateStack cuts an estate into
 * stacks (see EstatePart).
 *
 * @example
 * const config = loadEstate("estate.json");
 * new GuardDutyEstate(stack, "GuardDuty", { config, topology: estateTopology(stack, config) });
 */
export class GuardDutyEstate extends Construct {
  public readonly organization: GuardDutyOrganization;
  /** Present when the config has an `export` section. */
  public readonly findingsExport?: FindingsExport;
  /** Present when the config has a `notifications` section. */
  public readonly notifications?: FindingNotifications;
  /** Present when the config has `ipLists`. */
  public readonly lists?: GuardDutyLists;

  constructor(scope: Construct, id: string, props: GuardDutyEstateProps) {
    assertSameRuntime(scope);
    super(scope, id);
    const { config, topology } = props;
    const invited = invitedMembersOf(config, topology, config.invitedMembers.map((m) => m.accountId));
    this.organization = new GuardDutyOrganization(this, "Organization", organizationProps(config, topology, config.regions, invited));
    this.findingsExport = findingsExportOf(this, config, topology, this.organization.administrator);
    this.notifications = notificationsOf(this, config, topology, this.organization.administrator);
    this.lists = ipListsOf(this, config, topology, this.organization.administrator, this.findingsExport);
  }
}
