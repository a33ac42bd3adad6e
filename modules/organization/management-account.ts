import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { GuarddutyMember } from "@cdktf/provider-aws/lib/guardduty-member";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { eachKeyAttribute, regionIterator } from "../topology/for-each";
import { adoptByRegion, adoptionProblems, type ImportBlock } from "../topology/import-block";
import { providerInStackProblems } from "../topology/topology";
import { accountIdPropProblems, PropProblems, regionsProblems } from "../topology/validation";
import { MEMBER_LIFECYCLE } from "./member-lifecycle";
import type { OrganizationLookup } from "./organization-lookup";

/** Props of {@link ManagementAccountMember}. */
export interface ManagementAccountMemberProps {
  /** The management account's provider: its own detectors. */
  readonly managementProvider: AwsProvider;
  readonly managementAccountId: string;
  /** The delegated administrator's provider: it makes the management account a member. */
  readonly administratorProvider: AwsProvider;
  /** The administrator detector, for_each keyed by region. */
  readonly administratorDetector: { readonly fqn: string };
  readonly regions: readonly string[];
  /** The management account's root email. @default - the organization's master_account_email, read at plan time */
  readonly email?: string;
  /** Where the email comes from when not given. */
  readonly organization: OrganizationLookup;
  /** Detectors the management account already has, by region: adopted by `import`. @default {} */
  readonly existingDetectorIds?: Readonly<Record<string, string>>;
  /** What must exist before the membership: the organization configuration and its features. @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Monitors the organization's management account, which auto-enable never enrols: its own detector in every region
 * (from the management account; adopt existing ones with `existingDetectorIds`), then, from the administrator, an
 * `aws_guardduty_member` per region. The detector must exist first: GuardDuty refuses a member whose organization
 * management account has not enabled GuardDuty. Same lifecycle as listed organization members (ignore `invite` and
 * `email`, `prevent_destroy`). No finding publishing frequency or plan is set on the detector: as a member it gets
 * the administrator's frequency and the organization's auto-enable settings.
 *
 * @example
 * new ManagementAccountMember(stack, "Management", { managementProvider, managementAccountId: "111111111111",
 *   administratorProvider, administratorDetector: admin.detector, regions: ["eu-west-1"], organization });
 */
export class ManagementAccountMember extends Construct {
  /** The management account's detectors, for_each over the regions. */
  public readonly detector: GuarddutyDetector;
  /** Import blocks of adopted detectors. */
  public readonly imports: readonly ImportBlock[];
  /** The membership, for_each over the regions. */
  public readonly member: GuarddutyMember;

  constructor(scope: Construct, id: string, props: ManagementAccountMemberProps) {
    super(scope, id);
    new PropProblems(this)
      .add(providerInStackProblems(this, props.managementProvider, "managementProvider"))
      .add(providerInStackProblems(this, props.administratorProvider, "administratorProvider"))
      .add(accountIdPropProblems("managementAccountId", props.managementAccountId))
      .add(regionsProblems("regions", props.regions))
      .add(adoptionProblems(props.regions, props.existingDetectorIds ?? {}))
      .throwIfAny();
    const regions = regionIterator(props.regions);
    this.detector = named(
      new GuarddutyDetector(this, "Detector", { provider: props.managementProvider, forEach: regions, region: regions.key, enable: true }),
    );
    this.imports = adoptByRegion(this, this.detector, props.regions, props.existingDetectorIds ?? {});

    const memberRegions = regionIterator(props.regions);
    this.member = named(
      new GuarddutyMember(this, "Member", {
        provider: props.administratorProvider,
        forEach: memberRegions,
        region: memberRegions.key,
        detectorId: eachKeyAttribute(props.administratorDetector.fqn, "id"),
        accountId: props.managementAccountId,
        email: props.email ?? `\${${props.organization.managementEmail}}`,
        dependsOn: [this.detector, ...(props.dependsOn ?? [])],
        lifecycle: MEMBER_LIFECYCLE,
      }),
    );
  }
}
