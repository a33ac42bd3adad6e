import { Construct } from "constructs";
import type { EstateConfig } from "../config/estate-config";
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
    });
  }
}
