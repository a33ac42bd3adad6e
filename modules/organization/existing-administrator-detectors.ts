import { DataAwsGuarddutyDetector } from "@cdktf/provider-aws/lib/data-aws-guardduty-detector";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { Construct } from "constructs";
import { RegionalDetectors } from "./regional-detectors";
import { named } from "../topology/addresses";
import { regionIterator } from "../topology/for-each";
import { providerInStackProblems } from "../topology/topology";
import { PropProblems, regionsProblems } from "../topology/validation";

/** Props of {@link ExistingAdministratorDetectors}. */
export interface ExistingAdministratorDetectorsProps {
  /** The delegated administrator account's provider: the account whose detectors are read. */
  readonly provider: AwsProvider;
  /** Regions whose detector is read (one for_each instance each). */
  readonly regions: readonly string[];
}

/**
 * The administrator's detector in every region, read with the `aws_guardduty_detector` data source (one, for_each
 * over the regions, placed by its `region` argument) instead of created. This is how a stack finds detectors that
 * another stack of the same estate manages, without a cross-stack reference: no `terraform_remote_state`, no
 * outputs, nothing read across state files. The detectors must exist before this stack is planned (deploy the
 * stack that creates them first). Same API as {@link AdministratorDetectors}: `regions`, `detectorId(region)`,
 * `detectorArn(region)`, `detectorRefs()`, `eachDetectorId`.
 *
 * @example
 * const admin = new ExistingAdministratorDetectors(home, "Administrator", { provider: security, regions: ["eu-west-1", "us-east-1"] });
 * admin.detectorArn("us-east-1"); // ${data.aws_guardduty_detector.administrator_detector["us-east-1"].arn}
 */
export class ExistingAdministratorDetectors extends RegionalDetectors {
  /** One data source, for_each over the regions. */
  public readonly detector: DataAwsGuarddutyDetector;
  /** Sorted. */
  public readonly regions: readonly string[];

  constructor(scope: Construct, id: string, props: ExistingAdministratorDetectorsProps) {
    super(scope, id);
    new PropProblems(this)
      .add(providerInStackProblems(this, props.provider))
      .add(regionsProblems("regions", props.regions))
      .throwIfAny();
    this.regions = [...props.regions].sort();
    const regions = regionIterator(this.regions);
    this.detector = named(new DataAwsGuarddutyDetector(this, "Detector", { provider: props.provider, forEach: regions, region: regions.key }));
  }
}
