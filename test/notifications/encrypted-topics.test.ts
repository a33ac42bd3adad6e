import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { EncryptedTopics, EncryptedTopicsProps } from "../../modules/notifications/encrypted-topics";
import { ACCOUNTS, addresses, resources, testStack } from "../helpers";
import { decide } from "./simulate";
import { expectAllReported, foreignProvider } from "../topology/props-error";

const A = ACCOUNTS.security;
const EMAIL_RULE = `arn:aws:events:eu-west-1:${A}:rule/gd-sev4-1`;
const CHAT_RULE = `arn:aws:events:eu-west-1:${A}:rule/gd-sev7-1`;

function build(props: Partial<EncryptedTopicsProps> = {}) {
  const t = testStack();
  const topics = new EncryptedTopics(t.stack, "Topics", {
    provider: t.provider, partition: "aws", accountId: A, region: "eu-west-1", keyAlias: "alias/gd",
    topics: [
      { key: "email", name: "gd-email", displayName: "GuardDuty findings", publisherRuleArns: [EMAIL_RULE] },
      { key: "slack-secops", name: "gd-slack-secops", publisherRuleArns: [CHAT_RULE] },
    ],
    emailSubscriptions: { topicKey: "email", addresses: ["secops@example.com", "oncall@example.com"] },
    ...props,
  });
  const doc = t.synth();
  return { ...t, topics, doc };
}

test("creates a rotating customer-managed key, its alias, the topics and the email subscriptions", () => {
  const { doc } = build();
  expect(addresses(doc)).toEqual([
    "aws_kms_alias.topics_key_alias",
    "aws_kms_key.topics_key",
    "aws_sns_topic.topics_email",
    "aws_sns_topic.topics_slack_secops",
    "aws_sns_topic_subscription.topics_email_subscriptions",
  ]);
  const key = resources(doc, KmsKey).topics_key;
  expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, region: "eu-west-1" });
  expect(resources(doc, KmsAlias).topics_key_alias).toMatchObject({ name: "alias/gd", target_key_id: "${aws_kms_key.topics_key.key_id}" });
});

test("encrypts every topic with the customer-managed key, never alias/aws/sns", () => {
  const topics = resources(build().doc, SnsTopic);
  for (const topic of Object.values(topics)) {
    expect(topic.kms_master_key_id).toBe("${aws_kms_key.topics_key.arn}");
    expect(topic.region).toBe("eu-west-1");
  }
});

test("shows the display name given, else the topic name", () => {
  const topics = resources(build().doc, SnsTopic);
  expect(topics.topics_email.display_name).toBe("GuardDuty findings");
  expect(topics.topics_slack_secops.display_name).toBeUndefined();
});

test("each topic admits only the rules that target it", async () => {
  const { doc, topics } = build();
  const policy = JSON.parse(resources(doc, SnsTopic).topics_email.policy);
  const publish = (rule: string) => decide({
    principal: "events.amazonaws.com", action: "sns:Publish", resource: topics.topicArns.email, resourceAccount: A,
    context: { "aws:SourceArn": rule, "aws:SourceAccount": A }, resourcePolicy: policy,
  });
  expect(await publish(EMAIL_RULE)).toBe("Allowed");
  expect(await publish(CHAT_RULE)).toBe("ImplicitlyDenied");
});

test("the key lets EventBridge encrypt for the topics, with or without request context on the KMS call", async () => {
  const { doc } = build();
  const policy = JSON.parse(resources(doc, KmsKey).topics_key.policy);
  const contexts: Record<string, string>[] = [{ "aws:SourceArn": EMAIL_RULE }, { "aws:SourceArn": CHAT_RULE, "aws:SourceAccount": A }, {}];
  for (const context of contexts) {
    expect(await decide({
      principal: "events.amazonaws.com", action: "kms:GenerateDataKey", resource: `arn:aws:kms:eu-west-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      resourceAccount: A, context, resourcePolicy: policy,
    })).toBe("Allowed");
  }
});

test("lets Chatbot use the key only when asked", () => {
  const sids = (p: Partial<EncryptedTopicsProps>) => JSON.parse(resources(build(p).doc, KmsKey).topics_key.policy).Statement.map((s: any) => s.Sid);
  expect(sids({})).not.toContain("AllowChatbotToReadChatTopics");
  expect(sids({ allowChatbot: true })).toContain("AllowChatbotToReadChatTopics");
});

test("subscribes each address by email, keyed by address", () => {
  const sub = resources(build().doc, SnsTopicSubscription).topics_email_subscriptions;
  expect(Object.keys(sub.for_each)).toEqual(["oncall@example.com", "secops@example.com"]);
  expect(sub).toMatchObject({ protocol: "email", endpoint: "${each.value.endpoint}", topic_arn: "${aws_sns_topic.topics_email.arn}", region: "eu-west-1" });
});

test("creates no subscription without addresses", () => {
  const { doc, topics } = build({ emailSubscriptions: undefined });
  expect(resources(doc, SnsTopicSubscription)).toEqual({});
  expect(topics.emailSubscriptions).toBeUndefined();
});

test("fails without topics", () => {
  expect(() => build({ topics: [] })).toThrow("topics must list at least one topic; got none");
});

test("fails on subscriptions to an unknown topic", () => {
  expect(() => build({ emailSubscriptions: { topicKey: "mail", addresses: ["a@example.com"] } }))
    .toThrow('emailSubscriptions.topicKey must be one of email, slack-secops; got "mail"');
});

test("fails with every problem at once: a foreign provider and an email topic that is not among the topics", () => {
  const { app } = testStack();
  expectAllReported(() => build({ provider: foreignProvider(app), emailSubscriptions: { topicKey: "mail", addresses: ["a@example.com"] } }),
    'EncryptedTopics "test/Topics"', [
      ["provider", 'provider must be a provider of stack "test"; got provider "foreign" of stack "other"'],
      ["emailSubscriptions.topicKey", 'emailSubscriptions.topicKey must be one of email, slack-secops; got "mail"'],
    ]);
});
