import { findingsBucketPolicy } from "../../modules/export/bucket-policy";
import { findingsKeyPolicy } from "../../modules/export/key-policy";
import { notificationQueueKeyPolicy, notificationQueuePolicy } from "../../modules/export/queue-policy";
import { googleFederationTrustPolicy, siemReaderPolicy } from "../../modules/export/reader-policy";
import {
  ADMIN, BUCKET, BUCKET_ARN, DETECTORS, HOME, KEY_ARN, LOG_ARCHIVE, OTHER, PREFIX, QUEUE_ARN, QUEUE_KEY_ARN, READER_ROLE_ARN,
  SSE_KMS_HEADERS, SUBJECT_ID, findingObject,
} from "./fixtures";
import { Decision, Request, decide, decideByResourcePolicy } from "./simulate";

/** Every request of the reader is evaluated with its identity policy AND the real resource policy. */
const reader = siemReaderPolicy({
  partition: "aws", bucketName: BUCKET, prefix: PREFIX, administratorAccountId: ADMIN, keyArn: KEY_ARN, bucketRegion: HOME,
  queueArn: QUEUE_ARN, queueKeyArn: QUEUE_KEY_ARN,
});
const bucketPolicy = findingsBucketPolicy({
  partition: "aws", bucketName: BUCKET, prefix: PREFIX, keyArn: KEY_ARN, administratorAccountId: ADMIN, detectors: DETECTORS,
});
const keyPolicy = findingsKeyPolicy({
  partition: "aws", keyAccountId: ADMIN, administratorAccountId: ADMIN, detectors: DETECTORS, bucketRegion: HOME,
  readerPrincipalArns: [READER_ROLE_ARN],
});
const queuePolicy = notificationQueuePolicy({ partition: "aws", queueArn: QUEUE_ARN, bucketName: BUCKET, bucketAccountId: LOG_ARCHIVE });
const queueKeyPolicy = notificationQueueKeyPolicy({
  partition: "aws", keyAccountId: LOG_ARCHIVE, bucketName: BUCKET, bucketAccountId: LOG_ARCHIVE, queueRegion: HOME,
  readerPrincipalArns: [READER_ROLE_ARN],
});
const FINDINGS_PREFIX = `${PREFIX}/AWSLogs/${ADMIN}/GuardDuty/`;

function s3(action: string, resource: string, context: Record<string, string> = {}): Request {
  return { principal: READER_ROLE_ARN, action, resource, resourceAccount: LOG_ARCHIVE, identityPolicy: reader, resourcePolicy: bucketPolicy, context };
}
function kms(resource: string, resourceAccount: string, resourcePolicy: typeof keyPolicy, context: Record<string, string>): Request {
  return { principal: READER_ROLE_ARN, action: "kms:Decrypt", resource, resourceAccount, identityPolicy: reader, resourcePolicy, context };
}
function sqs(action: string): Request {
  return { principal: READER_ROLE_ARN, action, resource: QUEUE_ARN, resourceAccount: LOG_ARCHIVE, identityPolicy: reader, resourcePolicy: queuePolicy };
}

describe("the SIEM reader reads the administrator's findings", () => {
  it.each<[string, Request]>([
    ["listing the findings prefix", s3("s3:ListBucket", BUCKET_ARN, { "s3:prefix": FINDINGS_PREFIX })],
    ["listing one region below the findings prefix", s3("s3:ListBucket", BUCKET_ARN, { "s3:prefix": `${FINDINGS_PREFIX}eu-west-1/2025/` })],
    ["getting the bucket location", s3("s3:GetBucketLocation", BUCKET_ARN)],
    ["getting a finding from eu-west-1", s3("s3:GetObject", findingObject("eu-west-1"))],
    ["getting a finding from opt-in me-south-1", s3("s3:GetObject", findingObject("me-south-1"))],
    ["decrypting with the findings key through S3 (cross-account key)", kms(KEY_ARN, ADMIN, keyPolicy, { "kms:ViaService": "s3.eu-west-1.amazonaws.com" })],
    ["decrypting notifications with the queue key through SQS", kms(QUEUE_KEY_ARN, LOG_ARCHIVE, queueKeyPolicy, { "kms:ViaService": "sqs.eu-west-1.amazonaws.com" })],
    ["receiving notifications", sqs("sqs:ReceiveMessage")],
    ["deleting a consumed notification", sqs("sqs:DeleteMessage")],
    ["reading the queue attributes", sqs("sqs:GetQueueAttributes")],
    ["extending a message's visibility", sqs("sqs:ChangeMessageVisibility")],
  ])("allows %s", async (_name, request) => {
    expect(await decide(request)).toBe<Decision>("Allowed");
  });
});

describe("the SIEM reader never writes, deletes or wanders", () => {
  it.each<[string, Request, Decision]>([
    ["listing the whole bucket", s3("s3:ListBucket", BUCKET_ARN, { "s3:prefix": "" }), "ImplicitlyDenied"],
    ["listing another account's logs", s3("s3:ListBucket", BUCKET_ARN, { "s3:prefix": `${PREFIX}/AWSLogs/${OTHER}/` }), "ImplicitlyDenied"],
    ["getting the prefix marker", s3("s3:GetObject", `${BUCKET_ARN}/${PREFIX}/`), "ImplicitlyDenied"],
    ["getting an object outside the findings prefix", s3("s3:GetObject", `${BUCKET_ARN}/other/secret.json`), "ImplicitlyDenied"],
    ["putting an object", s3("s3:PutObject", findingObject("eu-west-1"), SSE_KMS_HEADERS), "ImplicitlyDenied"],
    ["deleting a finding", s3("s3:DeleteObject", findingObject("eu-west-1")), "ImplicitlyDenied"],
    ["deleting a finding version", s3("s3:DeleteObjectVersion", findingObject("eu-west-1")), "ImplicitlyDenied"],
    ["changing the bucket policy", s3("s3:PutBucketPolicy", BUCKET_ARN), "ImplicitlyDenied"],
    ["changing the lifecycle", s3("s3:PutLifecycleConfiguration", BUCKET_ARN), "ImplicitlyDenied"],
    ["reading without TLS", s3("s3:GetObject", findingObject("eu-west-1"), { "aws:SecureTransport": "false" }), "ExplicitlyDenied"],
    ["decrypting outside S3", kms(KEY_ARN, ADMIN, keyPolicy, {}), "ImplicitlyDenied"],
    ["decrypting the findings key through SQS", kms(KEY_ARN, ADMIN, keyPolicy, { "kms:ViaService": "sqs.eu-west-1.amazonaws.com" }), "ImplicitlyDenied"],
    ["sending to the queue", sqs("sqs:SendMessage"), "ImplicitlyDenied"],
    ["purging the queue", sqs("sqs:PurgeQueue"), "ImplicitlyDenied"],
    ["changing the queue policy", sqs("sqs:SetQueueAttributes"), "ImplicitlyDenied"],
  ])("refuses %s", async (_name, request, expected) => {
    expect(await decide(request)).toBe(expected);
  });

  it("refuses SQS actions when no queue is configured", async () => {
    const noQueue = siemReaderPolicy({
      partition: "aws", bucketName: BUCKET, prefix: PREFIX, administratorAccountId: ADMIN, keyArn: KEY_ARN, bucketRegion: HOME,
    });
    expect(noQueue.Statement.map((s) => s.Sid)).toEqual(["ListFindings", "GetBucketLocation", "ReadFindings", "DecryptFindingsThroughS3"]);
    expect(await decide({ ...sqs("sqs:ReceiveMessage"), identityPolicy: noQueue })).toBe("ImplicitlyDenied");
  });

  it("reads findings at the bucket root when there is no prefix", async () => {
    const rootReader = siemReaderPolicy({
      partition: "aws", bucketName: BUCKET, administratorAccountId: ADMIN, keyArn: KEY_ARN, bucketRegion: HOME,
    });
    const rootBucket = findingsBucketPolicy({
      partition: "aws", bucketName: BUCKET, keyArn: KEY_ARN, administratorAccountId: ADMIN, detectors: DETECTORS,
    });
    const get = { ...s3("s3:GetObject", findingObject("eu-west-1", null)), identityPolicy: rootReader, resourcePolicy: rootBucket };
    expect(await decide(get)).toBe("Allowed");
    expect(await decide({ ...get, resource: findingObject("eu-west-1") })).toBe("ImplicitlyDenied");
  });
});

describe("Google identity federation trust", () => {
  const trust = googleFederationTrustPolicy(SUBJECT_ID);
  const ROLE = READER_ROLE_ARN;
  const assume = (principal: string, action: string, context: Record<string, string>): Request => ({
    principal, action, resource: ROLE, resourceAccount: LOG_ARCHIVE, resourcePolicy: trust, context,
  });

  it("lets the SecOps subject assume the role with a Google token", async () => {
    expect(await decideByResourcePolicy(assume("accounts.google.com", "sts:AssumeRoleWithWebIdentity", { "accounts.google.com:sub": SUBJECT_ID }))).toBe("Allowed");
  });

  it.each<[string, Request]>([
    ["another Google subject", assume("accounts.google.com", "sts:AssumeRoleWithWebIdentity", { "accounts.google.com:sub": "999999999999999999999" })],
    ["a Google token without a subject", assume("accounts.google.com", "sts:AssumeRoleWithWebIdentity", {})],
    ["another identity provider", assume("cognito-identity.amazonaws.com", "sts:AssumeRoleWithWebIdentity", { "accounts.google.com:sub": SUBJECT_ID })],
    ["an AWS principal with sts:AssumeRole", assume(`arn:aws:iam::${OTHER}:role/admin`, "sts:AssumeRole", {})],
  ])("refuses %s", async (_name, request) => {
    expect(await decideByResourcePolicy(request)).toBe("ImplicitlyDenied");
  });
});
