import { Construct } from "constructs";
import type { EstateConfig } from "../config/estate-config";
import { FindingsExport } from "../export/findings-export";
import { FindingNotifications } from "../notifications/finding-notifications";
import { GuardDutyOrganization } from "../organization/guardduty-organization";
import type { Topology } from "../topology/topology";

/** Props of {@link GuardDutyEstate}. */
export interface GuardDutyEstateProps {
  /** The resolved estate (see loadEstate / parseEstate). */
  readonly config: EstateConfig;
  /** Providers of every account the estate names (see estateTopology). */
  readonly topology: Topology;
}

/**
 * The whole GuardDuty estate of one config: the organization core in every region, plus findings export and
 * notifications when configured.
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

  constructor(scope: Construct, id: string, props: GuardDutyEstateProps) {
    super(scope, id);
    const { config, topology } = props;
    const security = topology.provider(config.accounts.security.id);
    this.organization = new GuardDutyOrganization(this, "Organization", {
      managementProvider: topology.provider(config.accounts.management.id),
      administratorProvider: security,
      administratorAccountId: config.accounts.security.id,
      regions: config.regions,
      findingPublishingFrequency: config.findingPublishingFrequency,
      autoEnableOrganizationMembers: config.autoEnableOrganizationMembers,
      protectionPlans: config.protectionPlans,
      existingDetectorIds: config.existingDetectorIds,
      invitedMembers: config.invitedMembers.map((m) => ({
        accountId: m.accountId,
        email: m.email,
        invitationMessage: m.invitationMessage,
        disableEmailNotification: m.disableEmailNotification,
        provider: topology.provider(m.accountId),
      })),
      memberOverrides: config.organizationMembers,
    });

    if (config.export) {
      const ex = config.export;
      const accountOf = (ref: string) =>
        ref === "logArchive" ? config.accounts.logArchive.id : ref === "security" ? config.accounts.security.id : ref;
      const bucketAccountId = accountOf(ex.bucketAccount);
      const keyAccountId = accountOf(ex.keyAccount ?? ex.bucketAccount);
      const admin = this.organization.administrator;
      this.findingsExport = new FindingsExport(this, "Export", {
        partition: config.partition,
        homeRegion: ex.homeRegion,
        administratorAccountId: config.accounts.security.id,
        administratorProvider: security,
        detectors: admin.detectorRefs(),
        bucketProvider: topology.provider(bucketAccountId),
        bucketAccountId,
        keyProvider: topology.provider(keyAccountId),
        keyAccountId,
        bucketName: ex.bucketName,
        prefix: ex.prefix,
        lifecycle: ex.lifecycle,
        accessLogging: ex.accessLogging,
        objectLock: ex.objectLock,
        preventDestroy: ex.preventDestroy,
        keyAliasName: ex.keyAliasName,
        reader: ex.siemReader,
        queue: ex.sqsQueue,
      });
    }

    if (config.notifications) {
      const admin = this.organization.administrator;
      this.notifications = new FindingNotifications(this, "Notifications", {
        ...config.notifications,
        partition: config.partition,
        homeRegion: config.homeRegion,
        regions: config.regions,
        accountId: config.accounts.security.id,
        provider: security,
        detectors: admin.detectorRefs(),
      });
    }
  }
}
