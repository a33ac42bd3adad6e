/**
 * How an estate is cut into Terraform stacks, from the resolved config's `stacks` section: which stacks exist, what
 * each holds, which accounts it needs a provider for, and which stacks deploy first. Pure: no cdktf import.
 */
import type { EstateConfig } from "../config/estate-config";
import type { BackendConfig } from "../config/estate-schema";

/** One stack of an estate and what it holds. */
export interface EstateStackPlan {
  /** `<name>`, `<name>-home`, `<name>-<region>`, `<name>-invited-<g>` or `<name>-<region>-invited-<g>`. */
  readonly name: string;
  /** The regions this stack works in (for_each keys of its regional resources and data sources). */
  readonly regions: readonly string[];
  /** The organization core of `regions` is here: administrator detectors, designation, auto-enable, member overrides. */
  readonly core: boolean;
  /** Invited members whose invitations, detectors and acceptances (in `regions`) are here, sorted. */
  readonly invitedAccountIds: readonly string[];
  /** The findings export, notifications, GuardDuty lists and Malware Protection for S3 (when configured) are here. */
  readonly home: boolean;
  /** The accounts this stack has a provider for, in the estate's priority order (management, security, log-archive, members). */
  readonly accountIds: readonly string[];
  /** Stacks deployed before this one. Ordering only: no stack reads another's state or outputs. */
  readonly dependsOn: readonly string[];
}

/** The group (0-based) of an invited member: its account ID modulo the number of groups, stable as members come and go. */
export function invitedMemberGroup(accountId: string, groups: number): number {
  return Number(BigInt(accountId) % BigInt(groups));
}

/** The account an export reference (`logArchive`, `security` or an account ID) designates. */
export function exportAccount(config: EstateConfig, ref: string): string {
  return ref === "logArchive" ? config.accounts.logArchive.id : ref === "security" ? config.accounts.security.id : ref;
}

/** The accounts of the estate in priority order, each once. */
function allAccounts(config: EstateConfig): string[] {
  const { management, security, logArchive } = config.accounts;
  return [...new Set([
    management.id, security.id, logArchive.id, ...config.invitedMembers.map((m) => m.accountId),
    ...(config.s3MalwareProtection?.accounts ?? []).map((a) => a.id),
  ])];
}

/** The accounts the parts of a stack use, in the estate's priority order. */
function accountsOf(config: EstateConfig, parts: { core: boolean; invitedAccountIds: readonly string[]; home: boolean }): string[] {
  const used = new Set<string>(parts.invitedAccountIds);
  if (parts.core) used.add(config.accounts.management.id).add(config.accounts.security.id);
  if (parts.invitedAccountIds.length > 0) used.add(config.accounts.security.id);
  if (parts.home && config.notifications) used.add(config.accounts.security.id);
  if (parts.home && (config.ipLists?.length ?? 0) > 0) used.add(config.accounts.security.id);
  if (parts.home && config.export) {
    used.add(config.accounts.security.id);
    used.add(exportAccount(config, config.export.bucketAccount));
    used.add(exportAccount(config, config.export.keyAccount ?? config.export.bucketAccount));
  }
  // Malware Protection for S3 is with the export and notifications: its plans need no detector.
  if (parts.home) for (const b of config.s3MalwareProtection?.buckets ?? []) used.add(b.accountId);
  return allAccounts(config).filter((id) => used.has(id));
}

/** Invited members by group, empty groups left out. */
function invitedGroups(config: EstateConfig, groups: number): Array<{ group: number; accountIds: string[] }> {
  const byGroup = new Map<number, string[]>();
  for (const m of config.invitedMembers) {
    const g = invitedMemberGroup(m.accountId, groups);
    byGroup.set(g, [...(byGroup.get(g) ?? []), m.accountId]);
  }
  return [...byGroup.keys()].sort((a, b) => a - b).map((group) => ({ group, accountIds: byGroup.get(group)!.sort() }));
}

/**
 * The stacks of an estate, the estate's main stack first: `<name>` when not split by region (everything, or
 * everything but grouped invited members), `<name>-home` when split by region (export and notifications; they find
 * each region's administrator detector with a data source). Then one `<name>-<region>` per region, then one stack
 * per region (if split) and invited member group (if grouped). An unsplit, ungrouped estate is one stack with a
 * provider for every account, as it always was.
 *
 * @example
 * stackLayout(config).map((s) => s.name); // ["guardduty-home", "guardduty-eu-west-1", "guardduty-us-east-1"]
 */
export function stackLayout(config: EstateConfig): EstateStackPlan[] {
  const { name, regions } = config;
  const invited = config.invitedMembers.map((m) => m.accountId).sort();
  const groupCount = config.stacks?.invitedMemberGroups; // tolerant of a hand-built config without `stacks`
  const groups = groupCount === undefined ? undefined : invitedGroups(config, groupCount);
  const plan = (p: Omit<EstateStackPlan, "accountIds">): EstateStackPlan => ({ ...p, accountIds: accountsOf(config, p) });

  if ((config.stacks?.split ?? "none") === "none") {
    if (!groups) return [{ name, regions, core: true, invitedAccountIds: invited, home: true, accountIds: allAccounts(config), dependsOn: [] }];
    return [
      plan({ name, regions, core: true, invitedAccountIds: [], home: true, dependsOn: [] }),
      ...groups.map((g) =>
        plan({ name: `${name}-invited-${g.group}`, regions, core: false, invitedAccountIds: g.accountIds, home: false, dependsOn: [name] })),
    ];
  }

  // The home region's stack first: it designates the administrator alone (the organization-wide registration) and
  // holds account-wide resources (the malware-protection role); the other regions follow (see DelegatedAdministrator).
  const homeStack = `${name}-${config.homeRegion}`;
  const regional = regions.map((region) =>
    plan({
      name: `${name}-${region}`, regions: [region], core: true, invitedAccountIds: groups ? [] : invited, home: false,
      dependsOn: region === config.homeRegion ? [] : [homeStack],
    }));
  const grouped = (groups ?? []).flatMap((g) => regions.map((region) =>
    plan({
      name: `${name}-${region}-invited-${g.group}`, regions: [region], core: false, invitedAccountIds: g.accountIds, home: false,
      dependsOn: [`${name}-${region}`],
    })));
  const readsDetectors = config.export !== undefined || config.notifications !== undefined || (config.ipLists?.length ?? 0) > 0;
  const home = plan({
    name: `${name}-home`, regions, core: false, invitedAccountIds: [], home: true, dependsOn: readsDetectors ? regional.map((s) => s.name) : [],
  });
  return [home, ...regional, ...grouped];
}

/**
 * The backend of one stack of the estate: the configured backend for the main stack of an unsplit estate, otherwise
 * its own state beside it. A local state path or an S3 key gets the stack's suffix before `.tfstate`
 * (`terraform.guardduty.tfstate` -> `terraform.guardduty.eu-west-1.tfstate`); a local backend without a path uses
 * `terraform.<stack>.tfstate`, as any stack does.
 */
export function stackBackend(config: EstateConfig, stackName: string): BackendConfig {
  const backend = config.backend;
  if (stackName === config.name) return backend;
  const suffix = stackName.slice(config.name.length + 1);
  const suffixed = (p: string) => p.replace(/(\.tfstate)?$/, (ext) => `.${suffix}${ext}`);
  if (backend.type === "local") return backend.path === undefined ? backend : { ...backend, path: suffixed(backend.path) };
  return { ...backend, key: suffixed(backend.key) };
}
