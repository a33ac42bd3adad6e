/**
 * Which rules the home region needs and which targets each carries.
 *
 * Pure functions, no cdktf import.
 *
 * Channels with the same filter (threshold, finding-type prefixes, accounts) share rules; a rule takes at most five
 * targets (an EventBridge quota), so a group with more is split into `<group>-1`, `<group>-2`, ... in the order the
 * channels are configured. Each channel is the target of exactly one rule: that, with findings of every region
 * arriving once on the home bus (regional-forwarding.ts), is what makes each channel hear about a finding once.
 */
import { Partition } from "../topology/regions";
import { ChannelFilter, NotificationChannels, TargetKind } from "./channels";
import { parseArn, targetKindOf } from "./channel-checks";
import { EventPattern, findingPattern } from "./finding-pattern";
import { scanResultPattern } from "./scan-results";
import { notificationNames, ruleArn, shortHash } from "./names";
import { severityThreshold } from "./severity";

/** EventBridge's quota of targets per rule. */
export const MAX_TARGETS_PER_RULE = 5;

/** What a planned target delivers to. */
export type PlannedTargetKind = "email" | "slack" | "teams" | "lambda" | "webhook" | TargetKind;

/** One target of one rule. */
export interface PlannedTarget {
  /** Unique key and EventBridge target ID: `email`, `slack-secops`, `lambda-respond`, `webhook-pager`, `target-siem`. */
  readonly key: string;
  readonly kind: PlannedTargetKind;
  /** Index of the channel in its list (`channels.slack[1]` -> 1); 0 for email. */
  readonly index: number;
  /** Key of the rule that carries it. */
  readonly ruleKey: string;
  readonly ruleName: string;
  readonly ruleArn: string;
}

/** One rule of the home region. */
export interface PlannedRule {
  /** `sev4-1`, `sev7-2`, `sev7-3fa2b1c0-1` (filters other than severity add a hash of them). */
  readonly key: string;
  readonly name: string;
  readonly arn: string;
  /** Its numeric severity threshold. */
  readonly minSeverity: number;
  readonly pattern: EventPattern;
  readonly targets: readonly PlannedTarget[];
  /** The rule's description. @default - the findings it matches, from its pattern */
  readonly description?: string;
}

/** What `planDelivery` needs. */
export interface PlanInput {
  readonly partition: Partition;
  readonly homeRegion: string;
  readonly accountId: string;
  readonly namePrefix: string;
  readonly includeSampleFindings: boolean;
  readonly channels: NotificationChannels;
}

/** The plan: rules in a stable order, and every target by key. */
export interface DeliveryPlan {
  readonly rules: readonly PlannedRule[];
  readonly targets: Readonly<Record<string, PlannedTarget>>;
  /** Lowest threshold of any channel: what the forwarding rules let through. @default - undefined without channels */
  readonly minSeverity?: number;
}

interface Entry {
  readonly key: string;
  readonly kind: PlannedTargetKind;
  readonly index: number;
  readonly filter: ChannelFilter;
}

/** Every channel as a target entry, in the planning order: email, slack, teams, lambda, webhooks, targets. */
export function channelEntries(channels: NotificationChannels): Entry[] {
  const entries: Entry[] = [];
  if (channels.email) entries.push({ key: "email", kind: "email", index: 0, filter: channels.email });
  (channels.slack ?? []).forEach((c, index) => entries.push({ key: `slack-${c.name}`, kind: "slack", index, filter: c }));
  (channels.teams ?? []).forEach((c, index) => entries.push({ key: `teams-${c.name}`, kind: "teams", index, filter: c }));
  (channels.lambda ?? []).forEach((c, index) => entries.push({ key: `lambda-${c.name}`, kind: "lambda", index, filter: c }));
  (channels.webhooks ?? []).forEach((c, index) => entries.push({ key: `webhook-${c.name}`, kind: "webhook", index, filter: c }));
  (channels.targets ?? []).forEach((c, index) => {
    const arn = parseArn(c.arn);
    const kind = c.kind ?? (arn && targetKindOf(arn));
    if (!kind) throw new Error(`channels.targets[${index}].kind cannot be read from ${JSON.stringify(c.arn)}; set it`);
    entries.push({ key: `target-${c.name}`, kind, index, filter: c });
  });
  return entries;
}

/** A rule-group key: `sev4`, `sev7.5`, or `sev4-<hash>` when prefixes or accounts narrow the filter. */
export function groupKey(filter: ChannelFilter): string {
  const threshold = severityThreshold(filter.minSeverity);
  const prefixes = [...new Set(filter.findingTypePrefixes ?? [])].sort();
  const accounts = [...new Set(filter.accountIds ?? [])].sort();
  const base = `sev${threshold}`;
  return prefixes.length + accounts.length === 0 ? base : `${base}-${shortHash(JSON.stringify({ prefixes, accounts }))}`;
}

/** Plans the rules and targets of `input.channels`. */
export function planDelivery(input: PlanInput): DeliveryPlan {
  const names = notificationNames(input.namePrefix);
  const groups = new Map<string, Entry[]>();
  for (const entry of channelEntries(input.channels)) {
    const key = groupKey(entry.filter);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const rules: PlannedRule[] = [];
  const targets: Record<string, PlannedTarget> = {};
  for (const [group, entries] of groups) {
    const filter = entries[0].filter;
    for (let start = 0, chunk = 1; start < entries.length; start += MAX_TARGETS_PER_RULE, chunk++) {
      const key = `${group}-${chunk}`;
      const name = names.rule(key);
      const arn = ruleArn(input.partition, input.homeRegion, input.accountId, name);
      const planned = entries.slice(start, start + MAX_TARGETS_PER_RULE).map((e) => ({
        key: e.key, kind: e.kind, index: e.index, ruleKey: key, ruleName: name, ruleArn: arn,
      }));
      for (const t of planned) targets[t.key] = t;
      rules.push({
        key,
        name,
        arn,
        minSeverity: severityThreshold(filter.minSeverity),
        pattern: findingPattern({ ...filter, includeSampleFindings: input.includeSampleFindings }),
        targets: planned,
      });
    }
  }
  const thresholds = rules.map((r) => r.minSeverity);
  return { rules, targets, minSeverity: thresholds.length > 0 ? Math.min(...thresholds) : undefined };
}

/** The ARNs of the rules that deliver to targets of the given kinds. */
export function ruleArnsFor(plan: DeliveryPlan, keys: readonly string[]): string[] {
  return [...new Set(keys.map((k) => plan.targets[k]?.ruleArn).filter((a): a is string => a !== undefined))].sort();
}

/**
 * The home-region rules of Malware Protection for S3 results with threats found: every channel of the plan, in the
 * plan's order, five per rule (`malware-1`, `malware-2`, ...). Channel filters (severity, finding types, accounts)
 * are about findings and do not apply: every channel hears of every threat found. Each channel is the target of one
 * of these rules, so with results arriving once on the home bus (scan-result-forwarding.ts) it hears of each once.
 */
export function planScanResultRules(input: Omit<PlanInput, "includeSampleFindings" | "channels">, plan: DeliveryPlan): PlannedRule[] {
  const names = notificationNames(input.namePrefix);
  const all = Object.values(plan.targets);
  const rules: PlannedRule[] = [];
  for (let start = 0, chunk = 1; start < all.length; start += MAX_TARGETS_PER_RULE, chunk++) {
    const key = `malware-${chunk}`;
    const name = names.rule(key);
    const arn = ruleArn(input.partition, input.homeRegion, input.accountId, name);
    rules.push({
      key, name, arn, minSeverity: 0, pattern: scanResultPattern(),
      description: "GuardDuty Malware Protection for S3 results with threats found, of every protected bucket",
      targets: all.slice(start, start + MAX_TARGETS_PER_RULE).map((t) => ({ ...t, ruleKey: key, ruleName: name, ruleArn: arn })),
    });
  }
  return rules;
}
