import { findingsBucketPolicy } from "../../modules/export/bucket-policy";
import { siemReaderPolicy } from "../../modules/export/reader-policy";
import { ALL_REGIONS_DETECTORS } from "./all-regions";
import {
  ADMIN, BUCKET, BUCKET_ARN, DETECTORS, HOME, KEY_ARN, LOG_ARCHIVE, OTHER, PREFIX, READER_ROLE_ARN, SSE_KMS_HEADERS,
  detectorArn, findingObject, guardDutyContext,
} from "./fixtures";
import { Decision, Request, anonymousPrincipal, decide } from "./simulate";

const policy = findingsBucketPolicy({
  partition: "aws", bucketName: BUCKET, prefix: PREFIX, keyArn: KEY_ARN, administratorAccountId: ADMIN, detectors: DETECTORS,
});
const GD = "guardduty.amazonaws.com";
const GD_ME = "guardduty.me-south-1.amazonaws.com";

/** A bucket-account principal with broad S3 rights in its own identity policy. */
const BUCKET_ADMIN = `arn:aws:iam::${LOG_ARCHIVE}:role/platform-admin`;
const s3Admin = { Version: "2012-10-17" as const, Statement: [{ Sid: "All", Effect: "Allow" as const, Action: "s3:*", Resource: "*" }] };
const reader = siemReaderPolicy({
  partition: "aws", bucketName: BUCKET, prefix: PREFIX, administratorAccountId: ADMIN, keyArn: KEY_ARN, bucketRegion: HOME,
});

function onBucket(r: Omit<Request, "resourceAccount" | "resourcePolicy">): Request {
  return { ...r, resourceAccount: LOG_ARCHIVE, resourcePolicy: policy };
}
function guardDutyPut(principal: string, region: string, extra: Record<string, string> = {}): Request {
  return onBucket({
    principal, action: "s3:PutObject", resource: findingObject(region),
    context: { ...guardDutyContext(region), ...SSE_KMS_HEADERS, ...extra },
  });
}

describe("GuardDuty may deliver findings from the administrator detectors", () => {
  it.each<[string, Request]>([
    ["PutObject from eu-west-1 (global principal)", guardDutyPut(GD, "eu-west-1")],
    ["PutObject from us-east-1 (global principal)", guardDutyPut(GD, "us-east-1")],
    ["PutObject from opt-in me-south-1 (regional principal)", guardDutyPut(GD_ME, "me-south-1")],
    ["GetBucketLocation from eu-west-1", onBucket({ principal: GD, action: "s3:GetBucketLocation", resource: BUCKET_ARN, context: guardDutyContext("eu-west-1") })],
    ["GetBucketLocation from opt-in me-south-1", onBucket({ principal: GD_ME, action: "s3:GetBucketLocation", resource: BUCKET_ARN, context: guardDutyContext("me-south-1") })],
    ["ListBucket of the prefix (prefix check)", onBucket({ principal: GD, action: "s3:ListBucket", resource: BUCKET_ARN, context: { ...guardDutyContext("eu-west-1"), "s3:prefix": `${PREFIX}/` } })],
    ["GetObject of the prefix marker (prefix check)", onBucket({ principal: GD, action: "s3:GetObject", resource: `${BUCKET_ARN}/${PREFIX}/`, context: guardDutyContext("us-east-1") })],
  ])("allows %s", async (_name, request) => {
    expect(await decide(request)).toBe<Decision>("Allowed");
  });
});

describe("the bucket refuses everything else", () => {
  it.each<[string, Request, Decision]>([
    ["a detector of another account", guardDutyPut(GD, "eu-west-1", { "aws:SourceAccount": OTHER, "aws:SourceArn": detectorArn("eu-west-1", OTHER) }), "ImplicitlyDenied"],
    ["another account's detector claimed with the administrator account", guardDutyPut(GD, "eu-west-1", { "aws:SourceArn": detectorArn("eu-west-1", OTHER) }), "ImplicitlyDenied"],
    ["an administrator detector that is not configured (eu-north-1)", guardDutyPut(GD, "eu-west-1", { "aws:SourceArn": detectorArn("eu-north-1") }), "ImplicitlyDenied"],
    ["the global principal acting for the opt-in region's detector", guardDutyPut(GD, "me-south-1"), "ImplicitlyDenied"],
    ["the opt-in principal acting for a default region's detector", guardDutyPut(GD_ME, "eu-west-1"), "ImplicitlyDenied"],
    ["an upload without TLS", guardDutyPut(GD, "eu-west-1", { "aws:SecureTransport": "false" }), "ExplicitlyDenied"],
    ["an AES256 (SSE-S3) upload", guardDutyPut(GD, "eu-west-1", { "s3:x-amz-server-side-encryption": "AES256" }), "ExplicitlyDenied"],
    ["an upload encrypted with another key", guardDutyPut(GD, "eu-west-1", { "s3:x-amz-server-side-encryption-aws-kms-key-id": KEY_ARN.replace("0a1b2c3d", "deadbeef") }), "ExplicitlyDenied"],
    ["GetBucketLocation without TLS", onBucket({ principal: GD, action: "s3:GetBucketLocation", resource: BUCKET_ARN, context: { ...guardDutyContext("eu-west-1"), "aws:SecureTransport": "false" } }), "ExplicitlyDenied"],
    ["GuardDuty writing outside the prefix", onBucket({ principal: GD, action: "s3:PutObject", resource: findingObject("eu-west-1", "elsewhere"), context: { ...guardDutyContext("eu-west-1"), ...SSE_KMS_HEADERS } }), "ImplicitlyDenied"],
    ["GuardDuty deleting a finding", onBucket({ principal: GD, action: "s3:DeleteObject", resource: findingObject("eu-west-1"), context: guardDutyContext("eu-west-1") }), "ImplicitlyDenied"],
    ["anonymous GetObject", onBucket({ principal: anonymousPrincipal, action: "s3:GetObject", resource: findingObject("eu-west-1") }), "ImplicitlyDenied"],
    ["anonymous PutObject with the right headers", onBucket({ principal: anonymousPrincipal, action: "s3:PutObject", resource: findingObject("eu-west-1"), context: SSE_KMS_HEADERS }), "ImplicitlyDenied"],
    ["anonymous ListBucket", onBucket({ principal: anonymousPrincipal, action: "s3:ListBucket", resource: BUCKET_ARN }), "ImplicitlyDenied"],
    ["another account's administrator reading a finding", onBucket({ principal: `arn:aws:iam::${OTHER}:role/admin`, action: "s3:GetObject", resource: findingObject("eu-west-1"), identityPolicy: s3Admin }), "ImplicitlyDenied"],
    ["a bucket-account administrator uploading with SSE-S3", onBucket({ principal: BUCKET_ADMIN, action: "s3:PutObject", resource: `${BUCKET_ARN}/${PREFIX}/`, identityPolicy: s3Admin, context: { "s3:x-amz-server-side-encryption": "AES256" } }), "ExplicitlyDenied"],
    ["a bucket-account administrator without TLS", onBucket({ principal: BUCKET_ADMIN, action: "s3:GetObject", resource: findingObject("eu-west-1"), identityPolicy: s3Admin, context: { "aws:SecureTransport": "false" } }), "ExplicitlyDenied"],
    ["the SIEM reader putting an object", onBucket({ principal: READER_ROLE_ARN, action: "s3:PutObject", resource: findingObject("eu-west-1"), identityPolicy: reader, context: SSE_KMS_HEADERS }), "ImplicitlyDenied"],
    ["the SIEM reader deleting a finding", onBucket({ principal: READER_ROLE_ARN, action: "s3:DeleteObject", resource: findingObject("eu-west-1"), identityPolicy: reader }), "ImplicitlyDenied"],
  ])("refuses %s", async (_name, request, expected) => {
    expect(await decide(request)).toBe(expected);
  });

  it("refuses a GuardDuty request without aws:SourceArn", async () => {
    const { ["aws:SourceArn"]: _dropped, ...context } = guardDutyPut(GD, "eu-west-1").context!;
    expect(await decide({ ...guardDutyPut(GD, "eu-west-1"), context })).toBe("ImplicitlyDenied");
  });

  it("refuses a GuardDuty request without aws:SourceAccount", async () => {
    const { ["aws:SourceAccount"]: _dropped, ...context } = guardDutyPut(GD, "eu-west-1").context!;
    expect(await decide({ ...guardDutyPut(GD, "eu-west-1"), context })).toBe("ImplicitlyDenied");
  });

  it("refuses a GuardDuty upload that relies on default encryption (no SSE headers)", async () => {
    const request = onBucket({ principal: GD, action: "s3:PutObject", resource: findingObject("eu-west-1"), context: guardDutyContext("eu-west-1") });
    expect(await decide(request)).toBe("ExplicitlyDenied");
  });

  it("lets a bucket-account administrator upload the prefix marker with SSE-KMS and the findings key", async () => {
    const request = onBucket({ principal: BUCKET_ADMIN, action: "s3:PutObject", resource: `${BUCKET_ARN}/${PREFIX}/`, identityPolicy: s3Admin, context: SSE_KMS_HEADERS });
    expect(await decide(request)).toBe("Allowed");
  });
});

describe("without a prefix", () => {
  const rootPolicy = findingsBucketPolicy({
    partition: "aws", bucketName: BUCKET, keyArn: KEY_ARN, administratorAccountId: ADMIN, detectors: DETECTORS,
  });

  it("lets GuardDuty write below AWSLogs/ at the bucket root", async () => {
    const request: Request = {
      principal: GD, action: "s3:PutObject", resource: findingObject("eu-west-1", null), resourceAccount: LOG_ARCHIVE,
      resourcePolicy: rootPolicy, context: { ...guardDutyContext("eu-west-1"), ...SSE_KMS_HEADERS },
    };
    expect(await decide(request)).toBe("Allowed");
  });

  it("grants no ListBucket or GetObject to GuardDuty", async () => {
    const request: Request = {
      principal: GD, action: "s3:ListBucket", resource: BUCKET_ARN, resourceAccount: LOG_ARCHIVE, resourcePolicy: rootPolicy,
      context: guardDutyContext("eu-west-1"),
    };
    expect(await decide(request)).toBe("ImplicitlyDenied");
    expect(rootPolicy.Statement[0].Action).toEqual(["s3:GetBucketLocation", "s3:PutObject"]);
  });
});

describe("document shape", () => {
  it("has one export statement per GuardDuty principal, then the three denies", () => {
    expect(policy.Statement.map((s) => s.Sid)).toEqual([
      "AllowGuardDutyExport", "AllowGuardDutyExportMeSouth1",
      "DenyUploadsWithoutSseKms", "DenyUploadsWithAnotherKey", "DenyInsecureTransport",
    ]);
  });

  it("conditions each export statement on the administrator account and that principal's detectors", () => {
    const [global, meSouth1] = policy.Statement;
    expect(global.Principal).toEqual({ Service: "guardduty.amazonaws.com" });
    expect(global.Condition).toEqual({
      StringEquals: { "aws:SourceAccount": ADMIN, "aws:SourceArn": [detectorArn("eu-west-1"), detectorArn("us-east-1")] },
    });
    expect(meSouth1.Principal).toEqual({ Service: "guardduty.me-south-1.amazonaws.com" });
    expect(meSouth1.Condition).toEqual({ StringEquals: { "aws:SourceAccount": ADMIN, "aws:SourceArn": detectorArn("me-south-1") } });
  });

  it("denies non-TLS requests on the bucket and on its objects", () => {
    const deny = policy.Statement.find((s) => s.Sid === "DenyInsecureTransport")!;
    expect(deny.Resource).toEqual([BUCKET_ARN, `${BUCKET_ARN}/*`]);
    expect(deny.Condition).toEqual({ Bool: { "aws:SecureTransport": "false" } });
  });

  it("stays under the 20 KB bucket policy limit with every known region configured", () => {
    const all = findingsBucketPolicy({
      partition: "aws", bucketName: BUCKET, prefix: PREFIX, keyArn: KEY_ARN, administratorAccountId: ADMIN, detectors: ALL_REGIONS_DETECTORS,
    });
    expect(JSON.stringify(all).length).toBeLessThan(20 * 1024);
  });
});

test("the order of the detectors given never changes the policy", () => {
  const input = { partition: "aws" as const, bucketName: BUCKET, administratorAccountId: ADMIN, keyArn: KEY_ARN, prefix: PREFIX };
  const forward = findingsBucketPolicy({ ...input, detectors: DETECTORS });
  const backward = findingsBucketPolicy({ ...input, detectors: [...DETECTORS].reverse() });
  expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
});
