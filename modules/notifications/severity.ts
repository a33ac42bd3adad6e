/**
 * GuardDuty severity levels and thresholds: the one place that knows them.
 *
 * Pure data and functions, no cdktf import.
 *
 * GuardDuty scores findings from 1.0 to 10.0 with one decimal. Its levels, as documented since the Critical level
 * was added in December 2024: LOW 1.0-3.9, MEDIUM 4.0-6.9, HIGH 7.0-8.9, CRITICAL 9.0-10.0.
 */

/** The lowest severity of each GuardDuty level. */
export const SEVERITY_LEVELS = Object.freeze({ LOW: 1, MEDIUM: 4, HIGH: 7, CRITICAL: 9 } as const);

/** A GuardDuty severity level by name. */
export type SeverityName = keyof typeof SEVERITY_LEVELS;

/**
 * A notification threshold: a level name (its lowest severity) or a number from 1 to 10 with at most one decimal.
 *
 * @example "HIGH"  // notifies 7.0 and above, Critical included
 * @example 8.5     // notifies 8.5 and above
 */
export type SeverityThreshold = SeverityName | number;

/** The threshold used when a channel does not set one: Medium and above. */
export const DEFAULT_MIN_SEVERITY: SeverityName = "MEDIUM";

/** The level names, lowest first. */
export const SEVERITY_NAMES: readonly SeverityName[] = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];

const ALLOWED = `${SEVERITY_NAMES.join(", ")} or a number from 1 to 10 with at most one decimal`;

/**
 * Why `value` is not a valid threshold, or `undefined` when it is. The message names `property`, the value received
 * and what is allowed.
 */
export function severityIssue(value: unknown, property = "minSeverity"): string | undefined {
  if (typeof value === "string") {
    return (SEVERITY_NAMES as readonly string[]).includes(value)
      ? undefined
      : `${property} must be ${ALLOWED}; got ${JSON.stringify(value)}`;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return `${property} must be ${ALLOWED}; got ${JSON.stringify(value) ?? String(value)}`;
  }
  if (value < 1 || value > 10) return `${property} must be between 1 and 10; got ${value}`;
  if (Math.round(value * 10) / 10 !== value) {
    return `${property} must have at most one decimal, as GuardDuty severities do; got ${value}`;
  }
  return undefined;
}

/**
 * The numeric threshold of a level name or number; throws with a clear message when it is not valid.
 *
 * @default - `DEFAULT_MIN_SEVERITY` (4, Medium and above) when `value` is undefined
 */
export function severityThreshold(value: SeverityThreshold | undefined, property = "minSeverity"): number {
  const v = value ?? DEFAULT_MIN_SEVERITY;
  const issue = severityIssue(v, property);
  if (issue) throw new Error(issue);
  return typeof v === "number" ? v : SEVERITY_LEVELS[v];
}

/** The level a severity falls in: 8.9 -> HIGH, 9 -> CRITICAL. */
export function severityLevel(severity: number): SeverityName {
  if (severity >= SEVERITY_LEVELS.CRITICAL) return "CRITICAL";
  if (severity >= SEVERITY_LEVELS.HIGH) return "HIGH";
  if (severity >= SEVERITY_LEVELS.MEDIUM) return "MEDIUM";
  return "LOW";
}

/** A threshold as people read it: `4.0 (MEDIUM) and above`. */
export function describeThreshold(threshold: number): string {
  return `${threshold.toFixed(1)} (${severityLevel(threshold)}) and above`;
}

/** The level bands in one line, for messages: `LOW 1.0-3.9, MEDIUM 4.0-6.9, HIGH 7.0-8.9, CRITICAL 9.0-10.0`. */
export const SEVERITY_BANDS = "LOW 1.0-3.9, MEDIUM 4.0-6.9, HIGH 7.0-8.9, CRITICAL 9.0-10.0";
