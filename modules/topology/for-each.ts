import { Lazy, TerraformIterator, Token, type MapTerraformIterator } from "cdktf";
import { hclLiteral, templateText } from "./hcl";
import { byText } from "./order";

/**
 * A for_each over regions: a map from each region to itself, so `each.key` and `each.value` are the region and
 * `terraform plan` shows `resource["eu-west-1"]`. Keys are sorted: the order of the input never matters.
 */
export function regionIterator(regions: readonly string[]): MapTerraformIterator {
  return TerraformIterator.fromMap(Object.fromEntries([...new Set(regions)].sort().map((r) => [r, r])));
}

/**
 * A for_each over a map that Terraform computes from an expression (`${{ for ... }}`, e.g. {@link regionAccountProduct}):
 * cdktf takes the expression as the map it stands for.
 */
export function expressionIterator(expression: string): MapTerraformIterator {
  return TerraformIterator.fromMap(Token.asAnyMap(expression) as Record<string, unknown>);
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
      // Inside an expression that is already open (`${jsonencode(...)}`, written for HCL output), a bare reference.
      return context.suppressBraces ? `${address}${suffix}` : `\${${address}${suffix}}`;
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

/**
 * `${{ for pair in setproduct(<regions>, <items>) : "${pair[0]}/<key>" => <value> }}`: a for_each map keyed
 * `"<region>/..."`, built by Terraform from two short lists, so the synthesized document grows with the items, not
 * with items x regions.
 */
function regionProduct(regions: readonly string[], items: unknown[], key: string, value: string): string {
  return `\${{ for pair in setproduct(${hclLiteral([...regions].sort())}, ${hclLiteral(items)}) : "\${pair[0]}/${key}" => ${value} }}`;
}

/**
 * `${{ for pair in setproduct(["eu-west-1"], ["111122223333"]) : "${pair[0]}/${pair[1]}" => { region = pair[0], account_id = pair[1] } }}`:
 * a for_each map keyed `"<region>/<account>"`, each value `{ region, account_id }`, built by Terraform. Regions and
 * accounts are sorted: the order of the input never matters.
 */
export function regionAccountProduct(regions: readonly string[], accounts: readonly string[]): string {
  return regionProduct(regions, [...accounts].sort(), "${pair[1]}", "{ region = pair[0], account_id = pair[1] }");
}

/** One value of a {@link regionMemberProduct}, without the region: plain JSON, keyed by its account ID. */
export interface RegionProductMember {
  readonly account_id: string;
  readonly [attribute: string]: unknown;
}

/**
 * `${{ for pair in setproduct(["eu-west-1"], [{"account_id":"111122223333","email":"a@example.com"}]) : "${pair[0]}/${pair[1].account_id}" => merge(pair[1], { region = pair[0] }) }}`:
 * a for_each map keyed `"<region>/<account>"`, each value the member's object plus `region`, built by Terraform.
 * The objects are written with {@link hclLiteral}, so their text reaches Terraform as it is (never as a template).
 * Regions are sorted, members sorted by account ID.
 */
export function regionMemberProduct(regions: readonly string[], members: readonly RegionProductMember[]): string {
  const sorted = [...members].sort((a, b) => byText(a.account_id, b.account_id));
  return regionProduct(regions, sorted, "${pair[1].account_id}", "merge(pair[1], { region = pair[0] })");
}

/**
 * The entries of {@link regionMemberProduct} written out as a literal map, for members whose values include cdktf
 * tokens (they resolve to Terraform expressions, which cannot sit inside the product's literal lists): the document
 * then grows with regions x members. Literal strings are escaped with {@link templateText}; tokens are left to resolve.
 */
export function regionMemberMap(regions: readonly string[], members: readonly RegionProductMember[]): Record<string, Record<string, unknown>> {
  const text = (v: unknown) => (typeof v === "string" && !Token.isUnresolved(v) ? templateText(v) : v);
  const entries: Record<string, Record<string, unknown>> = {};
  for (const region of [...regions].sort()) {
    for (const m of members) {
      entries[`${region}/${m.account_id}`] = { ...Object.fromEntries(Object.entries(m).map(([k, v]) => [k, text(v)])), region };
    }
  }
  return entries;
}
