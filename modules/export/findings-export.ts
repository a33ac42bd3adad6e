import { GuarddutyPublishingDestination } from "@cdktf/provider-aws/lib/guardduty-publishing-destination";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { ITerraformDependable, TerraformIterator, Token } from "cdktf";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { Partition } from "../topology/regions";
import { FindingsAccessLogging, FindingsLifecycle, FindingsObjectLock } from "./bucket-settings";
import { exportPropsProblems } from "./export-validation";
import { FindingsBucket } from "./findings-bucket";
import { FindingsKey } from "./findings-key";
import { destinationArn, findingsKeyPrefix, findingsS3Uri } from "./names";
import { NotificationQueue, NotificationQueueOptions } from "./notification-queue";
import { FindingsExportOutputs, secopsFeedOutputs } from "./secops-outputs";
import { SiemReader, SiemReaderIdentity } from "./siem-reader";
import { SiemReaderAccess } from "./siem-reader-access";
import { throwIfProblems } from "./validate";

/** A GuardDuty administrator detector whose findings are exported. */
export interface ExportDetector {
  /** Region code of the detector; a plain string (it is a `for_each` key). */
  readonly region: string;
  /** Detector ID; may be a cdktf token. */
  readonly detectorId: string;
  /** `arn:<partition>:guardduty:<region>:<administratorAccountId>:detector/<detectorId>`; may be a cdktf token. */
  readonly detectorArn: string;
}

/** Properties of {@link FindingsExport}. */
export interface FindingsExportProps {
  /** Partition of every region and ARN. */
  readonly partition: Partition;
  /** Region of the bucket and the key; a region enabled by default, never an opt-in region. */
  readonly homeRegion: string;
  /** The GuardDuty delegated administrator (security) account. */
  readonly administratorAccountId: string;
  /** Provider of the administrator account: the publishing destinations are created there. */
  readonly administratorProvider: AwsProvider;
  /** The administrator detector of every configured region (opt-in regions included). */
  readonly detectors: readonly ExportDetector[];
  /** Provider of the account that owns the bucket (log-archive by default). Also holds the reader and queue. */
  readonly bucketProvider: AwsProvider;
  /** Account ID behind `bucketProvider`. */
  readonly bucketAccountId: string;
  /**
   * Provider of the account that owns the key, e.g. security.
   * @default - bucketProvider
   */
  readonly keyProvider?: AwsProvider;
  /**
   * Account ID behind `keyProvider`; required when `keyProvider` is given.
   * @default - bucketAccountId
   */
  readonly keyAccountId?: string;
  /**
   * Region of the key. GuardDuty requires the key in the bucket's region; any other value is refused.
   * @default - homeRegion
   */
  readonly keyRegion?: string;
  /** Globally unique name of the findings bucket. */
  readonly bucketName: string;
  /**
   * A "folder" for the findings (no leading or trailing `/`); the `<prefix>/` marker object is created for it.
   * @default - findings at the bucket root, below `AWSLogs/`
   */
  readonly prefix?: string;
  /**
   * Lifecycle of the findings.
   * @default - GLACIER_IR after 90 days, expiry after 730 days, noncurrent versions deleted after 30 days
   */
  readonly lifecycle?: FindingsLifecycle;
  /**
   * Server access logging of the bucket.
   * @default - no access logging
   */
  readonly accessLogging?: FindingsAccessLogging;
  /**
   * Object Lock default retention.
   * @default - no Object Lock
   */
  readonly objectLock?: FindingsObjectLock;
  /**
   * `lifecycle { prevent_destroy = true }` on the bucket and the key. `false` only to tear down a test estate.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Alias of the findings key.
   * @default "alias/guardduty-findings-export"
   */
  readonly keyAliasName?: string;
  /**
   * Identity of the SIEM feed that reads the findings.
   * @default - no reader
   */
  readonly reader?: SiemReaderIdentity;
  /**
   * An SQS queue notified of every new finding file, for an "Amazon SQS V2" feed: `true` for the defaults.
   * @default false
   */
  readonly queue?: boolean | NotificationQueueOptions;
  /**
   * Key prefix below which GuardDuty trusted IP lists and threat lists are uploaded to the bucket (see
   * modules/lists): the administrator's GuardDuty service-linked role may read them (bucket policy) and decrypt them
   * through S3 (key policy), and a bucket account other than the key's may encrypt uploads through S3.
   * @default - no lists: no such grants
   */
  readonly guardDutyListsPrefix?: string;
  /**
   * Tags of the findings key, bucket, queues, queue key and reader.
   * @default - none beyond the providers' default tags
   */
  readonly tags?: Record<string, string>;
}

/**
 * Exports the active findings of every configured region to ONE bucket encrypted with ONE key: a publishing
 * destination per administrator detector (one `for_each` resource keyed by region), the bucket and key with
 * their proven policies, and optionally a read-only SIEM reader and an SQS notification queue.
 *
 * @example
 * new FindingsExport(this, "FindingsExport", {
 *   partition: "aws", homeRegion: "eu-west-1", administratorAccountId: "222222222222", administratorProvider: security,
 *   detectors, bucketProvider: logArchive, bucketAccountId: "333333333333", bucketName: "acme-guardduty-findings",
 *   prefix: "guardduty", reader: { type: "google-federation", subjectId: "113456789012345678901" }, queue: true,
 * });
 */
export class FindingsExport extends Construct {
  /** The findings key construct (key, alias, policy). */
  public readonly findingsKey: FindingsKey;
  /** The findings bucket construct (bucket and its settings, policy, prefix marker). */
  public readonly findingsBucket: FindingsBucket;
  /** The bucket. */
  public readonly bucket: S3Bucket;
  /** The key. */
  public readonly key: KmsKey;
  /** The bucket policy. */
  public readonly bucketPolicy: S3BucketPolicy;
  /** One resource, `for_each` over the regions: `aws_guardduty_publishing_destination.<path>_publishing_destination["<region>"]`. */
  public readonly publishingDestinations: GuarddutyPublishingDestination;
  /** The SIEM reader, with {@link FindingsExportProps.reader}. */
  public readonly reader?: SiemReader;
  /** The reader's read-only policy, with {@link FindingsExportProps.reader}. */
  public readonly readerAccess?: SiemReaderAccess;
  /** The reader's role, for `google-federation`. */
  public readonly readerRole?: IamRole;
  /** The reader's user, for `iam-user`. */
  public readonly readerUser?: IamUser;
  /** The queue construct (queue, DLQ, key, policy, bucket notification), with {@link FindingsExportProps.queue}. */
  public readonly notificationQueue?: NotificationQueue;
  /** The queue the SIEM consumes, with {@link FindingsExportProps.queue}. */
  public readonly queue?: SqsQueue;
  /** `arn:<partition>:s3:::<bucketName>`. */
  public readonly bucketArn: string;
  /** ARN of the findings key (a token). */
  public readonly keyArn: string;
  /** The `destination_arn` of every publishing destination. */
  public readonly destinationArn: string;
  /** `s3://<bucket>/<prefix>/AWSLogs/<administratorAccountId>/GuardDuty/`. */
  public readonly s3Uri: string;
  /** The Terraform outputs for the SecOps feed form. */
  public readonly outputs: FindingsExportOutputs;

  constructor(scope: Construct, id: string, props: FindingsExportProps) {
    super(scope, id);
    throwIfProblems(this, exportPropsProblems(this, props));
    const keyProvider = props.keyProvider ?? props.bucketProvider;
    const keyAccountId = props.keyAccountId ?? props.bucketAccountId;
    const region = props.homeRegion;
    const preventDestroy = props.preventDestroy ?? true;

    if (props.reader) {
      this.reader = new SiemReader(this, "SiemReader", { provider: props.bucketProvider, identity: props.reader, tags: props.tags });
      this.readerRole = this.reader.role;
      this.readerUser = this.reader.user;
    }
    const readerPrincipalArns = this.reader ? [this.reader.principalArn] : undefined;
    this.findingsKey = new FindingsKey(this, "FindingsKey", {
      provider: keyProvider, partition: props.partition, accountId: keyAccountId, region,
      administratorAccountId: props.administratorAccountId, detectors: props.detectors, readerPrincipalArns,
      prefixWriterAccountId: props.prefix || props.guardDutyListsPrefix !== undefined ? props.bucketAccountId : undefined,
      guardDutyListsReader: props.guardDutyListsPrefix !== undefined,
      aliasName: props.keyAliasName, preventDestroy, tags: props.tags,
    });
    this.key = this.findingsKey.key;
    this.keyArn = this.findingsKey.keyArn;
    this.findingsBucket = new FindingsBucket(this, "FindingsBucket", {
      provider: props.bucketProvider, partition: props.partition, accountId: props.bucketAccountId, region,
      bucketName: props.bucketName, prefix: props.prefix, keyArn: this.keyArn,
      administratorAccountId: props.administratorAccountId, detectors: props.detectors,
      lifecycle: props.lifecycle, accessLogging: props.accessLogging, objectLock: props.objectLock, preventDestroy, tags: props.tags,
      guardDutyListsPrefix: props.guardDutyListsPrefix,
    });
    this.bucket = this.findingsBucket.bucket;
    this.bucketPolicy = this.findingsBucket.bucketPolicy;
    this.bucketArn = this.findingsBucket.bucketArn;

    const findingsPrefix = findingsKeyPrefix(props.prefix, props.administratorAccountId);
    if (props.queue) {
      this.notificationQueue = new NotificationQueue(this, "SiemQueue", {
        ...(props.queue === true ? {} : props.queue),
        provider: props.bucketProvider, partition: props.partition, accountId: props.bucketAccountId, region,
        bucketName: this.findingsBucket.bucketId, filterPrefix: findingsPrefix, readerPrincipalArns, tags: props.tags,
      });
      this.queue = this.notificationQueue.queue;
    }
    if (this.reader) {
      this.readerAccess = new SiemReaderAccess(this, "SiemReaderAccess", {
        provider: props.bucketProvider, reader: this.reader, partition: props.partition, region,
        bucketName: props.bucketName, prefix: props.prefix, administratorAccountId: props.administratorAccountId,
        keyArn: this.keyArn, queueArn: this.notificationQueue?.queueArn, queueKeyArn: this.notificationQueue?.keyArn,
      });
    }

    this.destinationArn = destinationArn(props.partition, props.bucketName, props.prefix);
    const byRegion = TerraformIterator.fromMap(Object.fromEntries(props.detectors.map((d) => [d.region, d.detectorId])));
    const ready: ITerraformDependable[] = [this.bucketPolicy, this.key];
    if (this.findingsBucket.prefixMarker) ready.push(this.findingsBucket.prefixMarker);
    this.publishingDestinations = named(
      new GuarddutyPublishingDestination(this, "PublishingDestination", {
        provider: props.administratorProvider,
        forEach: byRegion,
        region: byRegion.key,
        detectorId: Token.asString(byRegion.value),
        destinationType: "S3",
        destinationArn: this.destinationArn,
        kmsKeyArn: this.keyArn,
        dependsOn: ready,
      }),
    );

    this.s3Uri = findingsS3Uri(props.bucketName, props.prefix, props.administratorAccountId);
    this.outputs = secopsFeedOutputs(this, {
      region, s3Uri: this.s3Uri, accountId: props.bucketAccountId, bucketArn: this.bucketArn, keyArn: this.keyArn,
      role: this.readerRole, user: this.readerUser, queue: this.queue,
    });
  }
}
