import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { GuarddutyDetectorFeature } from "@cdktf/provider-aws/lib/guardduty-detector-feature";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { Construct } from "constructs";
import { RegionalDetectors } from "./regional-detectors";
import { planRegions, resolvePlans, type ResolvedPlan } from "../config/estate-config";
import { FINDING_PUBLISHING_FREQUENCIES, type FindingPublishingFrequency } from "../config/estate-schema";
import { named } from "../topology/addresses";
import { eachKeyAttribute, regionIterator } from "../topology/for-each";
import { adoptByRegion, adoptionProblems, type ImportBlock } from "../topology/import-block";
import { providerInStackProblems } from "../topology/topology";
import { oneOfPropProblems, PropProblems, regionsProblems } from "../topology/validation";
import { detectorFeatureArgs, planConstructId } from "./protection-plans";

/** Props of {@link AdministratorDetectors}. */
export interface AdministratorDetectorsProps {
  /** The delegated administrator account's provider. */
  readonly provider: AwsProvider;
  /** Regions with a detector (one for_each instance each). */
  readonly regions: readonly string[];
  /**
   * How often updated findings are published; set here only, GuardDuty imposes it on every member.
   * @default "FIFTEEN_MINUTES"
   */
  readonly findingPublishingFrequency?: FindingPublishingFrequency;
  /** Protection plans. @default - every plan on, Runtime Monitoring with all agent management, auto-enable ALL */
  readonly protectionPlans?: readonly ResolvedPlan[];
  /** Detectors that already exist, by region: adopted with an `import` block instead of created. @default {} */
  readonly existingDetectorIds?: Readonly<Record<string, string>>;
  /** Tags of the detectors. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The administrator's own GuardDuty detector in every region, with its protection plans as
 * `aws_guardduty_detector_feature` (never the deprecated `datasources` block). It must exist before the
 * account is designated administrator: the designation would otherwise create one, and a later create fails
 * with "a detector already exists". Adopt such a detector with `existingDetectorIds`.
 *
 * @example
 * const admin = new AdministratorDetectors(stack, "Administrator", { provider: security, regions: ["eu-west-1", "us-east-1"] });
 * admin.detectorId("eu-west-1"); // ${aws_guardduty_detector.administrator_detector["eu-west-1"].id}
 */
export class AdministratorDetectors extends RegionalDetectors {
  /** One resource, for_each over the regions. */
  public readonly detector: GuarddutyDetector;
  /** One resource per protection plan, each for_each over the regions. */
  public readonly features: readonly GuarddutyDetectorFeature[];
  /** Import blocks of adopted detectors. */
  public readonly imports: readonly ImportBlock[];
  public readonly regions: readonly string[];

  constructor(scope: Construct, id: string, props: AdministratorDetectorsProps) {
    super(scope, id);
    const frequency = props.findingPublishingFrequency ?? "FIFTEEN_MINUTES";
    new PropProblems(this)
      .add(providerInStackProblems(this, props.provider))
      .add(regionsProblems("regions", props.regions))
      .add(oneOfPropProblems("findingPublishingFrequency", frequency, FINDING_PUBLISHING_FREQUENCIES))
      .add(adoptionProblems(props.regions, props.existingDetectorIds ?? {}))
      .throwIfAny();
    this.regions = [...props.regions].sort();

    const regions = regionIterator(this.regions);
    this.detector = named(
      new GuarddutyDetector(this, "Detector", {
        provider: props.provider,
        forEach: regions,
        region: regions.key,
        enable: true,
        findingPublishingFrequency: frequency,
        tags: props.tags ? { ...props.tags } : undefined,
      }),
    );
    this.imports = adoptByRegion(this, this.detector, this.regions, props.existingDetectorIds ?? {});

    const plans = props.protectionPlans ?? resolvePlans(undefined, "ALL");
    this.features = plans.filter((plan) => planRegions(plan, this.regions).length > 0).map((plan) => {
      const it = regionIterator(planRegions(plan, this.regions));
      return named(
        new GuarddutyDetectorFeature(this, `Feature${planConstructId(plan.name)}`, {
          provider: props.provider,
          forEach: it,
          region: it.key,
          detectorId: eachKeyAttribute(this.detector.fqn, "id"),
          ...detectorFeatureArgs(plan),
        }),
      );
    });
  }
}
