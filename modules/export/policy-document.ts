/**
 * IAM policy document shapes shared by the export builders, and the grouping of GuardDuty detectors by the
 * service principal that writes for them.
 *
 * Pure data and functions, no cdktf import: values may contain cdktf tokens, which survive `JSON.stringify`.
 */
import { byText } from "../topology/order";
import { guardDutyServicePrincipal } from "../topology/regions";

/** A condition block: operator -> condition key -> value(s). */
export type PolicyCondition = Record<string, Record<string, string | string[]>>;

/** The principal of a resource-policy statement. */
export type PolicyPrincipal =
  | "*"
  | { readonly AWS: string | string[] }
  | { readonly Service: string | string[] }
  | { readonly Federated: string };

/** One statement of an IAM, KMS, S3 or SQS policy. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  /** Present in resource policies (bucket, key, queue, trust), absent in identity policies. */
  readonly Principal?: PolicyPrincipal;
  readonly Action: string | string[];
  /** Absent only in a role trust policy. */
  readonly Resource?: string | string[];
  readonly Condition?: PolicyCondition;
}

/** A policy document, ready for `JSON.stringify`. */
export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: PolicyStatement[];
}

/** Wraps statements in a `2012-10-17` document. */
export function policyDocument(statements: PolicyStatement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

/** A GuardDuty administrator detector as the policy builders see it. */
export interface DetectorRef {
  /** Region code of the detector, e.g. `eu-west-1`. Must be a plain string. */
  readonly region: string;
  /** `arn:<partition>:guardduty:<region>:<account>:detector/<id>`; may be a cdktf token. */
  readonly detectorArn: string;
}

/** The detectors one GuardDuty service principal writes for, and a Sid suffix naming it. */
export interface GuardDutyWriter {
  /** `guardduty.amazonaws.com`, or `guardduty.<region>.amazonaws.com` for an opt-in region. */
  readonly principal: string;
  /** `""` for the global principal, `MeSouth1` for `guardduty.me-south-1.amazonaws.com`. */
  readonly sidSuffix: string;
  /** The detector ARNs that principal may act for, by region. */
  readonly sourceArns: string[];
}

/**
 * Groups detectors by the GuardDuty service principal that exports for them, so that each principal is allowed
 * only for its own detectors: the global principal for regions enabled by default, a regional principal for each
 * opt-in region. The global principal comes first, opt-in principals follow in alphabetical order.
 */
export function guardDutyWriters(detectors: readonly DetectorRef[]): GuardDutyWriter[] {
  const byPrincipal = new Map<string, { region: string; arns: string[] }>();
  // by region, so the order of the caller's list never changes a policy (an in-place update in terraform plan)
  for (const d of [...detectors].sort((a, b) => byText(a.region, b.region))) {
    const principal = guardDutyServicePrincipal(d.region);
    const entry = byPrincipal.get(principal) ?? { region: d.region, arns: [] };
    entry.arns.push(d.detectorArn);
    byPrincipal.set(principal, entry);
  }
  return [...byPrincipal.entries()]
    .sort(([a], [b]) => (a === GLOBAL ? -1 : b === GLOBAL ? 1 : byText(a, b)))
    .map(([principal, { region, arns }]) => ({
      principal,
      sidSuffix: principal === GLOBAL ? "" : pascalRegion(region),
      sourceArns: arns,
    }));
}

const GLOBAL = "guardduty.amazonaws.com";

/** `me-south-1` -> `MeSouth1`, for statement ids (which allow only letters and digits). */
export function pascalRegion(region: string): string {
  return region
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** A value, or the single element of a one-element list (keeps documents readable). */
export function oneOrMany(values: readonly string[]): string | string[] {
  return values.length === 1 ? values[0] : [...values];
}
