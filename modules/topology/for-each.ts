import { Lazy, TerraformIterator, type MapTerraformIterator } from "cdktf";

/**
 * A for_each over regions: a map from each region to itself, so `each.key` and `each.value` are the region and
 * `terraform plan` shows `resource["eu-west-1"]`. Keys are sorted: the order of the input never matters.
 */
export function regionIterator(regions: readonly string[]): MapTerraformIterator {
  return TerraformIterator.fromMap(Object.fromEntries([...new Set(regions)].sort().map((r) => [r, r])));
}

/** A for_each over a map of objects, keys sorted. */
export function mapIterator(entries: Readonly<Record<string, Record<string, unknown>>>): MapTerraformIterator {
  return TerraformIterator.fromMap(Object.fromEntries(Object.keys(entries).sort().map((k) => [k, entries[k]])));
}

/**
 * A reference into a for_each resource, `${<address><suffix>}`, as a token resolved at synthesis. Being a token,
 * it survives `JSON.stringify` (policy documents) without its quotes being escaped into the expression.
 */
function reference(fqn: string, suffix: string): string {
  return Lazy.stringValue({
    produce: (context) => {
      const address = String(context.resolve(fqn)).replace(/^\$\{(.*)\}$/s, "$1");
      return `\${${address}${suffix}}`;
    },
  });
}

/** `${<fqn>["<key>"].<attribute>}`: one instance's attribute of a for_each resource. */
export function instanceAttribute(fqn: string, key: string, attribute: string): string {
  return reference(fqn, `[${JSON.stringify(key)}].${attribute}`);
}

/** `${<fqn>[each.key].<attribute>}`: the same-key instance's attribute, inside a for_each keyed alike. */
export function eachKeyAttribute(fqn: string, attribute: string, key = "each.key"): string {
  return reference(fqn, `[${key}].${attribute}`);
}
