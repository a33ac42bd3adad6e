import { Token } from "cdktf";
import { isKnownRegion } from "../topology/regions";

/** Fails unless `regions` is a non-empty list of known, distinct region codes. */
export function assertRegions(prop: string, regions: readonly string[]): void {
  if (regions.length === 0) throw new Error(`${prop} must list at least one region; got []`);
  const seen = new Set<string>();
  for (const r of regions) {
    if (Token.isUnresolved(r)) throw new Error(`${prop} must be literal region codes (they name Terraform addresses); got a token`);
    if (!isKnownRegion(r)) throw new Error(`${prop} must contain known AWS region codes (e.g. eu-west-1); got "${r}"`);
    if (seen.has(r)) throw new Error(`${prop} must not repeat a region; got "${r}" twice`);
    seen.add(r);
  }
}

/** Fails unless `value` is a 12-digit account ID (tokens pass). */
export function assertAccountId(prop: string, value: string): void {
  if (Token.isUnresolved(value)) return;
  if (!/^\d{12}$/.test(value)) throw new Error(`${prop} must be a 12-digit AWS account ID; got "${value}"`);
}

/**
 * Fails unless every ID is a literal 12-digit account ID (it names Terraform addresses and is written into for_each
 * expressions), listed once.
 */
export function assertLiteralAccounts(prop: string, accountIds: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of accountIds) {
    if (Token.isUnresolved(id)) throw new Error(`${prop}[].accountId must be a literal account ID (it names Terraform addresses); got a token`);
    assertAccountId(`${prop}[].accountId`, id);
    if (seen.has(id)) throw new Error(`${prop} must not repeat an account; got ${id} twice`);
    seen.add(id);
  }
}
