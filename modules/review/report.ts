/**
 * The review report: what a reviewer needs to approve a GuardDuty estate, computed from the synthesized stacks
 * (and, when given, Terraform's plan JSON). Pure: documents in, Markdown out.
 */
import { decommissionDiagram, decommissionRecords, decommissionSection } from "./decommission";
import { matchesPattern, severityRanges, sampleFindingEvent, sampleScanResultEvent } from "./event-pattern";
import { findingsAccess, type FindingsAccess } from "./findings-access";
import { guardDutyLists, listsSection, type ReviewedList } from "./guardduty-lists";
import { renderInputTransformer } from "./input-transformer";
import { analyzePlan, type PlanAnalysis, type PlanResourceChange } from "./plan";
import { deliveries, routedRules, scanResultDeliveries, type RoutedRule } from "./routing";
import { instanceArgument, providerAccounts, resourceInstances, type ResourceInstance, type TerraformDocument } from "./synthesized";
import { planCheckWarnings } from "./plan-checks";
import { protectedBucketWarnings, protectedBuckets, protectedBucketsSection, type ProtectedBucketView } from "./protected-buckets";

/** One synthesized stack. */
export interface ReviewStack {
  readonly stack: string;
  readonly doc: TerraformDocument;
}

/** The report and what it found. */
export interface Review {
  readonly markdown: string;
  readonly warnings: readonly string[];
  /** Set when a plan was given. */
  readonly plan?: PlanAnalysis;
}

const MAX_ADDRESSES = 6;
const SEVERITIES = Array.from({ length: 91 }, (_, i) => (i + 10) / 10);

function inventory(s: ReviewStack): string[] {
  const accounts = providerAccounts(s.doc);
  const groups = new Map<string, Map<string, string[]>>();
  for (const i of resourceInstances(s.doc)) {
    const where = `${i.providerAlias ?? "default"}|${i.region ?? "?"}`;
    const byType = groups.get(where) ?? new Map<string, string[]>();
    byType.set(i.type, [...(byType.get(i.type) ?? []), i.address]);
    groups.set(where, byType);
  }
  const lines = ["| account | region | resource type | count | addresses |", "|---|---|---|---:|---|"];
  for (const where of [...groups.keys()].sort()) {
    const [alias, region] = where.split("|");
    for (const [type, addrs] of [...groups.get(where)!.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const shown = addrs.slice(0, MAX_ADDRESSES).map((a) => `\`${a}\``).join("<br>");
      const more = addrs.length > MAX_ADDRESSES ? `<br>… and ${addrs.length - MAX_ADDRESSES} more` : "";
      lines.push(`| ${alias} (${accounts.get(alias) ?? "?"}) | ${region} | ${type} | ${addrs.length} | ${shown}${more} |`);
    }
  }
  return lines;
}

function accessSection(access: readonly FindingsAccess[]): string[] {
  if (access.length === 0) return ["No findings export is configured: findings stay in GuardDuty (90 days).", ""];
  return access.flatMap((a) => [
    `### s3://${a.bucketName}/${a.prefix ? `${a.prefix}/` : ""} (bucket in \`${a.bucketProvider ?? "?"}\`, key in \`${a.keyProvider ?? "?"}\`)`,
    "",
    `Written by the publishing destinations of \`${a.destinationProviders.join(", ")}\` in ${a.regions.join(", ")}.`,
    "",
    "**Bucket policy** (who may write; what is denied):",
    ...a.bucketStatements.map((s) => `- ${s}`),
    "",
    "**Key policy**:",
    ...a.keyStatements.map((s) => `- ${s}`),
    "",
    "**Identity policies that grant on the bucket or key** (who may read):",
    ...(a.identityGrants.length ? a.identityGrants.map((s) => `- ${s}`) : ["- none"]),
    "",
  ]);
}

function channelSection(rules: readonly RoutedRule[], regions: readonly string[]): { lines: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const table = new Map<string, Map<string, number[]>>();
  let maxArrivals = 0;
  for (const region of regions) {
    for (const s of SEVERITIES) {
      for (const [channel, n] of deliveries(rules, region, s)) {
        const byRegion = table.get(channel) ?? new Map<string, number[]>();
        byRegion.set(region, [...(byRegion.get(region) ?? []), s]);
        table.set(channel, byRegion);
        maxArrivals = Math.max(maxArrivals, n);
        if (n > 1) warnings.push(`a severity ${s.toFixed(1)} finding of ${region} reaches ${channel} ${n} times`);
      }
    }
  }
  if (table.size === 0) return { lines: ["No notification rule is configured."], warnings };
  const lines = [`| channel | ${regions.join(" | ")} |`, `|---|${regions.map(() => "---").join("|")}|`];
  for (const [channel, byRegion] of [...table.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| ${channel} | ${regions.map((r) => severityRanges(byRegion.get(r) ?? [])).join(" | ")} |`);
    const missing = regions.filter((r) => !byRegion.has(r));
    if (missing.length) warnings.push(`${channel} hears of no finding from ${missing.join(", ")}`);
  }
  lines.push("", `Computed over severities 1.0-10.0 from the synthesized event patterns; a finding reaches each channel at most ${maxArrivals} time(s).`);
  return { lines, warnings: [...new Set(warnings)].slice(0, 20) };
}

function emailSection(rules: readonly RoutedRule[]): string[] {
  const targets = rules.flatMap((r) => r.targets.map((t) => ({ ...t, rule: r })))
    .filter((t) => t.inputTransformer && t.channels.some((c) => c.startsWith("email ")));
  if (targets.length === 0) return ["No email channel is configured."];
  const event = sampleFindingEvent(8.2, {
    description: 'The EC2 instance i-99999999 is querying a domain name associated with "command and control" servers.',
  });
  return targets.flatMap((t) => {
    // Malware Protection for S3 scan-result rules get a sample scan result instead of a finding.
    const scan = sampleScanResultEvent("555555555555", t.rule.region);
    const isScan = matchesPattern(t.rule.pattern, scan);
    return [
      `To ${t.channels.join(", ")} (\`${t.address}\`), for a ${isScan ? "Malware Protection for S3 sample result with threats found" : "severity 8.2 sample finding"}:`,
      "",
      "```text",
      renderInputTransformer(t.inputTransformer!, isScan ? scan : event, `arn:aws:events:${t.rule.region}:000000000000:rule/${t.rule.name}`),
      "```",
      "",
    ];
  });
}

/** A rule of Malware Protection for S3 results (threats found in its own account and region), not of findings. */
function isScanResultRule(rule: RoutedRule): boolean {
  return matchesPattern(rule.pattern, sampleScanResultEvent(rule.account ?? "000000000000", rule.region));
}

/**
 * Malware Protection for S3 results with threats found: from each protected bucket's account and region, which channels
 * hear of them and how often (nothing when no scan-result rule is configured).
 */
function scanResultSection(rules: readonly RoutedRule[], buckets: readonly ProtectedBucketView[]): { lines: string[]; warnings: string[] } {
  if (!rules.some(isScanResultRule)) return { lines: [], warnings: [] };
  const lines = ["", "Malware Protection for S3 results with threats found (`notifications.malwareScanResults`):", ""];
  const warnings: string[] = [];
  const sources = [...new Set(buckets.map((b) => `${b.accountId ?? "?"}/${b.region}`))].sort();
  for (const source of sources) {
    const [account, region] = source.split("/");
    const d = scanResultDeliveries(rules, account, region);
    lines.push(`- from account ${account}, ${region}: ${d.size ? [...d.entries()].map(([c, n]) => `${c} (${n}x)`).join(", ") : "nobody"}`);
    if (d.size === 0) warnings.push(`Malware Protection for S3 results with threats found in account ${account}, ${region} reach no channel`);
    for (const [c, n] of d) if (n > 1) warnings.push(`a Malware Protection for S3 result of account ${account}, ${region} reaches ${c} ${n} times`);
  }
  return { lines, warnings };
}

function reviewerWarnings(stacks: readonly ReviewStack[], access: readonly FindingsAccess[]): string[] {
  const out: string[] = [];
  for (const { doc } of stacks) {
    const instances = resourceInstances(doc);
    const pending = instances.filter((i) => i.type === "aws_sns_topic_subscription" && instanceArgument(i, "protocol") === "email");
    for (const p of pending) out.push(`Email subscription of ${instanceArgument(p, "endpoint")} stays pending until its recipient clicks the link SNS sends; until then nothing is delivered.`);
    const accounts = providerAccounts(doc);
    const where = (c: ResourceInstance) =>
      `in the AWS Chatbot console of account ${accounts.get(c.providerAlias ?? "") ?? "(unknown)"}${c.region ? `, region ${c.region}` : ""}`;
    for (const c of instances.filter((i) => i.type === "aws_chatbot_slack_channel_configuration")) {
      const checked = Array.isArray((c.body.lifecycle as { precondition?: unknown } | undefined)?.precondition);
      out.push(
        `Authorize Slack workspace ${instanceArgument(c, "slack_team_id")} ${where(c)} (one-time) before the apply` +
          (checked
            ? ": the plan checks it (aws_chatbot_slack_workspace) and stops before any change if it is not."
            : `: nothing checks it at plan time, and the apply fails at \`${c.address}\` until it is done (give the channel's workspaceName to have the plan check it).`),
      );
    }
    for (const c of instances.filter((i) => i.type === "aws_chatbot_teams_channel_configuration")) {
      out.push(
        `Authorize Microsoft Teams tenant ${instanceArgument(c, "tenant_id")} (team ${instanceArgument(c, "team_id")}) ${where(c)} (one-time) before the apply: ` +
          `no data source can tell whether it is authorized, so the plan cannot check it, and the apply fails at \`${c.address}\` until it is done.`,
      );
    }
    for (const p of instances.filter((i) => i.type === "aws_cloudwatch_event_bus_policy")) {
      // Terraform manages one policy per bus (PutPermission with a whole Policy replaces it: events/bus_policy.go).
      out.push(
        `The estate owns the policy of the ${instanceArgument(p, "event_bus_name") ?? "default"} event bus of account ${accounts.get(p.providerAlias ?? "") ?? "(unknown)"}` +
          `${p.region ? `, region ${p.region}` : ""} (\`${p.address}\`): a policy set there outside the estate is replaced by this apply; check that bus has none first ` +
          "(`aws events describe-event-bus --name default` shows its Policy).",
      );
    }
    if (instances.some((i) => i.type === "aws_guardduty_organization_configuration" && instanceArgument(i, "auto_enable_organization_members") === "ALL")) {
      out.push("Auto-enable ALL: GuardDuty may take up to 24 hours to enable every existing organization account.");
    }
  }
  for (const a of access) {
    if (a.prefix && a.bucketProvider !== a.destinationProviders[0]) {
      out.push(a.prefixObject
        ? `The bucket ${a.bucketName} is in another account than the detectors: its prefix "${a.prefix}/" is created by this configuration before the publishing destinations.`
        : `The bucket ${a.bucketName} is in another account than the detectors: create the prefix "${a.prefix}/" before the apply, or CreatePublishingDestination fails.`);
    }
    if (!a.preventDestroy.bucket || !a.preventDestroy.key) out.push(`prevent_destroy is off on the findings ${!a.preventDestroy.bucket ? "bucket" : "key"}: a destroy would lose findings.`);
  }
  return [...new Set(out)];
}

function diagram(
  stacks: readonly ReviewStack[], access: readonly FindingsAccess[], rules: readonly RoutedRule[],
  buckets: readonly ProtectedBucketView[] = [], lists: readonly ReviewedList[] = [],
): string[] {
  const id = (s: string) => s.replace(/[^A-Za-z0-9]/g, "_");
  const lines = ["```mermaid", "flowchart LR", ...decommissionDiagram(decommissionRecords(stacks))];
  const regions = [...new Set(stacks.flatMap((s) => resourceInstances(s.doc).filter((i) => i.type === "aws_guardduty_detector").map((i) => i.region ?? "?")))].sort();
  for (const r of regions) lines.push(`  det_${id(r)}["GuardDuty ${r}"]`);
  for (const a of access) {
    lines.push(`  bucket_${id(a.bucketName)}[("s3://${a.bucketName}<br>KMS key")]`);
    for (const r of a.regions) lines.push(`  det_${id(r)} -->|export| bucket_${id(a.bucketName)}`);
    if (a.identityGrants.length) lines.push(`  bucket_${id(a.bucketName)} -->|read| siem["SIEM reader"]`);
  }
  for (const l of lists) {
    lines.push(`  list_${id(l.name)}[/"${l.kind} list ${l.name}"/]`);
    lines.push(`  list_${id(l.name)} -->|${l.kind}| det_${id(l.region)}`);
  }
  for (const rule of rules) {
    const rid = `rule_${id(rule.address)}`;
    lines.push(`  ${rid}{{"${rule.address.replace(/"/g, "'")}"}}`);
    // A scan-result rule (Malware Protection for S3) is fed by the scans of its region, not by the detector's findings.
    lines.push(isScanResultRule(rule) ? `  mp_${id(rule.region)}(["Malware Protection for S3 ${rule.region}"]) -.->|scan results| ${rid}` : `  det_${id(rule.region)} -.->|findings| ${rid}`);
    for (const t of rule.targets) {
      if (t.kind === "event-bus") lines.push(`  ${rid} -->|forward| bus_${id(t.arn.split(":")[3])}(("bus ${t.arn.split(":")[3]}"))`);
      for (const c of t.channels) lines.push(`  ${rid} --> ch_${id(c)}["${c.replace(/"/g, "'")}"]`);
    }
  }
  for (const r of new Set(rules.flatMap((r) => r.targets.filter((t) => t.kind === "event-bus").map((t) => t.arn.split(":")[3])))) {
    for (const rule of rules.filter((x) => x.region === r && x.targets.every((t) => t.kind !== "event-bus"))) {
      lines.push(`  bus_${id(r)} --> rule_${id(rule.address)}`);
    }
  }
  lines.push(...malwareDiagram(buckets));
  return [...new Set(lines), "```"];
}

/** The diagram's lines for protected buckets: each bucket scanned by GuardDuty Malware Protection in its region. */
function malwareDiagram(buckets: readonly ProtectedBucketView[]): string[] {
  const id = (s: string) => s.replace(/[^A-Za-z0-9]/g, "_");
  return buckets.flatMap((b) => [
    `  mp_${id(b.region)}(["Malware Protection for S3 ${b.region}"])`,
    `  mp_${id(b.region)} -->|scan${b.tagging === "ENABLED" ? " + tag" : ""}| s3mp_${id(b.bucketName)}[("s3://${b.bucketName}<br>${b.providerAlias}")]`,
  ]);
}

/** Builds the review of synthesized stacks, with Terraform's plan JSON when given. */
export function buildReview(stacks: readonly ReviewStack[], plan?: { resource_changes?: readonly PlanResourceChange[] }): Review {
  const rules = stacks.flatMap((s) => routedRules(s.doc));
  const access = stacks.flatMap((s) => findingsAccess(s.doc));
  const lists = guardDutyLists(stacks.map((s) => s.doc));
  const regions = [...new Set(stacks.flatMap((s) => resourceInstances(s.doc).map((i) => i.region).filter((r): r is string => !!r && r !== "?")))].sort();
  const detectorRegions = [...new Set(stacks.flatMap((s) => resourceInstances(s.doc).filter((i) => i.type === "aws_guardduty_detector").map((i) => i.region!)))].sort();
  const channels = channelSection(rules, detectorRegions.length ? detectorRegions : regions);
  const protectedList = stacks.flatMap((s) => protectedBuckets(s.doc));
  const scanResults = scanResultSection(rules, protectedList);
  const warnings = [...reviewerWarnings(stacks, access), ...planCheckWarnings(stacks.map((s) => s.doc)), ...channels.warnings,
    ...protectedBucketWarnings(protectedList), ...scanResults.warnings];
  // A decommission phase (modules/estate/decommission.ts) records itself in a local; a teardown also has `removed` blocks.
  const records = decommissionRecords(stacks);
  const decommission = records.length > 0 || stacks.some((s) => Array.isArray((s.doc as { removed?: unknown }).removed));
  const expectedDestroys = records.length ? records.flatMap((r) => r.destroys) : undefined;
  const planned = plan ? analyzePlan(plan, { decommission, ...(expectedDestroys ? { expectedDestroys } : {}) }) : undefined;
  const total = stacks.reduce((n, s) => n + resourceInstances(s.doc).length, 0);
  const md = [
    "# GuardDuty estate review",
    "",
    `${stacks.length} stack(s) (${stacks.map((s) => s.stack).join(", ")}), ${total} resource instances, regions ${regions.join(", ")}.`,
    "Everything below is read from the synthesized Terraform JSON (cdktf.out), not from the estate file.",
    "",
    ...(planned ? [
      "## The plan",
      "",
      "| create | update | delete | replace | import | no-op |",
      "|---:|---:|---:|---:|---:|---:|",
      `| ${planned.create} | ${planned.update} | ${planned.delete} | ${planned.replace} | ${planned.import} | ${planned.noop} |`,
      "",
      ...(planned.decommissioned.length
        ? ["This is a decommission plan: it destroys these protected resources (detectors, the administrator designation, " +
            "notification keys), as the README's \"Decommissioning\" runbook says; findings buckets and keys are never destroyed:", "",
          ...planned.decommissioned.map((d) => `- \`${d}\``), ""]
        : []),
      ...(planned.forget ? [`${planned.forget} resource(s) leave the state without being destroyed (\`removed\` blocks, destroy = false).`, ""] : []),
      ...(planned.dangers.length
        ? ["**STOP: this plan destroys or replaces what holds findings:**", "", ...planned.dangers.map((d) => `- \`${d}\``), ""]
        : [planned.decommissioned.length ? "No findings bucket or key is destroyed or replaced." : "No detector, findings bucket or key is destroyed or replaced.", ""]),
    ] : []),
    ...decommissionSection(records),
    "## Warnings a reviewer must act on",
    "",
    ...(warnings.length ? warnings.map((w) => `- ${w}`) : ["- none"]),
    "",
    "## What will exist, per account and region",
    "",
    ...stacks.flatMap((s) => [`### stack ${s.stack}`, "", ...inventory(s), ""]),
    "## Trusted IP lists and threat lists, per region",
    "",
    ...listsSection(lists),
    "",
    "## Who may write and who may read the findings",
    "",
    ...(records.length > 0 && access.length === 0
      ? ["No publishing destination (decommission): nothing new is exported; what was exported stays in the findings bucket.", ""]
      : accessSection(access)),
    "## Buckets scanned by Malware Protection for S3",
    "",
    ...protectedBucketsSection(protectedList),
    "",
    "## Which severities reach which channel",
    "",
    ...channels.lines,
    ...scanResults.lines,
    "",
    "## The email a sample finding produces",
    "",
    ...emailSection(rules),
    "## Flows",
    "",
    ...diagram(stacks, access, rules, protectedList, lists),
    "",
  ].join("\n");
  return { markdown: md, warnings, ...(planned ? { plan: planned } : {}) };
}
