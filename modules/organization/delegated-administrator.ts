import { GuarddutyOrganizationAdminAccount } from "@cdktf/provider-aws/lib/guardduty-organization-admin-account";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { regionIterator } from "../topology/for-each";
import { instanceAddress, MovedBlock } from "../topology/moved-block";
import { byText } from "../topology/order";
import { providerInStackProblems } from "../topology/topology";
import { accountIdPropProblems, knownRegionProblems, PropProblems, regionsProblems } from "../topology/validation";

/** Props of {@link DelegatedAdministrator}. */
export interface DelegatedAdministratorProps {
  /** The organization's management account provider. */
  readonly managementProvider: AwsProvider;
  /** The account to designate GuardDuty administrator in every region. */
  readonly administratorAccountId: string;
  readonly regions: readonly string[];
  /**
   * The region designated first, alone; the others follow once it is done. When it is not among `regions` (a stack of a
   * split estate whose home region another stack designates, ordered by stack dependencies), every region here follows.
   * @default - the first of the regions in sorted order
   */
  readonly firstRegion?: string;
  /** What must exist first, above all the administrator's own detectors. @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The management account designates the delegated GuardDuty administrator in every region
 * (`aws_guardduty_organization_admin_account`). It also enables GuardDuty's trusted access in AWS Organizations and
 * registers the delegated administrator there.
 *
 * The first region is designated alone (`first`), the others after it (`rest`, for_each over them):
 * each EnableOrganizationAdminAccount is a single call the provider does not retry
 * (internal/service/guardduty/organization_admin_account.go), and designating in many regions at once has failed in
 * all regions but one (aws-secure-environment-accelerator issue 778; AWS's reference solution retries). Once the
 * first is ENABLED (the provider's Create waits for ListOrganizationAdminAccounts to say so), the organization-wide
 * registration exists and the other regions only add theirs. No extra wait follows: what depends on the designation
 * starts after those Creates returned. Earlier versions held every region in one resource (`..._admin_account`): a
 * `moved` block carries the first region's state over to `..._first_admin_account`, so the plan of an existing
 * deployment says "has moved to", never destroy.
 *
 * @example
 * new DelegatedAdministrator(stack, "Designation", { managementProvider, administratorAccountId: "222222222222",
 *   regions: ["eu-west-1"], dependsOn: [admin.detector] });
 */
export class DelegatedAdministrator extends Construct {
  /** The first region's designation (for_each with that one region); absent when firstRegion is not among regions. */
  public readonly first?: GuarddutyOrganizationAdminAccount;
  /** The other regions' designations, after the first; absent with one region. */
  public readonly rest?: GuarddutyOrganizationAdminAccount;
  /** Every designation resource: what depends on "the designation" depends on these. */
  public readonly designations: readonly GuarddutyOrganizationAdminAccount[];
  /** The region designated first. */
  public readonly firstRegion: string;

  constructor(scope: Construct, id: string, props: DelegatedAdministratorProps) {
    super(scope, id);
    new PropProblems(this)
      .add(providerInStackProblems(this, props.managementProvider, "managementProvider"))
      .add(accountIdPropProblems("administratorAccountId", props.administratorAccountId))
      .add(regionsProblems("regions", props.regions))
      .add(props.firstRegion === undefined ? [] : knownRegionProblems("firstRegion", props.firstRegion))
      .throwIfAny();
    const sorted = [...props.regions].sort(byText);
    this.firstRegion = props.firstRegion ?? sorted[0];
    const designate = (id: string, regionList: readonly string[], dependsOn: ITerraformDependable[] | undefined) => {
      const it = regionIterator(regionList);
      return named(
        new GuarddutyOrganizationAdminAccount(this, id, {
          provider: props.managementProvider,
          forEach: it,
          region: it.key,
          adminAccountId: props.administratorAccountId,
          dependsOn,
        }),
      );
    };
    // The first region has the same address whether the construct holds one region (a stack of a split estate) or all.
    if (sorted.includes(this.firstRegion)) {
      this.first = designate("FirstAdminAccount", [this.firstRegion], props.dependsOn);
      // Where earlier versions kept it: the "AdminAccount" resource, which named() calls `<path>_admin_account`.
      const legacy = {
        terraformResourceType: this.first.terraformResourceType,
        friendlyUniqueId: this.first.friendlyUniqueId.replace(/(^|_)first_admin_account$/, "$1admin_account"),
      };
      new MovedBlock(this, "FirstMoved", { from: instanceAddress(legacy, this.firstRegion), to: instanceAddress(this.first, this.firstRegion) });
    }
    const rest = sorted.filter((r) => r !== this.firstRegion);
    if (rest.length > 0) {
      this.rest = designate("AdminAccount", rest, [...(this.first ? [this.first] : []), ...(props.dependsOn ?? [])]);
    }
    this.designations = [this.first, this.rest].filter((d): d is GuarddutyOrganizationAdminAccount => d !== undefined);
  }
}
