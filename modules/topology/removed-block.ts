import { TerraformElement, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { hclReference } from "./moved-block";

/** Props of {@link RemovedBlock}. */
export interface RemovedBlockProps {
  /**
   * The resource address that leaves the configuration, without instance key (`aws_s3_bucket.findings`):
   * Terraform's `removed` block takes a resource or module address, never one for_each instance.
   */
  readonly from: string;
  /**
   * `false` (the only value this project writes for the findings bucket and key): Terraform forgets the object
   * instead of destroying it; the plan shows it as "will no longer be managed by Terraform" (action "forget"). @default false
   */
  readonly destroy?: boolean;
}

/**
 * A Terraform `removed` block (Terraform >= 1.7), which cdktf 0.21 cannot write (it has no removed-block
 * construct; checked in node_modules/cdktf/lib). The decommission teardown (README "Decommissioning") writes one
 * with `destroy = false` for the findings bucket and key, so that the data stays when the estate goes. The
 * `prevent_destroy` on those resources still refuses a plain `terraform destroy` while they are in the configuration.
 */
export class RemovedBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    public readonly props: RemovedBlockProps,
  ) {
    super(scope, id);
    if (/\[/.test(props.from)) {
      throw new Error(`RemovedBlock ${id}: from: expected a resource address without instance key, e.g. aws_s3_bucket.findings; got ${JSON.stringify(props.from)}`);
    }
  }

  public toTerraform(): any {
    return { removed: [{ from: this.props.from, lifecycle: { destroy: this.props.destroy ?? false } }] };
  }

  /**
   * The same block as cdktf's HCL fragment (the address a reference, written unquoted). cdktf 0.21's stack renderer
   * drops fragments it does not know, `removed` among them (cdktf/lib/terraform-stack.js, toHclTerraform): the stack
   * writes {@link toHclText} instead (see renderRemovedBlocksInHcl).
   */
  public toHclTerraform(): any {
    return { removed: [{ from: hclReference(this.props.from), lifecycle: { destroy: this.props.destroy ?? false } }] };
  }

  /** The block as HCL text: `removed { from = <address> lifecycle { destroy = false } }`, one argument per line. */
  public toHclText(): string {
    return `removed {\n  from = ${this.props.from}\n  lifecycle {\n    destroy = ${this.props.destroy ?? false}\n  }\n}`;
  }
}

const INSTALLED = Symbol.for("guardduty-cdktf/removed-blocks-hcl");

/**
 * Makes `cdktf synth --hcl` write the stack's `removed` blocks, which cdktf 0.21's renderer drops: wraps
 * `TerraformStack.toHclTerraform` to append each RemovedBlock's {@link RemovedBlock.toHclText} to the stack's HCL. JSON
 * output is not touched. Installed once per process when this module is imported.
 */
export function renderRemovedBlocksInHcl(): void {
  const proto = TerraformStack.prototype as unknown as Record<string | symbol, unknown> & { toHclTerraform(): { hcl: string } };
  if (proto[INSTALLED]) return;
  const original = proto.toHclTerraform;
  proto.toHclTerraform = function (this: TerraformStack) {
    const out = original.call(this);
    const blocks = this.node.findAll().filter((c): c is RemovedBlock => c instanceof RemovedBlock && TerraformStack.of(c) === this);
    if (blocks.length > 0) out.hcl = [out.hcl, ...blocks.map((b) => b.toHclText())].join("\n\n") + "\n";
    return out;
  };
  proto[INSTALLED] = true;
}

renderRemovedBlocksInHcl();
