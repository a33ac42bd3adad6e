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

describe("a decommission plan (README \"Decommissioning\")", () => {
  const teardown = { resource_changes: [
    change('aws_guardduty_detector.x["eu-west-1"]', ["delete"]),
    change('aws_guardduty_organization_admin_account.a["eu-west-1"]', ["delete"]),
    change('aws_guardduty_member.m["eu-west-1/333333333333"]', ["delete"]),
    change("aws_s3_bucket.findings", ["forget"]),
    change("aws_kms_key.findings", ["forget"]),
  ] };

  test("detectors and the designation may go; the bucket and key leave the state without being destroyed", () => {
    const a = analyzePlan(teardown, { decommission: true });
    expect(a.dangers).toEqual([]);
    expect(a.decommissioned).toEqual([
      'aws_guardduty_detector.x["eu-west-1"]', 'aws_guardduty_organization_admin_account.a["eu-west-1"]',
    ]);
    expect(a).toMatchObject({ delete: 3, forget: 2 });
  });

  test("outside a decommission, the same plan is refused", () => {
    expect(analyzePlan(teardown).dangers).toEqual([
      'aws_guardduty_detector.x["eu-west-1"] (delete)', 'aws_guardduty_organization_admin_account.a["eu-west-1"] (delete)',
    ]);
  });

  test("a decommission still refuses to destroy or replace a bucket or key, or to replace a detector", () => {
    const a = analyzePlan({ resource_changes: [
      change("aws_s3_bucket.findings", ["delete"]),
      change("aws_kms_key.findings", ["delete", "create"]),
      change('aws_guardduty_detector.x["eu-west-1"]', ["delete", "create"]),
    ] }, { decommission: true });
    expect(a.dangers).toEqual([
      "aws_s3_bucket.findings (delete)", "aws_kms_key.findings (replace)", 'aws_guardduty_detector.x["eu-west-1"] (replace)',
    ]);
    expect(a.decommissioned).toEqual([]);
  });
});

describe("a decommission phase's expected destroys (its synthesized record)", () => {
  test("a protected resource may go only when the phase lists it, and a bucket never", () => {
    const a = analyzePlan({ resource_changes: [
      change("aws_kms_key.notifications", ["delete"]),
      change('aws_guardduty_detector.x["eu-west-1"]', ["delete"]),
      change("aws_s3_bucket.findings", ["delete"]),
    ] }, { decommission: true, expectedDestroys: ["aws_kms_key.notifications", "aws_s3_bucket.findings"] });
    expect(a.decommissioned).toEqual(["aws_kms_key.notifications"]);
    expect(a.dangers).toEqual(['aws_guardduty_detector.x["eu-west-1"] (delete)', "aws_s3_bucket.findings (delete)"]);
  });
});
