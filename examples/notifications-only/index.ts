/**
 * An EXISTING CDKTF project of the security team: its own stack, its own AWS provider (alias `security`, assuming
 * a role in the GuardDuty administrator account) and its own resources. GuardDuty itself is managed elsewhere;
 * this project only adds finding notifications: Slack through AWS Chatbot from HIGH, email from MEDIUM.
 *
 * `npx tsx examples/notifications-only/index.ts`
 */
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { FindingNotifications } from "../../modules";

/** The delegated GuardDuty administrator, where GuardDuty delivers every member account's findings. */
export const SECURITY_ACCOUNT_ID = "222222222222";
/** Regions where the organization runs GuardDuty (managed by another project). */
export const GUARDDUTY_REGIONS = ["eu-west-1", "eu-central-1", "us-east-1"];

/** The project as it was before GuardDuty notifications: a provider and a bucket of the security account. */
export class SecurityToolingStack extends TerraformStack {
  public readonly security: AwsProvider;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.security = new AwsProvider(this, "aws", {
      alias: "security",
      region: "eu-west-1",
      allowedAccountIds: [SECURITY_ACCOUNT_ID],
      assumeRole: [{ roleArn: `arn:aws:iam::${SECURITY_ACCOUNT_ID}:role/SecurityToolingDeployer` }],
    });
    const artifacts = new S3Bucket(this, "Artifacts", { provider: this.security, bucket: "example-security-tooling-artifacts" });
    new S3BucketPublicAccessBlock(this, "ArtifactsPublicAccess", {
      provider: this.security,
      bucket: artifacts.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
  }
}

/** Adds the stack `security-tooling`, with GuardDuty notifications, to `app`. */
export function build(app: App): SecurityToolingStack {
  const stack = new SecurityToolingStack(app, "security-tooling");

  // The one addition: notifications, on the project's own provider. Nothing else of GuardDuty is created.
  const notifications = new FindingNotifications(stack, "GuarddutyNotifications", {
    partition: "aws",
    homeRegion: "eu-west-1",
    regions: GUARDDUTY_REGIONS,
    accountId: SECURITY_ACCOUNT_ID,
    provider: stack.security,
    channels: {
      email: { addresses: ["soc@example.com"], minSeverity: "MEDIUM" },
      // The Slack workspace must be authorized once in the AWS Chatbot console of this account first.
      slack: [{ name: "security-alerts", workspaceId: "T0123ABCDE", channelId: "C0456FGHIJ", minSeverity: "HIGH" }],
    },
    tags: { team: "security" },
  });
  new TerraformOutput(stack, "guardduty_notification_rules", { value: notifications.ruleArns });
  return stack;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
