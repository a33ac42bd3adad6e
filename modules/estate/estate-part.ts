import { Construct } from "constructs";
import type { EstateConfig } from "../config/estate-config";
import type { FindingsExport } from "../export/findings-export";
import type { S3MalwareProtection } from "../malware-protection/s3-malware-protection";
import type { GuardDutyLists } from "../lists/guardduty-lists";
import type { FindingNotifications } from "../notifications/finding-notifications";
import { ExistingAdministratorDetectors } from "../organization/existing-administrator-detectors";
import { GuardDutyOrganization } from "../organization/guardduty-organization";
import { InvitedMembers } from "../organization/invited-members";
import type { Topology } from "../topology/topology";
import { decommissionBuildConfig, decommissionEstate, type Decommission } from "./decommission";
import {
  findingsExportOf, invitedMembersOf, ipListsOf, malwareProtectionOf, notificationsOf, organizationProps, type AdministratorDetectorLookup,
} from "./estate-wiring";
import type { EstateStackPlan } from "./stack-layout";

/** Props of {@link EstatePart}. */
export interface EstatePartProps {
  /** The resolved estate. */
  readonly config: EstateConfig;
  /** Providers of the accounts the part uses (see estateTopology with `plan.accountIds`). */
  readonly topology: Topology;
  /** What this part holds: one entry of `stackLayout(config)`. */
  readonly plan: EstateStackPlan;
}

/**
 * One stack's share of a split estate (see stackLayout): the organization core of some regions, invited members of
 * some regions, the findings export and notifications, or several of these. Every resource has the address it has
 * in the unsplit estate (construct paths `Organization/...`, `Export/...`, `Notifications/...` below this part).
 * Where the administrator's detectors live in another stack, they are read with the `aws_guardduty_detector` data
 * source (ExistingAdministratorDetectors at `Organization/Administrator`): never a cross-stack reference.
 *
 * @example
 * for (const plan of stackLayout(config)) {
 *   const stack = new TerraformStack(app, plan.name);
 *   new EstatePart(stack, "Estate", { config, plan, topology: estateTopology(stack, config, plan.accountIds) });
 * }
 */
export class EstatePart extends Construct {
  /** Present when the part holds the organization core of its regions. */
  public readonly organization?: GuardDutyOrganization;
  /** Present when the administrator's detectors are read from another stack (invited members, export, notifications). */
  public readonly existingAdministrator?: ExistingAdministratorDetectors;
  /** Present when the part holds invited members without the core of their regions. */
  public readonly invited?: InvitedMembers;
  /** Present when the part is the home of a config with an `export` section. */
  public readonly findingsExport?: FindingsExport;
  /** Present when the part is the home of a config with a `notifications` section. */
  public readonly notifications?: FindingNotifications;
  /** In the home part: one per account holding buckets of the `s3MalwareProtection` section; empty elsewhere. */
  public readonly malwareProtection: readonly S3MalwareProtection[];
  /** Present when the part is the home of a config with `ipLists`. */
  public readonly lists?: GuardDutyLists;
  /** Present in a decommission phase: what this part's phase destroys and forgets (see GuardDutyEstate.decommission). */
  public readonly decommission?: Decommission;

  constructor(scope: Construct, id: string, props: EstatePartProps) {
    super(scope, id);
    const { topology, plan } = props;
    const config = decommissionBuildConfig(props.config);
    const members = invitedMembersOf(config, topology, plan.invitedAccountIds);
    const readsDetectors = members.length > 0 ||
      (plan.home && (config.export !== undefined || config.notifications !== undefined || (config.ipLists?.length ?? 0) > 0));
    let detectors: AdministratorDetectorLookup | undefined;
    if (plan.core) {
      this.organization = new GuardDutyOrganization(this, "Organization", organizationProps(config, topology, plan.regions, members));
      detectors = this.organization.administrator;
    } else if (readsDetectors) {
      const organization = new Construct(this, "Organization");
      const security = topology.provider(config.accounts.security.id);
      this.existingAdministrator = new ExistingAdministratorDetectors(organization, "Administrator", { provider: security, regions: plan.regions });
      detectors = this.existingAdministrator;
      if (members.length > 0) {
        this.invited = new InvitedMembers(organization, "Invited", {
          administratorProvider: security,
          administratorAccountId: config.accounts.security.id,
          // InvitedMembers reads only the `fqn` of its administrator detector, which the data source has in the
          // same for_each shape (keyed by region); its prop is typed as the resource.
          administratorDetector: this.existingAdministrator.detector,
          regions: plan.regions,
          members,
          protectionPlans: config.protectionPlans,
        });
      }
    }
    if (plan.home && detectors) {
      this.findingsExport = findingsExportOf(this, config, topology, detectors);
      this.notifications = notificationsOf(this, config, topology, detectors);
      this.lists = ipListsOf(this, config, topology, detectors, this.findingsExport);
    }
    // Needs no detector: Malware Protection for S3 works with or without GuardDuty in the bucket's account.
    this.malwareProtection = plan.home ? malwareProtectionOf(this, config, topology) : [];
    this.decommission = decommissionEstate(this, this, config.decommission);
  }
}
