/**
 * What a notification channel is: plain types shared by the construct props and the estate file's `notifications`
 * section (modules/config/notifications-schema.ts infers the same shapes).
 *
 * No cdktf import.
 */
import { SeverityThreshold } from "./severity";

/** Which findings a channel hears about. */
export interface ChannelFilter {
  /**
   * Lowest severity (inclusive) that notifies this channel: LOW (1), MEDIUM (4), HIGH (7), CRITICAL (9) or a number.
   * @default "MEDIUM" - 4.0 and above
   */
  readonly minSeverity?: SeverityThreshold;
  /**
   * Only findings whose type starts with one of these, e.g. `UnauthorizedAccess:` or `CryptoCurrency:EC2/`.
   * @default - every finding type
   */
  readonly findingTypePrefixes?: readonly string[];
  /**
   * Only findings about these accounts.
   * @default - every account of the organization
   */
  readonly accountIds?: readonly string[];
}

/** Email through an encrypted SNS topic, with the readable text of `emailInputTransformer`. */
export interface EmailChannel extends ChannelFilter {
  /** Recipients. Each receives a confirmation email from SNS and gets nothing until they confirm. */
  readonly addresses: readonly string[];
}

/** A Slack channel through AWS Chatbot (Amazon Q Developer in chat applications). */
export interface SlackChannel extends ChannelFilter {
  /** Name of this channel in the configuration (lowercase, digits, dashes; 1-24). */
  readonly name: string;
  /** Slack workspace (team) ID, `T...`, shown in the Chatbot console after the workspace is authorized. */
  readonly workspaceId: string;
  /**
   * The workspace's name as the Chatbot console shows it: the plan then checks that the workspace is authorized
   * (`aws_chatbot_slack_workspace`) and stops, before any change, if it is not.
   * @default - not checked at plan time: the review lists the manual authorization
   */
  readonly workspaceName?: string;
  /** Slack channel ID, `C...` (public) or `G...` (private), from the channel's details. */
  readonly channelId: string;
}

/** A Microsoft Teams channel through AWS Chatbot. */
export interface TeamsChannel extends ChannelFilter {
  /** Name of this channel in the configuration (lowercase, digits, dashes; 1-24). */
  readonly name: string;
  /** Microsoft Entra tenant ID (a UUID). */
  readonly tenantId: string;
  /** Team ID (a UUID), from the channel link (`groupId=`). */
  readonly teamId: string;
  /** Channel ID from the channel link, `19%3a...%40thread.tacv2` (the decoded `19:...@thread.tacv2` is accepted). */
  readonly channelId: string;
}

/** An AWS Lambda function of the administrator account, in the home region. */
export interface LambdaChannel extends ChannelFilter {
  /** Name of this channel in the configuration (lowercase, digits, dashes; 1-24). */
  readonly name: string;
  /** The function's ARN (a version or alias qualifier is allowed). Receives the unmodified event. */
  readonly functionArn: string;
}

/**
 * Where the secret header value of a webhook comes from: exactly one reference, never the value itself. The value
 * reaches the Terraform state (keep the state encrypted and access-controlled) but never the repository.
 */
export interface WebhookSecretHeader {
  /** The header that carries the secret, e.g. `Authorization` or `X-Api-Key`. */
  readonly headerName: string;
  /** A Secrets Manager secret (name or ARN) in the home region, read at plan time. @default - another source */
  readonly secretsManagerSecretId?: string;
  /**
   * Key to read when the secret string is a JSON object.
   * @default - the whole secret string
   */
  readonly secretsManagerJsonKey?: string;
  /** An SSM parameter (SecureString) name in the home region, read with decryption at plan time. @default - another source */
  readonly ssmParameterName?: string;
  /**
   * A sensitive Terraform variable, declared by this module, to be set with `TF_VAR_<name>` at plan time.
   * @default - another source
   */
  readonly terraformVariable?: string;
  /**
   * Non-secret text put before the secret, e.g. `Bearer `.
   * @default "" - the secret alone
   */
  readonly valuePrefix?: string;
}

/** Any HTTPS endpoint, called through an EventBridge API destination with a JSON body. */
export interface WebhookChannel extends ChannelFilter {
  /** Name of this channel in the configuration (lowercase, digits, dashes; 1-24). */
  readonly name: string;
  /** The `https://` URL. It must not embed a secret (user info, token query parameters, Slack/Teams webhook URLs). */
  readonly endpoint: string;
  /** The secret header EventBridge sends (API key authorization of the connection). */
  readonly secretHeader: WebhookSecretHeader;
  /** @default "POST" */
  readonly httpMethod?: "POST" | "PUT" | "PATCH";
  /**
   * Most invocations per second EventBridge makes; more are queued and retried under the retry policy.
   * @default 10
   */
  readonly invocationRateLimitPerSecond?: number;
  /**
   * Add the whole event (complete finding) under `event` in the body.
   * @default false
   */
  readonly includeFullEvent?: boolean;
}

/** The target kinds GuardDuty's documentation lists that this module can wire, by ARN service. */
export type TargetKind = "stepfunctions" | "kinesis" | "firehose" | "eventbus" | "sqs" | "sns";

/** Any other EventBridge target, receiving the unmodified event. */
export interface TargetChannel extends ChannelFilter {
  /** Name of this channel in the configuration (lowercase, digits, dashes; 1-24). */
  readonly name: string;
  /**
   * The target's ARN: a Step Functions state machine, Kinesis stream, Firehose stream, SQS queue or SNS topic of the
   * administrator account in the home region, or an event bus of any account or region.
   */
  readonly arn: string;
  /**
   * The kind of target.
   * @default - read from the ARN (required when the ARN is a token)
   */
  readonly kind?: TargetKind;
}

/** The channels of a notifications estate. Each is optional; several can be used at once, each with its threshold. */
export interface NotificationChannels {
  /** @default - no email */
  readonly email?: EmailChannel;
  /** @default - no Slack channel */
  readonly slack?: readonly SlackChannel[];
  /** @default - no Teams channel */
  readonly teams?: readonly TeamsChannel[];
  /** @default - no Lambda function */
  readonly lambda?: readonly LambdaChannel[];
  /** @default - no webhook */
  readonly webhooks?: readonly WebhookChannel[];
  /** @default - no other target */
  readonly targets?: readonly TargetChannel[];
}

/** Why Chime is refused, said the same way by the construct and the config schema. */
export const CHIME_REFUSAL =
  "chime is not supported: Amazon Chime ended service on 2026-02-20; use a teams channel (AWS Chatbot) or a webhook instead";

/** A problem found in a configuration: where (`["channels", "lambda", 0, "functionArn"]`) and what. */
export interface Issue {
  readonly path: (string | number)[];
  readonly message: string;
}
