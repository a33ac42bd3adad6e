/**
 * Options of a notifications estate besides its channels: Chatbot settings, retries, suppression rules. Shared by the
 * construct props and the estate file's `notifications` section.
 *
 * No cdktf import.
 */
import { ChatbotRegion } from "./chatbot-regions";
import { NotificationChannels } from "./channels";

/** Chatbot logging levels (CloudWatch Logs of the channel configurations). */
export type ChatbotLoggingLevel = "ERROR" | "INFO" | "NONE";

/** Settings shared by the Slack and Teams channel configurations. */
export interface ChatbotOptions {
  /**
   * Region whose Chatbot API creates the configurations (us-east-2, us-west-2, eu-west-1 or ap-southeast-1).
   * @default - the home region if it serves the API, else the nearest that does (see `defaultChatbotRegion`)
   */
  readonly region?: ChatbotRegion;
  /** @default "ERROR" */
  readonly loggingLevel?: ChatbotLoggingLevel;
  /**
   * Managed or customer policies that cap what chat members can do through the channels.
   * @default - [arn:<partition>:iam::aws:policy/CloudWatchReadOnlyAccess], not Chatbot's AdministratorAccess default
   */
  readonly guardrailPolicyArns?: readonly string[];
  /**
   * Require chat members to use their own user role for commands instead of the channel role.
   * @default true
   */
  readonly userAuthorizationRequired?: boolean;
}

/** How long and how often EventBridge retries a failed delivery before it writes the event to the dead-letter queue. */
export interface RetryOptions {
  /**
   * Oldest an event may get while being retried, 60 to 86400 seconds.
   * @default 86400 - 24 hours
   */
  readonly maximumEventAgeSeconds?: number;
  /**
   * Retries, 0 to 185.
   * @default 185
   */
  readonly maximumRetryAttempts?: number;
}

/** Default retry policy: EventBridge's own maximums, so nothing is given up before a day of retries. */
export const DEFAULT_RETRY = Object.freeze({ maximumEventAgeSeconds: 86400, maximumRetryAttempts: 185 });

/** Default days a dead letter is kept (the SQS maximum). */
export const DEFAULT_DEAD_LETTER_RETENTION_DAYS = 14;

/** One condition of a suppression rule on a finding field. At least one operator is required. */
export interface SuppressionCriterion {
  /** The field equals one of these. @default - no such condition */
  readonly equals?: readonly string[];
  /** The field equals none of these. @default - no such condition */
  readonly notEquals?: readonly string[];
  /** A number, or a date as an RFC 3339 string. @default - no such condition */
  readonly greaterThan?: string | number;
  /** @default - no such condition */
  readonly greaterThanOrEqual?: string | number;
  /** @default - no such condition */
  readonly lessThan?: string | number;
  /** @default - no such condition */
  readonly lessThanOrEqual?: string | number;
}

/**
 * A suppression rule: a GuardDuty filter with action ARCHIVE in the administrator detector of each region. Findings it
 * matches are archived as they are generated, and GuardDuty neither publishes them to EventBridge (so no channel is
 * notified) nor exports them to S3 or Security Hub.
 */
export interface SuppressionRule {
  /** Filter name, 3-64 letters, digits, `_`, `.` or `-`; unique. */
  readonly name: string;
  /** @default - no description */
  readonly description?: string;
  /** Position among the detector's filters, 1 to 100; unique. */
  readonly rank: number;
  /**
   * Finding field (GuardDuty filter attribute, e.g. `type`, `severity`, `resource.instanceDetails.instanceId`) ->
   * condition. All must hold for a finding to be archived.
   */
  readonly criteria: Readonly<Record<string, SuppressionCriterion>>;
  /**
   * Regions whose detector gets the filter.
   * @default - every region of the estate
   */
  readonly regions?: readonly string[];
}

/**
 * The estate file's `notifications` section: everything of a notifications estate that is configuration. The home
 * region, partition, regions and account come from the rest of the estate.
 */
export interface NotificationSettings {
  /** The channels; each is optional, several can be used at once. */
  readonly channels: NotificationChannels;
  /** @default "guardduty-notifications" */
  readonly namePrefix?: string;
  /** @default false - sample findings never notify */
  readonly includeSampleFindings?: boolean;
  /** @default - see `ChatbotOptions` */
  readonly chatbot?: ChatbotOptions;
  /** @default - 24 hours and 185 retries */
  readonly retry?: RetryOptions;
  /** @default 14 */
  readonly deadLetterRetentionDays?: number;
  /** @default - no suppression rule */
  readonly suppressionRules?: readonly SuppressionRule[];
  /**
   * Also tell every channel, once, when GuardDuty Malware Protection for S3 finds threats in an object of a protected
   * bucket (the `GuardDuty Malware Protection Object Scan Result` event with `THREATS_FOUND`). Channel filters
   * (severity, finding types, accounts) apply to findings only. Needs the estate's `s3MalwareProtection` section.
   * @default false - scan results notify nobody
   */
  readonly malwareScanResults?: boolean;
}

/** Settings plus the home region: what `notificationIssues` validates. */
export interface NotificationOptions extends NotificationSettings {
  /**
   * Region of the administrator account where the channel rules, topics and webhooks live; findings of every other
   * region are forwarded to it.
   */
  readonly homeRegion: string;
}
