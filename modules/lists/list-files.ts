/**
 * GuardDuty trusted IP lists and threat lists: formats, AWS's limits, names, object keys, locations and the syntax
 * check of plaintext (TXT) lists. Pure (plain values in, plain values out), no cdktf import: the estate file's
 * checks (modules/config/ip-lists-schema.ts) and the constructs share it.
 *
 * AWS's numbers, from the GuardDuty User Guide, "Working with trusted IP lists and threat lists"
 * (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_upload-lists.html) and "Amazon GuardDuty quotas"
 * (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_limits.html): at most 2,000 IP addresses and CIDR
 * ranges in a trusted IP list and 250,000 in a threat list; one uploaded trusted IP list and up to six uploaded
 * threat lists per account per Region (hard limits, not raisable); a list file of at most 35 MB; entries one per
 * line. Names: letters, digits, "-" and "_" (API reference CreateIPSet / CreateThreatIntelSet, and the console's
 * "List naming constraints"), unique per account and Region; `location` at most 300 characters.
 */
import { createHash } from "crypto";
import { isIP } from "net";
import { arns, serviceHost, type Partition } from "../topology/regions";

/** The list formats GuardDuty reads (the `format` of aws_guardduty_ipset and aws_guardduty_threatintelset). */
export const GUARDDUTY_LIST_FORMATS = ["TXT", "STIX", "OTX_CSV", "ALIEN_VAULT", "FIRE_EYE", "PROOF_POINT"] as const;
export type GuardDutyListFormat = (typeof GUARDDUTY_LIST_FORMATS)[number];

/** `trusted`: an IPSet (no findings for these addresses); `threat`: a ThreatIntelSet (findings for these). */
export const GUARDDUTY_LIST_KINDS = ["trusted", "threat"] as const;
export type GuardDutyListKind = (typeof GUARDDUTY_LIST_KINDS)[number];

/** AWS's limits of GuardDuty lists (see the file's header for the documents they come from). */
export const LIST_LIMITS = {
  /** Uploaded lists per account per Region, by kind. */
  listsPerRegion: { trusted: 1, threat: 6 },
  /** IP addresses and CIDR ranges per list, by kind. */
  entriesPerList: { trusted: 2000, threat: 250_000 },
  /** "35MB", read as 35,000,000 bytes (the stricter reading of MB). */
  maxFileBytes: 35_000_000,
  /** Length of a list name (CreateIPSet `name`). */
  maxNameLength: 300,
  /** Length of a list location (CreateIPSet `location`). */
  maxLocationLength: 300,
} as const;

/** The key prefix, in the findings bucket, of the lists the estate uploads. */
export const LISTS_PREFIX = "guardduty-lists/";

/** The GuardDuty service-linked role, which reads the lists (S3 and KMS grants name it). */
export const GUARDDUTY_SERVICE_LINKED_ROLE = "aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty";

/** `arn:<partition>:iam::<account>:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`. */
export function guardDutyServiceLinkedRoleArn(partition: Partition, accountId: string): string {
  return arns.role(partition, accountId, GUARDDUTY_SERVICE_LINKED_ROLE);
}

const NAME = /^[A-Za-z0-9_-]+$/;

/** Problems of a list name: 1-300 of letters, digits, "-" and "_" (no spaces: the name is also a key and an S3 key). */
export function listNameProblems(property: string, name: string): string[] {
  if (name.length >= 1 && name.length <= LIST_LIMITS.maxNameLength && NAME.test(name)) return [];
  return [`${property} must be 1 to ${LIST_LIMITS.maxNameLength} letters, digits, "-" and "_"; got ${JSON.stringify(name)}`];
}

/** An `s3://bucket/key` location, split; undefined when it is not one (no bucket, no key, or another scheme). */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  return m ? { bucket: m[1], key: m[2] } : undefined;
}

/**
 * The `location` GuardDuty is given for an object: `https://s3.amazonaws.com/<bucket>/<key>` in the aws partition,
 * the form the provider's own acceptance tests create and re-plan without a diff (ipset_test.go,
 * threatintelset_test.go: the provider's Read stores GetIPSet's `Location` as returned, ipset.go /
 * threatintelset.go); `https://s3.<region>.<dns suffix>/<bucket>/<key>` in the other partitions, which have no
 * global endpoint.
 */
export function listLocation(partition: Partition, bucketRegion: string, bucket: string, key: string): string {
  const host = partition === "aws" ? "s3.amazonaws.com" : serviceHost("s3", bucketRegion, partition);
  return `https://${host}/${bucket}/${key}`;
}

const EXTENSION: Readonly<Record<GuardDutyListFormat, string>> = {
  TXT: "txt", STIX: "xml", OTX_CSV: "csv", ALIEN_VAULT: "txt", FIRE_EYE: "csv", PROOF_POINT: "csv",
};

/**
 * The key of an uploaded list: `guardduty-lists/<name>-<first 16 hex of the content's SHA-256>.<ext>`. A new content
 * is a new key, hence a new `location`: GuardDuty re-reads a list only when it is updated (User Guide, "Updating an
 * entity list or IP address list"), which a changed location is; an object rewritten in place would be ignored.
 * `ext` is the source file's extension, else the format's usual one.
 */
export function listObjectKey(name: string, format: GuardDutyListFormat, content: string, fileName?: string): string {
  const hash = createHash("sha256").update(content, "utf8").digest("hex").slice(0, 16);
  const own = fileName ? /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase() : undefined;
  return `${LISTS_PREFIX}${name}-${hash}.${own ?? EXTENSION[format]}`;
}

/** One line of a TXT list that is neither an address, a CIDR range, blank nor a comment. */
export interface BadListLine {
  /** 1-based line number. */
  readonly line: number;
  /** The line as written (trimmed). */
  readonly text: string;
}

/** An IPv4/IPv6 address or CIDR range (`10.0.0.0/8`, `2001:db8::/32`). */
export function isIpOrCidr(text: string): boolean {
  const [address, prefix, ...rest] = text.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Reads a TXT list: one IP address or CIDR range per line (User Guide, "List formats"). Blank lines and lines
 * starting with `#` are skipped (GuardDuty's documentation does not mention comments: keep them out of lists you
 * depend on). Returns the number of entries and every line that is not one.
 */
export function readTxtList(text: string): { entries: number; bad: BadListLine[] } {
  let entries = 0;
  const bad: BadListLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    if (isIpOrCidr(line)) entries += 1;
    else bad.push({ line: i + 1, text: line });
  });
  return { entries, bad };
}
