import { Token } from "cdktf";
import { Construct } from "constructs";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { Partition } from "../topology/regions";
import { accountIdIssue } from "./channel-checks";
import { ChatbotChannels } from "./chatbot-channels";
import { defaultChatbotRegion } from "./chatbot-regions";
import { DeadLetterQueues } from "./dead-letter-queues";
import { DeliveryPlan, PlannedRule, planDelivery, planScanResultRules, ruleArnsFor } from "./delivery-plan";
import { DeliveryRole } from "./delivery-role";
import { EncryptedTopics } from "./encrypted-topics";
import { DEFAULT_NAME_PREFIX, notificationNames, ruleArn } from "./names";
import { NotificationRules } from "./notification-rules";
import { notificationIssues } from "./notification-validation";
import { NotificationSettings } from "./options";
import { providerInStackProblems } from "../topology/topology";
import { RegionalForwarding } from "./regional-forwarding";
import { checkScanResultSources, ownScanForwardRegions, ScanResultNotifications, ScanResultSource } from "./scan-result-notifications";
import { IamStatement } from "./resource-policies";
import { NotificationDetector, SuppressionRules } from "./suppression-rules";
import { deliveryTargets } from "./target-deliveries";
import { WebhookDestination } from "./webhook-channel";
import { PropProblems } from "../topology/validation";

export type { NotificationDetector } from "./suppression-rules";
export type { ScanResultSource } from "./scan-result-notifications";

/** Props of `FindingNotifications`: the `notifications` settings plus where the estate is. */
export interface FindingNotificationsProps extends NotificationSettings {
  readonly partition: Partition;
  /** Region where channel rules, topics and webhooks live; every other region forwards its findings to it. */
  readonly homeRegion: string;
  /** Every region of the GuardDuty estate (literal codes: they are `for_each` keys). */
  readonly regions: readonly string[];
  /** The delegated GuardDuty administrator (security) account, where organization findings are delivered. */
  readonly accountId: string;
  /** The administrator account's provider (any region: every resource sets its own `region`). */
  readonly provider: AwsProvider;
  /**
   * The administrator detector of each region; required for the regions suppression rules apply to.
   * @default [] - no detector (suppression rules are then refused)
   */
  readonly detectors?: readonly NotificationDetector[];
  /**
   * With `malwareScanResults: true`: the accounts and regions of the buckets protected by Malware Protection for S3,
   * whose results with threats found are forwarded to the home region.
   * @default [] - required (non-empty) when `malwareScanResults` is true, refused otherwise
   */
  readonly scanResultSources?: readonly ScanResultSource[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * GuardDuty finding notifications for a whole organization: when GuardDuty finds something at or above a channel's
 * severity in any region of any account, that channel hears about it once, in a message it can read, and a delivery
 * failure is retried for a day and then kept in a dead-letter queue. Everything lives in the administrator account,
 * where GuardDuty delivers organization findings.
 *
 * @example
 * const n = new FindingNotifications(this, "Notifications", {
 *   partition: "aws", homeRegion: "eu-west-1", regions: ["eu-west-1", "us-east-1"], accountId: "222222222222",
 *   provider: security, channels: { email: { addresses: ["secops@example.com"], minSeverity: "HIGH" } },
 * });
 * n.pendingConfirmations; // ["secops@example.com"]: each must click the link SNS sends
 */
export class FindingNotifications extends Construct {
  /** The delivery plan: rules, their targets and thresholds. */
  public readonly plan: DeliveryPlan;
  /** Home-region notification rules by rule key (`sev4-1`). */
  public readonly rules: Readonly<Record<string, CloudwatchEventRule>>;
  /** Home-region rule ARNs by rule key, known before apply. */
  public readonly ruleArns: Readonly<Record<string, string>>;
  /** Targets by target key (`email`, `slack-secops`, `lambda-respond`, `webhook-pager`, `target-siem`). */
  public readonly targets: Readonly<Record<string, CloudwatchEventTarget>>;
  /** Topics by key: `email` and one per chat channel (`slack-secops`, `teams-soc`). */
  public readonly topics: Readonly<Record<string, SnsTopic>>;
  /** The customer-managed key of the topics, when there is a topic. */
  public readonly topicKey?: KmsKey;
  /** The dead-letter queues (`for_each` over every region), when there is a channel. */
  public readonly deadLetterQueue?: SqsQueue;
  /** Dead-letter queue ARNs by region. */
  public readonly deadLetterQueueArns: Readonly<Record<string, string>>;
  /** Forwarding of the other regions' findings to the home region, when the estate has more than one region. */
  public readonly forwarding?: RegionalForwarding;
  /** Slack and Teams configurations, when configured. */
  public readonly chatbot?: ChatbotChannels;
  /** Webhooks by name. */
  public readonly webhooks: Readonly<Record<string, WebhookDestination>>;
  /** Role of webhooks and role-based targets, when there is one. */
  public readonly deliveryRole?: DeliveryRole;
  /** Lambda permissions by target key. */
  public readonly lambdaPermissions: Readonly<Record<string, LambdaPermission>>;
  /** Malware Protection for S3 results with threats found, when `malwareScanResults` is true. */
  public readonly scanResults?: ScanResultNotifications;
  /** Suppression rules, when configured. */
  public readonly suppression?: SuppressionRules;
  /**
   * Email addresses whose subscription waits for confirmation: each receives an email from SNS and gets no
   * notification until its link is clicked. Print it after synth.
   */
  public readonly pendingConfirmations: string[];
  /**
   * Statements to add to the policies of user-owned SQS queue and SNS topic targets (by target key): this module does
   * not own those policies, and without the statement EventBridge cannot deliver.
   */
  public readonly externalPolicyStatements: Readonly<Record<string, IamStatement>>;

  constructor(scope: Construct, id: string, props: FindingNotificationsProps) {
    super(scope, id);
    validate(this, props);
    const { provider, partition, accountId, homeRegion } = props;
    const names = notificationNames(props.namePrefix ?? DEFAULT_NAME_PREFIX);
    const channels = props.channels;
    const tags = { ...props.tags };
    const plan = planDelivery({
      partition, homeRegion, accountId, namePrefix: props.namePrefix ?? DEFAULT_NAME_PREFIX,
      includeSampleFindings: props.includeSampleFindings ?? false, channels,
    });
    this.plan = plan;
    const scanRules: PlannedRule[] = props.malwareScanResults
      ? planScanResultRules({ partition, homeRegion, accountId, namePrefix: props.namePrefix ?? DEFAULT_NAME_PREFIX }, plan) : [];
    const scanRuleArns = (key: string) => scanRules.filter((r) => r.targets.some((t) => t.key === key)).map((r) => r.arn);
    this.ruleArns = Object.fromEntries(plan.rules.map((r) => [r.key, r.arn]));
    this.pendingConfirmations = [...(channels.email?.addresses ?? [])];
    this.webhooks = {};
    this.topics = {};
    this.rules = {};
    this.targets = {};
    this.lambdaPermissions = {};
    this.externalPolicyStatements = {};
    this.deadLetterQueueArns = {};

    if (plan.rules.length > 0 && plan.minSeverity !== undefined) {
      const sourceRegions = [...new Set(props.regions)].filter((r) => r !== homeRegion).sort();
      const senders: Record<string, string[]> = { [homeRegion]: [...plan.rules, ...scanRules].map((r) => r.arn) };
      for (const r of sourceRegions) senders[r] = [ruleArn(partition, r, accountId, names.forwardRule)];
      // The administrator account's own scan-result forwarding rules use the dead-letter queue of their region.
      for (const r of scanRules.length > 0 ? ownScanForwardRegions(accountId, homeRegion, props.scanResultSources ?? []) : []) {
        senders[r] = [...(senders[r] ?? []), ruleArn(partition, r, accountId, names.scanForwardRule)];
      }
      const dlq = new DeadLetterQueues(this, "DeadLetterQueues", {
        provider, partition, accountId, queueName: names.deadLetterQueue, senders, retentionDays: props.deadLetterRetentionDays, tags,
      });
      this.deadLetterQueue = dlq.queue;
      this.deadLetterQueueArns = dlq.queueArns;

      const chatKeys = [...(channels.slack ?? []).map((c) => `slack-${c.name}`), ...(channels.teams ?? []).map((c) => `teams-${c.name}`)];
      const topicSpecs = [
        ...(channels.email ? [{ key: "email", name: names.emailTopic, displayName: "GuardDuty findings" }] : []),
        ...chatKeys.map((key) => ({ key, name: names.chatTopic(key) })),
      ].map((t) => ({ ...t, publisherRuleArns: [...ruleArnsFor(plan, [t.key]), ...scanRuleArns(t.key)] }));
      let topicArns: Readonly<Record<string, string>> = {};
      /** The topics' `arn` attributes: a Chatbot configuration refers to its topic, so the topic is created first. */
      let topicRefs: Readonly<Record<string, string>> = {};
      if (topicSpecs.length > 0) {
        const topics = new EncryptedTopics(this, "Topics", {
          provider, partition, accountId, region: homeRegion, keyAlias: names.topicKeyAlias, topics: topicSpecs,
          allowChatbot: chatKeys.length > 0,
          emailSubscriptions: channels.email && { topicKey: "email", addresses: channels.email.addresses },
          tags,
        });
        this.topics = topics.topics;
        this.topicKey = topics.key;
        topicArns = topics.topicArns;
        topicRefs = Object.fromEntries(Object.entries(topics.topics).map(([key, topic]) => [key, topic.arn]));
      }
      if (chatKeys.length > 0) {
        const chatbot = props.chatbot ?? {};
        this.chatbot = new ChatbotChannels(this, "Chatbot", {
          provider, partition, region: chatbot.region ?? defaultChatbotRegion(homeRegion), roleName: names.chatbotRole,
          slack: (channels.slack ?? []).map((c) => {
            const key = `slack-${c.name}`;
            return {
              key, configurationName: names.chatbotConfiguration(key), workspaceId: c.workspaceId, workspaceName: c.workspaceName,
              channelId: c.channelId, topicArn: topicRefs[key],
            };
          }),
          teams: (channels.teams ?? []).map((c) => {
            const key = `teams-${c.name}`;
            return { key, configurationName: names.chatbotConfiguration(key), tenantId: c.tenantId, teamId: c.teamId, channelId: c.channelId, topicArn: topicRefs[key] };
          }),
          loggingLevel: chatbot.loggingLevel, guardrailPolicyArns: chatbot.guardrailPolicyArns,
          userAuthorizationRequired: chatbot.userAuthorizationRequired, tags,
        });
      }
      const webhooks: Record<string, WebhookDestination> = {};
      for (const webhook of channels.webhooks ?? []) {
        webhooks[webhook.name] = new WebhookDestination(this, `webhook-${webhook.name}`, {
          provider, region: homeRegion, name: names.webhook(webhook.name), webhook, variableScope: this, tags,
        });
      }
      this.webhooks = webhooks;

      const deliveries = deliveryTargets({ partition, plan, channels, topicArns, webhooks });
      if (deliveries.grants.length > 0) {
        this.deliveryRole = new DeliveryRole(this, "DeliveryRole", {
          provider, roleName: names.deliveryRole, accountId, grants: deliveries.grants, tags,
        });
      }
      const roleArn = this.deliveryRole?.role.arn;
      const specs = Object.fromEntries(
        Object.entries(deliveries.targets).map(([key, { usesRole, ...spec }]) => [key, { ...spec, roleArn: usesRole ? roleArn : undefined }]),
      );
      const rules = new NotificationRules(this, "Rules", {
        provider, region: homeRegion, rules: plan.rules, targets: specs, deadLetterQueueArn: dlq.arnOf(homeRegion),
        lambdaStatementId: names.lambdaStatementId, retry: props.retry, tags,
      });
      this.rules = rules.rules;
      this.targets = rules.targets;
      this.lambdaPermissions = rules.lambdaPermissions;
      // A user-owned queue or topic that also receives scan results accepts both rules.
      this.externalPolicyStatements = Object.fromEntries(Object.entries(deliveries.externalPolicyStatements).map(([key, st]) => {
        const extra = scanRuleArns(key);
        const arn = (st.Condition as { ArnEquals: { "aws:SourceArn": string } }).ArnEquals["aws:SourceArn"];
        return [key, extra.length === 0 ? st : { ...st, Condition: { ArnEquals: { "aws:SourceArn": [arn, ...extra] } } }];
      }));
      if (scanRules.length > 0) {
        this.scanResults = new ScanResultNotifications(this, "ScanResults", {
          provider, partition, accountId, homeRegion, rules: scanRules, targets: specs, channels,
          sources: props.scanResultSources ?? [], names, deadLetterQueues: dlq, retry: props.retry, tags,
        });
      }

      if (sourceRegions.length > 0) {
        this.forwarding = new RegionalForwarding(this, "Forwarding", {
          provider, partition, accountId, homeRegion, sourceRegions, ruleName: names.forwardRule, roleName: names.forwardRole,
          minSeverity: plan.minSeverity, includeSampleFindings: props.includeSampleFindings, deadLetterQueues: dlq, retry: props.retry, tags,
        });
      }
    }
    if ((props.suppressionRules ?? []).length > 0) {
      this.suppression = new SuppressionRules(this, "Suppression", {
        provider, regions: props.regions, detectors: props.detectors ?? [], rules: props.suppressionRules ?? [], tags,
      });
    }
  }
}

/** Throws every problem of `props` at once. */
function validate(scope: Construct, props: FindingNotificationsProps): void {
  const p = new PropProblems(scope, {
    format: (ps) => `FindingNotifications ${scope.node.path}: ${ps.length} problem(s):\n- ${ps.map((x) => x.message).join("\n- ")}`,
  });
  p.add(providerInStackProblems(scope, props.provider));
  const before = p.problems.length;
  const token = props.regions.find((r) => Token.isUnresolved(r));
  if (token !== undefined) p.add("regions", token, "literal region codes", "regions must be literal region codes (they are for_each keys); got a token");
  if (Token.isUnresolved(props.homeRegion)) p.add("homeRegion", props.homeRegion, "a literal region code", "homeRegion must be a literal region code; got a token");
  if (!Token.isUnresolved(props.accountId)) {
    const issue = accountIdIssue(props.accountId, "accountId");
    if (issue) p.add("accountId", props.accountId, "a 12-digit AWS account ID", issue);
  }
  checkScanResultSources(p, scope, props.malwareScanResults ?? false, props.scanResultSources ?? []);
  if (p.problems.length === before) {
    // The channel checks need literal regions and a valid account ID.
    const hasSuppression = (props.suppressionRules ?? []).length > 0;
    const issues = notificationIssues(props, {
      partition: props.partition,
      regions: props.regions,
      accountId: props.accountId,
      detectorRegions: hasSuppression ? (props.detectors ?? []).map((d) => d.region) : undefined,
      isUnresolved: (v) => Token.isUnresolved(v),
    });
    p.addIssues(issues);
  }
  p.throwIfAny();
}
