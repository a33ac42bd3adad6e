import { Testing } from "cdktf";
import { parseEstate } from "../../modules/config/load";
import { EstateStack } from "../../modules/estate/estate-stack";
import type { ReviewStack } from "../../modules/review/report";
import { resourceInstances } from "../../modules/review/synthesized";
import { exampleRaw } from "../estate/fixtures";

/** The bundled example (optionally changed), synthesized as the review reads it. */
export function exampleStacks(change: (raw: any) => void = () => undefined): ReviewStack[] {
  const raw = exampleRaw();
  change(raw);
  const stack = new EstateStack(Testing.app(), parseEstate(raw));
  return [{ stack: stack.node.id, doc: JSON.parse(Testing.synth(stack)) }];
}

/**
 * A plan in Terraform's documented JSON format (`terraform show -json`), made from the synthesized resources:
 * every instance created, unless `actions` says otherwise for its address.
 */
export function planFor(stacks: ReviewStack[], actions: Record<string, string[]> = {}) {
  return {
    format_version: "1.2",
    terraform_version: "1.11.4",
    resource_changes: stacks.flatMap((s) => resourceInstances(s.doc)).map((i) => ({
      address: i.address,
      mode: "managed",
      type: i.type,
      name: i.name,
      ...(i.key !== undefined ? { index: i.key } : {}),
      provider_name: "registry.terraform.io/hashicorp/aws",
      change: { actions: actions[i.address] ?? ["create"], before: null, after: {} },
    })),
  };
}
