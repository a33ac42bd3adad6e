/**
 * The reference estates of the benchmark, as raw estate-file JSON: "org-1000" is 1,000 organization members with
 * per-account plan overrides, 50 invited members, the 17 default-enabled commercial regions, the findings export
 * with a SIEM reader and an SQS queue, and every notification channel. Pure: no cdktf import, no file access.
 */
import { DEFAULT_ENABLED_COMMERCIAL_REGIONS } from "../../modules/topology/regions";

/** The size of a reference estate. */
export interface ReferenceEstateOptions {
  /** Organization members listed with plan overrides. */
  readonly organizationMembers: number;
  /** Accounts outside the organization. */
  readonly invitedMembers: number;
  /** The estate file's `stacks` section. @default - none (one stack) */
  readonly stacks?: Readonly<Record<string, unknown>>;
}

/** org-1000, as the README describes it. */
export const ORG_1000: ReferenceEstateOptions = { organizationMembers: 1000, invitedMembers: 50 };

export const MANAGEMENT = "111111111111";
export const SECURITY = "222222222222";
export const LOG_ARCHIVE = "333333333333";
export const HOME_REGION = "eu-west-1";

/** The i-th (1-based) organization member: 400000000000 + i. */
export function organizationMemberId(i: number): string {
  return String(400000000000 + i);
}

/** The i-th (1-based) invited member: 500000000000 + i. */
export function invitedMemberId(i: number): string {
  return String(500000000000 + i);
}

/**
 * A member's overrides, varied the way a real estate is: every 10th account keeps EKS audit logs off, every 3rd
 * turns on Lambda network logs (which the organization auto-enables for NEW accounts only), the rest keep RDS login
 * events off. (A `true` override of a plan auto-enabled for ALL is dropped by the estate file as pointless.)
 */
function overrides(i: number): Record<string, boolean> {
  if (i % 10 === 0) return { EKS_AUDIT_LOGS: false };
  if (i % 3 === 0) return { LAMBDA_NETWORK_LOGS: true };
  return { RDS_LOGIN_EVENTS: false };
}

/** A reference estate file (raw JSON, as written by a user). */
export function referenceEstate(options: ReferenceEstateOptions): Record<string, unknown> {
  const regions = [...DEFAULT_ENABLED_COMMERCIAL_REGIONS];
  return {
    name: "org",
    accounts: {
      management: { id: MANAGEMENT, roleArn: `arn:aws:iam::${MANAGEMENT}:role/GuardDutyOrganizationDeployer` },
      security: { id: SECURITY },
      logArchive: { id: LOG_ARCHIVE },
    },
    homeRegion: HOME_REGION,
    regions,
    protectionPlans: { LAMBDA_NETWORK_LOGS: { enabled: true, autoEnable: "NEW" } },
    organizationMembers: Array.from({ length: options.organizationMembers }, (_, k) => ({
      accountId: organizationMemberId(k + 1),
      protectionPlans: overrides(k + 1),
    })),
    invitedMembers: Array.from({ length: options.invitedMembers }, (_, k) => ({
      accountId: invitedMemberId(k + 1),
      email: `aws-root+partner${k + 1}@example.com`,
      roleArn: `arn:aws:iam::${invitedMemberId(k + 1)}:role/GuardDutyMemberDeployer`,
    })),
    export: {
      bucketName: `org-guardduty-findings-${LOG_ARCHIVE}`,
      prefix: "guardduty",
      bucketAccount: "logArchive",
      keyAccount: "security",
      siemReader: { type: "google-federation", subjectId: "113456789012345678901" },
      sqsQueue: true,
    },
    notifications: {
      channels: {
        email: { addresses: ["security-alerts@example.com", "soc@example.com"], minSeverity: "MEDIUM" },
        slack: [{ name: "secops", workspaceId: "T0123ABCDE", channelId: "C0123ABCDE", minSeverity: "MEDIUM" }],
        teams: [{
          name: "soc",
          tenantId: "00000000-1111-2222-3333-444444444444",
          teamId: "55555555-6666-7777-8888-999999999999",
          channelId: "19%3a0123456789abcdef0123456789abcdef%40thread.tacv2",
          minSeverity: "HIGH",
        }],
        lambda: [{ name: "respond", functionArn: `arn:aws:lambda:${HOME_REGION}:${SECURITY}:function:guardduty-respond`, minSeverity: "HIGH" }],
        webhooks: [{
          name: "pager",
          endpoint: "https://events.pagerduty.com/v2/enqueue",
          minSeverity: "CRITICAL",
          secretHeader: { headerName: "Authorization", valuePrefix: "Bearer ", secretsManagerSecretId: "guardduty/pager-token" },
        }],
        targets: [
          { name: "triage", arn: `arn:aws:states:${HOME_REGION}:${SECURITY}:stateMachine:guardduty-triage`, minSeverity: "HIGH" },
          { name: "archive", arn: `arn:aws:firehose:${HOME_REGION}:${SECURITY}:deliverystream/guardduty-archive`, minSeverity: "LOW" },
        ],
      },
      suppressionRules: [{
        name: "known-scanner",
        rank: 1,
        description: "Our external vulnerability scanner",
        criteria: {
          type: { equals: ["Recon:EC2/PortProbeUnprotectedPort"] },
          "service.action.networkConnectionAction.remoteIpDetails.ipAddressV4": { equals: ["198.51.100.10"] },
        },
      }],
    },
    backend: { type: "local" },
    tags: { owner: "security", "managed-by": "guardduty-cdktf" },
    ...(options.stacks ? { stacks: options.stacks } : {}),
  };
}
