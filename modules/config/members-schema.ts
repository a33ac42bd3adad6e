/**
 * The member accounts of the estate file: invited members, organization members and the management account as a
 * member, and the existing detectors adopted by import. Re-exported by estate-schema.ts.
 */
import { z } from "zod";
import { PROTECTION_PLANS, type ProtectionPlan } from "./plans-schema";
import { accountIdSchema, emailSchema, regionSchema, roleArnSchema, strictObject } from "./primitives";

/** An account outside the organization, invited by the administrator and accepting from its own side. */
export const invitedMemberSchema = strictObject(
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
export const organizationMemberSchema = strictObject(
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
export const detectorIdsSchema = z.record(
  regionSchema,
  z.string({ error: "expected a GuardDuty detector ID as a string" })
    .regex(/^[a-z0-9]{32}$/, { error: "expected a 32-character GuardDuty detector ID (a-z 0-9)" }),
  { error: "expected an object of region -> detector ID, e.g. { \"eu-west-1\": \"<32 characters>\" }" },
);

/** How the AWSServiceRoleForAmazonGuardDutyMalwareProtection service-linked role is handled in an account. */
export const MALWARE_PROTECTION_ROLES = ["create", "existing"] as const;
export type MalwareProtectionRole = (typeof MALWARE_PROTECTION_ROLES)[number];

/** The management account as a GuardDuty member of the delegated administrator. */
export const managementAccountSchema = strictObject({
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
