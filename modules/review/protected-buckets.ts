/**
 * The buckets Malware Protection for S3 scans, read from synthesized `aws_guardduty_malware_protection_plan` instances,
 * and the review's section about them: the bucket policies are not managed by the estate, so the reviewer is reminded,
 * bucket by bucket, that only the bucket's own policy can keep unscanned or infected objects from being read.
 *
 * Pure functions over parsed JSON, no cdktf import.
 */
import { NO_THREATS_FOUND, SCAN_STATUS_TAG } from "../malware-protection/names";
import { policyDocument } from "../export/policy-document";
import { tagBasedAccessStatements } from "../malware-protection/role-policy";
import { arns, isKnownRegion, partitionOf } from "../topology/regions";
import { instanceArgument, providerAccounts, resourceInstances, type TerraformDocument } from "./synthesized";

/** One protected bucket as synthesized. */
export interface ProtectedBucketView {
  /** `aws_guardduty_malware_protection_plan.<name>["<account>/<region>/<bucket>"]` */
  readonly address: string;
  readonly bucketName: string;
  readonly region: string;
  /** Provider alias of the plan (`log-archive`, `account-555555555555`). */
  readonly providerAlias: string;
  /** The account the provider is pinned to, when known. */
  readonly accountId?: string;
  /** Empty: the whole bucket. */
  readonly objectPrefixes: readonly string[];
  /** `ENABLED` or `DISABLED`; `?` when not readable from the JSON. */
  readonly tagging: string;
  /** ARN of the role GuardDuty scans with, when its name and account are known. */
  readonly scanRoleArn?: string;
}

/** The protected buckets of one synthesized stack, by address. */
export function protectedBuckets(doc: TerraformDocument): ProtectedBucketView[] {
  const accounts = providerAccounts(doc);
  return resourceInstances(doc)
    .filter((i) => i.type === "aws_guardduty_malware_protection_plan")
    .map((i) => {
      const value = (i.value ?? {}) as Record<string, unknown>;
      const s3 = ((i.body.protected_resource as Array<{ s3_bucket?: Array<Record<string, unknown>> }> | undefined)?.[0]?.s3_bucket ?? [])[0] ?? {};
      const tagging = ((i.body.actions as Array<{ tagging?: Array<{ status?: unknown }> }> | undefined)?.[0]?.tagging ?? [])[0]?.status;
      const fromEach = (v: unknown, key: string): unknown => (typeof v === "string" && v === `\${each.value.${key}}` ? value[key] : v);
      const prefixes = fromEach(s3.object_prefixes, "object_prefixes");
      const alias = i.providerAlias ?? "default";
      const region = i.region ?? String(instanceArgument(i, "region") ?? "?");
      const accountId = accounts.get(alias);
      const roleName = typeof value.role_name === "string" ? value.role_name : undefined;
      return {
        address: i.address,
        bucketName: String(fromEach(s3.bucket_name, "bucket_name") ?? "?"),
        region,
        providerAlias: alias,
        ...(accountId ? { accountId } : {}),
        ...(accountId && roleName && isKnownRegion(region) ? { scanRoleArn: arns.role(partitionOf(region), accountId, roleName) } : {}),
        objectPrefixes: Array.isArray(prefixes) ? prefixes.map(String) : [],
        tagging: typeof fromEach(tagging, "tagging") === "string" ? String(fromEach(tagging, "tagging")) : "?",
      };
    });
}

/** The review's section: one row per protected bucket, then the reminder a reviewer must check. */
export function protectedBucketsSection(buckets: readonly ProtectedBucketView[]): string[] {
  if (buckets.length === 0) return ["No bucket is protected by Malware Protection for S3."];
  const first = buckets[0];
  const lines = ["| bucket | account | region | prefixes | tagging | plan |", "|---|---|---|---|---|---|"];
  for (const b of buckets) {
    const prefixes = b.objectPrefixes.length ? b.objectPrefixes.map((p) => `\`${p}\``).join(", ") : "whole bucket";
    lines.push(`| ${b.bucketName} | ${b.providerAlias} (${b.accountId ?? "?"}) | ${b.region} | ${prefixes} | ${b.tagging} | \`${b.address}\` |`);
  }
  lines.push(
    "",
    "The estate does not own these buckets' policies. Scanning alone blocks nothing: each bucket's own policy should deny " +
      `reads of objects whose \`${SCAN_STATUS_TAG}\` tag is not \`${NO_THREATS_FOUND}\` by anyone but the scan role, and object tagging ` +
      `by anyone else (README, "Malware Protection for S3"); for ${first.bucketName}:`,
    "",
    "```json",
    JSON.stringify(policyDocument(tagBasedAccessStatements({
      partition: isKnownRegion(first.region) ? partitionOf(first.region) : "aws",
      bucketName: first.bucketName,
      scanRoleArn: first.scanRoleArn ?? "<ARN of the scan role>",
    })), null, 2),
    "```",
  );
  return lines;
}

/** One reviewer warning per protected bucket: the reminder, or that nothing marks its objects when tagging is off. */
export function protectedBucketWarnings(buckets: readonly ProtectedBucketView[]): string[] {
  return buckets.map((b) =>
    b.tagging === "DISABLED"
      ? `Protected bucket ${b.bucketName} (${b.region}) has tagging off: scanned objects carry no ${SCAN_STATUS_TAG} tag, so no bucket policy can keep infected objects from being read; act on the scan results instead.`
      : `Protected bucket ${b.bucketName} (${b.region}): check that its own bucket policy denies reads of objects whose ${SCAN_STATUS_TAG} tag is not ${NO_THREATS_FOUND} (not managed by this estate).`);
}
