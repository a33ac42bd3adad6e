/**
 * Checks of estate fields against each other. Runs even when parts of the file are malformed, so every problem
 * is reported at once: each check guards the types it reads.
 */
import { partitionOf, isKnownRegion } from "../topology/regions";
import { AGENT_MANAGEMENT, AGENTS_OF_PLAN, PROTECTION_PLANS, type EstateInput } from "./estate-schema";
import { exportConfigIssues, exportConfigSchema } from "./export-schema";
import { malwareProtectionSectionIssues } from "./malware-protection-schema";
import { ipListsIssues } from "./ip-lists-schema";
import { notificationsConfigIssues } from "./notifications-schema";

/** One problem found in a config: where, and what is wrong. */
export interface ConfigIssue {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

const ROLE_LABEL = { management: "management", security: "security (delegated administrator)", logArchive: "logArchive" } as const;

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function plainObject(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function accountChecks(input: Partial<EstateInput>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const accounts = (input.accounts ?? {}) as Partial<EstateInput["accounts"]>;
  const ids: Record<string, string | undefined> = {
    management: str(accounts.management?.id),
    security: str(accounts.security?.id),
    logArchive: str(accounts.logArchive?.id),
  };
  if (ids.management && ids.management === ids.security) {
    issues.push({
      path: ["accounts", "security", "id"],
      message: `the delegated administrator must not be the management account (${ids.management}); use a dedicated security account`,
    });
  }
  if (ids.management && ids.management === ids.logArchive) {
    issues.push({
      path: ["accounts", "logArchive", "id"],
      message: `the log-archive account must not be the management account (${ids.management})`,
    });
  }
  for (const role of ["management", "security", "logArchive"] as const) {
    const arn = str(accounts[role]?.roleArn);
    const id = ids[role];
    const arnAccount = arn?.split(":")[4];
    if (arn && id && arnAccount !== id) {
      issues.push({ path: ["accounts", role, "roleArn"], message: `must be a role in account ${id} (this ARN is in account ${arnAccount})` });
    }
  }

  const seen = new Map<string, number>();
  (Array.isArray(input.invitedMembers) ? input.invitedMembers : []).forEach((m, i) => {
    const id = str(m?.accountId);
    if (!id) return;
    for (const role of ["management", "security", "logArchive"] as const) {
      if (id === ids[role]) {
        issues.push({
          path: ["invitedMembers", i, "accountId"],
          message: `${id} is the ${ROLE_LABEL[role]} account; organization accounts are enabled by auto-enable, not invited`,
        });
      }
    }
    if (seen.has(id)) {
      issues.push({ path: ["invitedMembers", i, "accountId"], message: `duplicate account ${id}: already invitedMembers[${seen.get(id)}]` });
    } else {
      seen.set(id, i);
    }
    const arn = str(m?.roleArn);
    if (arn && arn.split(":")[4] !== id) {
      issues.push({ path: ["invitedMembers", i, "roleArn"], message: `must be a role in account ${id} (this ARN is in account ${arn.split(":")[4]})` });
    }
  });

  const listed = new Map<string, number>();
  (Array.isArray(input.organizationMembers) ? input.organizationMembers : []).forEach((m, i) => {
    const id = str(plainObject(m)?.accountId);
    if (!id) return;
    if (id === ids.management) {
      issues.push({
        path: ["organizationMembers", i, "accountId"],
        message: `${id} is the management account: its membership is managementAccount.monitor (default true), not an organizationMembers entry`,
      });
    }
    if (id === ids.security) {
      issues.push({ path: ["organizationMembers", i, "accountId"], message: `${id} is the delegated administrator: set its plans in protectionPlans` });
    }
    if (seen.has(id)) {
      issues.push({ path: ["organizationMembers", i, "accountId"], message: `${id} is invitedMembers[${seen.get(id)}], not an organization member` });
    }
    if (listed.has(id)) {
      issues.push({ path: ["organizationMembers", i, "accountId"], message: `duplicate account ${id}: already organizationMembers[${listed.get(id)}]` });
    } else {
      listed.set(id, i);
    }
  });
  return issues;
}

function regionChecks(input: Partial<EstateInput>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const listed: unknown[] = Array.isArray(input.regions) ? input.regions : [];
  const regions = listed.filter((r): r is string => typeof r === "string" && isKnownRegion(r));
  const firstIndex = new Map<string, number>();
  listed.forEach((r, i) => {
    if (typeof r !== "string") return;
    if (firstIndex.has(r)) issues.push({ path: ["regions", i], message: `duplicate region ${r}: already regions[${firstIndex.get(r)}]` });
    else firstIndex.set(r, i);
  });
  const partitions = [...new Set(regions.map(partitionOf))];
  if (partitions.length > 1) {
    const spans = partitions.map((p) => `${p} (${[...new Set(regions.filter((r) => partitionOf(r) === p))].join(", ")})`);
    issues.push({
      path: ["regions"],
      message: `all regions must be in one partition (one set of credentials and ARNs); these span ${spans.join(" and ")}`,
    });
  }
  const home = str(input.homeRegion);
  if (home === undefined && regions.length > 1) {
    issues.push({ path: ["homeRegion"], message: `required when several regions are configured: one of ${[...new Set(regions)].join(", ")}` });
  }
  if (home && isKnownRegion(home) && regions.length > 0 && !regions.includes(home)) {
    issues.push({ path: ["homeRegion"], message: `must be one of the configured regions: ${[...new Set(regions)].join(", ")}` });
  }
  const detectorMaps: Array<[Array<string>, unknown]> = [
    [["existingDetectorIds"], input.existingDetectorIds],
    [["managementAccount", "existingDetectorIds"], plainObject(input.managementAccount)?.existingDetectorIds],
  ];
  for (const [path, detectors] of detectorMaps) {
    for (const region of Object.keys(plainObject(detectors) ?? {})) {
      if (isKnownRegion(region) && regions.length > 0 && !regions.includes(region)) {
        issues.push({
          path: [...path, region],
          message: `region ${region} is not one of the configured regions (${[...new Set(regions)].join(", ")})`,
        });
      }
    }
  }
  return issues;
}

/** What the management account's settings only mean when it is monitored. */
function managementAccountChecks(input: Partial<EstateInput>): ConfigIssue[] {
  const given = plainObject(input.managementAccount);
  if (given?.monitor !== false) return [];
  return (["email", "existingDetectorIds"] as const)
    .filter((key) => given[key] !== undefined)
    .map((key) => ({
      path: ["managementAccount", key],
      message: "allowed only when managementAccount.monitor is true (with monitor false the management account has no detector " +
        "or membership to use it); remove it or set monitor to true",
    }));
}

function planChecks(input: Partial<EstateInput>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const plans = (plainObject(input.protectionPlans) ?? {}) as Record<string, { agentManagement?: unknown } | undefined>;
  if (plans.RUNTIME_MONITORING !== undefined && plans.EKS_RUNTIME_MONITORING !== undefined) {
    issues.push({
      path: ["protectionPlans", "EKS_RUNTIME_MONITORING"],
      message:
        "RUNTIME_MONITORING and EKS_RUNTIME_MONITORING cannot be configured together: RUNTIME_MONITORING includes EKS " +
        "(use its agentManagement.EKS_ADDON_MANAGEMENT) and supersedes EKS_RUNTIME_MONITORING",
    });
  }
  const regions = (Array.isArray(input.regions) ? input.regions : []).filter((r): r is string => typeof r === "string");
  for (const plan of PROTECTION_PLANS) {
    const excluded = plainObject(plans[plan])?.excludeRegions;
    (Array.isArray(excluded) ? excluded : []).forEach((r, i) => {
      if (typeof r === "string" && isKnownRegion(r) && regions.length > 0 && !regions.includes(r)) {
        issues.push({
          path: ["protectionPlans", plan, "excludeRegions", i],
          message: `must be one of the configured regions (${regions.join(", ")})`,
        });
      }
    });
  }
  for (const plan of PROTECTION_PLANS) {
    const settings = plainObject(plans[plan]) as { agentManagement?: unknown } | undefined;
    if (settings?.agentManagement === undefined) continue;
    const allowed = AGENTS_OF_PLAN[plan];
    if (allowed.length === 0) {
      issues.push({
        path: ["protectionPlans", plan, "agentManagement"],
        message: `${plan} has no agent management; only RUNTIME_MONITORING and EKS_RUNTIME_MONITORING take agentManagement`,
      });
      continue;
    }
    for (const key of Object.keys(plainObject(settings.agentManagement) ?? {})) {
      if ((AGENT_MANAGEMENT as readonly string[]).includes(key) && !(allowed as readonly string[]).includes(key)) {
        issues.push({
          path: ["protectionPlans", plan, "agentManagement", key],
          message: `${plan} allows only agent management ${allowed.join(", ")}`,
        });
      }
    }
  }
  return issues;
}

/** Role ARNs must be in the partition of the configured regions, or assuming them fails at plan time. */
function partitionChecks(input: Partial<EstateInput>): ConfigIssue[] {
  const regions = (Array.isArray(input.regions) ? input.regions : []).filter((r): r is string => typeof r === "string" && isKnownRegion(r));
  const partitions = [...new Set(regions.map(partitionOf))];
  if (partitions.length !== 1) return []; // no region, or a partition problem already reported
  const [partition] = partitions;
  const issues: ConfigIssue[] = [];
  const check = (path: Array<string | number>, arn: string | undefined) => {
    const arnPartition = arn?.split(":")[1];
    if (arn && arnPartition !== partition) {
      issues.push({ path, message: `must be an ARN of partition ${partition}, the partition of regions (this ARN is in ${arnPartition})` });
    }
  };
  const accounts = (plainObject(input.accounts) ?? {}) as Record<string, { roleArn?: unknown } | undefined>;
  for (const role of ["management", "security", "logArchive"] as const) {
    check(["accounts", role, "roleArn"], str(plainObject(accounts[role])?.roleArn));
  }
  (Array.isArray(input.invitedMembers) ? input.invitedMembers : []).forEach((m, i) => {
    check(["invitedMembers", i, "roleArn"], str(plainObject(m)?.roleArn));
  });
  return issues;
}

/** The facts of the estate a section's own cross-checks need, read defensively. */
function estateFacts(input: Partial<EstateInput>) {
  const regions = (Array.isArray(input.regions) ? input.regions : []).filter((r): r is string => typeof r === "string" && isKnownRegion(r));
  const accounts = plainObject(input.accounts) ?? {};
  const accountIds = [
    ...["management", "security", "logArchive"].map((role) => str(plainObject(accounts[role])?.id)),
    ...(Array.isArray(input.invitedMembers) ? input.invitedMembers : []).map((m) => str(plainObject(m)?.accountId)),
  ].filter((id): id is string => id !== undefined);
  const home = str(input.homeRegion) ?? (regions.length === 1 ? regions[0] : undefined);
  return { regions, accountIds, partition: regions.length > 0 ? partitionOf(regions[0]) : "aws", homeRegion: home };
}

/** Cross-checks of the optional sections, run only on a section that is well-formed on its own. */
function sectionChecks(input: Partial<EstateInput>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const exported = exportConfigSchema.safeParse(input.export);
  if (input.export !== undefined && exported.success) {
    for (const i of exportConfigIssues(exported.data, estateFacts(input))) issues.push({ path: ["export", ...i.path], message: i.message });
  }
  if (input.notifications !== undefined) {
    const facts = estateFacts(input);
    const accountId = str(plainObject(plainObject(input.accounts)?.security)?.id);
    for (const i of notificationsConfigIssues(input.notifications, { ...facts, ...(accountId ? { accountId } : {}) })) {
      issues.push({ path: ["notifications", ...i.path], message: i.message });
    }
  }
  // Malware Protection for S3 scan results need protected buckets.
  const scanResults = plainObject(input.notifications)?.malwareScanResults;
  if (scanResults === true && input.s3MalwareProtection === undefined) {
    issues.push({
      path: ["notifications", "malwareScanResults"],
      message: "can be true only with an s3MalwareProtection section (the buckets whose scan results notify)",
    });
  }
  return issues;
}

/** A group of invited members without members would be an empty stack. */
function stackChecks(input: Partial<EstateInput>): ConfigIssue[] {
  const groups = plainObject(input.stacks)?.invitedMemberGroups;
  if (typeof groups !== "number" || !Number.isInteger(groups) || groups < 1) return []; // the schema reports it
  const members = Array.isArray(input.invitedMembers) ? input.invitedMembers.length : 0;
  if (groups <= members) return [];
  return [{
    path: ["stacks", "invitedMemberGroups"],
    message: `must be at most the number of invitedMembers (${members}): more groups than members always leaves a group empty; got ${groups}`,
  }];
}

/** Every cross-field problem of an estate file (which may be partly malformed, or not even an object). */
export function estateIssues(input: Partial<EstateInput>): ConfigIssue[] {
  if (!plainObject(input)) return [];
  return [...accountChecks(input), ...regionChecks(input), ...managementAccountChecks(input), ...planChecks(input),
    ...partitionChecks(input), ...sectionChecks(input), ...stackChecks(input),
    ...malwareProtectionSectionIssues(input), ...ipListsIssues(input, estateFacts(input))];
}
