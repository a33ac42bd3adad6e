import { Construct } from "constructs";
import { eachKeyAttribute, instanceAttribute } from "../topology/for-each";

/** A detector per region, as the export and notification constructs take them. */
export interface RegionalDetectorRef {
  readonly region: string;
  /** A Terraform reference. */
  readonly detectorId: string;
  /** A Terraform reference. */
  readonly detectorArn: string;
}

/**
 * What AdministratorDetectors (created) and ExistingAdministratorDetectors (read) share: one for_each element keyed
 * by region, and references into it by region.
 */
export abstract class RegionalDetectors extends Construct {
  /** The resource or data source, for_each over the regions. */
  public abstract readonly detector: { readonly fqn: string };
  /** Sorted. */
  public abstract readonly regions: readonly string[];

  /** The detector ID in a region (a Terraform reference). */
  public detectorId(region: string): string {
    this.assertRegion(region);
    return instanceAttribute(this.detector.fqn, region, "id");
  }

  /** The detector ARN in a region (a Terraform reference). */
  public detectorArn(region: string): string {
    this.assertRegion(region);
    return instanceAttribute(this.detector.fqn, region, "arn");
  }

  /**
   * Every region's detector as `{ region, detectorId, detectorArn }` (Terraform references), the shape
   * FindingsExport's `detectors` and FindingNotifications' `detectors` take.
   */
  public detectorRefs(): RegionalDetectorRef[] {
    return this.regions.map((region) => ({ region, detectorId: this.detectorId(region), detectorArn: this.detectorArn(region) }));
  }

  /** The detector ID of the same region, for a resource whose for_each is keyed by region. */
  public get eachDetectorId(): string {
    return eachKeyAttribute(this.detector.fqn, "id");
  }

  private assertRegion(region: string): void {
    if (!this.regions.includes(region)) {
      throw new Error(`region must be one of the administrator's regions (${this.regions.join(", ")}); got "${region}"`);
    }
  }
}
