/**
 * What the SIEM reader (Google SecOps "Amazon S3 V2" / "Amazon SQS V2" feed) may do, and who may become it.
 *
 * Pure builders, no cdktf import.
 */
import { Partition, arns, serviceHost } from "../topology/regions";
import { findingsKeyPrefix } from "./names";
import { PolicyDocument, PolicyStatement, policyDocument } from "./policy-document";

/** The OIDC provider AWS has built in for Google identities. */
export const GOOGLE_FEDERATION_PROVIDER = "accounts.google.com";

/** Inputs of {@link siemReaderPolicy}. Values may be cdktf tokens, except the region and the prefix. */
export interface SiemReaderPolicyInput {
  readonly partition: Partition;
  readonly bucketName: string;
  /**
   * The export prefix (no leading or trailing `/`).
   * @default - findings at the bucket root
   */
  readonly prefix?: string;
  /** The GuardDuty administrator account: findings are below `<prefix>/AWSLogs/<administratorAccountId>/GuardDuty/`. */
  readonly administratorAccountId: string;
  /** ARN of the findings key. */
  readonly keyArn: string;
  /** Region of the bucket, the key and the queue. */
  readonly bucketRegion: string;
  /**
   * ARN of the notification queue the feed consumes.
   * @default - no SQS permissions
   */
  readonly queueArn?: string;
  /**
   * ARN of the key that encrypts the notification queue.
   * @default - no permission on a queue key
   */
  readonly queueKeyArn?: string;
}

/**
 * Builds the reader's identity policy: read-only and limited to the findings of the administrator.
 * - `ListFindings`: `s3:ListBucket` only for `s3:prefix` below `<prefix>/AWSLogs/<admin>/GuardDuty/`;
 * - `GetBucketLocation`: `s3:GetBucketLocation` (the feed's transfer service always asks for it);
 * - `ReadFindings`: `s3:GetObject` below that prefix;
 * - `DecryptFindingsThroughS3`: `kms:Decrypt` on the findings key, only through S3;
 * - with a queue, `ConsumeNotifications`: `sqs:ReceiveMessage`, `sqs:DeleteMessage`, `sqs:GetQueueAttributes`,
 *   `sqs:ChangeMessageVisibility`, and `DecryptNotificationsThroughSqs`: `kms:Decrypt` on the queue key through SQS.
 *
 * No write, no delete of objects: the SecOps "source deletion option" must stay at "Never delete files".
 */
export function siemReaderPolicy(input: SiemReaderPolicyInput): PolicyDocument {
  const bucket = arns.bucket(input.partition, input.bucketName);
  const findings = findingsKeyPrefix(input.prefix, input.administratorAccountId);
  const statements: PolicyStatement[] = [
    {
      Sid: "ListFindings",
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: bucket,
      Condition: { StringLike: { "s3:prefix": [`${findings}*`, findings.slice(0, -1)] } },
    },
    { Sid: "GetBucketLocation", Effect: "Allow", Action: "s3:GetBucketLocation", Resource: bucket },
    { Sid: "ReadFindings", Effect: "Allow", Action: "s3:GetObject", Resource: `${bucket}/${findings}*` },
    {
      Sid: "DecryptFindingsThroughS3",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: input.keyArn,
      Condition: { StringEquals: { "kms:ViaService": serviceHost("s3", input.bucketRegion, input.partition) } },
    },
  ];
  if (input.queueArn) {
    statements.push({
      Sid: "ConsumeNotifications",
      Effect: "Allow",
      Action: ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
      Resource: input.queueArn,
    });
  }
  if (input.queueKeyArn) {
    statements.push({
      Sid: "DecryptNotificationsThroughSqs",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: input.queueKeyArn,
      Condition: { StringEquals: { "kms:ViaService": serviceHost("sqs", input.bucketRegion, input.partition) } },
    });
  }
  return policyDocument(statements);
}

/**
 * The trust policy of a role a Google SecOps feed assumes through Google identity federation: only
 * `sts:AssumeRoleWithWebIdentity` from `accounts.google.com`, only for the token whose `sub` is the subject ID
 * shown in the feed form.
 */
export function googleFederationTrustPolicy(subjectId: string): PolicyDocument {
  return policyDocument([
    {
      Sid: "AllowGoogleSecOpsFeed",
      Effect: "Allow",
      Principal: { Federated: GOOGLE_FEDERATION_PROVIDER },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { StringEquals: { [`${GOOGLE_FEDERATION_PROVIDER}:sub`]: subjectId } },
    },
  ]);
}
