/**
 * The grants that let GuardDuty read the uploaded lists, proven with the IAM simulator: the administrator's
 * GuardDuty service-linked role may get objects below the lists prefix of the findings bucket and decrypt them
 * through S3, and nothing more; another account's role, another prefix, and an estate without lists get nothing.
 *
 * The bucket and the key are in log-archive, the role in the administrator (security) account: a cross-account read,
 * which needs the resource policy AND the role's own policy. GuardDuty manages that role's policies (it adds one when
 * a list is created, User Guide "Setting up prerequisites for entity lists and IP address lists"), so the role's side
 * is given as allowing; these cases prove the bucket and key policies' side.
 */
import { findingsBucketPolicy } from "../../modules/export/bucket-policy";
import { findingsKeyPolicy } from "../../modules/export/key-policy";
import type { PolicyDocument } from "../../modules/export/policy-document";
import { LISTS_PREFIX, guardDutyServiceLinkedRoleArn } from "../../modules/lists/list-files";
import { ADMIN, BUCKET, BUCKET_ARN, DETECTORS, HOME, LOG_ARCHIVE, OTHER, PREFIX, findingObject } from "../export/fixtures";
import { Decision, Request, decide } from "../export/simulate";

const KEY_ARN = `arn:aws:kms:${HOME}:${LOG_ARCHIVE}:key/0a1b2c3d-1111-2222-3333-444455556666`;
const SLR = guardDutyServiceLinkedRoleArn("aws", ADMIN);
const OTHER_SLR = guardDutyServiceLinkedRoleArn("aws", OTHER);
const LIST_OBJECT = `${BUCKET_ARN}/${LISTS_PREFIX}office-0123456789abcdef.txt`;

const bucketPolicy = (lists: boolean) => findingsBucketPolicy({
  partition: "aws", bucketName: BUCKET, prefix: PREFIX, keyArn: KEY_ARN, administratorAccountId: ADMIN, detectors: DETECTORS,
  ...(lists ? { guardDutyListsPrefix: LISTS_PREFIX } : {}),
});
const keyPolicy = (lists: boolean) => findingsKeyPolicy({
  partition: "aws", keyAccountId: LOG_ARCHIVE, administratorAccountId: ADMIN, detectors: DETECTORS, bucketRegion: HOME,
  prefixWriterAccountId: LOG_ARCHIVE, guardDutyListsReader: lists,
});
/** The role's own side, as broad as it could be: what the resource policies allow is what remains. */
const roleAllows = (action: string): PolicyDocument => ({
  Version: "2012-10-17", Statement: [{ Sid: "Role", Effect: "Allow", Action: action, Resource: "*" }],
});
const VIA_S3 = { "kms:ViaService": `s3.${HOME}.amazonaws.com` };

function getObject(principal: string, resource: string, lists = true): Request {
  return { principal, action: "s3:GetObject", resource, resourceAccount: LOG_ARCHIVE, identityPolicy: roleAllows("s3:*"), resourcePolicy: bucketPolicy(lists) };
}
function onKey(principal: string, action: string, context: Record<string, string>, lists = true): Request {
  return { principal, action, resource: KEY_ARN, resourceAccount: LOG_ARCHIVE, identityPolicy: roleAllows("kms:*"), resourcePolicy: keyPolicy(lists), context };
}

describe("GuardDuty reads the uploaded lists, and only them", () => {
  it.each<[string, Request]>([
    ["the administrator's GuardDuty role to get a list", getObject(SLR, LIST_OBJECT)],
    ["the administrator's GuardDuty role to decrypt through S3 in the bucket's region", onKey(SLR, "kms:Decrypt", VIA_S3)],
  ])("allows %s", async (_name, request) => {
    expect(await decide(request)).toBe<Decision>("Allowed");
  });

  it.each<[string, Request]>([
    ["the role getting an object outside the lists prefix (a finding)", getObject(SLR, findingObject("eu-west-1"))],
    ["the role getting an object at the bucket root", getObject(SLR, `${BUCKET_ARN}/guardduty-lists.txt`)],
    ["the role writing a list", { ...getObject(SLR, LIST_OBJECT), action: "s3:PutObject", context: { "s3:x-amz-server-side-encryption": "aws:kms", "s3:x-amz-server-side-encryption-aws-kms-key-id": KEY_ARN } }],
    ["the role deleting a list", { ...getObject(SLR, LIST_OBJECT), action: "s3:DeleteObject" }],
    ["another account's GuardDuty role getting a list", getObject(OTHER_SLR, LIST_OBJECT)],
    ["the role getting a list when no list is configured", getObject(SLR, LIST_OBJECT, false)],
    ["the role decrypting outside S3", onKey(SLR, "kms:Decrypt", {})],
    ["the role decrypting through S3 in another region", onKey(SLR, "kms:Decrypt", { "kms:ViaService": "s3.us-east-1.amazonaws.com" })],
    ["the role encrypting", onKey(SLR, "kms:GenerateDataKey", VIA_S3)],
    ["another account's GuardDuty role decrypting", onKey(OTHER_SLR, "kms:Decrypt", VIA_S3)],
    ["the role decrypting when no list is configured", onKey(SLR, "kms:Decrypt", VIA_S3, false)],
  ])("refuses %s", async (_name, request) => {
    expect(await decide(request)).not.toBe<Decision>("Allowed");
  });

  test("the grants are one statement each, named, and absent without lists", () => {
    const listStatements = (doc: PolicyDocument) => doc.Statement.filter((s) => /GuardDutyLists/.test(s.Sid));
    expect(listStatements(bucketPolicy(true))).toEqual([{
      Sid: "AllowGuardDutyListsRead", Effect: "Allow", Principal: { AWS: SLR }, Action: "s3:GetObject", Resource: `${BUCKET_ARN}/${LISTS_PREFIX}*`,
    }]);
    expect(listStatements(keyPolicy(true))).toEqual([{
      Sid: "AllowGuardDutyListsDecryptThroughS3", Effect: "Allow", Principal: { AWS: SLR }, Action: "kms:Decrypt", Resource: "*",
      Condition: { StringEquals: VIA_S3 },
    }]);
    expect(listStatements(bucketPolicy(false))).toEqual([]);
    expect(listStatements(keyPolicy(false))).toEqual([]);
  });
});
