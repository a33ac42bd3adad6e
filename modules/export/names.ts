/**
 * Names, keys and URIs of the findings export, and the rules they must follow.
 *
 * Pure functions, no cdktf import. The `...Problems` functions return one message per broken rule (empty when
 * the value is valid); each message names the property, the value received and what is allowed. Callers skip
 * values that are cdktf tokens before calling them.
 */
import { Partition, arns } from "../topology/regions";

/** Where GuardDuty writes below the destination: `AWSLogs/<administrator account>/GuardDuty/<region>/...`. */
export const AWS_LOGS = "AWSLogs";

/** The log type of GuardDuty findings in Google SecOps feeds. */
export const SECOPS_LOG_TYPE = "GUARDDUTY";

const RESERVED_BUCKET_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_BUCKET_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/**
 * The S3 naming rules for general purpose buckets: 3 to 63 characters; lowercase letters, digits, `.` and `-`;
 * begins and ends with a letter or digit; no `..`; not an IP address; none of the reserved prefixes
 * (`xn--`, `sthree-`, `amzn-s3-demo-`) or suffixes (`-s3alias`, `--ol-s3`, `.mrap`, `--x-s3`, `--table-s3`).
 *
 * @param property the property name used in the messages, e.g. `bucketName`
 */
export function bucketNameProblems(property: string, name: string): string[] {
  const out: string[] = [];
  const got = `got "${name}"`;
  if (name.length < 3 || name.length > 63) {
    out.push(`${property} must be 3 to 63 characters long; ${got} (${name.length})`);
  }
  if (!/^[a-z0-9.-]*$/.test(name)) {
    out.push(`${property} may contain only lowercase letters, digits, "." and "-"; ${got}`);
  }
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) {
    out.push(`${property} must begin and end with a lowercase letter or digit; ${got}`);
  }
  if (name.includes("..")) out.push(`${property} must not contain two adjacent periods; ${got}`);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) out.push(`${property} must not be formatted as an IP address; ${got}`);
  for (const p of RESERVED_BUCKET_PREFIXES) {
    if (name.startsWith(p)) out.push(`${property} must not start with the reserved prefix "${p}"; ${got}`);
  }
  for (const s of RESERVED_BUCKET_SUFFIXES) {
    if (name.endsWith(s)) out.push(`${property} must not end with the reserved suffix "${s}"; ${got}`);
  }
  return out;
}

/**
 * Rules for the export prefix (a "folder" below the bucket): 1 to 512 characters of letters, digits and
 * `! - _ . ' ( )`, segments separated by single `/`, no leading or trailing `/`, no `.` or `..` segment.
 * `*`, `?`, `$` and spaces are refused: the prefix is spliced into policy ARNs, where `*` and `?` are wildcards
 * and `${...}` is a policy variable.
 */
export function prefixProblems(property: string, prefix: string): string[] {
  const out: string[] = [];
  const got = `got "${prefix}"`;
  if (prefix.length < 1 || prefix.length > 512) out.push(`${property} must be 1 to 512 characters long; ${got}`);
  if (!/^[A-Za-z0-9!_.'()\/-]*$/.test(prefix)) {
    out.push(`${property} may contain only letters, digits, "/" and the characters ! - _ . ' ( ); ${got}`);
  }
  if (prefix.startsWith("/") || prefix.endsWith("/")) {
    out.push(`${property} must not begin or end with "/" (write "guardduty", not "guardduty/"); ${got}`);
  }
  const inner = prefix.replace(/^\/+|\/+$/g, "");
  if (inner !== "" && inner.split("/").some((s) => s === "" || s === "." || s === "..")) {
    out.push(`${property} must not contain empty ("//"), "." or ".." segments; ${got}`);
  }
  return out;
}

/** True for a 12-digit AWS account ID. */
export function isAccountId(value: string): boolean {
  return /^\d{12}$/.test(value);
}

/** Rules for IAM role and user names: 1 to 64 characters of letters, digits and `+ = , . @ _ -`. */
export function iamNameProblems(property: string, name: string): string[] {
  return /^[A-Za-z0-9+=,.@_-]{1,64}$/.test(name)
    ? []
    : [`${property} must be 1 to 64 characters of letters, digits and + = , . @ _ -; got "${name}"`];
}

/** Rules for an SQS standard queue name: 1 to 80 characters of letters, digits, `_` and `-`. */
export function queueNameProblems(property: string, name: string): string[] {
  return /^[A-Za-z0-9_-]{1,80}$/.test(name)
    ? []
    : [`${property} must be 1 to 80 characters of letters, digits, "_" and "-"; got "${name}"`];
}

/** Rules for a KMS alias: `alias/` then 1 to 250 of letters, digits, `/ _ -`, not in the reserved `alias/aws/`. */
export function aliasNameProblems(property: string, name: string): string[] {
  if (!/^alias\/[A-Za-z0-9\/_-]{1,250}$/.test(name)) {
    return [`${property} must be "alias/" followed by letters, digits, "/", "_" or "-"; got "${name}"`];
  }
  if (name.startsWith("alias/aws/")) return [`${property} must not use the reserved "alias/aws/" prefix; got "${name}"`];
  return [];
}

/** Rules for a Google identity federation subject ID: the numeric ID shown in the SecOps feed form. */
export function subjectIdProblems(property: string, subjectId: string): string[] {
  return /^\d{1,64}$/.test(subjectId)
    ? []
    : [`${property} must be the numeric subject ID shown in the Google SecOps feed form (digits only); got "${subjectId}"`];
}

/** `<prefix>/` or `""`: how object keys of the export start. */
export function keyPrefix(prefix: string | undefined): string {
  return prefix ? `${prefix}/` : "";
}

/**
 * The key prefix below which GuardDuty writes the administrator's findings:
 * `<prefix>/AWSLogs/<administratorAccountId>/GuardDuty/`.
 */
export function findingsKeyPrefix(prefix: string | undefined, administratorAccountId: string): string {
  return `${keyPrefix(prefix)}${AWS_LOGS}/${administratorAccountId}/GuardDuty/`;
}

/** The S3 URI a SIEM feed reads: `s3://<bucket>/<prefix>/AWSLogs/<administratorAccountId>/GuardDuty/`. */
export function findingsS3Uri(bucketName: string, prefix: string | undefined, administratorAccountId: string): string {
  return `s3://${bucketName}/${findingsKeyPrefix(prefix, administratorAccountId)}`;
}

/** The `destination_arn` of a publishing destination: the bucket ARN, then `/<prefix>` when a prefix is used. */
export function destinationArn(partition: Partition, bucketName: string, prefix: string | undefined): string {
  const bucket = arns.bucket(partition, bucketName);
  return prefix ? `${bucket}/${prefix}` : bucket;
}

/** The "folder" object GuardDuty checks for before it accepts a destination with a prefix: `<prefix>/`. */
export function prefixMarkerKey(prefix: string): string {
  return `${prefix}/`;
}

/**
 * Problems of the key prefix of uploaded GuardDuty lists: a valid prefix (see {@link prefixProblems}) ending in "/"
 * (it is spliced into the bucket policy as `<prefix>*`).
 */
export function listsPrefixProblems(property: string, prefix: string): string[] {
  if (!prefix.endsWith("/")) return [`${property} must end with "/" (e.g. "guardduty-lists/"); got "${prefix}"`];
  return prefixProblems(property, prefix.slice(0, -1));
}
