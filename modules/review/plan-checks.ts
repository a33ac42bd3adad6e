/**
 * The checks Terraform runs at plan time (resource preconditions, data source postconditions): each is something a
 * person must have done before the first apply, or the plan stops with its message. Pure functions over parsed
 * JSON, no cdktf import.
 */
import type { TerraformDocument } from "./synthesized";

/** One precondition or postcondition of a block. */
export interface PlanCheck {
  /** `aws_guardduty_member.x` or `data.aws_regions.y`. */
  readonly address: string;
  readonly kind: "precondition" | "postcondition";
  /** The error message with its Terraform interpolations shortened for a reader (`${each.value.account_id}` -> `<account_id>`). */
  readonly message: string;
}

/** `${each.value.account_id}` -> `<account_id>`, any other `${...}` -> `<computed at plan time>`. */
export function readableMessage(message: string): string {
  return message
    .replace(/\$\{each\.value\.([A-Za-z0-9_]+)\}/g, "<$1>")
    .replace(/\$\{each\.key\}/g, "<key>")
    .replace(/\$\{[^{}]*\}/g, "<computed at plan time>");
}

/** Every plan-time check of a document, resources then data sources, in document order. */
export function planChecks(doc: TerraformDocument): PlanCheck[] {
  const out: PlanCheck[] = [];
  const sections: Array<[string, unknown]> = [["", doc.resource], ["data.", doc.data]];
  for (const [prefix, section] of sections) {
    for (const [type, byName] of Object.entries((section ?? {}) as Record<string, Record<string, Record<string, unknown>>>)) {
      for (const [name, body] of Object.entries(byName)) {
        const lifecycle = (body.lifecycle ?? {}) as Record<string, unknown>;
        for (const kind of ["precondition", "postcondition"] as const) {
          for (const check of (lifecycle[kind] ?? []) as Array<{ error_message?: unknown }>) {
            if (typeof check.error_message !== "string") continue;
            out.push({ address: `${prefix}${type}.${name}`, kind, message: readableMessage(check.error_message) });
          }
        }
      }
    }
  }
  return out;
}

/** The warning lines of a review: one per distinct message, naming where the plan stops. */
export function planCheckWarnings(docs: readonly TerraformDocument[]): string[] {
  const byMessage = new Map<string, string[]>();
  for (const check of docs.flatMap(planChecks)) {
    byMessage.set(check.message, [...(byMessage.get(check.message) ?? []), check.address]);
  }
  return [...byMessage].map(([message, addresses]) =>
    `Before the first apply, a person must: make this hold, or the plan stops at \`${[...new Set(addresses)].join("`, `")}\`: ${message}`);
}
