import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { SECOPS_LOG_TYPE } from "./names";
import { hclSafeText } from "../topology/hcl-synth";

/** The Terraform outputs carrying what a Google SecOps feed form asks for. */
export interface FindingsExportOutputs {
  /** `<path>_secops_log_type`: `GUARDDUTY`. */
  readonly logType: TerraformOutput;
  /** `<path>_secops_region`: the home region. */
  readonly region: TerraformOutput;
  /** `<path>_secops_s3_uri`: `s3://<bucket>/<prefix>/AWSLogs/<admin>/GuardDuty/`. */
  readonly s3Uri: TerraformOutput;
  /** `<path>_secops_account_id`: the bucket's account. */
  readonly accountId: TerraformOutput;
  /** `<path>_bucket_arn`. */
  readonly bucketArn: TerraformOutput;
  /** `<path>_key_arn`. */
  readonly keyArn: TerraformOutput;
  /** `<path>_secops_role_arn`, with a federated reader. */
  readonly roleArn?: TerraformOutput;
  /** `<path>_secops_user_name`, with an IAM user reader. */
  readonly userName?: TerraformOutput;
  /** `<path>_secops_queue_arn`, with a queue. */
  readonly queueArn?: TerraformOutput;
  /** `<path>_secops_queue_url`, with a queue. */
  readonly queueUrl?: TerraformOutput;
}

/** The values behind {@link FindingsExportOutputs}. */
export interface SecopsFeedValues {
  /** Region of the bucket and queue. */
  readonly region: string;
  /** `s3://<bucket>/<prefix>/AWSLogs/<admin>/GuardDuty/`. */
  readonly s3Uri: string;
  /** Account of the bucket, queue and reader. */
  readonly accountId: string;
  readonly bucketArn: string;
  readonly keyArn: string;
  /**
   * The federated reader role.
   * @default - no role output
   */
  readonly role?: IamRole;
  /**
   * The IAM user reader.
   * @default - no user output
   */
  readonly user?: IamUser;
  /**
   * The notification queue.
   * @default - no queue outputs
   */
  readonly queue?: SqsQueue;
}

/**
 * Creates, in `scope`, the Terraform outputs a Google SecOps feed form asks for, with readable names
 * (`<scope path>_secops_s3_uri`, ...). Outputs that do not apply (no queue, no role) are not created.
 */
export function secopsFeedOutputs(scope: Construct, values: SecopsFeedValues): FindingsExportOutputs {
  const output = (id: string, value: string, description: string) => named(new TerraformOutput(scope, id, { value: hclSafeText(value), description }));
  return {
    logType: output("SecopsLogType", SECOPS_LOG_TYPE, "Google SecOps feed: log type"),
    region: output("SecopsRegion", values.region, "Google SecOps feed: AWS region of the bucket and queue"),
    s3Uri: output("SecopsS3Uri", values.s3Uri, "Google SecOps feed: S3 URI of the findings"),
    accountId: output("SecopsAccountId", values.accountId, "Google SecOps feed: AWS account of the bucket, queue and reader"),
    bucketArn: output("BucketArn", values.bucketArn, "ARN of the findings bucket"),
    keyArn: output("KeyArn", values.keyArn, "ARN of the KMS key that encrypts the findings"),
    roleArn: values.role ? output("SecopsRoleArn", values.role.arn, "Google SecOps feed: AWS IAM role for identity federation") : undefined,
    userName: values.user
      ? output("SecopsUserName", values.user.name, "IAM user of the SecOps feed: create its access key out of band (aws iam create-access-key)")
      : undefined,
    queueArn: values.queue ? output("SecopsQueueArn", values.queue.arn, "Google SecOps SQS V2 feed: queue ARN") : undefined,
    queueUrl: values.queue ? output("SecopsQueueUrl", values.queue.url, "Google SecOps SQS V2 feed: queue URL") : undefined,
  };
}
