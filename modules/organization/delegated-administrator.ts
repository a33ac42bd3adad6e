import { GuarddutyOrganizationAdminAccount } from "@cdktf/provider-aws/lib/guardduty-organization-admin-account";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { regionIterator } from "../topology/for-each";
import { assertProviderInStack } from "../topology/topology";
import { assertAccountId, assertRegions } from "../topology/validation";

/** Props of {@link DelegatedAdministrator}. */
export interface DelegatedAdministratorProps {
  /** The organization's management account provider. */
  readonly managementProvider: AwsProvider;
  /** The account to designate GuardDuty administrator in every region. */
  readonly administratorAccountId: string;
  readonly regions: readonly string[];
  /** What must exist first, above all the administrator's own detectors. @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The management account designates the delegated GuardDuty administrator in every region
 * (`aws_guardduty_organization_admin_account`, one resource for_each over the regions). It also enables
 * GuardDuty's trusted access in AWS Organizations.
 *
 * @example
 * new DelegatedAdministrator(stack, "Designation", { managementProvider, administratorAccountId: "222222222222",
 *   regions: ["eu-west-1"], dependsOn: [admin.detector] });
 */
export class DelegatedAdministrator extends Construct {
  public readonly designation: GuarddutyOrganizationAdminAccount;

  constructor(scope: Construct, id: string, props: DelegatedAdministratorProps) {
    super(scope, id);
    assertProviderInStack(this, props.managementProvider, "managementProvider");
    assertAccountId("administratorAccountId", props.administratorAccountId);
    assertRegions("regions", props.regions);
    const regions = regionIterator(props.regions);
    this.designation = named(
      new GuarddutyOrganizationAdminAccount(this, "AdminAccount", {
        provider: props.managementProvider,
        forEach: regions,
        region: regions.key,
        adminAccountId: props.administratorAccountId,
        dependsOn: props.dependsOn,
      }),
    );
  }
}
