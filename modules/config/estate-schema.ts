/**
 * The estate file: one typed, validated description of a GuardDuty estate.
 * `estateSchema` checks shape and values; `estateIssues` (cross-checks.ts) checks fields against each other.
 */
import { z } from "zod";
import { decommissionSchema } from "./decommission-schema";
import { exportConfigSchema } from "./export-schema";
import { malwareProtectionConfigSchema } from "./malware-protection-schema";
import { ipListsSchema } from "./ip-lists-schema";
import { notificationsConfigSchema } from "./notifications-schema";
import { detectorIdsSchema, invitedMemberSchema, managementAccountSchema, organizationMemberSchema } from "./members-schema";
import { protectionPlansSchema } from "./plans-schema";
import { deployRolesSchema } from "./roles-schema";
import {
  accountIdSchema, autoEnableSchema, regionSchema, roleArnSchema, roleNameSchema, strictObject, tagsSchema,
} from "./primitives";

export {
  AGENT_MANAGEMENT, AGENTS_OF_PLAN, PROTECTION_PLANS, type AgentManagement, type ProtectionPlan, type ProtectionPlanConfig,
} from "./plans-schema";
export {
  MALWARE_PROTECTION_ROLES, type InvitedMemberConfig, type ManagementAccountInput, type MalwareProtectionRole,
  type OrganizationMemberConfig,
} from "./members-schema";

/** How often the administrator publishes updated findings; imposed on every member. */
export const FINDING_PUBLISHING_FREQUENCIES = ["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"] as const;
export type FindingPublishingFrequency = (typeof FINDING_PUBLISHING_FREQUENCIES)[number];

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
  /** Malware Protection for S3 on chosen buckets (README "Malware Protection for S3"). @default - no bucket is protected */
  s3MalwareProtection: malwareProtectionConfigSchema.optional(),
  /** GuardDuty trusted IP lists and threat lists, in every region (see README "Trusted IP lists and threat lists"). @default [] */
  ipLists: ipListsSchema.optional(),
  deployRoles: deployRolesSchema.optional().describe("Who may assume the deploy roles written by `guardduty-cdktf roles`."),
  /** Turning GuardDuty management off (README "Decommissioning"). @default - the estate runs */
  decommission: decommissionSchema.optional(),
  /** Terraform stacks of the estate. @default { "split": "none" } - one stack, invited members with the core */
  stacks: stacksSchema.optional().describe("Split the estate into several Terraform stacks (per region, groups of invited members). Default one stack."),
});

/** The estate file as written (optional fields may be absent). */
export type EstateInput = z.infer<typeof estateSchema>;
