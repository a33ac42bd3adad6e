import { Token, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ChatbotSlackChannelConfiguration } from "@cdktf/provider-aws/lib/chatbot-slack-channel-configuration";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { FindingNotifications, FindingNotificationsProps } from "../../modules/notifications";
import { ACCOUNTS, addresses, resources, testStack } from "../helpers";
import { HOME, fullProps } from "./fixtures";
import { instances } from "./synth-model";
import { PropsError } from "../../modules/topology/validation";

function build(overrides: Partial<FindingNotificationsProps> = {}) {
  const t = testStack();
  const n = new FindingNotifications(t.stack, "Notifications", fullProps(t.provider, overrides));
  return { ...t, n, doc: t.synth() };
}

test("pins the Terraform addresses of a full estate", () => {
  expect(addresses(build().doc)).toEqual([
    "aws_chatbot_slack_channel_configuration.notifications_chatbot_slack_secops",
    "aws_chatbot_teams_channel_configuration.notifications_chatbot_teams_soc",
    "aws_cloudwatch_event_api_destination.notifications_webhook_pager_destination",
    "aws_cloudwatch_event_connection.notifications_webhook_pager_connection",
    "aws_cloudwatch_event_rule.notifications_forwarding_rule",
    "aws_cloudwatch_event_rule.notifications_rules_sev4_1",
    "aws_cloudwatch_event_rule.notifications_rules_sev7_1",
    "aws_cloudwatch_event_rule.notifications_rules_sev9_1",
    "aws_cloudwatch_event_target.notifications_forwarding_target",
    "aws_cloudwatch_event_target.notifications_rules_email",
    "aws_cloudwatch_event_target.notifications_rules_lambda_respond",
    "aws_cloudwatch_event_target.notifications_rules_slack_secops",
    "aws_cloudwatch_event_target.notifications_rules_target_triage",
    "aws_cloudwatch_event_target.notifications_rules_teams_soc",
    "aws_cloudwatch_event_target.notifications_rules_webhook_pager",
    "aws_iam_role.notifications_chatbot_role",
    "aws_iam_role.notifications_delivery_role_role",
    "aws_iam_role.notifications_forwarding_role",
    "aws_iam_role_policy.notifications_chatbot_role_policy",
    "aws_iam_role_policy.notifications_delivery_role_policy",
    "aws_iam_role_policy.notifications_forwarding_role_policy",
    "aws_kms_alias.notifications_topics_key_alias",
    "aws_kms_key.notifications_topics_key",
    "aws_lambda_permission.notifications_rules_lambda_respond_permission",
    "aws_sns_topic.notifications_topics_email",
    "aws_sns_topic.notifications_topics_slack_secops",
    "aws_sns_topic.notifications_topics_teams_soc",
    "aws_sns_topic_subscription.notifications_topics_email_subscriptions",
    "aws_sqs_queue.notifications_dead_letter_queues_queue",
  ]);
});

test("keys regional resources by region, and adding a region only adds keys", () => {
  const two = build({ regions: ["eu-west-1", "us-east-1"] }).doc;
  const three = build().doc;
  expect(addresses(two)).toEqual(addresses(three));
  const keys = (doc: any, type: any, name: string) => Object.keys(resources(doc, type)[name].for_each);
  expect(keys(two, SqsQueue, "notifications_dead_letter_queues_queue")).toEqual(["eu-west-1", "us-east-1"]);
  expect(keys(three, SqsQueue, "notifications_dead_letter_queues_queue")).toEqual(["eu-west-1", "me-south-1", "us-east-1"]);
  expect(keys(three, CloudwatchEventRule, "notifications_forwarding_rule")).toEqual(["me-south-1", "us-east-1"]);
  expect(keys(three, CloudwatchEventTarget, "notifications_forwarding_target")).toEqual(["me-south-1", "us-east-1"]);
});

test("every target, in every region, has a retry policy and an encrypted dead-letter queue that admits its rule", () => {
  const { doc } = build();
  const queues = instances(doc, "aws_sqs_queue");
  const targets = instances(doc, "aws_cloudwatch_event_target");
  expect(targets).toHaveLength(8);
  for (const t of targets) {
    expect(t.attrs.retry_policy).toEqual({ maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 });
    const region = t.attrs.region;
    expect(t.attrs.dead_letter_config.arn).toBe(`\${aws_sqs_queue.notifications_dead_letter_queues_queue["${region}"].arn}`);
    const queue = queues.find((q) => q.key === region)!;
    expect(queue.attrs.sqs_managed_sse_enabled).toBe(true);
    const ruleName = /rule\.([a-z0-9_]+)/.exec(t.attrs.rule)![1];
    const rule = instances(doc, "aws_cloudwatch_event_rule").find((r) => r.name === ruleName && r.attrs.region === region)!;
    const senders = JSON.parse(queue.attrs.policy).Statement[0].Condition.ArnEquals["aws:SourceArn"];
    expect(senders).toContain(`arn:aws:events:${region}:${ACCOUNTS.security}:rule/${rule.attrs.name}`);
  }
});

test("lists the email addresses waiting for confirmation", () => {
  expect(build().n.pendingConfirmations).toEqual(["secops@example.com", "oncall@example.com"]);
  expect(build({ channels: { slack: fullProps(undefined as never).channels.slack } }).n.pendingConfirmations).toEqual([]);
});

test("the topic key carries AWS's documented EventBridge statement, and the topic policy admits exactly the publishing rules", () => {
  const { doc, n } = build();
  const key = JSON.parse(resources(doc, KmsKey).notifications_topics_key.policy);
  const events = key.Statement.find((s: any) => s.Principal?.Service === "events.amazonaws.com");
  expect(events).toEqual({
    Sid: "AllowEventBridgeToPublishToEncryptedTopics", Effect: "Allow", Principal: { Service: "events.amazonaws.com" },
    Action: ["kms:GenerateDataKey*", "kms:Decrypt"], Resource: "*",
  });
  const topic = JSON.parse(resources(doc, SnsTopic).notifications_topics_email.policy);
  expect(topic.Statement[0].Condition.ArnEquals["aws:SourceArn"]).toEqual([n.ruleArns["sev4-1"]]);
});

test("defaults: name prefix, real findings only, Chatbot in the home region, 24 h of retries, 14 days of dead letters, no tags", () => {
  const { doc, n } = build();
  expect(Object.values(resources(doc, CloudwatchEventRule)).map((r: any) => r.name)).toContain("guardduty-notifications-sev4-1");
  expect(JSON.parse(resources(doc, CloudwatchEventRule).notifications_rules_sev4_1.event_pattern).detail.$or).toBeDefined();
  expect(resources(doc, ChatbotSlackChannelConfiguration).notifications_chatbot_slack_secops.region).toBe("eu-west-1");
  expect(resources(doc, CloudwatchEventTarget).notifications_rules_email.retry_policy.maximum_event_age_in_seconds).toBe(86400);
  expect(resources(doc, SqsQueue).notifications_dead_letter_queues_queue.message_retention_seconds).toBe(1209600);
  expect(resources(doc, SqsQueue).notifications_dead_letter_queues_queue.tags).toEqual({});
  expect(n.plan.rules[0].name).toBe("guardduty-notifications-sev4-1");
});

test("puts Chatbot in the nearest Chatbot region when the home region does not serve the API", () => {
  const { doc } = build({ homeRegion: "us-east-1" , channels: { slack: fullProps(undefined as never).channels.slack } });
  expect(resources(doc, ChatbotSlackChannelConfiguration).notifications_chatbot_slack_secops.region).toBe("us-east-2");
  const explicit = build({ homeRegion: "us-east-1", chatbot: { region: "us-west-2" }, channels: { slack: fullProps(undefined as never).channels.slack } }).doc;
  expect(resources(explicit, ChatbotSlackChannelConfiguration).notifications_chatbot_slack_secops.region).toBe("us-west-2");
});

test("takes name prefix, samples, retries, retention and tags from props", () => {
  const { doc } = build({
    namePrefix: "acme-gd", includeSampleFindings: true, retry: { maximumEventAgeSeconds: 7200, maximumRetryAttempts: 20 },
    deadLetterRetentionDays: 7, tags: { owner: "security" },
  });
  const rule = resources(doc, CloudwatchEventRule).notifications_rules_sev4_1;
  expect(rule.name).toBe("acme-gd-sev4-1");
  expect(rule.tags).toEqual({ owner: "security" });
  expect(JSON.parse(rule.event_pattern).detail.$or).toBeUndefined();
  for (const t of instances(doc, "aws_cloudwatch_event_target")) expect(t.attrs.retry_policy).toEqual({ maximum_event_age_in_seconds: 7200, maximum_retry_attempts: 20 });
  expect(resources(doc, SqsQueue).notifications_dead_letter_queues_queue.message_retention_seconds).toBe(7 * 86400);
});

test("a single-region estate needs no forwarding", () => {
  const { doc, n } = build({ regions: [HOME] });
  expect(n.forwarding).toBeUndefined();
  expect(addresses(doc).filter((a) => a.includes("forwarding"))).toEqual([]);
});

test("creates a delivery role only for webhooks and role-based targets", () => {
  const { n } = build({ channels: { email: { addresses: ["a@example.com"] } } });
  expect(n.deliveryRole).toBeUndefined();
  expect(n.chatbot).toBeUndefined();
  expect(Object.keys(n.topics)).toEqual(["email"]);
});

test("reports the statement a user-owned queue target must carry", () => {
  const queue = `arn:aws:sqs:${HOME}:${ACCOUNTS.security}:siem-intake`;
  const { n } = build({ channels: { targets: [{ name: "siem", arn: queue }] } });
  expect(n.externalPolicyStatements["target-siem"]).toMatchObject({ Action: "sqs:SendMessage", Resource: queue, Condition: { ArnEquals: { "aws:SourceArn": n.ruleArns["sev4-1"] } } });
});

test("suppression rules alone create only the filters", () => {
  const { doc, n } = build({ channels: {}, suppressionRules: [{ name: "quiet", rank: 1, criteria: { type: { equals: ["Recon:EC2/PortProbeUnprotectedPort"] } } }] });
  expect(addresses(doc)).toEqual(["aws_guardduty_filter.notifications_suppression_filter"]);
  expect(n.suppression!.keys).toEqual(["eu-west-1/quiet", "me-south-1/quiet", "us-east-1/quiet"]);
  expect(n.deadLetterQueue).toBeUndefined();
});

test("fails with every problem at once", () => {
  expect(() => build({
    homeRegion: "ap-south-1",
    channels: { email: { addresses: ["nope"] }, lambda: [{ name: "x", functionArn: "arn:aws:lambda:us-east-1:222222222222:function:f" }] },
  })).toThrow(/^FindingNotifications test\/Notifications: 3 problem\(s\):\n- homeRegion must be one of the estate's regions.*\n- channels\.email\.addresses\[0\] must be an email address.*\n- channels\.lambda\[0\]\.functionArn must be in the home region ap-south-1/);
});

test("two bad props are reported as a PropsError with both paths", () => {
  let error: unknown;
  try {
    build({ channels: { email: { addresses: ["nope"] }, lambda: [{ name: "x", functionArn: "arn:aws:lambda:us-east-1:222222222222:function:f" }] }, homeRegion: "ap-south-1" });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PropsError);
  expect((error as PropsError).problems.map((p) => p.path)).toEqual(["homeRegion", "channels.email.addresses[0]", "channels.lambda[0].functionArn"]);
});

test("fails on a chime channel, pointing to Teams or a webhook", () => {
  expect(() => build({ channels: { chime: [{}] } as never })).toThrow(/chime is not supported: Amazon Chime ended service on 2026-02-20; use a teams channel \(AWS Chatbot\) or a webhook instead/);
});

test("fails on suppression rules without the detector of a region", () => {
  expect(() => build({ detectors: [], suppressionRules: [{ name: "quiet", rank: 1, criteria: { type: { equals: ["x"] } } }] }))
    .toThrow(/suppressionRules\[0\] needs the administrator detector ID of every region it applies to; missing eu-west-1, us-east-1, me-south-1/);
});

test("fails on regions given as tokens, which cannot be for_each keys", () => {
  expect(() => build({ regions: [Token.asString({ resolve: () => "eu-west-1" } as never)] })).toThrow(/regions must be literal region codes/);
});

test("fails on an account ID that is not one", () => {
  expect(() => build({ accountId: "security" })).toThrow(/accountId must be a 12-digit AWS account ID; got "security"/);
});

test("skips the account check when the account ID is a token", () => {
  expect(() => build({ accountId: Token.asString({ resolve: () => ACCOUNTS.security } as never), channels: { email: { addresses: ["a@example.com"] } } })).not.toThrow();
});

test("fails on a provider of another stack", () => {
  const { app, stack } = testStack();
  const provider = new AwsProvider(new TerraformStack(app, "other"), "aws", { region: HOME });
  expect(() => new FindingNotifications(stack, "Notifications", fullProps(provider))).toThrow(/provider must be a provider of stack "test"; got provider "aws" of stack "other"/);
});

test("Chatbot configurations refer to their topics' arn attributes, so Terraform creates each topic first", () => {
  const { doc } = build();
  expect(resources(doc, ChatbotSlackChannelConfiguration).notifications_chatbot_slack_secops.sns_topic_arns)
    .toEqual(["${aws_sns_topic.notifications_topics_slack_secops.arn}"]);
});

test("a Slack channel with workspaceName gets the plan-time authorization check", () => {
  const base = fullProps(undefined as never).channels;
  const { doc } = build({ channels: { ...base, slack: base.slack!.map((c) => ({ ...c, workspaceName: "Example Corp" })) } });
  expect(Object.keys(doc.data!.aws_chatbot_slack_workspace)).toEqual(["notifications_chatbot_slack_secops_workspace"]);
  expect(resources(doc, ChatbotSlackChannelConfiguration).notifications_chatbot_slack_secops.lifecycle.precondition).toHaveLength(1);
});
