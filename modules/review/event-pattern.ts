/**
 * An EventBridge event pattern matcher for the operators EventBridge documents: literal values, `prefix`,
 * `suffix`, `equals-ignore-case`, `anything-but` (value, list or prefix/suffix), `numeric`, `exists`,
 * `wildcard` and `$or`. Pure; used by the review to say which severities reach which channel.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function wildcardMatch(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return re.test(value);
}

function numericMatch(conditions: Json[], value: unknown): boolean {
  if (typeof value !== "number") return false;
  for (let i = 0; i + 1 < conditions.length; i += 2) {
    const op = conditions[i];
    const n = conditions[i + 1] as number;
    const ok = op === "=" ? value === n : op === "<" ? value < n : op === "<=" ? value <= n : op === ">" ? value > n : op === ">=" ? value >= n : false;
    if (!ok) return false;
  }
  return true;
}

function stringOp(kind: string, arg: Json, value: unknown): boolean {
  if (typeof value !== "string") return false;
  if (isObject(arg) && typeof arg["equals-ignore-case"] === "string") {
    const a = (arg["equals-ignore-case"] as string).toLowerCase();
    const v = value.toLowerCase();
    return kind === "prefix" ? v.startsWith(a) : v.endsWith(a);
  }
  if (typeof arg !== "string") return false;
  return kind === "prefix" ? value.startsWith(arg) : value.endsWith(arg);
}

/** Does one matcher (an element of a pattern array) accept one scalar event value? `present` is false for a missing field. */
function matcherAccepts(matcher: Json, value: unknown, present: boolean): boolean {
  if (!isObject(matcher)) return present && matcher === value;
  const [kind] = Object.keys(matcher);
  const arg = matcher[kind];
  switch (kind) {
    case "exists":
      return arg === present;
    case "prefix":
    case "suffix":
      return present && stringOp(kind, arg, value);
    case "equals-ignore-case":
      return present && typeof value === "string" && typeof arg === "string" && value.toLowerCase() === arg.toLowerCase();
    case "numeric":
      return present && Array.isArray(arg) && numericMatch(arg, value);
    case "wildcard":
      return present && typeof value === "string" && typeof arg === "string" && wildcardMatch(arg, value);
    case "anything-but": {
      if (!present) return false;
      if (Array.isArray(arg)) return !arg.some((a) => a === value);
      if (isObject(arg)) {
        const [inner] = Object.keys(arg);
        return !stringOp(inner, arg[inner], value);
      }
      return arg !== value;
    }
    default:
      throw new Error(`event pattern operator "${kind}" is not supported by this matcher`);
  }
}

function fieldMatches(matchers: Json[], value: unknown, present: boolean): boolean {
  if (Array.isArray(value)) {
    return value.length === 0 ? matchers.some((m) => matcherAccepts(m, undefined, false)) : value.some((v) => matchers.some((m) => matcherAccepts(m, v, true)));
  }
  return matchers.some((m) => matcherAccepts(m, value, present));
}

/** True when `event` matches the EventBridge `pattern`. */
export function matchesPattern(pattern: Record<string, unknown>, event: unknown): boolean {
  for (const [key, sub] of Object.entries(pattern)) {
    if (key === "$or") {
      if (!(sub as Array<Record<string, unknown>>).some((alt) => matchesPattern(alt, event))) return false;
      continue;
    }
    const present = isObject(event) && Object.prototype.hasOwnProperty.call(event, key);
    const value = present ? (event as Record<string, unknown>)[key] : undefined;
    if (isObject(sub)) {
      if (!matchesPattern(sub, present && isObject(value) ? value : {})) return false;
    } else if (Array.isArray(sub)) {
      if (!fieldMatches(sub as Json[], value, present)) return false;
    } else {
      throw new Error(`event pattern field "${key}" must be an object or a list of matchers`);
    }
  }
  return true;
}

/** A GuardDuty finding event with the given severity (and optional overrides of detail), for pattern checks. */
export function sampleFindingEvent(severity: number, detail: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: "0",
    id: "c8c4daa7-a20c-2f03-0070-b7393dd542ad",
    "detail-type": "GuardDuty Finding",
    source: "aws.guardduty",
    account: "222222222222",
    time: "2026-11-23T10:00:00Z",
    region: "eu-west-1",
    resources: [],
    detail: {
      schemaVersion: "2.0",
      accountId: "444455556666",
      region: "eu-west-1",
      partition: "aws",
      id: "16afba5c5c43e07c9e3e5e2e544e95df",
      arn: "arn:aws:guardduty:eu-west-1:444455556666:detector/12abc34d567e8fa901bc2d34e56789f0/finding/16afba5c5c43e07c9e3e5e2e544e95df",
      type: "UnauthorizedAccess:EC2/SSHBruteForce",
      severity,
      title: "198.51.100.7 is performing SSH brute force attacks against i-99999999.",
      description: "198.51.100.7 is performing SSH brute force attacks against i-99999999. Brute force attacks are used to gain unauthorized access to your instance by guessing the SSH password.",
      service: { serviceName: "guardduty", count: 1, archived: false, additionalInfo: {} },
      ...detail,
    },
  };
}

/**
 * A GuardDuty Malware Protection for S3 scan result, as published on the default bus of the bucket's `account` in its
 * `region` (GuardDuty user guide, "S3 object scan result"), for pattern checks.
 */
export function sampleScanResultEvent(account: string, region: string, status = "THREATS_FOUND"): Record<string, unknown> {
  return {
    version: "0",
    id: "72c7d362-737a-6dce-fc78-9e27a0171419",
    "detail-type": "GuardDuty Malware Protection Object Scan Result",
    source: "aws.guardduty",
    account,
    time: "2026-11-23T10:00:00Z",
    region,
    resources: [`arn:aws:guardduty:${region}:${account}:malware-protection-plan/b4c7f464ab3a4EXAMPLE`],
    detail: {
      schemaVersion: "1.0",
      scanStatus: "COMPLETED",
      resourceType: "S3_OBJECT",
      s3ObjectDetails: { bucketName: "amzn-s3-demo-bucket", objectKey: 'incoming/invoice "final".pdf', eTag: "0488c8a6ad4b1cc1ba9e2ed7ac9e21b3", versionId: null, s3Throttled: false },
      scanResultDetails: { scanResultStatus: status, threats: status === "THREATS_FOUND" ? [{ name: "EICAR-Test-File (not a virus)" }] : null },
    },
  };
}

/** The severities 1.0, 1.1, ... 10.0 (one decimal, as GuardDuty reports them) that a pattern lets through. */
export function severitiesMatched(pattern: Record<string, unknown>, detail: Record<string, unknown> = {}): number[] {
  const out: number[] = [];
  for (let tenth = 10; tenth <= 100; tenth++) {
    const severity = tenth / 10;
    if (matchesPattern(pattern, sampleFindingEvent(severity, detail))) out.push(severity);
  }
  return out;
}

/** `[4, 4.1, ..., 10]` -> `"4.0-10.0"`; gaps give several ranges. */
export function severityRanges(severities: readonly number[]): string {
  if (severities.length === 0) return "none";
  const ranges: string[] = [];
  let start = severities[0];
  let prev = start;
  for (const s of [...severities.slice(1), Infinity]) {
    if (Math.round((s - prev) * 10) !== 1) {
      ranges.push(start === prev ? start.toFixed(1) : `${start.toFixed(1)}-${prev.toFixed(1)}`);
      start = s;
    }
    prev = s;
  }
  return ranges.join(", ");
}
