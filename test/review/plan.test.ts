import { analyzePlan } from "../../modules/review/plan";

const change = (address: string, actions: string[], extra: object = {}) =>
  ({ address, type: address.split(".")[0], mode: "managed", change: { actions, ...extra } });

test("counts creates, updates, deletes, replacements and imports", () => {
  const a = analyzePlan({ resource_changes: [
    change('aws_guardduty_detector.x["eu-west-1"]', ["create"]),
    change('aws_guardduty_detector.x["us-east-1"]', ["no-op"], { importing: { id: "abc" } }),
    change("aws_sns_topic.t", ["update"]),
    change("aws_sqs_queue.q", ["delete", "create"]),
    change("aws_iam_role.r", ["delete"]),
  ] });
  expect(a).toMatchObject({ create: 1, update: 1, delete: 1, replace: 1, import: 1, noop: 1 });
  expect(a.dangers).toEqual([]);
});

test("flags a destroyed detector and a replaced bucket or key", () => {
  const a = analyzePlan({ resource_changes: [
    change('aws_guardduty_detector.x["eu-west-1"]', ["delete"]),
    change("aws_s3_bucket.findings", ["create", "delete"]),
    change("aws_kms_key.findings", ["delete", "create"]),
  ] });
  expect(a.dangers).toEqual([
    'aws_guardduty_detector.x["eu-west-1"] (delete)', "aws_s3_bucket.findings (replace)", "aws_kms_key.findings (replace)",
  ]);
});
