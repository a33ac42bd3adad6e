import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import type { AutoEnable, ResolvedPlan } from "../config/estate-config";
import type { FindingPublishingFrequency } from "../config/estate-schema";
import { assertAccountId } from "../topology/validation";
import { AdministratorDetectors } from "./administrator-detectors";
import { DelegatedAdministrator } from "./delegated-administrator";
import { InvitedMembers, type InvitedMember } from "./invited-members";
import { MemberFeatureOverrides, type MemberFeatureOverride } from "./member-feature-overrides";
import { OrganizationAutoEnable } from "./organization-auto-enable";

/** Props of {@link GuardDutyOrganization}. */
export interface GuardDutyOrganizationProps {
  /** The organization's management account provider. */
  readonly managementProvider: AwsProvider;
  /** The delegated administrator (security) account's provider. */
  readonly administratorProvider: AwsProvider;
  readonly administratorAccountId: string;
  /** Regions where GuardDuty runs. */
  readonly regions: readonly string[];
  /** @default "FIFTEEN_MINUTES" */
  readonly findingPublishingFrequency?: FindingPublishingFrequency;
  /** @default "ALL" */
  readonly autoEnableOrganizationMembers?: AutoEnable;
  /** @default - every plan on, Runtime Monitoring with all agent management, auto-enable as the organization */
  readonly protectionPlans?: readonly ResolvedPlan[];
  /** Administrator detectors to adopt, by region. @default {} */
  readonly existingDetectorIds?: Readonly<Record<string, string>>;
  /** Accounts outside the organization. @default [] */
  readonly invitedMembers?: readonly InvitedMember[];
  /** Organization members whose plans differ from auto-enable. @default [] */
  readonly memberOverrides?: readonly MemberFeatureOverride[];
  /** Tags of the detectors. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The GuardDuty organization core in every region, in the order the APIs need: the administrator's detectors
 * (with protection plans), then the designation by the management account, then organization auto-enable and
 * the invitations of accounts outside the organization.
 *
 * @example
 * new GuardDutyOrganization(stack, "Organization", {
 *   managementProvider: topology.provider("111111111111"), administratorProvider: topology.provider("222222222222"),
 *   administratorAccountId: "222222222222", regions: ["eu-west-1", "us-east-1", "me-south-1"],
 * });
 */
export class GuardDutyOrganization extends Construct {
  public readonly administrator: AdministratorDetectors;
  public readonly delegation: DelegatedAdministrator;
  public readonly autoEnable: OrganizationAutoEnable;
  /** Present when invitedMembers is not empty. */
  public readonly invited?: InvitedMembers;
  /** Present when memberOverrides is not empty. */
  public readonly overrides?: MemberFeatureOverrides;

  constructor(scope: Construct, id: string, props: GuardDutyOrganizationProps) {
    super(scope, id);
    assertAccountId("administratorAccountId", props.administratorAccountId);
    this.administrator = new AdministratorDetectors(this, "Administrator", {
      provider: props.administratorProvider,
      regions: props.regions,
      findingPublishingFrequency: props.findingPublishingFrequency,
      protectionPlans: props.protectionPlans,
      existingDetectorIds: props.existingDetectorIds,
      tags: props.tags,
    });
    this.delegation = new DelegatedAdministrator(this, "Delegation", {
      managementProvider: props.managementProvider,
      administratorAccountId: props.administratorAccountId,
      regions: props.regions,
      dependsOn: [this.administrator.detector],
    });
    this.autoEnable = new OrganizationAutoEnable(this, "AutoEnable", {
      provider: props.administratorProvider,
      regions: props.regions,
      eachDetectorId: this.administrator.eachDetectorId,
      autoEnableOrganizationMembers: props.autoEnableOrganizationMembers,
      protectionPlans: props.protectionPlans,
      dependsOn: [this.delegation.designation],
    });
    if (props.invitedMembers && props.invitedMembers.length > 0) {
      this.invited = new InvitedMembers(this, "Invited", {
        administratorProvider: props.administratorProvider,
        administratorAccountId: props.administratorAccountId,
        administratorDetector: this.administrator.detector,
        regions: props.regions,
        members: props.invitedMembers,
        dependsOn: [this.delegation.designation],
      });
    }
    if (props.memberOverrides && props.memberOverrides.length > 0) {
      this.overrides = new MemberFeatureOverrides(this, "MemberOverrides", {
        provider: props.administratorProvider,
        administratorDetector: this.administrator.detector,
        regions: props.regions,
        members: props.memberOverrides,
        protectionPlans: props.protectionPlans,
        dependsOn: [this.autoEnable.configuration],
      });
    }
  }
}
