import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { Construct } from "constructs";
import { secopsFeedOutputs } from "../../modules/export/secops-outputs";
import { testStack } from "../helpers";
import { BUCKET_ARN, HOME, KEY_ARN, LOG_ARCHIVE } from "./fixtures";

const BASE = { region: HOME, s3Uri: "s3://b/AWSLogs/222222222222/GuardDuty/", accountId: LOG_ARCHIVE, bucketArn: BUCKET_ARN, keyArn: KEY_ARN };

describe("SecOps feed outputs", () => {
  it("names outputs after the scope and carries plain values as they are", () => {
    const { stack, synth } = testStack();
    secopsFeedOutputs(new Construct(stack, "Export"), BASE);
    const out = synth().output ?? {};
    expect(Object.keys(out).sort()).toEqual([
      "export_bucket_arn", "export_key_arn", "export_secops_account_id", "export_secops_log_type", "export_secops_region", "export_secops_s3_uri",
    ]);
    expect(out.export_secops_log_type).toEqual({ value: "GUARDDUTY", description: "Google SecOps feed: log type" });
    expect(out.export_secops_s3_uri.value).toBe(BASE.s3Uri);
    expect(out.export_key_arn.value).toBe(KEY_ARN);
  });

  it("adds the role ARN and the queue when they exist", () => {
    const { stack, provider, synth } = testStack();
    const role = new IamRole(stack, "role", { provider, assumeRolePolicy: "{}" });
    const queue = new SqsQueue(stack, "queue", { provider });
    const outputs = secopsFeedOutputs(new Construct(stack, "Export"), { ...BASE, role, queue });
    const out = synth().output ?? {};
    expect(out.export_secops_role_arn.value).toBe("${aws_iam_role.role.arn}");
    expect(out.export_secops_queue_arn.value).toBe("${aws_sqs_queue.queue.arn}");
    expect(out.export_secops_queue_url.value).toBe("${aws_sqs_queue.queue.url}");
    expect(outputs.userName).toBeUndefined();
  });
});
