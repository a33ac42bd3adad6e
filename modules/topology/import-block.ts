import { TerraformElement, type TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { hclReference } from "./moved-block";
import { resourceAddress } from "./addresses";
import { PropProblems, type PropProblem } from "./validation";

/** Props of {@link ImportBlock}. */
export interface ImportBlockProps {
  /** The resource to adopt. */
  readonly resource: TerraformResource;
  /** The for_each key of the instance to adopt. @default - the resource has no for_each */
  readonly key?: string;
  /** The ID of the existing object (for a GuardDuty detector: the detector ID). */
  readonly importId: string;
}

/**
 * A Terraform `import` block that adopts an existing object into one for_each instance of a resource
 * (`to = aws_guardduty_detector.x["eu-west-1"]`), which cdktf's `importFrom` cannot address. It carries no
 * `provider` argument: Terraform rejects one outside configuration generation, and the import uses the
 * resource's own provider.
 */
export class ImportBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: ImportBlockProps,
  ) {
    super(scope, id);
  }

  /** The address the block imports into. */
  public get to(): string {
    const base = resourceAddress(this.props.resource);
    return this.props.key === undefined ? base : `${base}[${JSON.stringify(this.props.key)}]`;
  }

  public toTerraform(): any {
    return { import: [{ to: this.to, id: this.props.importId }] };
  }

  /** The same block for `cdktf synth --hcl` (cdktf would otherwise leave it out): `to` unquoted, `id` a string. */
  public toHclTerraform(): any {
    return { import: [{ to: hclReference(this.to), id: { value: this.props.importId, isBlock: false, type: "simple", storageClassType: "string" } }] };
  }
}

/**
 * Problems of `existing` (`{ region: id }`, objects to adopt) unless every region is among `regions`: a construct adds
 * them to its {@link PropProblems} before {@link adoptByRegion}.
 */
export function adoptionProblems(regions: readonly string[], existing: Readonly<Record<string, string>>, prop = "existingDetectorIds"): PropProblem[] {
  const allowed = `one of regions (${[...regions].sort().join(", ")})`;
  return Object.keys(existing)
    .filter((region) => !regions.includes(region))
    .map((region) => ({ path: `${prop}.${region}`, value: region, allowed, message: `${prop} has region "${region}", which is not ${allowed}` }));
}

/**
 * Import blocks adopting existing objects into a for_each-by-region resource, one per entry of `existing`
 * (`{ region: id }`), sorted by region; fails on a region that is not among `regions` ({@link adoptionProblems}).
 */
export function adoptByRegion(
  scope: Construct,
  resource: TerraformResource,
  regions: readonly string[],
  existing: Readonly<Record<string, string>>,
  prop = "existingDetectorIds",
): ImportBlock[] {
  new PropProblems().add(adoptionProblems(regions, existing, prop)).throwIfAny();
  return Object.keys(existing).sort().map((region) => new ImportBlock(scope, `Import-${region}`, { resource, key: region, importId: existing[region] }));
}
