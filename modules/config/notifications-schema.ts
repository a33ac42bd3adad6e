/**
 * The `notifications` section of the estate file: which channels hear about GuardDuty findings, from which severity,
 * and which findings are suppressed. `notificationsConfigSchema` checks each value on its own (unknown keys are
 * errors; every message names the value received and what is allowed); `notificationsConfigIssues` checks what
 * depends on other values or on the rest of the estate (home region, partition, account).
 *
 * Pure (zod and plain functions), no cdktf import. The value checks are those of modules/notifications, so the
 * construct and the config file refuse the same things with the same words.
 */
import { z } from "zod";
import { isKnownRegion } from "../topology/regions";
import {
  accountIdIssue, channelNameIssue, emailIssue, findingTypePrefixIssue, headerNameIssue, lambdaArnIssue, redact,
  SECRET_SOURCES, secretReferenceIssue, slackChannelIdIssue, slackWorkspaceIdIssue, TARGET_KINDS, targetArnIssue,
  teamsChannelIdIssue, uuidIssue, valuePrefixIssue, webhookEndpointIssue,
} from "../notifications/channel-checks";
import { CHATBOT_REGIONS } from "../notifications/chatbot-regions";
import { CHIME_REFUSAL, Issue } from "../notifications/channels";
import { NAME_PREFIX_PATTERN } from "../notifications/names";
import { notificationIssues } from "../notifications/notification-validation";
import { NotificationSettings } from "../notifications/options";
import { SEVERITY_NAMES, severityIssue } from "../notifications/severity";

const show = (value: unknown): string => (value === undefined ? "nothing" : JSON.stringify(value));

/** A strict object: unknown keys are refused with the allowed ones; `refused` keys get their own reason. */
function strict<T extends z.core.$ZodLooseShape>(name: string, shape: T, refused: Record<string, string> = {}) {
  const allowed = Object.keys(shape).join(", ");
  const never = Object.fromEntries(Object.entries(refused).map(([k, reason]) => [k, z.never({ error: reason }).optional()]));
  return z.strictObject({ ...shape, ...never } as T, {
    error: (iss) => {
      if (iss.code === "unrecognized_keys") return `${name} has unknown key(s) ${iss.keys.join(", ")}; allowed: ${allowed}`;
      if (iss.code === "invalid_type") return `${name} must be an object with keys ${allowed}; got ${show(iss.input)}`;
      return undefined;
    },
  });
}

/** A string checked by one of the shared `...Issue` rules. */
function checked(name: string, what: string, rule: (value: string, property: string) => string | undefined) {
  return z.string({ error: (iss) => `${name} must be ${what}; got ${show(iss.input)}` }).superRefine((value, ctx) => {
    const message = rule(value, name);
    if (message) ctx.addIssue({ code: "custom", message });
  });
}

function integer(name: string, min: number, max: number) {
  const message = (iss: { input?: unknown }) => `${name} must be an integer from ${min} to ${max}; got ${show(iss.input)}`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

function boolean(name: string) {
  return z.boolean({ error: (iss) => `${name} must be true or false; got ${show(iss.input)}` });
}

function list<T extends z.ZodType>(name: string, item: T) {
  return z.array(item, { error: (iss) => `${name} must be a list; got ${show(iss.input)}` });
}

/** LOW, MEDIUM, HIGH, CRITICAL or a number from 1 to 10 with at most one decimal. */
const severitySchema = z
  .union([z.enum(SEVERITY_NAMES as [string, ...string[]]).transform((v) => v as (typeof SEVERITY_NAMES)[number]), z.number()], {
    error: (iss) => severityIssue(iss.input) ?? `minSeverity must be ${SEVERITY_NAMES.join(", ")} or a number; got ${show(iss.input)}`,
  })
  .superRefine((value, ctx) => {
    const message = severityIssue(value);
    if (message) ctx.addIssue({ code: "custom", message });
  });

/** Fields every channel has: its threshold and optional filters. */
const filterShape = {
  minSeverity: severitySchema.optional(),
  findingTypePrefixes: list("findingTypePrefixes", checked("findingTypePrefixes[]", "a finding-type prefix", findingTypePrefixIssue)).optional(),
  accountIds: list("accountIds", checked("accountIds[]", "a 12-digit account ID", accountIdIssue)).optional(),
};
const nameSchema = checked("name", "a channel name", channelNameIssue);

const emailSchema = strict("email", {
  addresses: list("email.addresses", checked("email.addresses[]", "an email address", emailIssue))
    .min(1, { error: "email.addresses must list at least one address; got none" }),
  ...filterShape,
});

const slackSchema = strict("slack[]", {
  name: nameSchema,
  workspaceId: checked("workspaceId", "a Slack workspace ID", slackWorkspaceIdIssue),
  workspaceName: z
    .string({ error: (iss) => `workspaceName must be the Slack workspace's name as AWS Chatbot shows it; got ${JSON.stringify(iss.input) ?? String(iss.input)}` })
    .min(1, { error: () => "workspaceName must not be empty; got \"\"" })
    .max(255, { error: (iss) => `workspaceName must be at most 255 characters; got ${String(iss.input).length}` })
    .optional()
    .describe("The Slack workspace's name as AWS Chatbot shows it: with it, terraform plan checks that the workspace is authorized in AWS Chatbot (aws_chatbot_slack_workspace) and stops with the console instruction if not. Default: not checked at plan time."),
  channelId: checked("channelId", "a Slack channel ID", slackChannelIdIssue),
  ...filterShape,
});

const teamsSchema = strict("teams[]", {
  name: nameSchema,
  tenantId: checked("tenantId", "a UUID", uuidIssue),
  teamId: checked("teamId", "a UUID", uuidIssue),
  channelId: checked("channelId", "a Teams channel ID", teamsChannelIdIssue),
  ...filterShape,
});

const lambdaSchema = strict("lambda[]", {
  name: nameSchema,
  functionArn: checked("functionArn", "a Lambda function ARN", lambdaArnIssue),
  ...filterShape,
});

const LITERAL_SECRET = `is refused: a secret is never written in the estate file; give one of ${SECRET_SOURCES.join(", ")} instead`;
const secretHeaderSchema = strict(
  "secretHeader",
  {
    headerName: checked("headerName", "an HTTP header name", headerNameIssue),
    secretsManagerSecretId: checked("secretsManagerSecretId", "a Secrets Manager secret name or ARN", (v, p) => secretReferenceIssue("secretsManagerSecretId", v, p)).optional(),
    secretsManagerJsonKey: z.string({ error: (iss) => `secretsManagerJsonKey must be a string; got ${show(iss.input)}` }).min(1).optional(),
    ssmParameterName: checked("ssmParameterName", "an SSM parameter name", (v, p) => secretReferenceIssue("ssmParameterName", v, p)).optional(),
    terraformVariable: checked("terraformVariable", "a Terraform variable name", (v, p) => secretReferenceIssue("terraformVariable", v, p)).optional(),
    valuePrefix: z.string({ error: (iss) => `valuePrefix must be a string; got ${show(iss.input)}` })
      .superRefine((v, ctx) => {
        const message = valuePrefixIssue(v);
        if (message) ctx.addIssue({ code: "custom", message });
      })
      .optional(),
  },
  { value: `secretHeader.value ${LITERAL_SECRET}`, secret: `secretHeader.secret ${LITERAL_SECRET}`, token: `secretHeader.token ${LITERAL_SECRET}` },
).superRefine((h, ctx) => {
  const given = SECRET_SOURCES.filter((s) => h[s] !== undefined);
  if (given.length !== 1) {
    ctx.addIssue({ code: "custom", message: `secretHeader must set exactly one of ${SECRET_SOURCES.join(", ")}; got ${given.length === 0 ? "none" : given.join(" and ")}` });
  }
  if (h.secretsManagerJsonKey !== undefined && h.secretsManagerSecretId === undefined) {
    ctx.addIssue({ code: "custom", path: ["secretsManagerJsonKey"], message: `secretsManagerJsonKey needs secretsManagerSecretId; got ${show(redact(h.secretsManagerJsonKey))} alone` });
  }
});

const webhookSchema = strict("webhooks[]", {
  name: nameSchema,
  endpoint: checked("endpoint", "an https:// URL", webhookEndpointIssue),
  secretHeader: secretHeaderSchema,
  httpMethod: z.enum(["POST", "PUT", "PATCH"], { error: (iss) => `httpMethod must be POST, PUT or PATCH; got ${show(iss.input)}` }).optional(),
  invocationRateLimitPerSecond: integer("invocationRateLimitPerSecond", 1, 300).optional(),
  includeFullEvent: boolean("includeFullEvent").optional(),
  ...filterShape,
});

const targetSchema = strict("targets[]", {
  name: nameSchema,
  arn: checked("arn", "a target ARN", targetArnIssue),
  kind: z.enum(TARGET_KINDS as [string, ...string[]], { error: (iss) => `kind must be one of ${TARGET_KINDS.join(", ")}; got ${show(iss.input)}` })
    .transform((v) => v as (typeof TARGET_KINDS)[number])
    .optional(),
  ...filterShape,
});

const channelsSchema = strict(
  "channels",
  {
    email: emailSchema.optional(),
    slack: list("slack", slackSchema).optional(),
    teams: list("teams", teamsSchema).optional(),
    lambda: list("lambda", lambdaSchema).optional(),
    webhooks: list("webhooks", webhookSchema).optional(),
    targets: list("targets", targetSchema).optional(),
  },
  { chime: CHIME_REFUSAL },
);

const chatbotSchema = strict("chatbot", {
  region: z.enum(CHATBOT_REGIONS, { error: (iss) => `chatbot.region must be a region that serves the Chatbot API (${CHATBOT_REGIONS.join(", ")}); got ${show(iss.input)}` }).optional(),
  loggingLevel: z.enum(["ERROR", "INFO", "NONE"], { error: (iss) => `chatbot.loggingLevel must be ERROR, INFO or NONE; got ${show(iss.input)}` }).optional(),
  guardrailPolicyArns: list("chatbot.guardrailPolicyArns", z.string().regex(/^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/.+$/, {
    error: (iss) => `chatbot.guardrailPolicyArns[] must be an IAM policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess; got ${show(iss.input)}`,
  })).optional(),
  userAuthorizationRequired: boolean("chatbot.userAuthorizationRequired").optional(),
});

const retrySchema = strict("retry", {
  maximumEventAgeSeconds: integer("retry.maximumEventAgeSeconds", 60, 86400).optional(),
  maximumRetryAttempts: integer("retry.maximumRetryAttempts", 0, 185).optional(),
});

const bound = (name: string) =>
  z.union([z.string(), z.number()], { error: (iss) => `${name} must be a number or a date (RFC 3339) as a string; got ${show(iss.input)}` });
const criterionSchema = strict("criterion", {
  equals: list("equals", z.string()).min(1, { error: "equals must list at least one value; got none" }).optional(),
  notEquals: list("notEquals", z.string()).min(1, { error: "notEquals must list at least one value; got none" }).optional(),
  greaterThan: bound("greaterThan").optional(),
  greaterThanOrEqual: bound("greaterThanOrEqual").optional(),
  lessThan: bound("lessThan").optional(),
  lessThanOrEqual: bound("lessThanOrEqual").optional(),
}).refine((c) => Object.values(c).some((v) => v !== undefined), {
  error: "a criterion must set at least one of equals, notEquals, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual; got none",
});

/** A suppression rule: a GuardDuty filter with action ARCHIVE in the administrator detector of each region. */
export const suppressionRuleSchema = strict("suppressionRules[]", {
  name: z.string().regex(/^[A-Za-z0-9_.-]{3,64}$/, { error: (iss) => `name must be 3-64 letters, digits, _, . or -; got ${show(iss.input)}` }),
  description: z.string().max(512, { error: (iss) => `description must be at most 512 characters; got ${show(iss.input)}` }).optional(),
  rank: integer("rank", 1, 100),
  criteria: z.record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9.]*$/, { error: (iss) => `criteria field names must be GuardDuty filter attributes such as type or resource.instanceDetails.instanceId; got ${show(iss.input)}` }),
    criterionSchema,
    { error: (iss) => `criteria must be an object of finding field -> condition; got ${show(iss.input)}` },
  ).refine((c) => Object.keys(c).length > 0, { error: "criteria must have at least one field; got none (an empty filter would archive every finding)" }),
  regions: list("regions", z.string().refine(isKnownRegion, { error: (iss) => `regions[] must be known AWS region codes; got ${show(iss.input)}` })).optional(),
});

/** The estate file's `notifications` section. */
export const notificationsConfigSchema = strict("notifications", {
  channels: channelsSchema,
  namePrefix: z.string().regex(NAME_PREFIX_PATTERN, { error: (iss) => `namePrefix must be 1-32 letters, digits or dashes, starting with a letter; got ${show(iss.input)}` }).optional(),
  includeSampleFindings: boolean("includeSampleFindings").optional(),
  chatbot: chatbotSchema.optional(),
  retry: retrySchema.optional(),
  deadLetterRetentionDays: integer("deadLetterRetentionDays", 1, 14).optional(),
  suppressionRules: list("suppressionRules", suppressionRuleSchema).optional(),
  malwareScanResults: boolean("malwareScanResults").optional()
    .describe("Also tell every channel, once, when GuardDuty Malware Protection for S3 finds threats in an object of a bucket of the s3MalwareProtection section (scan results with THREATS_FOUND are forwarded from each bucket's account and region to the home region). Channel filters apply to findings only. Needs the s3MalwareProtection section. Default: false."),
});

/** The `notifications` section as written (optional fields may be absent). */
export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;
/** One suppression rule as written. */
export type SuppressionRuleConfig = z.infer<typeof suppressionRuleSchema>;

/** What `notificationsConfigIssues` checks a section against. */
export interface NotificationsEstate {
  readonly regions: readonly string[];
  readonly partition: string;
  /** Region of notifications. @default - the first of `regions`, as the estate's homeRegion */
  readonly homeRegion?: string;
  /** The delegated administrator account, to check that Lambda functions and targets are in it. @default - unchecked */
  readonly accountId?: string;
}

/**
 * Checks of the section against itself and the estate: the home region is one of the regions, Lambda functions and
 * targets are in the home region (and the administrator account), chat channels are in a partition Chatbot serves,
 * names and ranks are unique, suppression rules name regions of the estate, at least one channel or rule exists.
 * Returns nothing for a section that does not parse: `notificationsConfigSchema` reports those problems.
 */
export function notificationsConfigIssues(cfg: unknown, estate: NotificationsEstate): Issue[] {
  const parsed = notificationsConfigSchema.safeParse(cfg);
  if (!parsed.success) return [];
  const settings: NotificationSettings = parsed.data;
  const homeRegion = estate.homeRegion ?? estate.regions[0] ?? "";
  return notificationIssues(
    { ...settings, homeRegion },
    { partition: estate.partition, regions: estate.regions, accountId: estate.accountId },
  );
}
