/**
 * Policies of the notification queue a Google SecOps "Amazon SQS V2" feed consumes: S3 sends ObjectCreated
 * events for the findings bucket, nobody else sends, the reader receives.
 *
 * Pure builders, no cdktf import.
 */
import { keyAdministrationStatement } from "../topology/key-administration";
import { Partition, arns, dnsSuffix } from "../topology/regions";
import { PolicyDocument, PolicyStatement, oneOrMany, policyDocument } from "./policy-document";

/** S3's service principal, as it delivers event notifications. */
export const S3_SERVICE_PRINCIPAL = "s3.amazonaws.com";

/** Inputs of {@link notificationQueuePolicy}. */
export interface NotificationQueuePolicyInput {
  readonly partition: Partition;
  /** ARN of the queue the policy is attached to. */
  readonly queueArn: string;
  /** The findings bucket, the only allowed `aws:SourceArn`. */
  readonly bucketName: string;
  /** The account owning the bucket, the only allowed `aws:SourceAccount`. */
  readonly bucketAccountId: string;
}

/**
 * Builds the queue policy:
 * - `AllowS3Notifications`: `sqs:SendMessage` for `s3.amazonaws.com`, only with `aws:SourceArn` = the bucket and
 *   `aws:SourceAccount` = its owner (no other bucket can use S3 to write here);
 * - `DenyInsecureTransport`: every `sqs:*` request without TLS.
 *
 * The reader is not named here: it lives in the queue's account and gets its rights from its identity policy.
 */
export function notificationQueuePolicy(input: NotificationQueuePolicyInput): PolicyDocument {
  return policyDocument([
    {
      Sid: "AllowS3Notifications",
      Effect: "Allow",
      Principal: { Service: S3_SERVICE_PRINCIPAL },
      Action: "sqs:SendMessage",
      Resource: input.queueArn,
      Condition: {
        ArnEquals: { "aws:SourceArn": arns.bucket(input.partition, input.bucketName) },
        StringEquals: { "aws:SourceAccount": input.bucketAccountId },
      },
    },
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "sqs:*",
      Resource: input.queueArn,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ]);
}

/** Inputs of {@link notificationQueueKeyPolicy}. */
export interface NotificationQueueKeyPolicyInput {
  readonly partition: Partition;
  /** Account that owns the queue key (the queue's account). */
  readonly keyAccountId: string;
  /** The findings bucket whose notifications are encrypted. */
  readonly bucketName: string;
  /** The account owning the bucket. */
  readonly bucketAccountId: string;
  /** Region of the queue: the SQS endpoint the reader decrypts through. */
  readonly queueRegion: string;
  /**
   * Principals of the SIEM reader, allowed `kms:Decrypt` through SQS only.
   * @default - no reader statement
   */
  readonly readerPrincipalArns?: readonly string[];
}

/**
 * Builds the policy of the key that encrypts the queue:
 * - `EnableKeyAdministration`: `kms:*` for the owning account's root (delegates to its IAM policies);
 * - `AllowS3ToEncryptNotifications`: `kms:GenerateDataKey` and `kms:Decrypt` for `s3.amazonaws.com`, which S3
 *   needs to put messages on an SSE-KMS queue. `aws:SourceArn`/`aws:SourceAccount` are checked with `...IfExists`:
 *   AWS documents this grant without conditions and does not promise that S3 sends them to KMS; the queue policy
 *   is the gate that decides which bucket may send;
 * - `AllowSiemReaderDecryptThroughSqs`: `kms:Decrypt` for the reader, only through SQS in the queue's region.
 */
export function notificationQueueKeyPolicy(input: NotificationQueueKeyPolicyInput): PolicyDocument {
  const statements: PolicyStatement[] = [
    keyAdministrationStatement(input.partition, input.keyAccountId),
    {
      Sid: "AllowS3ToEncryptNotifications",
      Effect: "Allow",
      Principal: { Service: S3_SERVICE_PRINCIPAL },
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: "*",
      Condition: {
        ArnEqualsIfExists: { "aws:SourceArn": arns.bucket(input.partition, input.bucketName) },
        StringEqualsIfExists: { "aws:SourceAccount": input.bucketAccountId },
      },
    },
  ];
  if (input.readerPrincipalArns && input.readerPrincipalArns.length > 0) {
    statements.push({
      Sid: "AllowSiemReaderDecryptThroughSqs",
      Effect: "Allow",
      Principal: { AWS: oneOrMany(input.readerPrincipalArns) },
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: { StringEquals: { "kms:ViaService": `sqs.${input.queueRegion}.${dnsSuffix(input.partition)}` } },
    });
  }
  return policyDocument(statements);
}
