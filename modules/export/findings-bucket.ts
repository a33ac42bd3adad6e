import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketObjectLockConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { Partition, arns } from "../topology/regions";
import { findingsBucketPolicy } from "./bucket-policy";
import {
  FindingsAccessLogging, FindingsLifecycle, FindingsObjectLock, accessLoggingProblems, lifecycleProblems, objectLockProblems,
  resolveLifecycle,
} from "./bucket-settings";
import { AWS_LOGS, bucketNameProblems, keyPrefix, listsPrefixProblems, prefixMarkerKey, prefixProblems } from "./names";
import { DetectorRef, PolicyDocument } from "./policy-document";
import { accountIdProblems, homeRegionProblems, providerProblems, throwIfProblems, whenKnown } from "./validate";
import { jsonDocument } from "../topology/hcl-synth";

/** Properties of {@link FindingsBucket}. */
export interface FindingsBucketProps {
  /** Provider of the account that owns the bucket (log-archive by default). */
  readonly provider: AwsProvider;
  readonly partition: Partition;
  /** Account ID behind `provider`: the expected bucket owner of every bucket sub-resource. */
  readonly accountId: string;
  /** Region of the bucket, never an opt-in region. Set with the resource `region` argument. */
  readonly region: string;
  /** Globally unique bucket name, following the S3 naming rules. */
  readonly bucketName: string;
  /**
   * A "folder" for the findings (no leading or trailing `/`). With a prefix, the construct also creates the
   * `<prefix>/` marker object GuardDuty checks for before it accepts the destination.
   * @default - findings at the bucket root, below `AWSLogs/`
   */
  readonly prefix?: string;
  /** ARN of the findings key: default encryption, and the only key uploads may name. */
  readonly keyArn: string;
  /** The GuardDuty administrator account. */
  readonly administratorAccountId: string;
  /** The administrator detectors of every configured region. */
  readonly detectors: readonly DetectorRef[];
  /**
   * Lifecycle of the findings.
   * @default - GLACIER_IR after 90 days, expiry after 730 days, noncurrent versions deleted after 30 days
   */
  readonly lifecycle?: FindingsLifecycle;
  /**
   * Server access logging.
   * @default - no access logging
   */
  readonly accessLogging?: FindingsAccessLogging;
  /**
   * Object Lock default retention (enabled at bucket creation).
   * @default - no Object Lock
   */
  readonly objectLock?: FindingsObjectLock;
  /**
   * Adds `lifecycle { prevent_destroy = true }` to the bucket. Set `false` only to tear down a test estate on
   * purpose. The bucket never has `force_destroy`: Terraform cannot delete it while it holds findings.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Key prefix of the GuardDuty lists uploaded to the bucket (`guardduty-lists/`): the administrator's GuardDuty
   * service-linked role may read below it (see {@link findingsBucketPolicy}).
   * @default - no lists: no such grant
   */
  readonly guardDutyListsPrefix?: string;
  /**
   * Tags of the bucket.
   * @default - none beyond the provider's default tags
   */
  readonly tags?: Record<string, string>;
}

/**
 * The S3 bucket that receives GuardDuty findings of every region: public access blocked, ACLs disabled
 * (BucketOwnerEnforced), versioned, SSE-KMS with an S3 Bucket Key by default, lifecycle rules, optional access
 * logging and Object Lock, `prevent_destroy`, never `force_destroy`, and the policy of {@link findingsBucketPolicy}.
 *
 * Terraform addresses (below `<path>_`): `aws_s3_bucket.bucket`, `aws_s3_bucket_public_access_block.public_access_block`,
 * `aws_s3_bucket_ownership_controls.ownership_controls`, `aws_s3_bucket_versioning.versioning`,
 * `aws_s3_bucket_server_side_encryption_configuration.encryption`, `aws_s3_bucket_lifecycle_configuration.lifecycle`,
 * `aws_s3_bucket_policy.policy`, and when configured `aws_s3_bucket_logging.access_logging`,
 * `aws_s3_bucket_object_lock_configuration.object_lock`, `aws_s3_object.prefix_marker`.
 */
export class FindingsBucket extends Construct {
  /** The bucket (`prevent_destroy` unless switched off, never `force_destroy`). */
  public readonly bucket: S3Bucket;
  /** All four public access blocks on. */
  public readonly publicAccessBlock: S3BucketPublicAccessBlock;
  /** `BucketOwnerEnforced`: ACLs disabled. */
  public readonly ownershipControls: S3BucketOwnershipControls;
  /** Versioning enabled. */
  public readonly versioning: S3BucketVersioningA;
  /** Default SSE-KMS with the findings key and an S3 Bucket Key. */
  public readonly encryption: S3BucketServerSideEncryptionConfigurationA;
  /** Transition, expiry, noncurrent versions and delete markers of the findings. */
  public readonly lifecycleConfiguration: S3BucketLifecycleConfiguration;
  /** The policy of {@link findingsBucketPolicy}. */
  public readonly bucketPolicy: S3BucketPolicy;
  /** Present with {@link FindingsBucketProps.accessLogging}. */
  public readonly accessLogging?: S3BucketLoggingA;
  /** Present with {@link FindingsBucketProps.objectLock}. */
  public readonly objectLockConfiguration?: S3BucketObjectLockConfigurationA;
  /** The `<prefix>/` object, present with {@link FindingsBucketProps.prefix}. */
  public readonly prefixMarker?: S3Object;
  /** `arn:<partition>:s3:::<bucketName>`, computed (no token). */
  public readonly bucketArn: string;
  /** The bucket name as a reference to the bucket (a token, so users depend on the bucket). */
  public readonly bucketId: string;
  /** The bucket policy, as plain JSON (tokens inside). */
  public readonly policyDocument: PolicyDocument;

  constructor(scope: Construct, id: string, props: FindingsBucketProps) {
    super(scope, id);
    throwIfProblems(this, [
      ...providerProblems(this, "provider", props.provider),
      ...accountIdProblems("accountId", props.accountId),
      ...accountIdProblems("administratorAccountId", props.administratorAccountId),
      ...homeRegionProblems("region", props.partition, props.region),
      ...whenKnown(props.bucketName, (v) => bucketNameProblems("bucketName", v)),
      ...whenKnown(props.prefix, (v) => prefixProblems("prefix", v)),
      ...whenKnown(props.guardDutyListsPrefix, (v) => listsPrefixProblems("guardDutyListsPrefix", v)),
      ...lifecycleProblems("lifecycle", props.lifecycle),
      ...accessLoggingProblems("accessLogging", props.bucketName, props.accessLogging),
      ...objectLockProblems("objectLock", props.objectLock),
      ...(props.detectors.length === 0 ? ["detectors must name at least one administrator detector; got none"] : []),
    ]);
    const common = { provider: props.provider, region: props.region };
    const owned = { ...common, expectedBucketOwner: props.accountId };

    this.bucket = named(
      new S3Bucket(this, "Bucket", {
        ...common,
        bucket: props.bucketName,
        forceDestroy: false,
        objectLockEnabled: props.objectLock ? true : undefined,
        tags: props.tags,
        lifecycle: { preventDestroy: props.preventDestroy ?? true },
      }),
    );
    this.bucketId = this.bucket.id;
    this.bucketArn = arns.bucket(props.partition, props.bucketName);
    this.publicAccessBlock = named(
      new S3BucketPublicAccessBlock(this, "PublicAccessBlock", {
        ...common,
        bucket: this.bucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      }),
    );
    this.ownershipControls = named(
      new S3BucketOwnershipControls(this, "OwnershipControls", {
        ...common,
        bucket: this.bucket.id,
        rule: { objectOwnership: "BucketOwnerEnforced" },
      }),
    );
    this.versioning = named(
      new S3BucketVersioningA(this, "Versioning", {
        ...owned,
        bucket: this.bucket.id,
        versioningConfiguration: { status: "Enabled" },
      }),
    );
    this.encryption = named(
      new S3BucketServerSideEncryptionConfigurationA(this, "Encryption", {
        ...owned,
        bucket: this.bucket.id,
        rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.keyArn }, bucketKeyEnabled: true }],
      }),
    );
    const l = resolveLifecycle(props.lifecycle);
    const findingsOnly = { prefix: `${keyPrefix(props.prefix)}${AWS_LOGS}/` };
    this.lifecycleConfiguration = named(
      new S3BucketLifecycleConfiguration(this, "Lifecycle", {
        ...owned,
        bucket: this.bucket.id,
        rule: [
          {
            id: "findings-retention",
            status: "Enabled",
            filter: [findingsOnly],
            transition: [{ days: l.transitionToGlacierDays, storageClass: l.transitionStorageClass }],
            expiration: [{ days: l.expirationDays }],
            noncurrentVersionExpiration: [{ noncurrentDays: l.noncurrentVersionExpirationDays }],
            abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
          },
          {
            id: "expired-delete-markers",
            status: "Enabled",
            filter: [findingsOnly],
            expiration: [{ expiredObjectDeleteMarker: true }],
          },
        ],
        dependsOn: [this.versioning],
      }),
    );
    if (props.accessLogging) {
      this.accessLogging = named(
        new S3BucketLoggingA(this, "AccessLogging", {
          ...owned,
          bucket: this.bucket.id,
          targetBucket: props.accessLogging.targetBucket,
          targetPrefix: props.accessLogging.targetPrefix ?? `${props.bucketName}/`,
        }),
      );
    }
    if (props.objectLock) {
      this.objectLockConfiguration = named(
        new S3BucketObjectLockConfigurationA(this, "ObjectLock", {
          ...owned,
          bucket: this.bucket.id,
          rule: { defaultRetention: { mode: props.objectLock.mode, days: props.objectLock.retentionDays } },
          dependsOn: [this.versioning],
        }),
      );
    }
    this.policyDocument = findingsBucketPolicy({
      partition: props.partition,
      bucketName: props.bucketName,
      prefix: props.prefix,
      keyArn: props.keyArn,
      administratorAccountId: props.administratorAccountId,
      detectors: props.detectors,
      guardDutyListsPrefix: props.guardDutyListsPrefix,
    });
    this.bucketPolicy = named(
      new S3BucketPolicy(this, "Policy", {
        ...common,
        bucket: this.bucket.id,
        policy: jsonDocument(this.policyDocument),
        dependsOn: [this.publicAccessBlock],
      }),
    );
    if (props.prefix) {
      this.prefixMarker = named(
        new S3Object(this, "PrefixMarker", {
          ...common,
          bucket: this.bucket.id,
          key: prefixMarkerKey(props.prefix),
          content: "",
          serverSideEncryption: "aws:kms",
          kmsKeyId: props.keyArn,
          bucketKeyEnabled: true,
          dependsOn: [this.bucketPolicy, this.encryption],
        }),
      );
    }
  }
}
