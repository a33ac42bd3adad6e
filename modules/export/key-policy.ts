/**
 * The key policy of the findings key: GuardDuty encrypts with it, the SIEM reader decrypts through S3, and the
 * owning account administers it.
 *
 * Pure builder, no cdktf import. Follows "Exporting findings: key policy" in the GuardDuty user guide
 * (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_exportfindings.html).
 */
import { guardDutyServiceLinkedRoleArn } from "../lists/list-files";
import { keyAdministrationStatement } from "../topology/key-administration";
import { Partition, arns, serviceHost } from "../topology/regions";
import { DetectorRef, PolicyDocument, PolicyStatement, guardDutyWriters, oneOrMany, policyDocument } from "./policy-document";

/** Inputs of {@link findingsKeyPolicy}. Values may be cdktf tokens, except regions. */
export interface FindingsKeyPolicyInput {
  readonly partition: Partition;
  /** Account that owns the key; its root principal keeps `kms:*` so the key can never be locked out. */
  readonly keyAccountId: string;
  /** The GuardDuty administrator account (`aws:SourceAccount` of every export request). */
  readonly administratorAccountId: string;
  /** The administrator detectors of every configured region (`aws:SourceArn`). */
  readonly detectors: readonly DetectorRef[];
  /** Region of the bucket (and key): the S3 endpoint the reader must decrypt through (`kms:ViaService`). */
  readonly bucketRegion: string;
  /**
   * Principals (role or user ARNs) of the SIEM reader, allowed `kms:Decrypt` through S3 only.
   * @default - no reader statement
   */
  readonly readerPrincipalArns?: readonly string[];
  /**
   * Account that uploads the prefix marker object through S3, when it is not the key account (a bucket in
   * log-archive with the key in security). Gets `kms:GenerateDataKey` through S3 only, never `kms:Decrypt`.
   * @default - no statement (same account: the administration statement delegates to its IAM policies)
   */
  readonly prefixWriterAccountId?: string;
  /**
   * GuardDuty lists are uploaded to the bucket: the administrator's GuardDuty service-linked role may `kms:Decrypt`
   * through S3 in the bucket's region, to read them.
   * @default false
   */
  readonly guardDutyListsReader?: boolean;
}

/**
 * Builds the key policy:
 * 1. `EnableKeyAdministration`: `kms:*` for `arn:<partition>:iam::<keyAccountId>:root`, which delegates to the
 *    owning account's IAM policies and keeps the key manageable.
 * 2. `AllowGuardDutyGenerateDataKey[<Region>]`: `kms:GenerateDataKey` for each GuardDuty service principal
 *    (global, or regional for opt-in regions), only when `aws:SourceAccount` is the administrator and
 *    `aws:SourceArn` is one of that principal's administrator detectors.
 * 3. `AllowSiemReaderDecryptThroughS3`: `kms:Decrypt` for the reader, only through S3 in the bucket's region.
 * 4. `AllowPrefixMarkerUploadThroughS3`: `kms:GenerateDataKey` for the bucket account, only through S3 (the prefix
 *    marker and the uploaded GuardDuty lists).
 * 5. `AllowGuardDutyListsDecryptThroughS3`: `kms:Decrypt` for the administrator's `AWSServiceRoleForAmazonGuardDuty`,
 *    only through S3: the statement the User Guide asks for KMS-encrypted lists ("Using SSE-KMS encryption with
 *    entity lists and IP lists"), narrowed to `kms:ViaService` (S3 decrypts the object for the role's GetObject).
 *
 * @example
 * JSON.stringify(findingsKeyPolicy({ partition: "aws", keyAccountId: "222222222222", administratorAccountId: "222222222222",
 *   detectors: [{ region: "eu-west-1", detectorArn: "arn:aws:guardduty:eu-west-1:222222222222:detector/abc" }],
 *   bucketRegion: "eu-west-1" }));
 */
export function findingsKeyPolicy(input: FindingsKeyPolicyInput): PolicyDocument {
  const s3ViaService = serviceHost("s3", input.bucketRegion, input.partition);
  const statements: PolicyStatement[] = [
    keyAdministrationStatement(input.partition, input.keyAccountId),
  ];
  for (const writer of guardDutyWriters(input.detectors)) {
    statements.push({
      Sid: `AllowGuardDutyGenerateDataKey${writer.sidSuffix}`,
      Effect: "Allow",
      Principal: { Service: writer.principal },
      Action: "kms:GenerateDataKey",
      Resource: "*",
      Condition: {
        StringEquals: {
          "aws:SourceAccount": input.administratorAccountId,
          "aws:SourceArn": oneOrMany(writer.sourceArns),
        },
      },
    });
  }
  if (input.readerPrincipalArns && input.readerPrincipalArns.length > 0) {
    statements.push({
      Sid: "AllowSiemReaderDecryptThroughS3",
      Effect: "Allow",
      Principal: { AWS: oneOrMany(input.readerPrincipalArns) },
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: { StringEquals: { "kms:ViaService": s3ViaService } },
    });
  }
  if (input.prefixWriterAccountId && input.prefixWriterAccountId !== input.keyAccountId) {
    statements.push({
      Sid: "AllowPrefixMarkerUploadThroughS3",
      Effect: "Allow",
      Principal: { AWS: arns.accountRoot(input.partition, input.prefixWriterAccountId) },
      Action: "kms:GenerateDataKey",
      Resource: "*",
      Condition: {
        StringEquals: { "kms:ViaService": s3ViaService, "kms:CallerAccount": input.prefixWriterAccountId },
      },
    });
  }
  if (input.guardDutyListsReader) {
    statements.push({
      Sid: "AllowGuardDutyListsDecryptThroughS3",
      Effect: "Allow",
      Principal: { AWS: guardDutyServiceLinkedRoleArn(input.partition, input.administratorAccountId) },
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: { StringEquals: { "kms:ViaService": s3ViaService } },
    });
  }
  return policyDocument(statements);
}
