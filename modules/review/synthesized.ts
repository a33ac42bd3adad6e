/**
 * Reading synthesized cdk.tf.json documents: resource blocks, their for_each instances and regions.
 * Pure functions over parsed JSON, no cdktf import.
 */
import { parseHclLiteral } from "../topology/hcl";

/** A parsed cdk.tf.json. */
export interface TerraformDocument {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly provider?: Record<string, Array<Record<string, unknown>>>;
  readonly output?: Record<string, unknown>;
  readonly import?: Array<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/** One resource instance as `terraform plan` addresses it. */
export interface ResourceInstance {
  readonly type: string;
  readonly name: string;
  /** `aws_guardduty_detector.x["eu-west-1"]` */
  readonly address: string;
  /** The for_each key, if any. */
  readonly key?: string;
  /** The region the instance is placed in (resource `region` argument, else its provider's region). */
  readonly region?: string;
  /** The provider alias (`aws.security` -> `security`). */
  readonly providerAlias?: string;
  readonly body: Record<string, unknown>;
  /** The for_each value of this instance, if any. */
  readonly value?: unknown;
}

/** An argument of one instance, with `${each.key}` / `${each.value.x}` filled in when it is exactly that. */
export function instanceArgument(instance: ResourceInstance, name: string): unknown {
  const v = instance.body[name];
  if (instance.key === undefined || typeof v !== "string") return v;
  return eachValue(v, instance.key, instance.value) ?? v;
}

function providerRegions(doc: TerraformDocument): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const p of doc.provider?.aws ?? []) out.set(String(p.alias ?? ""), p.region as string | undefined);
  return out;
}

/** The value an `${each.key}` / `${each.value.x}` expression takes for one for_each entry. */
function eachValue(expr: unknown, key: string, value: unknown): string | undefined {
  if (typeof expr !== "string") return undefined;
  if (expr === "${each.key}") return key;
  if (expr === "${each.value}") return typeof value === "string" ? value : undefined;
  const m = /^\$\{each\.value\.([A-Za-z0-9_]+)\}$/.exec(expr);
  if (m && value && typeof value === "object") {
    const v = (value as Record<string, unknown>)[m[1]];
    return typeof v === "string" ? v : undefined;
  }
  return expr.includes("${") ? undefined : expr;
}

/**
 * The `regionAccountProduct` expression (modules/topology/for-each.ts): regions x account IDs. Spacing is free, as
 * `terraform fmt` rewrites it in HCL output (`${ { for ... } }`).
 */
const REGION_ACCOUNT_PRODUCT =
  /^\$\{\s*\{\s*for pair in setproduct\((\[[^\]]*\]),\s*(\[[^\]]*\])\)\s*:\s*"\$\{pair\[0\]\}\/\$\{pair\[1\]\}"\s*=>\s*\{\s*region\s*=\s*pair\[0\],\s*account_id\s*=\s*pair\[1\]\s*\}\s*\}\s*\}$/;

/** The `regionMemberProduct` expression (modules/topology/for-each.ts): regions x member objects (spacing free). */
const REGION_MEMBER_PRODUCT =
  /^\$\{\s*\{\s*for pair in setproduct\((\[[^\]]*\]),\s*(\[.*\])\)\s*:\s*"\$\{pair\[0\]\}\/\$\{pair\[1\]\.account_id\}"\s*=>\s*merge\(pair\[1\],\s*\{\s*region\s*=\s*pair\[0\]\s*\}\)\s*\}\s*\}$/;

/**
 * The entries of a for_each: a literal map, or one of the `setproduct` expressions this library writes for
 * `"<region>/<account>"` keys (region x account ID, region x member object). Other expressions are unknown until
 * Terraform evaluates them.
 */
export function forEachEntries(forEach: unknown): Array<[string, unknown]> | undefined {
  if (forEach && typeof forEach === "object" && !Array.isArray(forEach)) return Object.entries(forEach as Record<string, unknown>);
  if (typeof forEach !== "string") return undefined;
  const byAccount = REGION_ACCOUNT_PRODUCT.exec(forEach);
  if (byAccount) {
    const regions = parseHclLiteral(byAccount[1]) as string[];
    const accounts = parseHclLiteral(byAccount[2]) as string[];
    return regions.flatMap((region) => accounts.map((account_id): [string, unknown] => [`${region}/${account_id}`, { region, account_id }]));
  }
  const byMember = REGION_MEMBER_PRODUCT.exec(forEach);
  if (byMember) {
    const regions = parseHclLiteral(byMember[1]) as string[];
    const members = parseHclLiteral(byMember[2]) as Array<{ account_id: string }>;
    return regions.flatMap((region) => members.map((m): [string, unknown] => [`${region}/${m.account_id}`, { ...m, region }]));
  }
  return undefined;
}

/** Every resource instance of a document, for_each expanded when its keys are known at synthesis. */
export function resourceInstances(doc: TerraformDocument): ResourceInstance[] {
  const regions = providerRegions(doc);
  const out: ResourceInstance[] = [];
  for (const [type, byName] of Object.entries(doc.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      const alias = typeof body.provider === "string" ? body.provider.replace(/^aws\./, "") : undefined;
      const fallback = regions.get(alias ?? "");
      const entries = forEachEntries(body.for_each);
      if (entries) {
        for (const [key, value] of entries) {
          out.push({
            type, name, key, value, body, providerAlias: alias,
            address: `${type}.${name}[${JSON.stringify(key)}]`,
            region: body.region === undefined ? fallback : eachValue(body.region, key, value),
          });
        }
      } else {
        out.push({
          type, name, body, providerAlias: alias,
          address: `${type}.${name}`,
          region: typeof body.region === "string" && !body.region.includes("${") ? body.region : fallback,
        });
      }
    }
  }
  return out.sort((a, b) => a.address.localeCompare(b.address));
}

/** The accounts a document's AWS providers are pinned to, by alias. */
export function providerAccounts(doc: TerraformDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of doc.provider?.aws ?? []) {
    const ids = p.allowed_account_ids;
    if (Array.isArray(ids) && typeof ids[0] === "string") out.set(String(p.alias ?? ""), ids[0]);
  }
  return out;
}
