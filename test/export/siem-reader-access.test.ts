import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamUserPolicy } from "@cdktf/provider-aws/lib/iam-user-policy";
import { siemReaderPolicy } from "../../modules/export/reader-policy";
import { SiemReader, SiemReaderIdentity } from "../../modules/export/siem-reader";
import { SiemReaderAccess, SiemReaderAccessProps } from "../../modules/export/siem-reader-access";
import { resources } from "../helpers";
import { ADMIN, BUCKET, HOME, KEY_ARN, PREFIX, QUEUE_ARN, QUEUE_KEY_ARN, SUBJECT_ID } from "./fixtures";
import { exportStack } from "./stack";
import { propsError } from "../topology/props-error";

function synthAccess(identity: SiemReaderIdentity, patch: Partial<SiemReaderAccessProps> = {}) {
  const { stack, logArchive, synth } = exportStack();
  const reader = new SiemReader(stack, "Reader", { provider: logArchive, identity });
  new SiemReaderAccess(stack, "Access", {
    provider: logArchive, reader, partition: "aws", region: HOME, bucketName: BUCKET, prefix: PREFIX,
    administratorAccountId: ADMIN, keyArn: KEY_ARN, ...patch,
  });
  return synth();
}

describe("the reader's inline policy", () => {
  it("attaches the builder's policy to the federated role", () => {
    const policy = resources(synthAccess({ type: "google-federation", subjectId: SUBJECT_ID }), IamRolePolicy).access_policy;
    expect(policy).toMatchObject({ name: "guardduty-findings-read", role: "${aws_iam_role.reader_role.name}", provider: "aws.log-archive" });
    expect(JSON.parse(policy.policy)).toEqual(siemReaderPolicy({
      partition: "aws", bucketName: BUCKET, prefix: PREFIX, administratorAccountId: ADMIN, keyArn: KEY_ARN, bucketRegion: HOME,
    }));
  });

  it("attaches it to the user of a key-based feed", () => {
    const doc = synthAccess({ type: "iam-user", userName: "secops-feed" });
    expect(resources(doc, IamRolePolicy)).toEqual({});
    expect(resources(doc, IamUserPolicy).access_policy).toMatchObject({ name: "guardduty-findings-read", user: "${aws_iam_user.reader_user.name}" });
  });

  it("adds queue permissions only with a queue", () => {
    const sids = (doc: ReturnType<typeof synthAccess>) =>
      JSON.parse(resources(doc, IamRolePolicy).access_policy.policy).Statement.map((s: { Sid: string }) => s.Sid);
    const federated: SiemReaderIdentity = { type: "google-federation", subjectId: SUBJECT_ID };
    expect(sids(synthAccess(federated))).not.toContain("ConsumeNotifications");
    expect(sids(synthAccess(federated, { queueArn: QUEUE_ARN, queueKeyArn: QUEUE_KEY_ARN }))).toEqual([
      "ListFindings", "GetBucketLocation", "ReadFindings", "DecryptFindingsThroughS3", "ConsumeNotifications", "DecryptNotificationsThroughSqs",
    ]);
  });

  it("fails on a region of another partition", () => {
    expect(() => synthAccess({ type: "google-federation", subjectId: SUBJECT_ID }, { region: "cn-north-1" }))
      .toThrow(/region must be a region of partition aws; got "cn-north-1" \(partition aws-cn\)/);
  });
});

test("fails with every problem at once: a malformed administrator account and a reader with neither a role nor a user", () => {
  const { stack, logArchive } = exportStack();
  const e = propsError(() => new SiemReaderAccess(stack, "Access", {
    provider: logArchive, reader: { node: { path: "fake/Reader" } } as never, partition: "aws", region: HOME, bucketName: BUCKET, prefix: PREFIX,
    administratorAccountId: "2222", keyArn: KEY_ARN,
  }));
  expect(e.problems.map((p) => p.message)).toEqual([
    'administratorAccountId must be a 12-digit AWS account ID; got "2222"',
    'reader "fake/Reader" has neither a role nor a user',
  ]);
});
