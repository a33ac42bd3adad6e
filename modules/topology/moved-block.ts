import { TerraformElement } from "cdktf";
import { Construct } from "constructs";
import { resourceAddress } from "./addresses";

/** Props of {@link MovedBlock}. */
export interface MovedBlockProps {
  /** The address the state was under, e.g. `aws_x.y["eu-west-1"]`. */
  readonly from: string;
  /** The address the state moves to, e.g. `aws_x.z["eu-west-1"]`. */
  readonly to: string;
}

/**
 * A Terraform `moved` block between two for_each instances (`from = aws_x.y["eu-west-1"]`, `to = aws_x.z["eu-west-1"]`),
 * which cdktf's `moveTo`/`moveFromId` cannot write (they move whole resources). The plan of an existing deployment
 * then says "has moved to" instead of destroying and creating; in a new deployment the block does nothing.
 */
export class MovedBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    public readonly props: MovedBlockProps,
  ) {
    super(scope, id);
  }

  public toTerraform(): any {
    return { moved: [{ from: this.props.from, to: this.props.to }] };
  }

  /** The same block for `cdktf synth --hcl`: both addresses are references, written unquoted. */
  public toHclTerraform(): any {
    return { moved: [{ from: hclReference(this.props.from), to: hclReference(this.props.to) }] };
  }
}

/** An address as cdktf's HCL renderer writes a reference: unquoted. */
export function hclReference(address: string): Record<string, unknown> {
  return { value: address, isBlock: false, type: "simple", storageClassType: "reference" };
}

/** The address of one for_each instance of a resource: `aws_x.y["key"]`. */
export function instanceAddress(resource: { readonly terraformResourceType: string; readonly friendlyUniqueId: string }, key: string): string {
  return `${resourceAddress(resource)}[${JSON.stringify(key)}]`;
}
