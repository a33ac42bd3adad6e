import type { PolicyDocument } from "../../modules/export/policy-document";
import { notificationQueueKeyPolicy, notificationQueuePolicy } from "../../modules/export/queue-policy";
import { siemReaderPolicy } from "../../modules/export/reader-policy";
import { ADMIN, BUCKET, BUCKET_ARN, HOME, KEY_ARN, LOG_ARCHIVE, OTHER, QUEUE_ARN, QUEUE_KEY_ARN, READER_ROLE_ARN } from "./fixtures";
import { Decision, Request, anonymousPrincipal, decide } from "./simulate";

const queuePolicy = notificationQueuePolicy({ partition: "aws", queueArn: QUEUE_ARN, bucketName: BUCKET, bucketAccountId: LOG_ARCHIVE });
const keyPolicy = notificationQueueKeyPolicy({
  partition: "aws", keyAccountId: LOG_ARCHIVE, bucketName: BUCKET, bucketAccountId: LOG_ARCHIVE, queueRegion: HOME,
  readerPrincipalArns: [READER_ROLE_ARN],
});
const FROM_OUR_BUCKET = { "aws:SourceArn": BUCKET_ARN, "aws:SourceAccount": LOG_ARCHIVE };
const OTHER_BUCKET = { "aws:SourceArn": "arn:aws:s3:::someone-elses-bucket", "aws:SourceAccount": OTHER };

function send(principal: Request["principal"], context: Record<string, string>): Request {
  return { principal, action: "sqs:SendMessage", resource: QUEUE_ARN, resourceAccount: LOG_ARCHIVE, resourcePolicy: queuePolicy, context };
}
/** The reader's real identity policy: same account as the queue key, so the key policy alone is not the gate. */
const reader = siemReaderPolicy({
  partition: "aws", bucketName: BUCKET, administratorAccountId: ADMIN, keyArn: KEY_ARN, bucketRegion: HOME,
  queueArn: QUEUE_ARN, queueKeyArn: QUEUE_KEY_ARN,
});
const kmsAdmin: PolicyDocument = { Version: "2012-10-17", Statement: [{ Sid: "K", Effect: "Allow", Action: "kms:*", Resource: "*" }] };

function useKey(principal: string, action: string, context: Record<string, string>, identityPolicy?: PolicyDocument): Request {
  return { principal, action, resource: QUEUE_KEY_ARN, resourceAccount: LOG_ARCHIVE, resourcePolicy: keyPolicy, context, identityPolicy };
}

describe("the notification queue", () => {
  it("accepts ObjectCreated notifications from the findings bucket", async () => {
    expect(await decide(send("s3.amazonaws.com", FROM_OUR_BUCKET))).toBe<Decision>("Allowed");
  });

  it.each<[string, Request, Decision]>([
    ["notifications from another bucket", send("s3.amazonaws.com", OTHER_BUCKET), "ImplicitlyDenied"],
    ["our bucket's ARN claimed by another account", send("s3.amazonaws.com", { ...FROM_OUR_BUCKET, "aws:SourceAccount": OTHER }), "ImplicitlyDenied"],
    ["S3 without aws:SourceArn", send("s3.amazonaws.com", { "aws:SourceAccount": LOG_ARCHIVE }), "ImplicitlyDenied"],
    ["S3 without TLS", send("s3.amazonaws.com", { ...FROM_OUR_BUCKET, "aws:SecureTransport": "false" }), "ExplicitlyDenied"],
    ["another service (SNS) with our bucket's ARN", send("sns.amazonaws.com", FROM_OUR_BUCKET), "ImplicitlyDenied"],
    ["an anonymous sender", send(anonymousPrincipal, {}), "ImplicitlyDenied"],
    ["another account's administrator", send(`arn:aws:iam::${OTHER}:role/admin`, {}), "ImplicitlyDenied"],
  ])("refuses %s", async (_name, request, expected) => {
    expect(await decide(request)).toBe(expected);
  });
});

describe("the queue key", () => {
  it.each<[string, Request]>([
    ["S3 generating a data key for our bucket's notification", useKey("s3.amazonaws.com", "kms:GenerateDataKey", FROM_OUR_BUCKET)],
    ["S3 decrypting for our bucket's notification", useKey("s3.amazonaws.com", "kms:Decrypt", FROM_OUR_BUCKET)],
    ["S3 when it does not send aws:SourceArn (documented ...IfExists)", useKey("s3.amazonaws.com", "kms:GenerateDataKey", {})],
    ["the reader decrypting through SQS", useKey(READER_ROLE_ARN, "kms:Decrypt", { "kms:ViaService": "sqs.eu-west-1.amazonaws.com" }, reader)],
    ["a queue-account administrator changing the key policy", useKey(`arn:aws:iam::${LOG_ARCHIVE}:role/admin`, "kms:PutKeyPolicy", {}, kmsAdmin)],
  ])("allows %s", async (_name, request) => {
    expect(await decide(request)).toBe<Decision>("Allowed");
  });

  it.each<[string, Request]>([
    ["S3 acting for another bucket", useKey("s3.amazonaws.com", "kms:GenerateDataKey", OTHER_BUCKET)],
    ["S3 scheduling the key's deletion", useKey("s3.amazonaws.com", "kms:ScheduleKeyDeletion", FROM_OUR_BUCKET)],
    ["the reader decrypting outside SQS", useKey(READER_ROLE_ARN, "kms:Decrypt", {}, reader)],
    ["the reader encrypting through SQS", useKey(READER_ROLE_ARN, "kms:GenerateDataKey", { "kms:ViaService": "sqs.eu-west-1.amazonaws.com" }, reader)],
    ["another account", useKey(`arn:aws:iam::${OTHER}:role/admin`, "kms:Decrypt", { "kms:ViaService": "sqs.eu-west-1.amazonaws.com" }, kmsAdmin)],
  ])("refuses %s", async (_name, request) => {
    expect(await decide(request)).toBe<Decision>("ImplicitlyDenied");
  });

  it("has no reader statement without a reader", () => {
    const bare = notificationQueueKeyPolicy({
      partition: "aws", keyAccountId: LOG_ARCHIVE, bucketName: BUCKET, bucketAccountId: LOG_ARCHIVE, queueRegion: HOME,
    });
    expect(bare.Statement.map((s) => s.Sid)).toEqual(["EnableKeyAdministration", "AllowS3ToEncryptNotifications"]);
  });
});
