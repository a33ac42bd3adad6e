import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3BucketNotification } from "@cdktf/provider-aws/lib/s3-bucket-notification";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { Partition, arns } from "../topology/regions";
import { queueNameProblems } from "./names";
import { PolicyDocument } from "./policy-document";
import { notificationQueueKeyPolicy, notificationQueuePolicy } from "./queue-policy";
import { accountIdProblems, homeRegionProblems, integerProblems, providerProblems, throwIfProblems, whenKnown } from "./validate";
import { jsonDocument } from "../topology/hcl-synth";

/** Default name of the notification queue (the dead-letter queue appends `-dlq`). */
export const DEFAULT_QUEUE_NAME = "guardduty-findings-secops";

/** Options of the notification queue that users tune. */
export interface NotificationQueueOptions {
  /**
   * Name of the queue; the dead-letter queue is `<queueName>-dlq` and the key alias `alias/<queueName>`.
   * @default "guardduty-findings-secops"
   */
  readonly queueName?: string;
  /**
   * How long an unconsumed notification is kept, in seconds (also on the dead-letter queue).
   * @default 1209600 - 14 days, the maximum, so a SIEM outage loses nothing
   */
  readonly messageRetentionSeconds?: number;
  /**
   * How long a received message stays invisible to other consumers, in seconds.
   * @default 300
   */
  readonly visibilityTimeoutSeconds?: number;
  /**
   * Receives after which a message moves to the dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;
}

/** Properties of {@link NotificationQueue}. */
export interface NotificationQueueProps extends NotificationQueueOptions {
  /** Provider of the bucket's account: the queue, its key and the bucket notification live there. */
  readonly provider: AwsProvider;
  readonly partition: Partition;
  /** Account ID behind `provider`. */
  readonly accountId: string;
  /** Region of the bucket (S3 notifies queues of its own region only). */
  readonly region: string;
  /**
   * Name of the findings bucket: the bucket notified about, and the only `aws:SourceArn` allowed to send. Pass the
   * bucket's `id` (a token) so the queue policy and the notification depend on the bucket.
   */
  readonly bucketName: string;
  /** Only objects below this key prefix notify, e.g. `guardduty/AWSLogs/222222222222/GuardDuty/`. */
  readonly filterPrefix: string;
  /**
   * Principals of the SIEM reader, allowed to decrypt messages through SQS.
   * @default - none named in the key policy (same-account IAM policies still apply)
   */
  readonly readerPrincipalArns?: readonly string[];
  /**
   * Tags of the queues and key.
   * @default - none beyond the provider's default tags
   */
  readonly tags?: Record<string, string>;
}

/**
 * An SQS queue (with a dead-letter queue) that receives `s3:ObjectCreated:*` notifications for new findings, for a
 * Google SecOps "Amazon SQS V2" feed. Both queues are encrypted with a dedicated KMS key whose policy lets S3 use
 * it ({@link notificationQueueKeyPolicy}); the queue policy lets only this bucket send ({@link notificationQueuePolicy}).
 *
 * The `aws_s3_bucket_notification` it creates owns the bucket's whole notification configuration: a bucket has
 * one, so do not add other notifications to the findings bucket elsewhere.
 *
 * Terraform addresses (below `<path>_`): `aws_kms_key.key`, `aws_kms_alias.key_alias`,
 * `aws_sqs_queue.dead_letter_queue`, `aws_sqs_queue.queue`, `aws_sqs_queue_policy.policy`,
 * `aws_s3_bucket_notification.bucket_notification`.
 */
export class NotificationQueue extends Construct {
  /** The key encrypting both queues. */
  public readonly key: KmsKey;
  /** `alias/<queueName>`. */
  public readonly keyAlias: KmsAlias;
  /** `<queueName>-dlq`: messages received `maxReceiveCount` times without being deleted. */
  public readonly deadLetterQueue: SqsQueue;
  /** The queue the SIEM consumes. */
  public readonly queue: SqsQueue;
  /** The policy of {@link notificationQueuePolicy}. */
  public readonly queuePolicy: SqsQueuePolicy;
  /** The bucket's notification configuration: ObjectCreated below `filterPrefix` to the queue. */
  public readonly bucketNotification: S3BucketNotification;
  /** ARN of the queue (a token). */
  public readonly queueArn: string;
  /** URL of the queue (a token), as the SecOps feed form asks for it. */
  public readonly queueUrl: string;
  /** ARN of the queue's key (a token). */
  public readonly keyArn: string;
  /** The queue policy, as plain JSON (tokens inside). */
  public readonly policyDocument: PolicyDocument;
  /** The queue key's policy, as plain JSON (tokens inside). */
  public readonly keyPolicyDocument: PolicyDocument;

  constructor(scope: Construct, id: string, props: NotificationQueueProps) {
    super(scope, id);
    const queueName = props.queueName ?? DEFAULT_QUEUE_NAME;
    const retention = props.messageRetentionSeconds ?? 1209600;
    const visibility = props.visibilityTimeoutSeconds ?? 300;
    const maxReceiveCount = props.maxReceiveCount ?? 5;
    throwIfProblems(this, [
      ...providerProblems(this, "provider", props.provider),
      ...accountIdProblems("accountId", props.accountId),
      ...homeRegionProblems("region", props.partition, props.region),
      ...notificationQueueOptionProblems("", props),
    ]);
    const common = { provider: props.provider, region: props.region };

    this.keyPolicyDocument = notificationQueueKeyPolicy({
      partition: props.partition,
      keyAccountId: props.accountId,
      bucketName: props.bucketName,
      bucketAccountId: props.accountId,
      queueRegion: props.region,
      readerPrincipalArns: props.readerPrincipalArns,
    });
    this.key = named(
      new KmsKey(this, "Key", {
        ...common,
        description: `Encrypts S3 notifications of new GuardDuty findings in queue ${queueName}`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: jsonDocument(this.keyPolicyDocument),
        tags: props.tags,
      }),
    );
    this.keyArn = this.key.arn;
    this.keyAlias = named(new KmsAlias(this, "KeyAlias", { ...common, name: `alias/${queueName}`, targetKeyId: this.key.keyId }));

    const queueArn = arns.sqsQueue(props.partition, props.region, props.accountId, queueName);
    this.deadLetterQueue = named(
      new SqsQueue(this, "DeadLetterQueue", {
        ...common,
        name: `${queueName}-dlq`,
        kmsMasterKeyId: this.key.arn,
        messageRetentionSeconds: retention,
        redriveAllowPolicy: jsonDocument({ redrivePermission: "byQueue", sourceQueueArns: [queueArn] }),
        tags: props.tags,
      }),
    );
    this.queue = named(
      new SqsQueue(this, "Queue", {
        ...common,
        name: queueName,
        kmsMasterKeyId: this.key.arn,
        messageRetentionSeconds: retention,
        visibilityTimeoutSeconds: visibility,
        redrivePolicy: jsonDocument({ deadLetterTargetArn: this.deadLetterQueue.arn, maxReceiveCount }),
        tags: props.tags,
      }),
    );
    this.queueArn = this.queue.arn;
    this.queueUrl = this.queue.url;

    this.policyDocument = notificationQueuePolicy({
      partition: props.partition,
      queueArn: this.queue.arn,
      bucketName: props.bucketName,
      bucketAccountId: props.accountId,
    });
    this.queuePolicy = named(
      new SqsQueuePolicy(this, "Policy", { ...common, queueUrl: this.queue.url, policy: jsonDocument(this.policyDocument) }),
    );
    this.bucketNotification = named(
      new S3BucketNotification(this, "BucketNotification", {
        ...common,
        bucket: props.bucketName,
        queue: [{ id: "guardduty-findings", queueArn: this.queue.arn, events: ["s3:ObjectCreated:*"], filterPrefix: props.filterPrefix }],
        dependsOn: [this.queuePolicy, this.key],
      }),
    );
  }
}

/** Problems of the queue options, with property names below `property` (`""` for top-level props). */
export function notificationQueueOptionProblems(property: string, options: NotificationQueueOptions): string[] {
  const p = (name: string) => (property ? `${property}.${name}` : name);
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  return [
    ...whenKnown(queueName, (v) => queueNameProblems(p("queueName"), v)),
    ...whenKnown(queueName, (v) =>
      v.length > 76 && v.length <= 80 ? [`${p("queueName")} must be at most 76 characters (the dead-letter queue appends "-dlq"); got "${v}" (${v.length})`] : [],
    ),
    ...integerProblems(p("messageRetentionSeconds"), options.messageRetentionSeconds ?? 1209600, 60, 1209600),
    ...integerProblems(p("visibilityTimeoutSeconds"), options.visibilityTimeoutSeconds ?? 300, 0, 43200),
    ...integerProblems(p("maxReceiveCount"), options.maxReceiveCount ?? 5, 1, 1000),
  ];
}
