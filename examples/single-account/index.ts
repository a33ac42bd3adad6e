/**
 * GuardDuty for ONE AWS account that is not part of AWS Organizations: the account's own detector in three
 * regions with its protection plans, every region's findings exported to an encrypted bucket of the same account,
 * and an email when something of severity MEDIUM or above is found anywhere.
 *
 * One provider, one stack, state in S3 with S3-native locking. `npx tsx examples/single-account/index.ts`
 */
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  AdministratorDetectors, configureBackend, FindingNotifications, FindingsExport, resolvePlans,
} from "../../modules";

/** The account, and where GuardDuty runs in it. */
export const ACCOUNT_ID = "111111111111";
export const HOME_REGION = "eu-west-1";
export const REGIONS = ["eu-west-1", "eu-central-1", "us-east-1"];

/** What {@link build} adds: the stack and the three parts, for a caller that wants their attributes. */
export interface SingleAccount {
  readonly stack: TerraformStack;
  readonly detectors: AdministratorDetectors;
  readonly findingsExport: FindingsExport;
  readonly notifications: FindingNotifications;
}

/** Adds the stack `guardduty-single-account` to `app`. */
export function build(app: App): SingleAccount {
  const stack = new TerraformStack(app, "guardduty-single-account");
  configureBackend(stack, {
    type: "s3",
    bucket: "example-terraform-state-111111111111",
    key: "guardduty/single-account.tfstate",
    region: HOME_REGION,
    useLockfile: true,
  });

  // The only provider. Regional resources set their own `region`, so one provider covers every region.
  const provider = new AwsProvider(stack, "aws", {
    region: HOME_REGION,
    allowedAccountIds: [ACCOUNT_ID],
    defaultTags: [{ tags: { owner: "platform-security", "managed-by": "guardduty-cdktf" } }],
  });

  // Without AWS Organizations the "administrator detectors" are simply this account's own detectors.
  // Plans: no EKS in this account (its audit logs off), Runtime Monitoring for EC2 and ECS Fargate only.
  // The second argument of resolvePlans (organization auto-enable) means nothing for a lone account.
  const detectors = new AdministratorDetectors(stack, "Detectors", {
    provider,
    regions: REGIONS,
    findingPublishingFrequency: "FIFTEEN_MINUTES",
    protectionPlans: resolvePlans({
      EKS_AUDIT_LOGS: { enabled: false },
      RUNTIME_MONITORING: { enabled: true, agentManagement: { EKS_ADDON_MANAGEMENT: false } },
    }, "NONE"),
  });

  // Bucket, key and publishing destinations all in this account: one provider for the three roles.
  const findingsExport = new FindingsExport(stack, "FindingsExport", {
    partition: "aws",
    homeRegion: HOME_REGION,
    administratorAccountId: ACCOUNT_ID,
    administratorProvider: provider,
    detectors: detectors.regions.map((region) => ({
      region,
      detectorId: detectors.detectorId(region),
      detectorArn: detectors.detectorArn(region),
    })),
    bucketProvider: provider,
    bucketAccountId: ACCOUNT_ID,
    keyProvider: provider,
    keyAccountId: ACCOUNT_ID,
    bucketName: "example-guardduty-findings-111111111111",
    prefix: "guardduty",
    lifecycle: { transitionToGlacierDays: 90, expirationDays: 400 },
  });

  // Findings of every region reach the home region once; MEDIUM and above are emailed.
  const notifications = new FindingNotifications(stack, "Notifications", {
    partition: "aws",
    homeRegion: HOME_REGION,
    regions: REGIONS,
    accountId: ACCOUNT_ID,
    provider,
    channels: { email: { addresses: ["security-alerts@example.com"], minSeverity: "MEDIUM" } },
  });
  return { stack, detectors, findingsExport, notifications };
}

if (require.main === module) {
  const app = new App();
  const { notifications } = build(app);
  app.synth();
  process.stdout.write(`After apply, confirm the subscription email SNS sends to: ${notifications.pendingConfirmations.join(", ")}\n`);
}
