/**
 * EventBridge event patterns for GuardDuty findings.
 *
 * Pure functions, no cdktf import. Constructs `JSON.stringify` what they return.
 *
 * Severity is matched with EventBridge numeric matching (`{"numeric": [">=", N]}`), never with an enumerated list
 * of values: the list GuardDuty's documentation once showed (4, 4.0, 4.1, ... 8.9) misses every finding of the
 * Critical level (9.0-10.0) added in December 2024, and any severity with a decimal the list forgot.
 */
import { SeverityThreshold, severityThreshold } from "./severity";

/** The `source` of GuardDuty's events. */
export const GUARDDUTY_SOURCE = "aws.guardduty";

/** The `detail-type` of a GuardDuty finding event (other GuardDuty events, e.g. malware scan results, differ). */
export const GUARDDUTY_FINDING_DETAIL_TYPE = "GuardDuty Finding";

/** An EventBridge event pattern, as plain JSON. */
export type EventPattern = { readonly [field: string]: unknown };

/** Which findings a pattern matches. */
export interface FindingFilter {
  /**
   * Lowest severity (inclusive), by level name or number.
   * @default "MEDIUM" - 4.0 and above
   */
  readonly minSeverity?: SeverityThreshold;
  /**
   * Only findings whose type starts with one of these (`UnauthorizedAccess:`, `CryptoCurrency:EC2/`).
   * @default - every finding type
   */
  readonly findingTypePrefixes?: readonly string[];
  /**
   * Only findings about these accounts (the finding's `accountId`, a member account in an organization).
   * @default - every account
   */
  readonly accountIds?: readonly string[];
  /**
   * Also match the sample findings that `CreateSampleFindings` generates (useful to test a channel end to end).
   * @default false - sample findings are left out
   */
  readonly includeSampleFindings?: boolean;
}

/**
 * The `$or` that keeps real findings and leaves samples out. GuardDuty marks samples with
 * `detail.service.additionalInfo.sample: true`; real findings lack the field or carry `false`, and `exists: false`
 * alone would drop the real findings that carry `false`, so both branches are needed.
 */
export const REAL_FINDINGS_ONLY: readonly EventPattern[] = Object.freeze([
  { service: { additionalInfo: { sample: [false] } } },
  { service: { additionalInfo: { sample: [{ exists: false }] } } },
]);

/**
 * The pattern of a notification rule: GuardDuty findings at or above a severity, optionally narrowed to finding-type
 * prefixes and accounts, samples left out unless asked for.
 *
 * @example findingPattern({ minSeverity: "HIGH" })
 * // {"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"],
 * //  "detail":{"severity":[{"numeric":[">=",7]}],"$or":[...]}}
 */
export function findingPattern(filter: FindingFilter = {}): EventPattern {
  const detail: Record<string, unknown> = {
    severity: [{ numeric: [">=", severityThreshold(filter.minSeverity)] }],
  };
  const prefixes = filter.findingTypePrefixes ?? [];
  if (prefixes.length > 0) detail.type = [...new Set(prefixes)].sort().map((prefix) => ({ prefix }));
  const accounts = filter.accountIds ?? [];
  if (accounts.length > 0) detail.accountId = [...new Set(accounts)].sort();
  if (!filter.includeSampleFindings) detail.$or = REAL_FINDINGS_ONLY;
  return {
    source: [GUARDDUTY_SOURCE],
    "detail-type": [GUARDDUTY_FINDING_DETAIL_TYPE],
    detail,
  };
}

/**
 * The pattern of the rule that forwards a region's findings to the home region: the findings that any channel could
 * want (`minSeverity` is the lowest channel threshold) and that were published IN `region`. The top-level `region`
 * condition is what stops a loop: an event forwarded to another bus keeps its original `region`, so it never matches
 * the forwarding rule of the bus it arrives on.
 */
export function forwardingPattern(region: string, filter: Pick<FindingFilter, "minSeverity" | "includeSampleFindings">): EventPattern {
  const { detail, ...rest } = findingPattern(filter) as { detail: EventPattern; [k: string]: unknown };
  return { ...rest, region: [region], detail };
}
