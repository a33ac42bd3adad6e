import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { planRegions, resolvePlans, type AutoEnable, type ResolvedPlan } from "../config/estate-config";
import { AUTO_ENABLE } from "../config/primitives";
import { FINDING_PUBLISHING_FREQUENCIES, type FindingPublishingFrequency } from "../config/estate-schema";
import { EnabledRegionsCheck } from "../topology/enabled-regions-check";
import { byText } from "../topology/order";
import { partitionOf } from "../topology/regions";
import { providerInStackProblems } from "../topology/topology";
import { accountIdPropProblems, knownRegionProblems, oneOfPropProblems, PropProblems, regionsProblems } from "../topology/validation";
import { AdministratorDetectors } from "./administrator-detectors";
import { DelegatedAdministrator } from "./delegated-administrator";
import { InvitedMembers, type InvitedMember } from "./invited-members";
import { MalwareProtectionAccess, malwareTrustedAccessPrecondition } from "./malware-protection-access";
import { ManagementAccountMember } from "./management-account";
import { MemberFeatureOverrides, type MemberFeatureOverride } from "./member-feature-overrides";
import { OrganizationAutoEnable } from "./organization-auto-enable";
import { OrganizationLookup } from "./organization-lookup";
import { OrganizationMembers } from "./organization-members";

/** What the estate does with the organization's management account. */
export interface ManagementAccountOptions {
  /**
   * Give the management account a detector in every region and make it a member of the administrator (auto-enable
   * never enrols it). @default true
   */
  readonly monitor?: boolean;
  /** Its root email, for the membership. @default - the organization's master_account_email, read at plan time */
  readonly email?: string;
  /** Detectors it already has, by region: adopted by `import`. @default {} */
  readonly existingDetectorIds?: Readonly<Record<string, string>>;
  /** The malware-protection service-linked role: created, or adopted because it exists. @default "create" */
  readonly malwareProtectionRole?: "create" | "existing";
}

/** Props of {@link GuardDutyOrganization}. */
export interface GuardDutyOrganizationProps {
  /** The organization's management account provider. */
  readonly managementProvider: AwsProvider;
  /** The management account's ID. @default - the managementProvider's only allowed_account_ids entry */
  readonly managementAccountId?: string;
  /** The delegated administrator (security) account's provider. */
  readonly administratorProvider: AwsProvider;
  readonly administratorAccountId: string;
  /** Regions where GuardDuty runs. */
  readonly regions: readonly string[];
  /**
   * The region designated first (the others follow), and where account-wide resources (the malware-protection
   * service-linked role) are written: a construct whose regions do not include it writes none.
   * @default - the first of the regions in sorted order
   */
  readonly homeRegion?: string;
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
  /**
   * Organization accounts enrolled as members now (not up to 24 hours later through auto-enable), each with its
   * per-account plan overrides (`protectionPlans` may be empty). @default []
   */
  readonly memberOverrides?: readonly MemberFeatureOverride[];
  /** The management account. @default - monitored, email from AWS Organizations, role created */
  readonly managementAccount?: ManagementAccountOptions;
  /** Tags of the detectors. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The GuardDuty organization core in every region, in the order the APIs need:
 * 1. the administrator's detectors (with protection plans), and in the management account the malware-protection
 *    service-linked role and (by default) its own detectors;
 * 2. the designation by the management account: the home region first, then the others;
 * 3. organization auto-enable and its features (EBS malware protection after the role, behind a precondition on
 *    trusted access);
 * 4. members enrolled now: the listed organization accounts and the management account; then their overrides;
 * 5. invitations of accounts outside the organization, and the estate's plans on them once accepted.
 * Plans stop before any change when an opt-in region is not enabled in an account, when a listed account is not in
 * the organization, or when trusted access for malware protection is missing.
 *
 * @example
 * new GuardDutyOrganization(stack, "Organization", {
 *   managementProvider: topology.provider("111111111111"), administratorProvider: topology.provider("222222222222"),
 *   administratorAccountId: "222222222222", regions: ["eu-west-1", "us-east-1", "me-south-1"], homeRegion: "eu-west-1",
 * });
 */
export class GuardDutyOrganization extends Construct {
  public readonly administrator: AdministratorDetectors;
  public readonly delegation: DelegatedAdministrator;
  public readonly autoEnable: OrganizationAutoEnable;
  /** Present when something reads AWS Organizations (members, the management account, malware protection). */
  public readonly organizationLookup?: OrganizationLookup;
  /** Present when the management account is monitored. */
  public readonly managementAccount?: ManagementAccountMember;
  /** Present when EBS malware protection is on and the home region is among the regions. */
  public readonly malwareProtection?: MalwareProtectionAccess;
  /** Present when memberOverrides is not empty. */
  public readonly members?: OrganizationMembers;
  /** Present when invitedMembers is not empty. */
  public readonly invited?: InvitedMembers;
  /** Present when some member has a plan override. */
  public readonly overrides?: MemberFeatureOverrides;

  constructor(scope: Construct, id: string, props: GuardDutyOrganizationProps) {
    super(scope, id);
    const regions = [...props.regions].sort(byText);
    const homeRegion = props.homeRegion ?? regions[0];
    const plans = props.protectionPlans ?? resolvePlans(undefined, props.autoEnableOrganizationMembers ?? "ALL");
    const management = props.managementAccount ?? {};
    const monitorManagement = management.monitor ?? true;
    const members = props.memberOverrides ?? [];
    const ebs = plans.find((p) => p.name === "EBS_MALWARE_PROTECTION");
    const malware = ebs !== undefined && ebs.enabled && planRegions(ebs, regions).length > 0;
    const knownManagementId = props.managementAccountId ?? (props.managementProvider.allowedAccountIds ?? [])[0];
    organizationProblems(this, props, knownManagementId, monitorManagement || malware).throwIfAny();
    const managementAccountId = (): string => knownManagementId as string;

    new EnabledRegionsCheck(this, "SecurityRegions", {
      provider: props.administratorProvider, accountId: props.administratorAccountId, role: "security (GuardDuty administrator)", regions,
    });
    if (regions.some((r) => r !== homeRegion) || monitorManagement) {
      // The designations (and the management account's detectors) are regional calls from the management account.
      new EnabledRegionsCheck(this, "ManagementRegions", {
        provider: props.managementProvider, accountId: knownManagementId ?? "(management)", role: "management", regions,
      });
    }
    this.administrator = new AdministratorDetectors(this, "Administrator", {
      provider: props.administratorProvider,
      regions,
      findingPublishingFrequency: props.findingPublishingFrequency,
      protectionPlans: props.protectionPlans,
      existingDetectorIds: props.existingDetectorIds,
      tags: props.tags,
    });
    if (members.length > 0 || monitorManagement || malware) {
      this.organizationLookup = new OrganizationLookup(this, "Lookup", { managementProvider: props.managementProvider });
    }
    const organization = this.organizationLookup;
    if (malware && organization && regions.includes(homeRegion)) {
      this.malwareProtection = new MalwareProtectionAccess(this, "MalwareProtection", {
        managementProvider: props.managementProvider,
        managementAccountId: managementAccountId(),
        partition: partitionOf(regions[0]),
        organization,
        role: management.malwareProtectionRole,
      });
    }
    this.delegation = new DelegatedAdministrator(this, "Delegation", {
      managementProvider: props.managementProvider,
      administratorAccountId: props.administratorAccountId,
      regions,
      firstRegion: homeRegion,
      dependsOn: [this.administrator.detector],
    });
    this.autoEnable = new OrganizationAutoEnable(this, "AutoEnable", {
      provider: props.administratorProvider,
      regions,
      eachDetectorId: this.administrator.eachDetectorId,
      autoEnableOrganizationMembers: props.autoEnableOrganizationMembers,
      protectionPlans: props.protectionPlans,
      dependsOn: [...this.delegation.designations],
      featureRequirements: malware && organization
        ? {
            EBS_MALWARE_PROTECTION: {
              dependsOn: this.malwareProtection ? [this.malwareProtection.role] : [],
              preconditions: [this.malwareProtection?.precondition ?? malwareTrustedAccessPrecondition(organization, managementAccountId())],
            },
          }
        : {},
    });
    const configured = [this.autoEnable.configuration, ...this.autoEnable.features];
    if (monitorManagement && organization) {
      this.managementAccount = new ManagementAccountMember(this, "ManagementAccount", {
        managementProvider: props.managementProvider,
        managementAccountId: managementAccountId(),
        administratorProvider: props.administratorProvider,
        administratorDetector: this.administrator.detector,
        regions,
        email: management.email,
        organization,
        existingDetectorIds: management.existingDetectorIds,
        dependsOn: configured,
      });
    }
    if (members.length > 0 && organization) {
      this.members = new OrganizationMembers(this, "Members", {
        provider: props.administratorProvider,
        administratorDetector: this.administrator.detector,
        regions,
        members: members.map((m) => ({ accountId: m.accountId, email: m.email })),
        organization,
        dependsOn: configured,
      });
      if (members.some((m) => Object.keys(m.protectionPlans).length > 0)) {
        this.overrides = new MemberFeatureOverrides(this, "MemberOverrides", {
          provider: props.administratorProvider,
          administratorDetector: this.administrator.detector,
          regions,
          members: members.filter((m) => Object.keys(m.protectionPlans).length > 0),
          protectionPlans: props.protectionPlans,
          dependsOn: [this.members.members],
        });
      }
    }
    if (props.invitedMembers && props.invitedMembers.length > 0) {
      this.invited = new InvitedMembers(this, "Invited", {
        administratorProvider: props.administratorProvider,
        administratorAccountId: props.administratorAccountId,
        administratorDetector: this.administrator.detector,
        regions,
        members: props.invitedMembers,
        dependsOn: [...this.delegation.designations],
        protectionPlans: plans,
      });
    }
  }
}

/**
 * Every problem of the props this construct uses itself, before any part is created (the parts check theirs again):
 * the providers, the accounts, the regions, and the management account's ID where it is needed (monitoring it, EBS
 * malware protection).
 */
function organizationProblems(scope: Construct, props: GuardDutyOrganizationProps, managementId: string | undefined, needsManagementId: boolean): PropProblems {
  const p = new PropProblems(scope)
    .add(providerInStackProblems(scope, props.managementProvider, "managementProvider"))
    .add(providerInStackProblems(scope, props.administratorProvider, "administratorProvider"))
    .add(accountIdPropProblems("administratorAccountId", props.administratorAccountId))
    .add(regionsProblems("regions", props.regions))
    .add(props.homeRegion === undefined ? [] : knownRegionProblems("homeRegion", props.homeRegion))
    .add(oneOfPropProblems("findingPublishingFrequency", props.findingPublishingFrequency ?? "FIFTEEN_MINUTES", FINDING_PUBLISHING_FREQUENCIES))
    .add(oneOfPropProblems("autoEnableOrganizationMembers", props.autoEnableOrganizationMembers ?? "ALL", AUTO_ENABLE));
  if (needsManagementId && (managementId === undefined || Token.isUnresolved(managementId))) {
    p.add("managementAccountId", managementId, "a 12-digit AWS account ID (or a managementProvider with allowed_account_ids)",
      "managementAccountId is required to monitor the management account or for EBS malware protection (the managementProvider pins no allowed_account_ids)");
  } else if (managementId !== undefined && (needsManagementId || props.managementAccountId !== undefined)) {
    p.add(accountIdPropProblems("managementAccountId", managementId));
  }
  return p;
}
