/**
 * The resolved estate: the validated file with every default applied, regions sorted, roles expanded.
 * Everything downstream (topology, constructs) reads this, never the raw file.
 */
import { byText } from "../topology/order";
import { arns, partitionOf, type Partition } from "../topology/regions";
import type { ExportConfig } from "./export-schema";
import { protectedBucketAccountId, type MalwareProtectionConfig } from "./malware-protection-schema";
import { resolveIpLists, type ResolvedIpList } from "./ip-lists-schema";
import type { NotificationsConfig } from "./notifications-schema";
import type { DeployRolesConfig } from "./roles-schema";
import type { DecommissionPhase } from "./decommission-schema";
import {
  AGENTS_OF_PLAN, PROTECTION_PLANS, type AgentManagement, type BackendConfig, type EstateInput,
  type FindingPublishingFrequency, type MalwareProtectionRole, type ProtectionPlan, type StackSplit,
} from "./estate-schema";

/** ALL, NEW or NONE. */
export type AutoEnable = "ALL" | "NEW" | "NONE";

/** An account and the role Terraform assumes in it. */
export interface EstateAccount {
  readonly id: string;
  readonly roleArn: string;
}

/** A protection plan as it will be configured. */
export interface ResolvedPlan {
  readonly name: ProtectionPlan;
  readonly enabled: boolean;
  readonly autoEnable: AutoEnable;
  /** Agent-management settings as configured, in a fixed order (empty for plans without agents); they apply where the plan does. */
  readonly agentManagement: ReadonlyArray<{ readonly name: AgentManagement; readonly enabled: boolean }>;
  /** Regions where the plan is not managed (GuardDuty does not offer it there), sorted. @default [] */
  readonly excludeRegions?: readonly string[];
}

/** The regions where a plan is managed: `regions` less the plan's excludeRegions. */
export function planRegions(plan: ResolvedPlan, regions: readonly string[]): string[] {
  return regions.filter((r) => !(plan.excludeRegions ?? []).includes(r));
}

/** An invited member with its defaults applied. */
export interface ResolvedInvitedMember {
  readonly accountId: string;
  readonly email: string;
  readonly invitationMessage?: string;
  readonly disableEmailNotification: boolean;
  readonly roleArn: string;
}

/** The resolved estate. */
export interface EstateConfig {
  readonly name: string;
  readonly partition: Partition;
  readonly homeRegion: string;
  /** Sorted, so the order in the file never changes the output. */
  readonly regions: readonly string[];
  readonly accounts: { readonly management: EstateAccount; readonly security: EstateAccount; readonly logArchive: EstateAccount };
  readonly findingPublishingFrequency: FindingPublishingFrequency;
  readonly autoEnableOrganizationMembers: AutoEnable;
  readonly protectionPlans: readonly ResolvedPlan[];
  readonly existingDetectorIds: Readonly<Record<string, string>>;
  /** Sorted by account ID. */
  readonly invitedMembers: readonly ResolvedInvitedMember[];
  /**
   * Organization accounts enrolled as members of the administrator, sorted by account ID, each with its plan
   * overrides (`{}` when none, or when every override was what auto-enable ALL already gives). `email` absent: read
   * from AWS Organizations at plan time.
   */
  readonly organizationMembers: ReadonlyArray<{
    readonly accountId: string;
    readonly email?: string;
    readonly protectionPlans: Readonly<Partial<Record<ProtectionPlan, boolean>>>;
  }>;
  /** The management account as a member of the administrator. */
  readonly managementAccount: ManagementAccountConfig;
  readonly backend: BackendConfig;
  readonly tags: Readonly<Record<string, string>>;
  /** Findings export, with its home region resolved; absent when not configured. */
  readonly export?: ExportConfig & { readonly homeRegion: string };
  /** Finding notifications, in the home region; absent when not configured. */
  readonly notifications?: NotificationsConfig;
  /** GuardDuty trusted IP lists and threat lists, sorted by name, local files read; absent when not configured. */
  readonly ipLists?: readonly ResolvedIpList[];
  /** Who may assume the deploy roles (`guardduty-cdktf roles`); absent when not configured. */
  readonly deployRoles?: DeployRolesConfig;
  /** Malware Protection for S3 (see resolveMalwareProtection); absent when no bucket is protected. */
  readonly s3MalwareProtection?: ResolvedMalwareProtection;
  /** The decommission phase being synthesized (README "Decommissioning"); absent while the estate runs. */
  readonly decommission?: DecommissionPhase;
  /** How the estate is cut into stacks (see modules/estate/stack-layout.ts). */
  readonly stacks: {
    readonly split: StackSplit;
    /** Groups of invited members, each in its own stack(s); absent: invited members stay with the core. */
    readonly invitedMemberGroups?: number;
  };
  /** Things the file asks that were adjusted, one line each (`path: what and why`), for the command to print; empty when none. */
  readonly warnings: readonly string[];
}

/**
 * The management account as a GuardDuty member of the administrator, with its defaults applied.
 * @example { monitor: true, existingDetectorIds: {}, malwareProtectionRole: "create" }
 */
export type ManagementAccountConfig = {
  /** A detector in every region, and membership of the administrator. @default true */
  readonly monitor: boolean;
  /** Root user email for aws_guardduty_member. @default - the organization's master_account_email, read from AWS Organizations */
  readonly email?: string;
  /** Detectors it already has, by region, adopted by import; sorted by region. @default {} */
  readonly existingDetectorIds: Readonly<Record<string, string>>;
  /** The AWSServiceRoleForAmazonGuardDutyMalwareProtection service-linked role: created, or adopted by import. @default "create" */
  readonly malwareProtectionRole: MalwareProtectionRole;
};

/** A protected bucket with its account resolved to an ID and its defaults applied. */
export interface ResolvedProtectedBucket {
  readonly accountId: string;
  readonly region: string;
  readonly bucketName: string;
  /** Absent: the whole bucket is scanned. */
  readonly objectPrefixes?: readonly string[];
  /** @default true */
  readonly tagging: boolean;
  /** Absent: SSE-S3, no KMS permission. */
  readonly kmsKeyArn?: string;
}

/** The `s3MalwareProtection` section, resolved. */
export interface ResolvedMalwareProtection {
  /** Accounts outside the estate's own that hold protected buckets, sorted by ID; each gets a provider `account-<id>`. */
  readonly accounts: ReadonlyArray<EstateAccount>;
  /** Sorted by `<account>/<region>/<bucket>`, so the order in the file never changes the output. */
  readonly buckets: readonly ResolvedProtectedBucket[];
}

/**
 * The `s3MalwareProtection` section with accounts resolved (`"logArchive"` -> its ID), roles defaulted
 * (`arn:<partition>:iam::<id>:role/<roleName>`) and `tagging` defaulted to true.
 */
export function resolveMalwareProtection(
  input: MalwareProtectionConfig,
  accounts: EstateInput["accounts"],
  partition: Partition,
  roleName: string,
): ResolvedMalwareProtection {
  const roles = { management: accounts.management.id, security: accounts.security.id, logArchive: accounts.logArchive.id };
  const buckets = input.buckets.map((b) => ({
    accountId: protectedBucketAccountId(b.account, roles)!,
    region: b.region,
    bucketName: b.bucketName,
    ...(b.objectPrefixes?.length ? { objectPrefixes: [...b.objectPrefixes] } : {}),
    tagging: b.tagging ?? true,
    ...(b.kmsKeyArn !== undefined ? { kmsKeyArn: b.kmsKeyArn } : {}),
  }));
  const key = (b: ResolvedProtectedBucket) => `${b.accountId}/${b.region}/${b.bucketName}`;
  return {
    accounts: [...(input.accounts ?? [])]
      .sort((a, b) => byText(a.accountId, b.accountId))
      .map((a) => ({ id: a.accountId, roleArn: a.roleArn ?? arns.role(partition, a.accountId, roleName) })),
    buckets: buckets.sort((a, b) => byText(key(a), key(b))),
  };
}

/** The role assumed in accounts without a roleArn. */
export const DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";
/** Plans enabled when the file names none: every plan but EKS_RUNTIME_MONITORING, which RUNTIME_MONITORING supersedes. */
export const DEFAULT_PLANS: readonly ProtectionPlan[] = PROTECTION_PLANS.filter((p) => p !== "EKS_RUNTIME_MONITORING");

/** The plans to configure: the file's settings merged over the defaults. */
export function resolvePlans(input: EstateInput["protectionPlans"], orgAutoEnable: AutoEnable): ResolvedPlan[] {
  const given = input ?? {};
  const names = PROTECTION_PLANS.filter((p) =>
    given[p] !== undefined || (DEFAULT_PLANS.includes(p) && !(p === "RUNTIME_MONITORING" && given.EKS_RUNTIME_MONITORING)));
  return names.map((name) => {
    const settings = given[name] ?? {};
    const enabled = settings.enabled ?? true;
    return {
      name,
      enabled,
      autoEnable: settings.autoEnable ?? (enabled ? orgAutoEnable : "NONE"),
      agentManagement: AGENTS_OF_PLAN[name].map((agent) => ({ name: agent, enabled: settings.agentManagement?.[agent] ?? true })),
      ...(settings.excludeRegions?.length ? { excludeRegions: [...new Set(settings.excludeRegions)].sort() } : {}),
    };
  });
}

/** Orders by account ID (12 digits: plain string order is numeric order). */
function byAccountId(a: { readonly accountId: string }, b: { readonly accountId: string }): number {
  return byText(a.accountId, b.accountId);
}

/** Sorts a region -> value record by region, so the file's order never changes the output. */
function byRegion(record: Readonly<Record<string, string>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(record ?? {}).sort(([a], [b]) => byText(a, b)));
}

/**
 * The management account's membership with its defaults applied.
 * @example resolveManagementAccount(undefined) // { monitor: true, existingDetectorIds: {}, malwareProtectionRole: "create" }
 */
export function resolveManagementAccount(input: EstateInput["managementAccount"]): ManagementAccountConfig {
  const given = input ?? {};
  return {
    monitor: given.monitor ?? true,
    ...(given.email !== undefined ? { email: given.email } : {}),
    existingDetectorIds: byRegion(given.existingDetectorIds),
    malwareProtectionRole: given.malwareProtectionRole ?? "create",
  };
}

/**
 * Organization members sorted by account ID, without the overrides that change nothing: a `true` for a plan that is
 * enabled with auto-enable ALL is what the organization already gives every member, so it is dropped with a
 * warning. `false` is always kept: auto-enable NONE does not turn a plan off in existing members.
 * @example
 * resolveOrganizationMembers([{ accountId: "123412341234", protectionPlans: { S3_DATA_EVENTS: true } }], plans)
 * // with S3_DATA_EVENTS enabled and auto-enabled for ALL: members [{ accountId: "123412341234", protectionPlans: {} }],
 * // warnings ["organizationMembers[0].protectionPlans.S3_DATA_EVENTS: true is what auto-enable ALL already gives every member; ..."]
 */
export function resolveOrganizationMembers(
  input: EstateInput["organizationMembers"],
  plans: readonly ResolvedPlan[],
): { members: EstateConfig["organizationMembers"]; warnings: string[] } {
  const givenToAll = new Set(plans.filter((p) => p.enabled && p.autoEnable === "ALL").map((p) => p.name));
  const warnings: string[] = [];
  const members = (input ?? []).map((m, i) => {
    const overrides: Partial<Record<ProtectionPlan, boolean>> = {};
    for (const plan of PROTECTION_PLANS) {
      const on = m.protectionPlans?.[plan];
      if (on === undefined) continue;
      if (on && givenToAll.has(plan)) {
        warnings.push(
          `organizationMembers[${i}].protectionPlans.${plan}: true is what auto-enable ALL already gives every member; the override is dropped`,
        );
        continue;
      }
      overrides[plan] = on;
    }
    return { accountId: m.accountId, ...(m.email !== undefined ? { email: m.email } : {}), protectionPlans: overrides };
  });
  return { members: members.sort(byAccountId), warnings };
}

/**
 * Applies every default of a validated estate file.
 * @param options.baseDir directory of the estate file: ipLists[].file is read relative to it. @default - the current directory
 */
export function resolveEstate(input: EstateInput, options: { readonly baseDir?: string } = {}): EstateConfig {
  const regions = [...new Set(input.regions)].sort();
  const partition = partitionOf(regions[0]);
  const roleName = input.roleName ?? DEFAULT_ROLE_NAME;
  const account = (a: { id: string; roleArn?: string }): EstateAccount => ({ id: a.id, roleArn: a.roleArn ?? arns.role(partition, a.id, roleName) });
  const name = input.name ?? "guardduty";
  const homeRegion = input.homeRegion ?? regions[0];
  const autoEnable = input.autoEnableOrganizationMembers ?? "ALL";
  const protectionPlans = resolvePlans(input.protectionPlans, autoEnable);
  const organizationMembers = resolveOrganizationMembers(input.organizationMembers, protectionPlans);
  return {
    name,
    partition,
    homeRegion,
    regions,
    accounts: {
      management: account(input.accounts.management),
      security: account(input.accounts.security),
      logArchive: account(input.accounts.logArchive),
    },
    findingPublishingFrequency: input.findingPublishingFrequency ?? "FIFTEEN_MINUTES",
    autoEnableOrganizationMembers: autoEnable,
    protectionPlans,
    existingDetectorIds: byRegion(input.existingDetectorIds),
    invitedMembers: [...(input.invitedMembers ?? [])]
      .sort(byAccountId)
      .map((m) => ({
        accountId: m.accountId,
        email: m.email,
        ...(m.invitationMessage !== undefined ? { invitationMessage: m.invitationMessage } : {}),
        disableEmailNotification: m.disableEmailNotification ?? true,
        roleArn: m.roleArn ?? arns.role(partition, m.accountId, roleName),
      })),
    organizationMembers: organizationMembers.members,
    managementAccount: resolveManagementAccount(input.managementAccount),
    backend: input.backend ?? { type: "local" },
    tags: input.tags ?? {},
    ...(input.export ? { export: { ...input.export, homeRegion: input.export.homeRegion ?? homeRegion } } : {}),
    ...(input.notifications ? { notifications: input.notifications } : {}),
    ...(input.ipLists?.length ? { ipLists: resolveIpLists(input.ipLists, options.baseDir ?? process.cwd()) } : {}),
    ...(input.deployRoles ? { deployRoles: input.deployRoles } : {}),
    ...(input.s3MalwareProtection
      ? { s3MalwareProtection: resolveMalwareProtection(input.s3MalwareProtection, input.accounts, partition, roleName) }
      : {}),
    ...(input.decommission ? { decommission: input.decommission } : {}),
    stacks: {
      split: input.stacks?.split ?? "none",
      ...(input.stacks?.invitedMemberGroups !== undefined ? { invitedMemberGroups: input.stacks.invitedMemberGroups } : {}),
    },
    warnings: [...organizationMembers.warnings],
  };
}
