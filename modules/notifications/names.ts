/**
 * Names and ARNs of what the notifications module creates. Names are fixed (no random suffixes), so that ARNs are
 * known before apply: policies name the exact rules allowed to publish, and tests evaluate them on concrete ARNs.
 *
 * Pure functions, no cdktf import.
 */
import { Partition, arns } from "../topology/regions";

/** Prefix of every name. @default "guardduty-notifications" */
export const DEFAULT_NAME_PREFIX = "guardduty-notifications";

/** A valid name prefix: letters, digits and dashes, 1 to 32 characters, starting with a letter. */
export const NAME_PREFIX_PATTERN = /^[A-Za-z][A-Za-z0-9-]{0,31}$/;

/** A valid channel name: lowercase letters, digits and dashes, 1 to 24 characters, no dash at either end. */
export const CHANNEL_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,22}[a-z0-9])?$/;

/** Names of the resources of one notifications estate, from its prefix. */
export function notificationNames(prefix: string) {
  return {
    /** A home-region notification rule: `<prefix>-<ruleKey>`. */
    rule: (ruleKey: string) => `${prefix}-${ruleKey}`,
    /** The forwarding rule, same name in every non-home region. */
    forwardRule: `${prefix}-forward`,
    /** The rule forwarding Malware Protection for S3 results to the home bus, same name in every account and region. */
    scanForwardRule: `${prefix}-scan-forward`,
    /** IAM role EventBridge assumes to forward those results, same name in every account. */
    scanForwardRole: `${prefix}-scan-forward`,
    /** The email topic. */
    emailTopic: `${prefix}-email`,
    /** The topic of one chat channel (`slack-secops`, `teams-soc`). */
    chatTopic: (channelKey: string) => `${prefix}-${channelKey}`,
    /** The dead-letter queue, same name in every region. */
    deadLetterQueue: `${prefix}-dlq`,
    /** The alias of the topics' key. */
    topicKeyAlias: `alias/${prefix}`,
    /** IAM role EventBridge assumes to forward findings to the home region. */
    forwardRole: `${prefix}-forward`,
    /** IAM role EventBridge assumes to invoke webhooks and role-based targets. */
    deliveryRole: `${prefix}-delivery`,
    /** IAM role of the Chatbot channel configurations. */
    chatbotRole: `${prefix}-chatbot`,
    /** Chatbot configuration of one chat channel. */
    chatbotConfiguration: (channelKey: string) => `${prefix}-${channelKey}`,
    /** EventBridge connection and API destination of one webhook. */
    webhook: (name: string) => `${prefix}-hook-${name}`,
    /** Statement ID of the Lambda permission of one rule (letters, digits, `-` and `_` only: `sev7.5` -> `sev7_5`). */
    lambdaStatementId: (ruleName: string) => `AllowEventBridge-${ruleName.replace(/[^A-Za-z0-9_-]/g, "_")}`,
  };
}

/** The names object returned by `notificationNames`. */
export type NotificationNames = ReturnType<typeof notificationNames>;

/** ARN of a rule on the default event bus. */
export function ruleArn(partition: Partition, region: string, accountId: string, ruleName: string): string {
  return arns.eventRule(partition, region, accountId, ruleName);
}

/** ARN of the default event bus of a region. */
export function defaultBusArn(partition: Partition, region: string, accountId: string): string {
  return arns.eventBus(partition, region, accountId, "default");
}

/**
 * A short stable hash (FNV-1a, 32 bits, 8 hex digits) of a string: names rule groups whose filters differ only by
 * content, so a rule keeps its name as long as its filter does.
 */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
