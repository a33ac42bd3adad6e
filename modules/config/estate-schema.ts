/**
 * The estate file: one typed, validated description of a GuardDuty estate.
 * `estateSchema` checks shape and values; `estateIssues` (cross-checks.ts) checks fields against each other.
 */
import { z } from "zod";
import { exportConfigSchema } from "./export-schema";
import { notificationsConfigSchema } from "./notifications-schema";
import {
  accountIdSchema, autoEnableSchema, emailSchema, regionSchema, roleArnSchema, roleNameSchema, strictObject,
  tagsSchema,
} from "./primitives";

/** How often the administrator publishes updated findings; imposed on every member. */
export const FINDING_PUBLISHING_FREQUENCIES = ["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"] as const;
export type FindingPublishingFrequency = (typeof FINDING_PUBLISHING_FREQUENCIES)[number];

/** GuardDuty protection plans, as detector features. */
export const PROTECTION_PLANS = [
  "S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS",
  "RUNTIME_MONITORING", "EKS_RUNTIME_MONITORING",
] as const;
export type ProtectionPlan = (typeof PROTECTION_PLANS)[number];

/** Runtime Monitoring's agent-management settings (detector feature additional configuration). */
export const AGENT_MANAGEMENT = ["EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT"] as const;
export type AgentManagement = (typeof AGENT_MANAGEMENT)[number];

/** The agent-management settings each plan takes (none for plans without an agent). */
export const AGENTS_OF_PLAN: Readonly<Record<ProtectionPlan, readonly AgentManagement[]>> = {
  S3_DATA_EVENTS: [], EKS_AUDIT_LOGS: [], EBS_MALWARE_PROTECTION: [], RDS_LOGIN_EVENTS: [], LAMBDA_NETWORK_LOGS: [],
  RUNTIME_MONITORING: AGENT_MANAGEMENT,
  EKS_RUNTIME_MONITORING: ["EKS_ADDON_MANAGEMENT"],
};

const frequencySchema = z.enum(FINDING_PUBLISHING_FREQUENCIES, {
  error: `expected one of ${FINDING_PUBLISHING_FREQUENCIES.join(", ")}`,
});

/** One account of the estate and how Terraform reaches it. */
const accountSchema = strictObject({
  /** The 12-digit account ID. */
  id: accountIdSchema,
  /** Role ARN to assume in this account. @default - arn:<partition>:iam::<id>:role/<roleName> */
  roleArn: roleArnSchema.optional(),
});

const agentManagementSchema = strictObject(
  Object.fromEntries(AGENT_MANAGEMENT.map((a) => [a, z.boolean({ error: "expected true or false" }).optional()])) as Record<
    AgentManagement,
    z.ZodOptional<z.ZodBoolean>
  >,
);

const planSchema = strictObject({
  /** Turn the plan on in the administrator account. @default true */
  enabled: z.boolean({ error: "expected true or false" }).optional(),
  /** Auto-enable for organization members. @default - the estate's autoEnableOrganizationMembers (NONE when disabled) */
  autoEnable: autoEnableSchema.optional(),
  /** Agent management (RUNTIME_MONITORING, EKS_RUNTIME_MONITORING only). @default - every setting on */
  agentManagement: agentManagementSchema.optional(),
  /**
   * Regions where the plan is left unmanaged, because GuardDuty does not offer it there (e.g. RDS Protection in
   * ap-east-2): no feature resource is written for them. @default [] - managed in every region
   */
  excludeRegions: z.array(regionSchema, { error: "expected a list of region codes" }).optional(),
});
export type ProtectionPlanConfig = z.infer<typeof planSchema>;

const protectionPlansSchema = strictObject(
  Object.fromEntries(PROTECTION_PLANS.map((p) => [p, planSchema.optional()])) as Record<
    ProtectionPlan,
    z.ZodOptional<typeof planSchema>
  >,
);

/** An account outside the organization, invited by the administrator and accepting from its own side. */
const invitedMemberSchema = strictObject(
  {
    accountId: accountIdSchema,
    /** The account's root user email, as GuardDuty's invitation requires. */
    email: emailSchema,
    /** Text of the invitation. @default - none */
    invitationMessage: z.string({ error: "expected a string" }).max(1000, { error: "expected at most 1000 characters" }).optional(),
    /** Skip GuardDuty's invitation email. @default true - the member accepts through Terraform */
    disableEmailNotification: z.boolean({ error: "expected true or false" }).optional(),
    /** Role ARN to assume in the member account. @default - arn:<partition>:iam::<accountId>:role/<roleName> */
    roleArn: roleArnSchema.optional(),
  },
  {
    findingPublishingFrequency:
      "not allowed on a member: the administrator's findingPublishingFrequency is imposed on every member",
  },
);
export type InvitedMemberConfig = z.infer<typeof invitedMemberSchema>;

/**
 * An organization account enrolled as a GuardDuty member of the administrator, with optional per-account
 * protection plan overrides.
 */
const organizationMemberSchema = strictObject(
  {
    accountId: accountIdSchema.describe("The 12-digit ID of an account of the organization (not the management, security or an invited account)."),
    /** The account's root user email, for aws_guardduty_member. @default - read from AWS Organizations at plan time */
    email: emailSchema.optional().describe(
      "The account's root user email, for aws_guardduty_member. Default: read from AWS Organizations at plan time.",
    ),
    /**
     * Plan -> on (true) or off (false) for this account, in every region where the plan is managed. A `true` that
     * auto-enable ALL already gives every member is dropped with a warning. @default {} - the organization's auto-enable
     */
    protectionPlans: strictObject(
      Object.fromEntries(PROTECTION_PLANS.map((p) => [p, z.boolean({ error: "expected true or false" }).optional()])) as Record<
        ProtectionPlan,
        z.ZodOptional<z.ZodBoolean>
      >,
    ).optional().describe(
      "Plan -> true (on) or false (off) for this account, in every region where the plan is managed. " +
        "A true that auto-enable ALL already gives every member is dropped with a warning. Default {}: the organization's auto-enable.",
    ),
  },
  {
    findingPublishingFrequency:
      "not allowed on a member: the administrator's findingPublishingFrequency is imposed on every member",
  },
);
export type OrganizationMemberConfig = z.infer<typeof organizationMemberSchema>;

/** Detectors that already exist, by region: `{ "<region>": "<32-character detector ID>" }`. */
const detectorIdsSchema = z.record(
  regionSchema,
  z.string({ error: "expected a GuardDuty detector ID as a string" })
    .regex(/^[a-z0-9]{32}$/, { error: "expected a 32-character GuardDuty detector ID (a-z 0-9)" }),
  { error: "expected an object of region -> detector ID, e.g. { \"eu-west-1\": \"<32 characters>\" }" },
);

/** How the AWSServiceRoleForAmazonGuardDutyMalwareProtection service-linked role is handled in an account. */
export const MALWARE_PROTECTION_ROLES = ["create", "existing"] as const;
export type MalwareProtectionRole = (typeof MALWARE_PROTECTION_ROLES)[number];

/** The management account as a GuardDuty member of the delegated administrator. */
const managementAccountSchema = strictObject({
  /**
   * The management account gets a GuardDuty detector in every region and becomes a member of the administrator
   * (auto-enable never enrols it). @default true
   */
  monitor: z.boolean({ error: "expected true or false" }).optional().describe(
    "The management account gets a GuardDuty detector in every region and becomes a member of the administrator " +
      "(auto-enable never enrols it). Default true.",
  ),
  /** Its root user email, for aws_guardduty_member. @default - the organization's master_account_email, read from AWS Organizations */
  email: emailSchema.optional().describe(
    "The management account's root user email, for aws_guardduty_member. Default: the organization's master_account_email, " +
      "read from AWS Organizations. Only with monitor true.",
  ),
  /** The management account's detectors that already exist, by region: adopted with a Terraform import block. @default {} */
  existingDetectorIds: detectorIdsSchema.optional().describe(
    "The management account's GuardDuty detectors that already exist, by region (one of regions): adopted with a Terraform " +
      "import block. Default {}. Only with monitor true.",
  ),
  /**
   * `"create"`: the AWSServiceRoleForAmazonGuardDutyMalwareProtection service-linked role is created in the management
   * account; `"existing"`: it already exists and is adopted with a Terraform import block. @default "create"
   */
  malwareProtectionRole: z.enum(MALWARE_PROTECTION_ROLES, { error: "expected \"create\" or \"existing\"" }).optional().describe(
    "The AWSServiceRoleForAmazonGuardDutyMalwareProtection service-linked role in the management account: \"create\" it, " +
      "or adopt the \"existing\" one with a Terraform import block. Default \"create\".",
  ),
});
export type ManagementAccountInput = z.infer<typeof managementAccountSchema>;

const relativePath = z
  .string({ error: "expected a relative file path as a string" })
  .min(1, { error: "expected a relative file path" })
  .refine((p) => !p.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(p) && !p.startsWith("~"), {
    error: "expected a path relative to the project root (an absolute path would be written into cdktf.out)",
  });

const BUCKET_NAME = "expected an S3 bucket name: 3-63 of a-z 0-9 . - starting and ending with a letter or digit";

const backendSchema = z.discriminatedUnion(
  "type",
  [
    strictObject({
      type: z.literal("local"),
      /** State file path, relative to the project root. @default "terraform.<stackName>.tfstate" */
      path: relativePath.optional(),
    }),
    strictObject({
      type: z.literal("s3"),
      bucket: z
        .string({ error: BUCKET_NAME })
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: BUCKET_NAME }),
      key: z.string({ error: "expected the state object key as a string" }).min(1, { error: "expected a non-empty state object key" }),
      region: regionSchema,
      /** S3-native state locking (Terraform >= 1.10). @default true */
      useLockfile: z.boolean({ error: "expected true or false" }).optional(),
      /** Role to assume for the state bucket. @default - the caller's credentials */
      roleArn: roleArnSchema.optional(),
      /** KMS key for the state object. @default - the bucket's default encryption */
      kmsKeyId: z.string({ error: "expected a KMS key ID or ARN as a string" }).min(1, { error: "expected a KMS key ID or ARN" }).optional(),
    }),
  ],
  { error: "expected \"local\" or \"s3\"" },
);
export type BackendConfig = z.infer<typeof backendSchema>;

/** How the estate is cut into Terraform stacks (state files). */
export const STACK_SPLITS = ["none", "region"] as const;
export type StackSplit = (typeof STACK_SPLITS)[number];

const WHOLE_GROUPS = "expected a whole number of groups, at least 1";

/**
 * The estate's Terraform stacks: each has its own state and its own providers, and no stack reads another's
 * state, so a runner plans them in parallel (`cdktf deploy '*' --parallelism N`). Addresses inside a stack are
 * those of the unsplit estate: moving to a split is `terraform state mv` per address (modules/estate/README.md).
 */
const stacksSchema = strictObject({
  /**
   * `"none"`: one stack named after the estate. `"region"`: a stack `<name>-<region>` per region with that region's
   * organization core (administrator detector, designation, auto-enable, member overrides, invitations), and a
   * stack `<name>-home` with the findings export and notifications.
   * @default "none"
   */
  split: z.enum(STACK_SPLITS, { error: "expected \"none\" or \"region\"" }).optional(),
  /**
   * Invited members in this many groups, each group in its own stack (`<name>-invited-<g>`, or
   * `<name>-<region>-invited-<g>` with split "region"), so a stack holds the providers of its group only. An account's
   * group is its account ID modulo this number: adding or removing a member never moves another.
   * @default - invited members stay with the organization core
   */
  invitedMemberGroups: z
    .number({ error: WHOLE_GROUPS })
    .int({ error: WHOLE_GROUPS })
    .min(1, { error: WHOLE_GROUPS })
    .optional(),
});
export type StacksConfig = z.infer<typeof stacksSchema>;

/** The estate file, validated for shape and values. */
export const estateSchema = strictObject({
  /** JSON Schema reference for editors; ignored. */
  $schema: z.string({ error: "expected a path or URL of the JSON Schema as a string" }).optional(),
  /** Name of the estate: the stack name and the prefix of named AWS resources. @default "guardduty" */
  name: z
    .string({ error: "expected a name as a string" })
    .regex(/^[a-z][a-z0-9-]{0,30}$/, { error: "expected 1-31 of a-z 0-9 - starting with a letter" })
    .optional().describe("Name of the estate: the stack name and the prefix of named AWS resources. Default \"guardduty\"."),
  accounts: strictObject({
    /** The organization's management account: designates the delegated administrator. */
    management: accountSchema,
    /** The delegated GuardDuty administrator (security) account. */
    security: accountSchema,
    /** The log-archive account: holds the findings bucket by default. */
    logArchive: accountSchema,
  }),
  /** Role assumed in every account that has no roleArn. @default "OrganizationAccountAccessRole" */
  roleName: roleNameSchema.optional().describe("Role assumed in every account that has no roleArn. Default \"OrganizationAccountAccessRole\"."),
  /** Region of the providers, of the export bucket and of notifications. @default - the only region; required with several */
  homeRegion: regionSchema.optional().describe("Region of the providers, of the export bucket and of notifications. Required with several regions."),
  /** Regions where GuardDuty runs; opt-in regions must be enabled in every account first. */
  regions: z
    .array(regionSchema, { error: "expected a list of region codes" })
    .min(1, { error: "expected at least one region" }),
  /** @default "FIFTEEN_MINUTES" */
  findingPublishingFrequency: frequencySchema.optional().describe("How often updated findings are published; set on the administrator, imposed on members. Default FIFTEEN_MINUTES."),
  /** Which organization accounts GuardDuty enables: ALL, NEW or NONE. @default "ALL" */
  autoEnableOrganizationMembers: autoEnableSchema.optional().describe("Which organization accounts GuardDuty enables: ALL, NEW or NONE. Default ALL."),
  /**
   * Protection plans, merged over the defaults.
   * @default - every plan but EKS_RUNTIME_MONITORING (superseded by RUNTIME_MONITORING) on, RUNTIME_MONITORING with all agent management
   */
  protectionPlans: protectionPlansSchema.optional().describe("Protection plans, merged over the defaults (every plan on; RUNTIME_MONITORING with all agent management)."),
  /** Administrator detectors that already exist, by region: adopted with a Terraform import block. @default {} */
  existingDetectorIds: detectorIdsSchema.optional(),
  /**
   * The management account as a member of the administrator. @default { "monitor": true, "existingDetectorIds": {},
   * "malwareProtectionRole": "create" } - monitored, email read from AWS Organizations
   */
  managementAccount: managementAccountSchema.optional().describe(
    "The management account as a GuardDuty member of the administrator: monitor, email, existingDetectorIds, " +
      "malwareProtectionRole. Default: monitored, email from AWS Organizations, service-linked role created.",
  ),
  /**
   * Organization accounts enrolled as members of the administrator, each with optional protection plan overrides
   * (plan -> true/false, in every region). Listing an account enrols it even without overrides. @default []
   */
  organizationMembers: z
    .array(organizationMemberSchema, { error: "expected a list of organization members" })
    .optional().describe(
      "Organization accounts enrolled as members of the administrator (accountId, optional email), each with optional " +
        "protection plan overrides (plan -> true/false). Listing an account enrols it even without overrides. Default [].",
    ),
  /** Accounts outside the organization. @default [] */
  invitedMembers: z.array(invitedMemberSchema, { error: "expected a list of invited members" }).optional(),
  /** Terraform backend. @default { "type": "local" } */
  backend: backendSchema.optional().describe("Terraform backend: local (relative path) or s3. Default local terraform.<name>.tfstate."),
  /** Tags on every taggable resource (provider default_tags). @default {} */
  tags: tagsSchema.optional().describe("Tags on every taggable resource (provider default_tags)."),
  /** Findings export to one S3 bucket and KMS key (see modules/export/README.md). @default - no export */
  export: exportConfigSchema.optional().describe("Findings export of every region to one S3 bucket and KMS key, with an optional SIEM reader and SQS queue."),
  /** Finding notifications (see modules/notifications/README.md). @default - no notifications */
  notifications: notificationsConfigSchema.optional().describe("Finding notifications: email, Slack, Teams, Lambda, webhooks and other targets, with suppression rules."),
  /** Terraform stacks of the estate. @default { "split": "none" } - one stack, invited members with the core */
  stacks: stacksSchema.optional().describe("Split the estate into several Terraform stacks (per region, groups of invited members). Default one stack."),
});

/** The estate file as written (optional fields may be absent). */
export type EstateInput = z.infer<typeof estateSchema>;
