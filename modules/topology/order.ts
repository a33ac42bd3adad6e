/**
 * Plain string order (UTF-16 code units) for the identifiers this library sorts into the synthesized document: region
 * codes, account IDs, service principals. Unlike `localeCompare` it is the same on every machine whatever its locale,
 * and it does not load ICU's collation data (~9 ms, paid by the first `localeCompare` of a process). For region codes,
 * 12-digit account IDs and GuardDuty's principals it gives the same order as `localeCompare` does in English.
 */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
