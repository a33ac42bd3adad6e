import { findingsKeyPolicy } from "../../modules/export/key-policy";
import { siemReaderPolicy } from "../../modules/export/reader-policy";
import type { PolicyDocument } from "../../modules/export/policy-document";
import { ALL_REGIONS_DETECTORS } from "./all-regions";
import { ADMIN, BUCKET, DETECTORS, HOME, KEY_ARN, LOG_ARCHIVE, OTHER, PREFIX, READER_ROLE_ARN, detectorArn, guardDutyContext } from "./fixtures";
import { Decision, Request, anonymousPrincipal, decide } from "./simulate";

/** The key lives in the administrator (security) account, the bucket and the reader in log-archive. */
const policy = findingsKeyPolicy({
  partition: "aws", keyAccountId: ADMIN, administratorAccountId: ADMIN, detectors: DETECTORS, bucketRegion: HOME,
  readerPrincipalArns: [READER_ROLE_ARN], prefixWriterAccountId: LOG_ARCHIVE,
});
const readerIdentity = siemReaderPolicy({
  partition: "aws", bucketName: BUCKET, prefix: PREFIX, administratorAccountId: ADMIN, keyArn: KEY_ARN, bucketRegion: HOME,
});
const allow = (action: string, resource = "*"): PolicyDocument => ({
  Version: "2012-10-17", Statement: [{ Sid: "Grant", Effect: "Allow", Action: action, Resource: resource }],
});
const VIA_S3 = { "kms:ViaService": "s3.eu-west-1.amazonaws.com" };
const KEY_ADMIN = `arn:aws:iam::${ADMIN}:role/key-admin`;
const DEPLOYER = `arn:aws:iam::${LOG_ARCHIVE}:role/terraform-deployer`;

function onKey(r: Omit<Request, "resource" | "resourceAccount" | "resourcePolicy">, keyPolicy = policy): Request {
  return { ...r, resource: KEY_ARN, resourceAccount: ADMIN, resourcePolicy: keyPolicy };
}
function guardDuty(principal: string, region: string, extra: Record<string, string> = {}): Request {
  return onKey({ principal, action: "kms:GenerateDataKey", context: { ...guardDutyContext(region), ...extra } });
}

describe("the findings key serves GuardDuty, the reader and its owners", () => {
  it.each<[string, Request]>([
    ["GuardDuty to generate data keys for eu-west-1", guardDuty("guardduty.amazonaws.com", "eu-west-1")],
    ["GuardDuty to generate data keys for us-east-1", guardDuty("guardduty.amazonaws.com", "us-east-1")],
    ["the opt-in principal to generate data keys for me-south-1", guardDuty("guardduty.me-south-1.amazonaws.com", "me-south-1")],
    ["the reader to decrypt through S3", onKey({ principal: READER_ROLE_ARN, action: "kms:Decrypt", identityPolicy: readerIdentity, context: VIA_S3 })],
    ["a key-account administrator to change the key policy (no lock-out)", onKey({ principal: KEY_ADMIN, action: "kms:PutKeyPolicy", identityPolicy: allow("kms:*") })],
    ["a key-account administrator to schedule deletion", onKey({ principal: KEY_ADMIN, action: "kms:ScheduleKeyDeletion", identityPolicy: allow("kms:*") })],
    ["the bucket account to encrypt the prefix marker through S3", onKey({ principal: DEPLOYER, action: "kms:GenerateDataKey", identityPolicy: allow("kms:GenerateDataKey"), context: { ...VIA_S3, "kms:CallerAccount": LOG_ARCHIVE } })],
  ])("allows %s", async (_name, request) => {
    expect(await decide(request)).toBe<Decision>("Allowed");
  });

  it.each<[string, Request]>([
    ["GuardDuty for another account's detector", guardDuty("guardduty.amazonaws.com", "eu-west-1", { "aws:SourceAccount": OTHER, "aws:SourceArn": detectorArn("eu-west-1", OTHER) })],
    ["GuardDuty for an unconfigured region's detector", guardDuty("guardduty.amazonaws.com", "eu-west-1", { "aws:SourceArn": detectorArn("ap-south-1") })],
    ["the global principal for the opt-in region's detector", guardDuty("guardduty.amazonaws.com", "me-south-1")],
    ["GuardDuty decrypting", onKey({ principal: "guardduty.amazonaws.com", action: "kms:Decrypt", context: guardDutyContext("eu-west-1") })],
    ["the reader decrypting directly, not through S3", onKey({ principal: READER_ROLE_ARN, action: "kms:Decrypt", identityPolicy: readerIdentity })],
    ["the reader decrypting through another service", onKey({ principal: READER_ROLE_ARN, action: "kms:Decrypt", identityPolicy: readerIdentity, context: { "kms:ViaService": "sqs.eu-west-1.amazonaws.com" } })],
    ["the reader decrypting through S3 in another region", onKey({ principal: READER_ROLE_ARN, action: "kms:Decrypt", identityPolicy: readerIdentity, context: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } })],
    ["the reader encrypting", onKey({ principal: READER_ROLE_ARN, action: "kms:GenerateDataKey", identityPolicy: allow("kms:*"), context: VIA_S3 })],
    ["the reader changing the key policy", onKey({ principal: READER_ROLE_ARN, action: "kms:PutKeyPolicy", identityPolicy: allow("kms:*") })],
    ["the bucket account decrypting through S3", onKey({ principal: DEPLOYER, action: "kms:Decrypt", identityPolicy: allow("kms:*"), context: { ...VIA_S3, "kms:CallerAccount": LOG_ARCHIVE } })],
    ["the bucket account encrypting outside S3", onKey({ principal: DEPLOYER, action: "kms:GenerateDataKey", identityPolicy: allow("kms:*"), context: { "kms:CallerAccount": LOG_ARCHIVE } })],
    ["another account with kms:* in its own policy", onKey({ principal: `arn:aws:iam::${OTHER}:role/admin`, action: "kms:Decrypt", identityPolicy: allow("kms:*"), context: VIA_S3 })],
    ["an anonymous caller", onKey({ principal: anonymousPrincipal, action: "kms:Decrypt", context: VIA_S3 })],
  ])("refuses %s", async (_name, request) => {
    expect(await decide(request)).toBe<Decision>("ImplicitlyDenied");
  });

  it("refuses GuardDuty without aws:SourceArn", async () => {
    const request = onKey({ principal: "guardduty.amazonaws.com", action: "kms:GenerateDataKey", context: { "aws:SourceAccount": ADMIN } });
    expect(await decide(request)).toBe("ImplicitlyDenied");
  });

  it("refuses a key-account administrator without an IAM policy: the root statement only delegates", async () => {
    expect(await decide(onKey({ principal: KEY_ADMIN, action: "kms:PutKeyPolicy" }))).toBe("ImplicitlyDenied");
  });
});

describe("optional statements", () => {
  const minimal = findingsKeyPolicy({
    partition: "aws", keyAccountId: LOG_ARCHIVE, administratorAccountId: ADMIN, detectors: DETECTORS, bucketRegion: HOME,
  });

  it("has only administration and GuardDuty statements without reader or marker writer", () => {
    expect(minimal.Statement.map((s) => s.Sid)).toEqual([
      "EnableKeyAdministration", "AllowGuardDutyGenerateDataKey", "AllowGuardDutyGenerateDataKeyMeSouth1",
    ]);
  });

  it("adds no marker-writer statement when the bucket account owns the key", () => {
    const sameAccount = findingsKeyPolicy({
      partition: "aws", keyAccountId: LOG_ARCHIVE, administratorAccountId: ADMIN, detectors: DETECTORS, bucketRegion: HOME,
      prefixWriterAccountId: LOG_ARCHIVE,
    });
    expect(sameAccount.Statement.map((s) => s.Sid)).not.toContain("AllowPrefixMarkerUploadThroughS3");
  });

  it("refuses a cross-account reader that the key policy does not name", async () => {
    const withoutReader = findingsKeyPolicy({
      partition: "aws", keyAccountId: ADMIN, administratorAccountId: ADMIN, detectors: DETECTORS, bucketRegion: HOME,
    });
    const request = onKey({ principal: READER_ROLE_ARN, action: "kms:Decrypt", identityPolicy: readerIdentity, context: VIA_S3 }, withoutReader);
    expect(await decide(request)).toBe("ImplicitlyDenied");
  });
});

describe("document shape", () => {
  it("administers the key from arn:aws:iam::<keyAccount>:root with kms:*", () => {
    expect(policy.Statement[0]).toEqual({
      Sid: "EnableKeyAdministration", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ADMIN}:root` }, Action: "kms:*", Resource: "*",
    });
  });

  it("uses partition-correct principals and endpoints in aws-cn", () => {
    const cn = findingsKeyPolicy({
      partition: "aws-cn", keyAccountId: ADMIN, administratorAccountId: ADMIN, bucketRegion: "cn-north-1",
      detectors: [{ region: "cn-north-1", detectorArn: `arn:aws-cn:guardduty:cn-north-1:${ADMIN}:detector/x` }],
      readerPrincipalArns: [`arn:aws-cn:iam::${LOG_ARCHIVE}:role/r`],
    });
    expect(cn.Statement[0].Principal).toEqual({ AWS: `arn:aws-cn:iam::${ADMIN}:root` });
    expect(cn.Statement[2].Condition).toEqual({ StringEquals: { "kms:ViaService": "s3.cn-north-1.amazonaws.com.cn" } });
  });

  it("stays under the 32 KB key policy limit with every known region configured", () => {
    const all = findingsKeyPolicy({
      partition: "aws", keyAccountId: ADMIN, administratorAccountId: ADMIN, detectors: ALL_REGIONS_DETECTORS, bucketRegion: HOME,
      readerPrincipalArns: [READER_ROLE_ARN], prefixWriterAccountId: LOG_ARCHIVE,
    });
    expect(JSON.stringify(all).length).toBeLessThan(32 * 1024);
  });
});
