/**
 * The benchmark's "naive" estate: the same GuardDuty estate written the way a CDKTF user writes it without this
 * project. The root `@cdktf/provider-aws` import, one provider alias per account x region, one construct per member
 * per region (no for_each), and the export and notification resources written plainly. It synthesizes the same kinds
 * and numbers of resource instances as ours; it is a measuring stick, never a way to deploy an estate.
 *
 * Usage: node naive-synth.js <estate.json> <outdir>   (compiled first: never timed through tsx)
 */
import { readFileSync } from "fs";
import * as aws from "@cdktf/provider-aws";
import { App, LocalBackend, TerraformStack } from "cdktf";

/** The estate file fields this script reads (no validation: a hand-written app trusts its data). */
interface RawEstate {
  name: string;
  accounts: { management: { id: string; roleArn?: string }; security: { id: string }; logArchive: { id: string } };
  homeRegion: string;
  regions: string[];
  organizationMembers: Array<{ accountId: string; protectionPlans: Record<string, boolean> }>;
  invitedMembers: Array<{ accountId: string; email: string; roleArn?: string }>;
  export: { bucketName: string; prefix: string };
  notifications: {
    channels: {
      email: { addresses: string[] };
      slack: Array<{ name: string; workspaceId: string; channelId: string }>;
      teams: Array<{ name: string; tenantId: string; teamId: string; channelId: string }>;
      lambda: Array<{ name: string; functionArn: string }>;
      webhooks: Array<{ name: string; endpoint: string; secretHeader: { headerName: string; secretsManagerSecretId: string } }>;
      targets: Array<{ name: string; arn: string }>;
    };
    suppressionRules: Array<{ name: string; rank: number; criteria: Record<string, { equals: string[] }> }>;
  };
  tags: Record<string, string>;
}

const PLANS = ["S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS", "RUNTIME_MONITORING"];
const SEVERITIES = [1, 4, 7, 9];
const policy = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const allow = (principal: object, action: string | string[], resource: string) => ({ Effect: "Allow", Principal: principal, Action: action, Resource: resource });

function main(): void {
  const [file, outdir] = process.argv.slice(2);
  const e = JSON.parse(readFileSync(file, "utf8")) as RawEstate;
  const app = new App({ outdir });
  const stack = new TerraformStack(app, e.name);
  new LocalBackend(stack, { path: `terraform.${e.name}.tfstate` });
  const { management, security, logArchive } = e.accounts;
  const home = e.homeRegion;

  // One provider per account x region, the way the provider's documentation shows it.
  const providers = new Map<string, aws.provider.AwsProvider>();
  const provider = (account: string, region: string) => providers.get(`${account}-${region}`)!;
  const accounts = [management.id, security.id, logArchive.id, ...e.invitedMembers.map((m) => m.accountId)];
  for (const account of accounts) {
    for (const region of e.regions) {
      providers.set(`${account}-${region}`, new aws.provider.AwsProvider(stack, `aws-${account}-${region}`, {
        alias: `a${account}-${region}`,
        region,
        allowedAccountIds: [account],
        assumeRole: [{ roleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`, sessionName: "guardduty" }],
        defaultTags: [{ tags: e.tags }],
      }));
    }
  }

  const detectors = new Map<string, aws.guarddutyDetector.GuarddutyDetector>();
  for (const region of e.regions) {
    const p = provider(security.id, region);
    const detector = new aws.guarddutyDetector.GuarddutyDetector(stack, `admin-detector-${region}`, {
      provider: p, enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES",
    });
    detectors.set(region, detector);
    for (const plan of PLANS) {
      new aws.guarddutyDetectorFeature.GuarddutyDetectorFeature(stack, `admin-feature-${plan}-${region}`, {
        provider: p, detectorId: detector.id, name: plan, status: "ENABLED",
        additionalConfiguration: plan === "RUNTIME_MONITORING"
          ? ["EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT"].map((name) => ({ name, status: "ENABLED" }))
          : undefined,
      });
    }
    const designation = new aws.guarddutyOrganizationAdminAccount.GuarddutyOrganizationAdminAccount(stack, `designation-${region}`, {
      provider: provider(management.id, region), adminAccountId: security.id, dependsOn: [detector],
    });
    const configuration = new aws.guarddutyOrganizationConfiguration.GuarddutyOrganizationConfiguration(stack, `org-config-${region}`, {
      provider: p, detectorId: detector.id, autoEnableOrganizationMembers: "ALL", dependsOn: [designation],
    });
    for (const plan of PLANS) {
      new aws.guarddutyOrganizationConfigurationFeature.GuarddutyOrganizationConfigurationFeature(stack, `org-feature-${plan}-${region}`, {
        provider: p, detectorId: detector.id, name: plan, autoEnable: plan === "LAMBDA_NETWORK_LOGS" ? "NEW" : "ALL", dependsOn: [configuration],
      });
    }
    for (const m of e.organizationMembers) {
      for (const [plan, enabled] of Object.entries(m.protectionPlans)) {
        new aws.guarddutyMemberDetectorFeature.GuarddutyMemberDetectorFeature(stack, `member-feature-${m.accountId}-${plan}-${region}`, {
          provider: p, detectorId: detector.id, accountId: m.accountId, name: plan, status: enabled ? "ENABLED" : "DISABLED",
          dependsOn: [configuration],
        });
      }
    }
    for (const m of e.invitedMembers) {
      const invitation = new aws.guarddutyMember.GuarddutyMember(stack, `invite-${m.accountId}-${region}`, {
        provider: p, detectorId: detector.id, accountId: m.accountId, email: m.email, invite: true, disableEmailNotification: true,
        dependsOn: [designation],
      });
      const memberDetector = new aws.guarddutyDetector.GuarddutyDetector(stack, `member-detector-${m.accountId}-${region}`, {
        provider: provider(m.accountId, region), enable: true,
      });
      new aws.guarddutyInviteAccepter.GuarddutyInviteAccepter(stack, `accept-${m.accountId}-${region}`, {
        provider: provider(m.accountId, region), detectorId: memberDetector.id, masterAccountId: security.id, dependsOn: [invitation],
      });
    }
  }

  // Export: one bucket and key in the home region, a publishing destination per region, a SIEM reader and a queue.
  const sec = provider(security.id, home);
  const log = provider(logArchive.id, home);
  const key = new aws.kmsKey.KmsKey(stack, "findings-key", {
    provider: sec, enableKeyRotation: true,
    policy: policy([allow({ AWS: `arn:aws:iam::${security.id}:root` }, "kms:*", "*"), allow({ Service: "guardduty.amazonaws.com" }, "kms:GenerateDataKey", "*")]),
  });
  new aws.kmsAlias.KmsAlias(stack, "findings-key-alias", { provider: sec, name: "alias/guardduty-findings-export", targetKeyId: key.keyId });
  const bucket = new aws.s3Bucket.S3Bucket(stack, "findings-bucket", { provider: log, bucket: e.export.bucketName });
  new aws.s3BucketVersioning.S3BucketVersioningA(stack, "findings-versioning", { provider: log, bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
  new aws.s3BucketPublicAccessBlock.S3BucketPublicAccessBlock(stack, "findings-pab", {
    provider: log, bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
  });
  new aws.s3BucketOwnershipControls.S3BucketOwnershipControls(stack, "findings-ownership", { provider: log, bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
  new aws.s3BucketServerSideEncryptionConfiguration.S3BucketServerSideEncryptionConfigurationA(stack, "findings-sse", {
    provider: log, bucket: bucket.id, rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
  });
  new aws.s3BucketLifecycleConfiguration.S3BucketLifecycleConfiguration(stack, "findings-lifecycle", {
    provider: log, bucket: bucket.id,
    rule: [{ id: "findings", status: "Enabled", filter: [{ prefix: "" }], transition: [{ days: 90, storageClass: "GLACIER_IR" }], expiration: [{ days: 730 }] }],
  });
  const bucketPolicy = new aws.s3BucketPolicy.S3BucketPolicy(stack, "findings-bucket-policy", {
    provider: log, bucket: bucket.id, policy: policy([allow({ Service: "guardduty.amazonaws.com" }, "s3:PutObject", `${bucket.arn}/*`)]),
  });
  new aws.s3Object.S3Object(stack, "findings-prefix", { provider: log, bucket: bucket.id, key: `${e.export.prefix}/`, content: "" });
  for (const region of e.regions) {
    new aws.guarddutyPublishingDestination.GuarddutyPublishingDestination(stack, `destination-${region}`, {
      provider: provider(security.id, region), detectorId: detectors.get(region)!.id, destinationArn: `${bucket.arn}/${e.export.prefix}`,
      kmsKeyArn: key.arn, dependsOn: [bucketPolicy],
    });
  }
  const reader = new aws.iamRole.IamRole(stack, "siem-reader", {
    provider: log, name: "guardduty-siem-reader",
    assumeRolePolicy: policy([{ Effect: "Allow", Principal: { Federated: "accounts.google.com" }, Action: "sts:AssumeRoleWithWebIdentity" }]),
  });
  new aws.iamRolePolicy.IamRolePolicy(stack, "siem-reader-policy", {
    provider: log, role: reader.id, policy: policy([{ Effect: "Allow", Action: "s3:GetObject", Resource: `${bucket.arn}/*` }]),
  });
  const queueKey = new aws.kmsKey.KmsKey(stack, "queue-key", { provider: log, enableKeyRotation: true });
  new aws.kmsAlias.KmsAlias(stack, "queue-key-alias", { provider: log, name: "alias/guardduty-findings-queue", targetKeyId: queueKey.keyId });
  const dlq = new aws.sqsQueue.SqsQueue(stack, "findings-dlq", { provider: log, name: "guardduty-findings-dlq", kmsMasterKeyId: queueKey.arn });
  const queue = new aws.sqsQueue.SqsQueue(stack, "findings-queue", {
    provider: log, name: "guardduty-findings", kmsMasterKeyId: queueKey.arn, redrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 5 }),
  });
  new aws.sqsQueuePolicy.SqsQueuePolicy(stack, "findings-queue-policy", {
    provider: log, queueUrl: queue.url, policy: policy([allow({ Service: "s3.amazonaws.com" }, "sqs:SendMessage", queue.arn)]),
  });
  new aws.s3BucketNotification.S3BucketNotification(stack, "findings-notification", {
    provider: log, bucket: bucket.id, queue: [{ queueArn: queue.arn, events: ["s3:ObjectCreated:*"] }],
  });

  // Notifications: forward every region to home, a rule per severity, a target per channel, a DLQ per region.
  const n = e.notifications;
  const topicKey = new aws.kmsKey.KmsKey(stack, "topics-key", { provider: sec, enableKeyRotation: true });
  new aws.kmsAlias.KmsAlias(stack, "topics-key-alias", { provider: sec, name: "alias/guardduty-notifications", targetKeyId: topicKey.keyId });
  const dlqs = new Map<string, aws.sqsQueue.SqsQueue>();
  for (const region of e.regions) {
    dlqs.set(region, new aws.sqsQueue.SqsQueue(stack, `notification-dlq-${region}`, {
      provider: provider(security.id, region), name: "guardduty-notifications-dlq", sqsManagedSseEnabled: true,
    }));
  }
  const forwardingRole = new aws.iamRole.IamRole(stack, "forwarding-role", {
    provider: sec, name: "guardduty-forwarding", assumeRolePolicy: policy([{ Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sts:AssumeRole" }]),
  });
  new aws.iamRolePolicy.IamRolePolicy(stack, "forwarding-role-policy", {
    provider: sec, role: forwardingRole.id, policy: policy([{ Effect: "Allow", Action: "events:PutEvents", Resource: `arn:aws:events:${home}:${security.id}:event-bus/default` }]),
  });
  for (const region of e.regions.filter((r) => r !== home)) {
    const p = provider(security.id, region);
    const rule = new aws.cloudwatchEventRule.CloudwatchEventRule(stack, `forward-rule-${region}`, {
      provider: p, name: "guardduty-forward", eventPattern: JSON.stringify({ source: ["aws.guardduty"], "detail-type": ["GuardDuty Finding"] }),
    });
    new aws.cloudwatchEventTarget.CloudwatchEventTarget(stack, `forward-target-${region}`, {
      provider: p, rule: rule.name, arn: `arn:aws:events:${home}:${security.id}:event-bus/default`, roleArn: forwardingRole.arn,
      deadLetterConfig: { arn: dlqs.get(region)!.arn },
    });
  }
  const rules = new Map<number, aws.cloudwatchEventRule.CloudwatchEventRule>();
  for (const s of SEVERITIES) {
    rules.set(s, new aws.cloudwatchEventRule.CloudwatchEventRule(stack, `severity-${s}`, {
      provider: sec, name: `guardduty-sev${s}`,
      eventPattern: JSON.stringify({ source: ["aws.guardduty"], "detail-type": ["GuardDuty Finding"], detail: { severity: [{ numeric: [">=", s] }] } }),
    }));
  }
  const target = (id: string, severity: number, arn: string, extra: Partial<aws.cloudwatchEventTarget.CloudwatchEventTargetConfig> = {}) =>
    new aws.cloudwatchEventTarget.CloudwatchEventTarget(stack, id, {
      provider: sec, rule: rules.get(severity)!.name, arn, deadLetterConfig: { arn: dlqs.get(home)!.arn }, ...extra,
    });
  const topic = (id: string) => new aws.snsTopic.SnsTopic(stack, id, { provider: sec, name: id, kmsMasterKeyId: topicKey.arn });
  const emailTopic = topic("guardduty-email");
  for (const address of n.channels.email.addresses) {
    new aws.snsTopicSubscription.SnsTopicSubscription(stack, `email-${address}`, { provider: sec, topicArn: emailTopic.arn, protocol: "email", endpoint: address });
  }
  target("target-email", 4, emailTopic.arn, { inputTransformer: { inputPaths: { severity: "$.detail.severity" }, inputTemplate: "\"GuardDuty finding <severity>\"" } });
  const chatbotRole = new aws.iamRole.IamRole(stack, "chatbot-role", {
    provider: sec, name: "guardduty-chatbot", assumeRolePolicy: policy([{ Effect: "Allow", Principal: { Service: "chatbot.amazonaws.com" }, Action: "sts:AssumeRole" }]),
  });
  new aws.iamRolePolicy.IamRolePolicy(stack, "chatbot-role-policy", {
    provider: sec, role: chatbotRole.id, policy: policy([{ Effect: "Allow", Action: "cloudwatch:Describe*", Resource: "*" }]),
  });
  for (const c of n.channels.slack) {
    const t = topic(`guardduty-slack-${c.name}`);
    new aws.chatbotSlackChannelConfiguration.ChatbotSlackChannelConfiguration(stack, `slack-${c.name}`, {
      provider: sec, configurationName: `guardduty-${c.name}`, iamRoleArn: chatbotRole.arn, slackTeamId: c.workspaceId, slackChannelId: c.channelId, snsTopicArns: [t.arn],
    });
    target(`target-slack-${c.name}`, 4, t.arn);
  }
  for (const c of n.channels.teams) {
    const t = topic(`guardduty-teams-${c.name}`);
    new aws.chatbotTeamsChannelConfiguration.ChatbotTeamsChannelConfiguration(stack, `teams-${c.name}`, {
      provider: sec, configurationName: `guardduty-${c.name}`, iamRoleArn: chatbotRole.arn, tenantId: c.tenantId, teamId: c.teamId,
      channelId: c.channelId, snsTopicArns: [t.arn],
    });
    target(`target-teams-${c.name}`, 7, t.arn);
  }
  for (const c of n.channels.lambda) {
    target(`target-lambda-${c.name}`, 7, c.functionArn);
    new aws.lambdaPermission.LambdaPermission(stack, `lambda-${c.name}`, {
      provider: sec, functionName: c.functionArn, action: "lambda:InvokeFunction", principal: "events.amazonaws.com", sourceArn: rules.get(7)!.arn,
    });
  }
  const deliveryRole = new aws.iamRole.IamRole(stack, "delivery-role", {
    provider: sec, name: "guardduty-delivery", assumeRolePolicy: policy([{ Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sts:AssumeRole" }]),
  });
  new aws.iamRolePolicy.IamRolePolicy(stack, "delivery-role-policy", {
    provider: sec, role: deliveryRole.id,
    policy: policy([{ Effect: "Allow", Action: ["states:StartExecution", "firehose:PutRecord", "events:InvokeApiDestination"], Resource: "*" }]),
  });
  for (const w of n.channels.webhooks) {
    const connection = new aws.cloudwatchEventConnection.CloudwatchEventConnection(stack, `webhook-${w.name}`, {
      provider: sec, name: `guardduty-${w.name}`, authorizationType: "API_KEY",
      authParameters: { apiKey: { key: w.secretHeader.headerName, value: "token-kept-in-secrets-manager" } },
    });
    const destination = new aws.cloudwatchEventApiDestination.CloudwatchEventApiDestination(stack, `webhook-${w.name}-destination`, {
      provider: sec, name: `guardduty-${w.name}`, connectionArn: connection.arn, invocationEndpoint: w.endpoint, httpMethod: "POST",
    });
    target(`target-webhook-${w.name}`, 9, destination.arn, { roleArn: deliveryRole.arn });
  }
  for (const t of n.channels.targets) target(`target-${t.name}`, t.name === "archive" ? 1 : 7, t.arn, { roleArn: deliveryRole.arn });
  for (const region of e.regions) {
    for (const rule of n.suppressionRules) {
      new aws.guarddutyFilter.GuarddutyFilter(stack, `filter-${rule.name}-${region}`, {
        provider: provider(security.id, region), detectorId: detectors.get(region)!.id, name: rule.name, action: "ARCHIVE", rank: rule.rank,
        findingCriteria: { criterion: Object.entries(rule.criteria).map(([field, c]) => ({ field, equalTo: c.equals })) },
      });
    }
  }
  app.synth();
}

main();
