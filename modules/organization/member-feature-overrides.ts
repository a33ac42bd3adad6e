import { GuarddutyMemberDetectorFeature } from "@cdktf/provider-aws/lib/guardduty-member-detector-feature";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { planRegions, type ResolvedPlan } from "../config/estate-config";
import { PROTECTION_PLANS, type ProtectionPlan } from "../config/estate-schema";
import { named } from "../topology/addresses";
import { eachKeyAttribute, expressionIterator, regionAccountProduct } from "../topology/for-each";
import { providerInStackProblems } from "../topology/topology";
import { accountIdPropProblems, PropProblems, regionsProblems } from "../topology/validation";
import { memberFeatureArgs, planConstructId } from "./protection-plans";

/** One organization member whose plans differ from the organization's auto-enable. */
export interface MemberFeatureOverride {
  readonly accountId: string;
  /** Its root email, for the enrolment (GuardDutyOrganization). @default - read from AWS Organizations at plan time */
  readonly email?: string;
  /** Plan -> on or off for this member, in every region. */
  readonly protectionPlans: Readonly<Partial<Record<ProtectionPlan, boolean>>>;
}

/** Props of {@link MemberFeatureOverrides}. */
export interface MemberFeatureOverridesProps {
  /** The delegated administrator's provider. */
  readonly provider: AwsProvider;
  /** The administrator detector resource, for_each keyed by region. */
  readonly administratorDetector: { readonly fqn: string };
  readonly regions: readonly string[];
  readonly members: readonly MemberFeatureOverride[];
  /** The estate's plans, for their excludeRegions: no override is written where a plan is not managed. @default [] */
  readonly protectionPlans?: readonly ResolvedPlan[];
  /** What must exist first: the members' enrolment (OrganizationMembers), after the organization configuration. @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Per-account protection plan overrides for organization members (`aws_guardduty_member_detector_feature`),
 * one resource per plan, keyed `"<region>/<account>"`. The keys are computed by Terraform from two short lists
 * (`setproduct(regions, accounts)`), so the synthesized document grows with the accounts, not with
 * accounts x regions. Each override is an UpdateMemberDetectors call, which GuardDuty refuses for an account that is
 * not yet an associated member and the provider does not retry: order it after the enrolment (`dependsOn`).
 * Arguments are stated as Read stores them (see memberFeatureArgs): the second plan shows no change.
 */
export class MemberFeatureOverrides extends Construct {
  /** One resource per overridden plan and status. */
  public readonly features: readonly GuarddutyMemberDetectorFeature[];

  constructor(scope: Construct, id: string, props: MemberFeatureOverridesProps) {
    super(scope, id);
    const p = new PropProblems(this);
    p.add(providerInStackProblems(this, props.provider));
    p.add(regionsProblems("regions", props.regions));
    const seen = new Set<string>();
    for (const m of props.members) {
      p.add(accountIdPropProblems("members[].accountId", m.accountId));
      if (seen.has(m.accountId)) p.add("members", m.accountId, "distinct accounts", `members must not repeat an account; got ${m.accountId} twice`);
      seen.add(m.accountId);
      for (const plan of Object.keys(m.protectionPlans)) {
        if (!PROTECTION_PLANS.includes(plan as ProtectionPlan)) {
          const allowed = PROTECTION_PLANS.join(", ");
          p.add(`members[${m.accountId}].protectionPlans`, plan, `one of ${allowed}`, `members[${m.accountId}].protectionPlans has "${plan}"; allowed: ${allowed}`);
        }
      }
    }
    p.throwIfAny();
    const regions = [...props.regions].sort();
    const features: GuarddutyMemberDetectorFeature[] = [];
    for (const plan of PROTECTION_PLANS) {
      for (const enabled of [true, false]) {
        const accounts = props.members.filter((m) => m.protectionPlans[plan] === enabled).map((m) => m.accountId).sort();
        if (accounts.length === 0) continue;
        const settings = props.protectionPlans?.find((p) => p.name === plan);
        const planRegionList = settings ? planRegions(settings, regions) : regions;
        if (planRegionList.length === 0) continue;
        const it = expressionIterator(regionAccountProduct(planRegionList, accounts));
        features.push(
          named(
            new GuarddutyMemberDetectorFeature(this, `${planConstructId(plan)}${enabled ? "Enabled" : "Disabled"}`, {
              provider: props.provider,
              forEach: it,
              region: it.getString("region"),
              accountId: it.getString("account_id"),
              detectorId: eachKeyAttribute(props.administratorDetector.fqn, "id", "each.value.region"),
              ...memberFeatureArgs(plan, enabled, settings),
              dependsOn: props.dependsOn,
            }),
          ),
        );
      }
    }
    this.features = features;
  }
}
