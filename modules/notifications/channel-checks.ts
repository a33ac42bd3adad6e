/**
 * Checks of single channel values, shared by the construct and the config schema. Each returns why a value is not
 * allowed (naming the property, the value received and what is allowed) or `undefined`.
 *
 * Pure functions, no cdktf import. Secret-looking values are never echoed whole: messages show a redacted form.
 */
import { CHANNEL_NAME_PATTERN } from "./names";
import { TargetKind } from "./channels";

const q = (v: unknown) => JSON.stringify(v) ?? String(v);

/** `ab12…` : the first four characters of a value that may be a secret. */
export function redact(value: string): string {
  return value.length <= 4 ? "…" : `${value.slice(0, 4)}…`;
}

/** A channel name: 1-24 lowercase letters, digits or dashes (it becomes part of AWS names and target IDs). */
export function channelNameIssue(value: string, property = "name"): string | undefined {
  return CHANNEL_NAME_PATTERN.test(value)
    ? undefined
    : `${property} must be 1-24 lowercase letters, digits or dashes, not starting or ending with a dash; got ${q(value)}`;
}

/** An email address SNS can subscribe. */
export function emailIssue(value: string, property = "address"): string | undefined {
  return /^[^\s@"<>,;()]+@[^\s@"<>,;()]+\.[A-Za-z]{2,}$/.test(value)
    ? undefined
    : `${property} must be an email address such as security@example.com; got ${q(value)}`;
}

/** A 12-digit AWS account ID. */
export function accountIdIssue(value: string, property = "accountId"): string | undefined {
  return /^\d{12}$/.test(value) ? undefined : `${property} must be a 12-digit AWS account ID; got ${q(value)}`;
}

/** The start of a GuardDuty finding type (`ThreatPurpose:ResourceType/ThreatFamily.Mechanism!Artifact`). */
export function findingTypePrefixIssue(value: string, property = "findingTypePrefix"): string | undefined {
  return /^[A-Za-z][A-Za-z0-9:/._!-]{0,127}$/.test(value)
    ? undefined
    : `${property} must be the start of a GuardDuty finding type such as "UnauthorizedAccess:" or "CryptoCurrency:EC2/"; got ${q(value)}`;
}

/** A Slack workspace (team) ID, `T...` or, on Enterprise Grid, `E...`. */
export function slackWorkspaceIdIssue(value: string, property = "workspaceId"): string | undefined {
  return /^[TE][A-Z0-9]{8,20}$/.test(value)
    ? undefined
    : `${property} must be a Slack workspace ID such as T0123ABCDE (shown in the Chatbot console); got ${q(value)}`;
}

/** A Slack channel ID, `C...` (public) or `G...` (private). */
export function slackChannelIdIssue(value: string, property = "channelId"): string | undefined {
  return /^[CG][A-Z0-9]{8,20}$/.test(value)
    ? undefined
    : `${property} must be a Slack channel ID such as C0123ABCDE (channel details in Slack); got ${q(value)}`;
}

/** A UUID (Microsoft Entra tenant ID, Teams team ID). */
export function uuidIssue(value: string, property: string): string | undefined {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value)
    ? undefined
    : `${property} must be a UUID such as 00000000-1111-2222-3333-444444444444; got ${q(value)}`;
}

/** A Teams channel ID in the URL-encoded form Chatbot expects: `19:abc@thread.tacv2` -> `19%3aabc%40thread.tacv2`. */
export function encodeTeamsChannelId(value: string): string {
  return value.replace(/:/g, "%3a").replace(/@/g, "%40");
}

/** A Teams channel ID, URL-encoded or not (`19%3a...%40thread.tacv2` or `19:...@thread.tacv2`). */
export function teamsChannelIdIssue(value: string, property = "channelId"): string | undefined {
  return /^[A-Za-z0-9\-_=+/.,]*%3[aA][A-Za-z0-9\-_=+/.,]*%40[A-Za-z0-9\-_=+/.,]*$/.test(encodeTeamsChannelId(value))
    ? undefined
    : `${property} must be a Teams channel ID such as 19%3a0123abcd%40thread.tacv2 (from the channel link); got ${q(value)}`;
}

/**
 * True for a value that looks like a secret rather than a reference to one: a known token shape (Slack, GitHub,
 * GitLab, Stripe/OpenAI-style keys, AWS access keys, JWTs), whitespace (`Bearer abc`) or a long run of mixed
 * letters and digits (24 or more without a separator, as tokens and hex/base64 keys are; secret names and paths are
 * words separated by `/`, `-`, `_` or `.`).
 */
export function looksLikeSecret(value: string): boolean {
  const tokenPrefixes = [
    /^(xox[abposr]|xapp)-[A-Za-z0-9-]{10,}/, // Slack
    /^(ghp|gho|ghs|ghu|github_pat)_[A-Za-z0-9_]{16,}/, // GitHub
    /^glpat-[A-Za-z0-9_-]{16,}/, // GitLab
    /^(sk|rk|pk)[-_](live_|test_|proj-)?[A-Za-z0-9_-]{16,}/, // Stripe / OpenAI style API keys
    /^(AKIA|ASIA)[A-Z0-9]{16}$/, // AWS access key IDs
    /^eyJ[A-Za-z0-9_-]{10,}\./, // JWT
  ];
  if (tokenPrefixes.some((p) => p.test(value))) return true;
  if (/\s/.test(value)) return true;
  return value.split(/[/_.:@=-]/).some((part) => part.length >= 24 && /[0-9]/.test(part) && /[A-Za-z]/.test(part));
}

/** Why a webhook endpoint is refused: not https, or a secret embedded in the URL. The message shows only the origin. */
export function webhookEndpointIssue(value: string, property = "endpoint"): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${property} must be an https:// URL; got ${q(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  }
  const shown = `${url.protocol}//${url.host}/…`;
  if (url.protocol !== "https:") return `${property} must be an https:// URL; got ${q(shown)}`;
  if (url.username || url.password) {
    return `${property} must not carry credentials in the URL (user:password@); put them in secretHeader; got ${q(shown)}`;
  }
  if (url.hostname === "hooks.slack.com") {
    return `${property} is a Slack incoming-webhook URL, whose path is its secret; use a slack channel (AWS Chatbot) instead; got ${q(shown)}`;
  }
  if (/(^|\.)webhook\.office\.com$/.test(url.hostname) || /(^|\.)logic\.azure\.com$/.test(url.hostname)) {
    return `${property} is a Microsoft Teams/Power Automate webhook URL, which embeds its secret; use a teams channel (AWS Chatbot) instead; got ${q(shown)}`;
  }
  const secretParam = [...url.searchParams.keys()].find((k) => /token|secret|key|sig|signature|password|auth|code/i.test(k));
  if (secretParam) {
    return `${property} must not carry a secret in its query string (parameter ${q(secretParam)}); put it in secretHeader; got ${q(shown)}`;
  }
  if (looksLikeSecret(url.pathname)) {
    return `${property} has a path that looks like a secret; put the secret in secretHeader; got ${q(shown)}`;
  }
  return undefined;
}

/** The secret-source properties of a `WebhookSecretHeader`, of which exactly one must be set. */
export const SECRET_SOURCES = ["secretsManagerSecretId", "ssmParameterName", "terraformVariable"] as const;

const SOURCE_PATTERNS: Record<(typeof SECRET_SOURCES)[number], [RegExp, string]> = {
  secretsManagerSecretId: [
    /^(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+|[A-Za-z0-9/_+=.@-]{1,512})$/,
    "a Secrets Manager secret name or ARN",
  ],
  ssmParameterName: [/^\/?[A-Za-z0-9_.\-/]{1,1011}$/, "an SSM parameter name such as /guardduty/webhook-token"],
  terraformVariable: [/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "a Terraform variable name such as webhook_token"],
};

/** Why one secret reference is refused; `undefined` when it is a well-formed reference. */
export function secretReferenceIssue(source: (typeof SECRET_SOURCES)[number], value: string, property: string): string | undefined {
  if (looksLikeSecret(value)) {
    return `${property} looks like a secret value, not a reference to one: store the value in Secrets Manager or SSM (or pass a sensitive Terraform variable) and give its name; got ${q(redact(value))}`;
  }
  const [pattern, what] = SOURCE_PATTERNS[source];
  return pattern.test(value) ? undefined : `${property} must be ${what}; got ${q(value)}`;
}

/** An HTTP header name. */
export function headerNameIssue(value: string, property = "headerName"): string | undefined {
  return /^[A-Za-z0-9-]{1,64}$/.test(value) ? undefined : `${property} must be an HTTP header name such as Authorization; got ${q(value)}`;
}

/** The non-secret text before a secret header value, e.g. `Bearer `: one short word, so no secret hides in it. */
export function valuePrefixIssue(value: string, property = "valuePrefix"): string | undefined {
  return /^[A-Za-z]{1,16} ?$/.test(value)
    ? undefined
    : `${property} must be a short word such as "Bearer " (the secret itself goes in a reference); got ${q(redact(value))}`;
}

/** The parts of an ARN. */
export interface ParsedArn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  readonly resource: string;
}

/** The parts of an ARN, or undefined when `value` is not one. */
export function parseArn(value: string): ParsedArn | undefined {
  const m = /^arn:(aws|aws-us-gov|aws-cn):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/.exec(value);
  return m ? { partition: m[1], service: m[2], region: m[3], accountId: m[4], resource: m[5] } : undefined;
}

/** A Lambda function ARN, optionally with a version or alias qualifier. */
export function lambdaArnIssue(value: string, property = "functionArn"): string | undefined {
  return /^arn:(aws|aws-us-gov|aws-cn):lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]{1,128})?$/.test(value)
    ? undefined
    : `${property} must be a Lambda function ARN such as arn:aws:lambda:eu-west-1:111122223333:function:respond; got ${q(value)}`;
}

/** The kind of target an ARN designates, or undefined when this module cannot wire it. */
export function targetKindOf(arn: ParsedArn): TargetKind | undefined {
  if (arn.service === "states" && arn.resource.startsWith("stateMachine:")) return "stepfunctions";
  if (arn.service === "kinesis" && arn.resource.startsWith("stream/")) return "kinesis";
  if (arn.service === "firehose" && arn.resource.startsWith("deliverystream/")) return "firehose";
  if (arn.service === "events" && arn.resource.startsWith("event-bus/")) return "eventbus";
  if (arn.service === "sqs" && !arn.resource.includes("/")) return "sqs";
  if (arn.service === "sns" && !arn.resource.includes("/")) return "sns";
  return undefined;
}

/** Every `TargetKind`, in the order messages list them. */
export const TARGET_KINDS: readonly TargetKind[] = ["stepfunctions", "kinesis", "firehose", "eventbus", "sqs", "sns"];

/** The ARN of a target this module can wire (see `targetKindOf`). */
export function targetArnIssue(value: string, property = "arn"): string | undefined {
  const arn = parseArn(value);
  return arn && targetKindOf(arn)
    ? undefined
    : `${property} must be the ARN of a Step Functions state machine, Kinesis stream, Firehose stream, event bus, SQS queue or SNS topic (use the lambda or webhooks channels for functions and URLs); got ${q(value)}`;
}
