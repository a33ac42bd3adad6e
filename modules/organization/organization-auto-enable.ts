import { GuarddutyOrganizationConfiguration } from "@cdktf/provider-aws/lib/guardduty-organization-configuration";
import { GuarddutyOrganizationConfigurationFeature } from "@cdktf/provider-aws/lib/guardduty-organization-configuration-feature";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { ITerraformDependable, TerraformResourceLifecycle } from "cdktf";
import type { ProtectionPlan } from "../config/estate-schema";
import { Construct } from "constructs";
import { planRegions, resolvePlans, type AutoEnable, type ResolvedPlan } from "../config/estate-config";
import { AUTO_ENABLE } from "../config/primitives";
import { named } from "../topology/addresses";
import { regionIterator } from "../topology/for-each";
import { providerInStackProblems } from "../topology/topology";
import { oneOfPropProblems, PropProblems, regionsProblems } from "../topology/validation";
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
  /**
   * What a plan's organization feature needs besides the configuration, e.g. EBS_MALWARE_PROTECTION: the management
   * account's service-linked role first, and a precondition on trusted access.
   * @default {}
   */
  readonly featureRequirements?: Readonly<Partial<Record<ProtectionPlan, FeatureRequirement>>>;
}

/** What one organization feature needs before it is created. */
export interface FeatureRequirement {
  /** Created before the feature. @default [] */
  readonly dependsOn?: ITerraformDependable[];
  /** Checked at plan time: the plan stops with the message when one fails. @default [] */
  readonly preconditions?: NonNullable<TerraformResourceLifecycle["precondition"]>;
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
    new PropProblems(this)
      .add(providerInStackProblems(this, props.provider))
      .add(regionsProblems("regions", props.regions))
      .add(oneOfPropProblems("autoEnableOrganizationMembers", props.autoEnableOrganizationMembers ?? "ALL", AUTO_ENABLE))
      .throwIfAny();
    const autoEnable = props.autoEnableOrganizationMembers ?? "ALL";
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
      const needs = props.featureRequirements?.[plan.name];
      return named(
        new GuarddutyOrganizationConfigurationFeature(this, `Feature${planConstructId(plan.name)}`, {
          provider: props.provider,
          forEach: it,
          region: it.key,
          detectorId: props.eachDetectorId,
          ...organizationFeatureArgs(plan),
          dependsOn: [this.configuration, ...(needs?.dependsOn ?? [])],
          ...(needs?.preconditions?.length ? { lifecycle: { precondition: [...needs.preconditions] } } : {}),
        }),
      );
    });
  }
}
