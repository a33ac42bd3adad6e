import { GuarddutyOrganizationConfiguration } from "@cdktf/provider-aws/lib/guardduty-organization-configuration";
import { GuarddutyOrganizationConfigurationFeature } from "@cdktf/provider-aws/lib/guardduty-organization-configuration-feature";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { planRegions, resolvePlans, type AutoEnable, type ResolvedPlan } from "../config/estate-config";
import { AUTO_ENABLE } from "../config/primitives";
import { named } from "../topology/addresses";
import { regionIterator } from "../topology/for-each";
import { assertProviderInStack } from "../topology/topology";
import { assertRegions } from "../topology/validation";
import { organizationFeatureArgs, planConstructId } from "./protection-plans";

/** Props of {@link OrganizationAutoEnable}. */
export interface OrganizationAutoEnableProps {
  /** The delegated administrator's provider. */
  readonly provider: AwsProvider;
  readonly regions: readonly string[];
  /** The administrator detector ID of the same region: `${aws_guardduty_detector.x[each.key].id}`. */
  readonly eachDetectorId: string;
  /** Which organization accounts get GuardDuty: ALL (existing and new), NEW, or NONE. @default "ALL" */
  readonly autoEnableOrganizationMembers?: AutoEnable;
  /** Protection plans, whose autoEnable applies to members. @default - every plan, auto-enable ALL */
  readonly protectionPlans?: readonly ResolvedPlan[];
  /** What must exist first: the designation. @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Organization auto-enable in every region: `aws_guardduty_organization_configuration` with
 * `auto_enable_organization_members`, and one `aws_guardduty_organization_configuration_feature` per plan,
 * including Runtime Monitoring's agent management. With ALL, GuardDuty can take up to 24 hours to reach every
 * existing account.
 */
export class OrganizationAutoEnable extends Construct {
  public readonly configuration: GuarddutyOrganizationConfiguration;
  public readonly features: readonly GuarddutyOrganizationConfigurationFeature[];

  constructor(scope: Construct, id: string, props: OrganizationAutoEnableProps) {
    super(scope, id);
    assertProviderInStack(this, props.provider);
    assertRegions("regions", props.regions);
    const autoEnable = props.autoEnableOrganizationMembers ?? "ALL";
    if (!AUTO_ENABLE.includes(autoEnable)) {
      throw new Error(`autoEnableOrganizationMembers must be one of ${AUTO_ENABLE.join(", ")}; got "${autoEnable}"`);
    }
    const regions = regionIterator(props.regions);
    this.configuration = named(
      new GuarddutyOrganizationConfiguration(this, "Configuration", {
        provider: props.provider,
        forEach: regions,
        region: regions.key,
        detectorId: props.eachDetectorId,
        autoEnableOrganizationMembers: autoEnable,
        dependsOn: props.dependsOn,
      }),
    );
    const plans = props.protectionPlans ?? resolvePlans(undefined, autoEnable);
    this.features = plans.filter((plan) => planRegions(plan, props.regions).length > 0).map((plan) => {
      const it = regionIterator(planRegions(plan, props.regions));
      return named(
        new GuarddutyOrganizationConfigurationFeature(this, `Feature${planConstructId(plan.name)}`, {
          provider: props.provider,
          forEach: it,
          region: it.key,
          detectorId: props.eachDetectorId,
          ...organizationFeatureArgs(plan),
          dependsOn: [this.configuration],
        }),
      );
    });
  }
}
