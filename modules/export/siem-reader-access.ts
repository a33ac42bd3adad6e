import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamUserPolicy } from "@cdktf/provider-aws/lib/iam-user-policy";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { Partition } from "../topology/regions";
import { PolicyDocument } from "./policy-document";
import { siemReaderPolicy } from "./reader-policy";
import { SiemReader } from "./siem-reader";
import { accountIdProblems, providerProblems, regionProblems, throwIfProblems } from "./validate";
import { jsonDocument } from "../topology/hcl-synth";

/** Name of the inline policy attached to the reader. */
export const READER_POLICY_NAME = "guardduty-findings-read";

/** Properties of {@link SiemReaderAccess}. */
export interface SiemReaderAccessProps {
  /** Provider of the reader's account (the bucket's). */
  readonly provider: AwsProvider;
  /** The reader to grant. */
  readonly reader: SiemReader;
  readonly partition: Partition;
  /** Region of the bucket, its key and the queue. */
  readonly region: string;
  readonly bucketName: string;
  /**
   * The export prefix.
   * @default - findings at the bucket root
   */
  readonly prefix?: string;
  /** The GuardDuty administrator account (findings are below `AWSLogs/<administratorAccountId>/GuardDuty/`). */
  readonly administratorAccountId: string;
  /** ARN of the findings key. */
  readonly keyArn: string;
  /**
   * ARN of the notification queue.
   * @default - no SQS permissions
   */
  readonly queueArn?: string;
  /**
   * ARN of the queue's key.
   * @default - no permission on a queue key
   */
  readonly queueKeyArn?: string;
}

/**
 * The read-only inline policy of the SIEM reader ({@link siemReaderPolicy}): list and get the administrator's
 * findings, decrypt them through S3, consume the notification queue. No write, no delete.
 *
 * Terraform address: `aws_iam_role_policy.<path>_policy` or `aws_iam_user_policy.<path>_policy`.
 */
export class SiemReaderAccess extends Construct {
  /** The inline policy of the role or of the user. */
  public readonly policy: IamRolePolicy | IamUserPolicy;
  /** The policy, as plain JSON (tokens inside). */
  public readonly policyDocument: PolicyDocument;

  constructor(scope: Construct, id: string, props: SiemReaderAccessProps) {
    super(scope, id);
    throwIfProblems(this, [
      ...providerProblems(this, "provider", props.provider),
      ...regionProblems("region", props.partition, props.region),
      ...accountIdProblems("administratorAccountId", props.administratorAccountId),
      ...(props.reader.role || props.reader.user ? [] : [`reader "${props.reader.node.path}" has neither a role nor a user`]),
    ]);
    this.policyDocument = siemReaderPolicy({
      partition: props.partition,
      bucketName: props.bucketName,
      prefix: props.prefix,
      administratorAccountId: props.administratorAccountId,
      keyArn: props.keyArn,
      bucketRegion: props.region,
      queueArn: props.queueArn,
      queueKeyArn: props.queueKeyArn,
    });
    const policy = jsonDocument(this.policyDocument);
    const { role, user } = props.reader;
    if (role) {
      this.policy = named(new IamRolePolicy(this, "Policy", { provider: props.provider, name: READER_POLICY_NAME, role: role.name, policy }));
    } else {
      this.policy = named(new IamUserPolicy(this, "Policy", { provider: props.provider, name: READER_POLICY_NAME, user: user!.name, policy }));
    }
  }
}
