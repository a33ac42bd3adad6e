import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3BucketNotification } from "@cdktf/provider-aws/lib/s3-bucket-notification";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { NotificationQueue, NotificationQueueProps } from "../../modules/export/notification-queue";
import { addresses, resources } from "../helpers";
import { ADMIN, BUCKET, HOME, LOG_ARCHIVE, PREFIX, READER_ROLE_ARN } from "./fixtures";
import { exportStack } from "./stack";

const FILTER = `${PREFIX}/AWSLogs/${ADMIN}/GuardDuty/`;

function queueProps(patch: Partial<NotificationQueueProps> = {}) {
  const { stack, logArchive, synth } = exportStack();
  const props: NotificationQueueProps = {
    provider: logArchive, partition: "aws", accountId: LOG_ARCHIVE, region: HOME, bucketName: BUCKET, filterPrefix: FILTER, ...patch,
  };
  return { stack, props, synth };
}
function synthQueue(patch: Partial<NotificationQueueProps> = {}) {
  const { stack, props, synth } = queueProps(patch);
  new NotificationQueue(stack, "Queue", props);
  const doc = synth();
  const queues = resources(doc, SqsQueue);
  return { doc, queue: queues.queue_queue, dlq: queues.queue_dead_letter_queue };
}

describe("defaults", () => {
  const { doc, queue, dlq } = synthQueue();

  it("pins the addresses", () => {
    expect(addresses(doc)).toEqual([
      "aws_kms_alias.queue_key_alias",
      "aws_kms_key.queue_key",
      "aws_s3_bucket_notification.queue_bucket_notification",
      "aws_sqs_queue.queue_dead_letter_queue",
      "aws_sqs_queue.queue_queue",
      "aws_sqs_queue_policy.queue_policy",
    ]);
  });

  it("names the queues guardduty-findings-secops and guardduty-findings-secops-dlq", () => {
    expect(queue.name).toBe("guardduty-findings-secops");
    expect(dlq.name).toBe("guardduty-findings-secops-dlq");
    expect(resources(doc, KmsAlias).queue_key_alias.name).toBe("alias/guardduty-findings-secops");
  });

  it("encrypts both queues with a rotating key of their own", () => {
    expect(queue.kms_master_key_id).toBe("${aws_kms_key.queue_key.arn}");
    expect(dlq.kms_master_key_id).toBe("${aws_kms_key.queue_key.arn}");
    expect(resources(doc, KmsKey).queue_key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, region: HOME });
  });

  it("keeps messages 14 days, hides received ones 300 s, and dead-letters after 5 receives", () => {
    expect(queue).toMatchObject({ message_retention_seconds: 1209600, visibility_timeout_seconds: 300 });
    expect(dlq.message_retention_seconds).toBe(1209600);
    expect(JSON.parse(queue.redrive_policy)).toEqual({ deadLetterTargetArn: "${aws_sqs_queue.queue_dead_letter_queue.arn}", maxReceiveCount: 5 });
    expect(JSON.parse(dlq.redrive_allow_policy)).toEqual({
      redrivePermission: "byQueue", sourceQueueArns: [`arn:aws:sqs:${HOME}:${LOG_ARCHIVE}:guardduty-findings-secops`],
    });
  });

  it("notifies ObjectCreated events below the findings prefix, once the queue policy and key exist", () => {
    const notification = resources(doc, S3BucketNotification).queue_bucket_notification;
    expect(notification).toMatchObject({
      bucket: BUCKET,
      queue: [{ id: "guardduty-findings", events: ["s3:ObjectCreated:*"], filter_prefix: FILTER, queue_arn: "${aws_sqs_queue.queue_queue.arn}" }],
      depends_on: ["aws_sqs_queue_policy.queue_policy", "aws_kms_key.queue_key"],
    });
  });

  it("lets only the findings bucket send", () => {
    const policy = JSON.parse(resources(doc, SqsQueuePolicy).queue_policy.policy);
    expect(policy.Statement[0].Condition).toEqual({
      ArnEquals: { "aws:SourceArn": `arn:aws:s3:::${BUCKET}` }, StringEquals: { "aws:SourceAccount": LOG_ARCHIVE },
    });
  });

  it("names no reader in the key policy without a reader", () => {
    const sids = JSON.parse(resources(doc, KmsKey).queue_key.policy).Statement.map((s: { Sid: string }) => s.Sid);
    expect(sids).toEqual(["EnableKeyAdministration", "AllowS3ToEncryptNotifications"]);
  });
});

describe("options", () => {
  it("takes a name, retention, visibility, receive count and reader", () => {
    const { doc, queue, dlq } = synthQueue({
      queueName: "secops", messageRetentionSeconds: 345600, visibilityTimeoutSeconds: 60, maxReceiveCount: 10, readerPrincipalArns: [READER_ROLE_ARN],
    });
    expect(queue).toMatchObject({ name: "secops", message_retention_seconds: 345600, visibility_timeout_seconds: 60 });
    expect(dlq.name).toBe("secops-dlq");
    expect(JSON.parse(queue.redrive_policy).maxReceiveCount).toBe(10);
    const sids = JSON.parse(resources(doc, KmsKey).queue_key.policy).Statement.map((s: { Sid: string }) => s.Sid);
    expect(sids).toContain("AllowSiemReaderDecryptThroughSqs");
  });
});

describe("refusals", () => {
  const build = (patch: Partial<NotificationQueueProps>) => {
    const { stack, props } = queueProps(patch);
    return () => new NotificationQueue(stack, "Queue", props);
  };

  it("fails on a queue name with a dot", () => {
    expect(build({ queueName: "guardduty.findings" })).toThrow(/queueName must be 1 to 80 characters of letters, digits, "_" and "-"; got "guardduty\.findings"/);
  });

  it("fails on a queue name that leaves no room for -dlq", () => {
    expect(build({ queueName: "q".repeat(78) })).toThrow(/queueName must be at most 76 characters \(the dead-letter queue appends "-dlq"\)/);
  });

  it("fails on a retention beyond 14 days", () => {
    expect(build({ messageRetentionSeconds: 1209601 })).toThrow(/messageRetentionSeconds must be an integer between 60 and 1209600; got 1209601/);
  });

  it("fails on a receive count of 0", () => {
    expect(build({ maxReceiveCount: 0 })).toThrow(/maxReceiveCount must be an integer between 1 and 1000; got 0/);
  });
});
