/**
 * Resource policies of the notifications module: topic, topic key, dead-letter queue, and the statements a
 * user-owned SQS queue or SNS topic target needs.
 *
 * Pure functions from ARNs to policy JSON, no cdktf import. Every grant to EventBridge names the exact rule ARNs
 * (`aws:SourceArn`), which are known before apply because rule names are fixed (names.ts).
 */
import { keyAdministrationStatement } from "../topology/key-administration";
import type { Partition } from "../topology/regions";

/** The service principal of EventBridge rules. */
export const EVENTS_PRINCIPAL = "events.amazonaws.com";
/** The service principal of AWS Chatbot (Amazon Q Developer in chat applications). */
export const CHATBOT_PRINCIPAL = "chatbot.amazonaws.com";

/** One IAM policy statement, as plain JSON. */
export interface IamStatement {
  /** @default - no statement ID */
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  /** @default - none (identity policies) */
  readonly Principal?: "*" | { readonly Service?: string | string[]; readonly AWS?: string | string[] };
  readonly Action: string | string[];
  /** @default - none (trust policies) */
  readonly Resource?: string | string[];
  /** @default - unconditional */
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | string[]>>>>;
}

/** An IAM policy document, as plain JSON. */
export interface IamPolicy {
  readonly Version: "2012-10-17";
  readonly Statement: readonly IamStatement[];
}

const sorted = (values: readonly string[]) => [...new Set(values)].sort();

function requireSenders(what: string, ruleArns: readonly string[]): void {
  if (ruleArns.length === 0) throw new Error(`${what} needs at least one rule ARN allowed to send; got none`);
}

/** A statement that denies `actions` on `resource` to every request made without TLS. */
export function denyInsecureTransport(actions: string | string[], resource: string): IamStatement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: actions,
    Resource: resource,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

/** Policy of a notification topic: only our rules (exact ARNs, our account) may publish, and only over TLS. */
export function topicPolicy(props: { topicArn: string; accountId: string; publisherRuleArns: readonly string[] }): IamPolicy {
  requireSenders(`topic ${props.topicArn}`, props.publisherRuleArns);
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AllowGuardDutyNotificationRulesToPublish",
        Effect: "Allow",
        Principal: { Service: EVENTS_PRINCIPAL },
        Action: "sns:Publish",
        Resource: props.topicArn,
        Condition: {
          ArnEquals: { "aws:SourceArn": sorted(props.publisherRuleArns) },
          StringEquals: { "aws:SourceAccount": props.accountId },
        },
      },
      denyInsecureTransport("sns:Publish", props.topicArn),
    ],
  };
}

/**
 * Policy of the customer-managed key of the topics. EventBridge publishes to an SSE topic through SNS, which uses the
 * topic's key on EventBridge's behalf, so `events.amazonaws.com` needs `kms:GenerateDataKey*` and `kms:Decrypt` on it;
 * the AWS-managed `alias/aws/sns` key cannot grant that, and EventBridge deliveries to a topic under it fail.
 *
 * The statement is exactly the one AWS documents for this path, without conditions: Amazon SNS Developer Guide,
 * "Enable compatibility between event sources from AWS services and encrypted topics"
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services: principal
 * `events.amazonaws.com`, actions `kms:GenerateDataKey*` and `kms:Decrypt`, resource `*`), and the EventBridge User
 * Guide, "Amazon SNS permissions" (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions).
 * Neither promises that `aws:SourceArn` or `aws:SourceAccount` reach KMS when SNS calls it for an EventBridge
 * publish; a condition on a key that is absent fails closed, and every notification would then land, silently, in
 * the dead-letter queue. Who may publish is decided by the topic policy ({@link topicPolicy}: our rules' exact ARNs,
 * our account, TLS); the key only lets EventBridge encrypt what the topic policy already admitted.
 *
 * The account root keeps administration (without it the key could become unmanageable), and Chatbot may decrypt
 * what it reads from the chat topics of this account.
 */
export function topicKeyPolicy(props: {
  partition: Partition;
  accountId: string;
  /** @default false */
  allowChatbot?: boolean;
}): IamPolicy {
  const statements: IamStatement[] = [
    keyAdministrationStatement(props.partition, props.accountId),
    {
      Sid: "AllowEventBridgeToPublishToEncryptedTopics",
      Effect: "Allow",
      Principal: { Service: EVENTS_PRINCIPAL },
      Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
      Resource: "*",
    },
  ];
  if (props.allowChatbot) {
    statements.push({
      Sid: "AllowChatbotToReadChatTopics",
      Effect: "Allow",
      Principal: { Service: CHATBOT_PRINCIPAL },
      Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
    });
  }
  return { Version: "2012-10-17", Statement: statements };
}

/** Policy of a regional dead-letter queue: our rules of that region may send undeliverable events, over TLS only. */
export function deadLetterQueuePolicy(props: { queueArn: string; senderRuleArns: readonly string[] }): IamPolicy {
  requireSenders(`dead-letter queue ${props.queueArn}`, props.senderRuleArns);
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AllowGuardDutyNotificationRulesToSendDeadLetters",
        Effect: "Allow",
        Principal: { Service: EVENTS_PRINCIPAL },
        Action: "sqs:SendMessage",
        Resource: props.queueArn,
        Condition: { ArnEquals: { "aws:SourceArn": sorted(props.senderRuleArns) } },
      },
      denyInsecureTransport("sqs:*", props.queueArn),
    ],
  };
}

/**
 * The statement a user-owned SQS queue or SNS topic target must carry in its own policy so that our rule can
 * deliver to it. This module does not own those policies, so it reports the statement instead of writing it.
 */
export function externalTargetStatement(kind: "sqs" | "sns", targetArn: string, ruleArn: string): IamStatement {
  return {
    Sid: `AllowGuardDutyNotificationRule${kind === "sqs" ? "ToSend" : "ToPublish"}`,
    Effect: "Allow",
    Principal: { Service: EVENTS_PRINCIPAL },
    Action: kind === "sqs" ? "sqs:SendMessage" : "sns:Publish",
    Resource: targetArn,
    Condition: { ArnEquals: { "aws:SourceArn": ruleArn } },
  };
}
