/** Concrete values shared by the export tests: accounts, detectors, bucket and keys. */
import { ACCOUNTS } from "../helpers";
import type { DetectorRef } from "../../modules/export/policy-document";

export const ADMIN = ACCOUNTS.security;
export const LOG_ARCHIVE = ACCOUNTS.logArchive;
export const OTHER = ACCOUNTS.other;

export const BUCKET = "acme-guardduty-findings";
export const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
export const PREFIX = "guardduty";
export const HOME = "eu-west-1";

export const KEY_ARN = `arn:aws:kms:${HOME}:${ADMIN}:key/0a1b2c3d-1111-2222-3333-444455556666`;
export const QUEUE_KEY_ARN = `arn:aws:kms:${HOME}:${LOG_ARCHIVE}:key/9f8e7d6c-1111-2222-3333-444455556666`;
export const QUEUE_ARN = `arn:aws:sqs:${HOME}:${LOG_ARCHIVE}:guardduty-findings-secops`;
export const READER_ROLE_ARN = `arn:aws:iam::${LOG_ARCHIVE}:role/guardduty-findings-secops-reader`;
export const SUBJECT_ID = "113456789012345678901";

export function detectorArn(region: string, account: string = ADMIN, id = `d${region.replace(/-/g, "")}`): string {
  return `arn:aws:guardduty:${region}:${account}:detector/${id}`;
}

/** Administrator detectors in two default regions and one opt-in region. */
export const DETECTORS: DetectorRef[] = [
  { region: "eu-west-1", detectorArn: detectorArn("eu-west-1") },
  { region: "us-east-1", detectorArn: detectorArn("us-east-1") },
  { region: "me-south-1", detectorArn: detectorArn("me-south-1") },
];

/** An object GuardDuty writes for the administrator in `region`; `prefix: null` for the bucket root. */
export function findingObject(region: string, prefix: string | null = PREFIX): string {
  const p = prefix ? `${prefix}/` : "";
  return `${BUCKET_ARN}/${p}AWSLogs/${ADMIN}/GuardDuty/${region}/2025/01/31/5f0e.jsonl.gz`;
}

/** The request context of a GuardDuty export from `region`'s administrator detector. */
export function guardDutyContext(region: string, extra: Record<string, string> = {}): Record<string, string> {
  return { "aws:SourceAccount": ADMIN, "aws:SourceArn": detectorArn(region), ...extra };
}

/** The headers GuardDuty sends with PutObject. */
export const SSE_KMS_HEADERS = {
  "s3:x-amz-server-side-encryption": "aws:kms",
  "s3:x-amz-server-side-encryption-aws-kms-key-id": KEY_ARN,
};
