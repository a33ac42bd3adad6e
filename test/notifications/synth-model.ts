/**
 * Reads a synthesized cdk.tf.json as Terraform would plan it, enough to follow events through rules and targets:
 * expands `for_each` instances (substituting `each.key` and `each.value.<field>`), and resolves references of the
 * form `${<type>.<name>[<key>].<attribute>}` to literal attributes, or to the referenced instance's address when the
 * attribute is only known after apply (a topic's ARN).
 */
import { SynthDoc } from "../helpers";

/** One planned resource instance: `aws_x.name` or `aws_x.name["key"]`, with its attributes. */
export interface Instance {
  readonly type: string;
  readonly name: string;
  readonly key?: string;
  readonly address: string;
  readonly attrs: Record<string, any>;
}

function substituteEach(value: any, key: string, each: Record<string, any>): any {
  if (typeof value === "string") {
    const whole = /^\$\{each\.value\.([a-z_]+)\}$/.exec(value);
    if (whole) return each[whole[1]];
    return value.replace(/\$\{each\.key\}/g, key).replace(/\[each\.key\]/g, `["${key}"]`)
      .replace(/\$\{each\.value\.([a-z_]+)\}/g, (_, f) => String(each[f]));
  }
  if (Array.isArray(value)) return value.map((v) => substituteEach(v, key, each));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteEach(v, key, each)]));
  return value;
}

/** Every instance of resources of `type`. */
export function instances(doc: SynthDoc, type: string): Instance[] {
  const out: Instance[] = [];
  for (const [name, attrs] of Object.entries(doc.resource?.[type] ?? {})) {
    const { for_each: forEach, ...rest } = attrs as Record<string, any>;
    if (forEach === undefined) {
      out.push({ type, name, address: `${type}.${name}`, attrs: rest });
      continue;
    }
    if (typeof forEach !== "object") throw new Error(`${type}.${name}: for_each must be a literal map in tests; got ${JSON.stringify(forEach)}`);
    for (const [key, each] of Object.entries(forEach as Record<string, any>)) {
      out.push({ type, name, key, address: `${type}.${name}["${key}"]`, attrs: substituteEach(rest, key, typeof each === "object" ? each : { value: each }) });
    }
  }
  return out;
}

/** Resolves `${type.name.attr}` / `${type.name["key"].attr}` to a literal attribute, else to the instance address. */
export function resolve(doc: SynthDoc, value: string): string {
  const m = /^\$\{([a-z0-9_]+)\.([a-z0-9_]+)(?:\["([^"]+)"\])?\.([a-z_]+)\}$/.exec(value);
  if (!m) return value;
  const [, type, name, key, attribute] = m;
  const instance = instances(doc, type).find((i) => i.name === name && i.key === key);
  if (!instance) throw new Error(`reference ${value} names no instance`);
  const literal = instance.attrs[attribute];
  return typeof literal === "string" && !literal.includes("${") ? literal : instance.address;
}
