import { Construct } from "constructs";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { named } from "../topology/addresses";
import { mapIterator } from "../topology/for-each";
import { Partition, arns } from "../topology/regions";
import { providerInStackProblems } from "../topology/topology";
import { PropProblems } from "../topology/validation";
import { topicKeyPolicy, topicPolicy } from "./resource-policies";
import { jsonDocument } from "../topology/hcl-synth";

/** One topic to create. */
export interface NotificationTopicSpec {
  /** Key of the topic in `EncryptedTopics.topics` and construct ID (`email`, `slack-secops`). */
  readonly key: string;
  /** Topic name. */
  readonly name: string;
  /** Shown as the sender of emails. @default - the topic name */
  readonly displayName?: string;
  /** Rules allowed to publish (exact ARNs). */
  readonly publisherRuleArns: readonly string[];
}

/** Props of `EncryptedTopics`. */
export interface EncryptedTopicsProps {
  /** Provider of the administrator account. */
  readonly provider: AwsProvider;
  readonly partition: Partition;
  /** The administrator account. */
  readonly accountId: string;
  /** Region of the topics and their key (the home region). */
  readonly region: string;
  /** Alias of the key, `alias/...`. */
  readonly keyAlias: string;
  readonly topics: readonly NotificationTopicSpec[];
  /**
   * Let AWS Chatbot use the key (chat topics).
   * @default false
   */
  readonly allowChatbot?: boolean;
  /**
   * Email addresses subscribed to one of the topics.
   * @default - no email subscription
   */
  readonly emailSubscriptions?: { readonly topicKey: string; readonly addresses: readonly string[] };
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * SNS topics encrypted with one customer-managed KMS key (rotation on) whose policy lets our EventBridge rules, and
 * only them, encrypt: with the AWS-managed `alias/aws/sns` key EventBridge cannot publish and deliveries fail. Each
 * topic's policy admits only the rules that target it, from our account, over TLS.
 *
 * Email subscriptions stay "pending confirmation" until each recipient clicks the link SNS sends; until then they
 * receive nothing. `FindingNotifications.pendingConfirmations` lists them.
 *
 * Terraform: `aws_kms_key.<path>_key`, `aws_kms_alias.<path>_key_alias`, `aws_sns_topic.<path>_<key>`,
 * `aws_sns_topic_subscription.<path>_email_subscriptions["<address>"]`.
 */
export class EncryptedTopics extends Construct {
  public readonly key: KmsKey;
  public readonly keyAlias: KmsAlias;
  /** Topics by key. */
  public readonly topics: Readonly<Record<string, SnsTopic>>;
  /** Topic ARNs by key, known before apply. */
  public readonly topicArns: Readonly<Record<string, string>>;
  /** The email subscriptions (`for_each` over addresses), if any. */
  public readonly emailSubscriptions?: SnsTopicSubscription;

  constructor(scope: Construct, id: string, props: EncryptedTopicsProps) {
    super(scope, id);
    const p = new PropProblems(this).add(providerInStackProblems(this, props.provider));
    if (props.topics.length === 0) p.add("topics", [], "at least one topic", "topics must list at least one topic; got none");
    const email = props.emailSubscriptions;
    if (email && email.addresses.length > 0) {
      const keys = props.topics.map((t) => t.key);
      p.check("emailSubscriptions.topicKey", email.topicKey, keys.includes(email.topicKey), `one of ${keys.join(", ")}`);
    }
    p.throwIfAny();
    const { provider, region } = props;
    const tags = { ...props.tags };
    this.key = named(
      new KmsKey(this, "Key", {
        provider,
        region,
        description: "Encrypts the GuardDuty finding notification topics",
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: jsonDocument(
          topicKeyPolicy({
            partition: props.partition,
            accountId: props.accountId,
            allowChatbot: props.allowChatbot,
          }),
        ),
        tags,
      }),
    );
    this.keyAlias = named(new KmsAlias(this, "KeyAlias", { provider, region, name: props.keyAlias, targetKeyId: this.key.keyId }));

    const topics: Record<string, SnsTopic> = {};
    const topicArns: Record<string, string> = {};
    for (const spec of props.topics) {
      const arn = arns.snsTopic(props.partition, region, props.accountId, spec.name);
      topicArns[spec.key] = arn;
      topics[spec.key] = named(
        new SnsTopic(this, spec.key, {
          provider,
          region,
          name: spec.name,
          displayName: spec.displayName,
          kmsMasterKeyId: this.key.arn,
          policy: jsonDocument(topicPolicy({ topicArn: arn, accountId: props.accountId, publisherRuleArns: spec.publisherRuleArns })),
          tags,
        }),
      );
    }
    this.topics = topics;
    this.topicArns = topicArns;

    if (email && email.addresses.length > 0) {
      const topic = topics[email.topicKey];
      const addresses = mapIterator(Object.fromEntries(email.addresses.map((a) => [a, { endpoint: a }])));
      this.emailSubscriptions = named(
        new SnsTopicSubscription(this, "EmailSubscriptions", {
          provider,
          region,
          forEach: addresses,
          topicArn: topic.arn,
          protocol: "email",
          endpoint: addresses.getString("endpoint"),
        }),
      );
    }
  }
}
