/**
 * The bucket policy of the findings bucket: only GuardDuty (for the administrator's detectors) writes, only
 * SSE-KMS with the findings key, only over TLS.
 *
 * Pure builder, no cdktf import. Follows "Exporting findings: bucket policy" in the GuardDuty user guide
 * (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html); the two encryption denies,
 * optional there, are always on here and apply to every principal, not only GuardDuty.
 */
import { guardDutyServiceLinkedRoleArn } from "../lists/list-files";
import { Partition, arns } from "../topology/regions";
import { keyPrefix } from "./names";
import { DetectorRef, PolicyDocument, PolicyStatement, guardDutyWriters, oneOrMany, policyDocument } from "./policy-document";

/** Inputs of {@link findingsBucketPolicy}. Values may be cdktf tokens, except regions and the prefix. */
export interface FindingsBucketPolicyInput {
  readonly partition: Partition;
  readonly bucketName: string;
  /**
   * The export prefix (no leading or trailing `/`).
   * @default - findings are written at the bucket root (`AWSLogs/...`)
   */
  readonly prefix?: string;
  /** ARN of the findings key: the only key uploads may name. */
  readonly keyArn: string;
  /** The GuardDuty administrator account (`aws:SourceAccount`). */
  readonly administratorAccountId: string;
  /** The administrator detectors of every configured region (`aws:SourceArn`). */
  readonly detectors: readonly DetectorRef[];
  /**
   * Key prefix of the GuardDuty lists uploaded to the bucket (e.g. `guardduty-lists/`): the administrator's GuardDuty
   * service-linked role may `s3:GetObject` below it.
   * @default - no lists statement
   */
  readonly guardDutyListsPrefix?: string;
}

/**
 * Builds the bucket policy. For each GuardDuty service principal (global, or regional for opt-in regions), one
 * statement `AllowGuardDutyExport[<Region>]`, conditioned on `aws:SourceAccount` = administrator and
 * `aws:SourceArn` = that principal's detectors, allows:
 * - `s3:GetBucketLocation` on the bucket and `s3:PutObject` on `<prefix>/*` (the documented "Allow
 *   GetBucketLocation" and "Allow PutObject" statements, merged: S3 matches each action only against the resource
 *   type it acts on, so the grant is the same and the policy stays under the 20 KB limit with every region);
 * - with a prefix, `s3:ListBucket` on the bucket and `s3:GetObject` on `<prefix>/*`, which GuardDuty uses to check
 *   that the prefix exists.
 *
 * With `guardDutyListsPrefix`, `AllowGuardDutyListsRead`: `s3:GetObject` on `<listsPrefix>*` for the administrator's
 * `AWSServiceRoleForAmazonGuardDuty`, the role GuardDuty reads trusted IP lists and threat lists with (User Guide,
 * "Setting up prerequisites for entity lists and IP address lists").
 *
 * Then, for every principal:
 * - `DenyUploadsWithoutSseKms`: `s3:PutObject` unless `s3:x-amz-server-side-encryption` is `aws:kms`;
 * - `DenyUploadsWithAnotherKey`: `s3:PutObject` unless `s3:x-amz-server-side-encryption-aws-kms-key-id` is the key ARN;
 * - `DenyInsecureTransport`: every `s3:*` request on the bucket and its objects without TLS.
 */
export function findingsBucketPolicy(input: FindingsBucketPolicyInput): PolicyDocument {
  const bucket = arns.bucket(input.partition, input.bucketName);
  const exportObjects = `${bucket}/${keyPrefix(input.prefix)}*`;
  const actions = input.prefix
    ? ["s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:PutObject"]
    : ["s3:GetBucketLocation", "s3:PutObject"];
  const statements: PolicyStatement[] = guardDutyWriters(input.detectors).map((writer) => ({
    Sid: `AllowGuardDutyExport${writer.sidSuffix}`,
    Effect: "Allow",
    Principal: { Service: writer.principal },
    Action: actions,
    Resource: [bucket, exportObjects],
    Condition: {
      StringEquals: {
        "aws:SourceAccount": input.administratorAccountId,
        "aws:SourceArn": oneOrMany(writer.sourceArns),
      },
    },
  }));
  if (input.guardDutyListsPrefix !== undefined) {
    statements.push({
      Sid: "AllowGuardDutyListsRead",
      Effect: "Allow",
      Principal: { AWS: guardDutyServiceLinkedRoleArn(input.partition, input.administratorAccountId) },
      Action: "s3:GetObject",
      Resource: `${bucket}/${input.guardDutyListsPrefix}*`,
    });
  }
  statements.push(
    {
      Sid: "DenyUploadsWithoutSseKms",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:PutObject",
      Resource: `${bucket}/*`,
      Condition: { StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms" } },
    },
    {
      Sid: "DenyUploadsWithAnotherKey",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:PutObject",
      Resource: `${bucket}/*`,
      Condition: { StringNotEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": input.keyArn } },
    },
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [bucket, `${bucket}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  );
  return policyDocument(statements);
}
