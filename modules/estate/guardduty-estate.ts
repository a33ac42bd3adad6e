import { Construct } from "constructs";
import type { EstateConfig } from "../config/estate-config";
import type { FindingsExport } from "../export/findings-export";
import type { S3MalwareProtection } from "../malware-protection/s3-malware-protection";
import type { GuardDutyLists } from "../lists/guardduty-lists";
import type { FindingNotifications } from "../notifications/finding-notifications";
import { GuardDutyOrganization } from "../organization/guardduty-organization";
import { assertSameRuntime } from "../topology/runtime";
import type { Topology } from "../topology/topology";
import { decommissionBuildConfig, decommissionEstate, type Decommission } from "./decommission";
import { findingsExportOf, invitedMembersOf, ipListsOf, malwareProtectionOf, notificationsOf, organizationProps } from "./estate-wiring";

/** Props of {@link GuardDutyEstate}. */
export interface GuardDutyEstateProps {
  /** The resolved estate (see loadEstate / parseEstate). */
  readonly config: EstateConfig;
  /** Providers of every account the estate names (see estateTopology). */
  readonly topology: Topology;
}

/**
 * The whole GuardDuty estate of one config in one stack: the organization core in every region, plus findings export,
 * notifications, GuardDuty lists and Malware Protection for S3 when configured. The config's `stacks` section is not read here: EstateStack cuts an estate into
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
  /** Present when the config has a `notifications` section (absent from a decommission's synthesized JSON). */
  public readonly notifications?: FindingNotifications;
  /** One per account holding buckets of the config's `s3MalwareProtection` section; empty without it. */
  public readonly malwareProtection: readonly S3MalwareProtection[];
  /** Present when the config has `ipLists`. */
  public readonly lists?: GuardDutyLists;
  /**
   * Present in a decommission phase (the config's `decommission`): what the phase destroys and forgets. In a
   * "teardown" nothing of `organization`, `findingsExport` or `notifications` is synthesized: they describe the
   * running estate the state holds.
   */
  public readonly decommission?: Decommission;

  constructor(scope: Construct, id: string, props: GuardDutyEstateProps) {
    assertSameRuntime(scope);
    super(scope, id);
    const { topology } = props;
    const config = decommissionBuildConfig(props.config);
    const invited = invitedMembersOf(config, topology, config.invitedMembers.map((m) => m.accountId));
    this.organization = new GuardDutyOrganization(this, "Organization", organizationProps(config, topology, config.regions, invited));
    this.findingsExport = findingsExportOf(this, config, topology, this.organization.administrator);
    this.notifications = notificationsOf(this, config, topology, this.organization.administrator);
    this.malwareProtection = malwareProtectionOf(this, config, topology);
    this.lists = ipListsOf(this, config, topology, this.organization.administrator, this.findingsExport);
    this.decommission = decommissionEstate(this, this, config.decommission);
  }
}
