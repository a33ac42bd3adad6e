/**
 * Where a GuardDuty finding goes, read from the synthesized EventBridge rules and targets: which channel a
 * finding of each region and severity reaches, and how often. Pure; no cdktf import.
 */
import { matchesPattern, sampleFindingEvent } from "./event-pattern";
import { instanceArgument, providerAccounts, resourceInstances, type ResourceInstance, type TerraformDocument } from "./synthesized";

/** A rule instance with its parsed pattern. */
export interface RoutedRule {
  readonly address: string;
  /** The rule's name, as `<aws.events.rule-name>` renders it. */
  readonly name: string;
  readonly region: string;
  readonly pattern: Record<string, unknown>;
  readonly targets: readonly RoutedTarget[];
}

/** A target of a rule and the channel(s) behind it. */
export interface RoutedTarget {
  readonly address: string;
  readonly arn: string;
  /** `event-bus` targets forward to another region's bus. */
  readonly kind: "event-bus" | "sns" | "lambda" | "webhook" | "other";
  /** Human names of what finally receives the finding (`email security@example.com`, `Slack T0../C0..`). */
  readonly channels: readonly string[];
  readonly inputTransformer?: { inputPaths?: Record<string, string>; inputTemplate: string };
}

/** How a finding of one region and severity is delivered: channel -> number of arrivals. */
export type Deliveries = Map<string, number>;

const REF = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[([^\]]+)\])?\.([a-z_]+)\}$/;

/** `${aws_sns_topic.x.arn}` -> { type, name, key?, attribute }. */
function parseRef(value: unknown): { type: string; name: string; key?: string; attribute: string } | undefined {
  if (typeof value !== "string") return undefined;
  const m = REF.exec(value);
  if (!m) return undefined;
  const key = m[3] === undefined ? undefined : m[3].startsWith('"') ? JSON.parse(m[3]) : m[3];
  return { type: m[1], name: m[2], key, attribute: m[4] };
}

function topicChannels(instances: ResourceInstance[], topic: ResourceInstance | undefined, arn: string): string[] {
  const channels: string[] = [];
  const isTopic = (v: unknown) => v === arn || (topic && parseRef(v)?.type === "aws_sns_topic" && parseRef(v)?.name === topic.name);
  for (const i of instances) {
    if (i.type === "aws_sns_topic_subscription" && isTopic(instanceArgument(i, "topic_arn"))) {
      channels.push(`${instanceArgument(i, "protocol")} ${instanceArgument(i, "endpoint")}`);
    }
    const topics = instanceArgument(i, "sns_topic_arns");
    if (Array.isArray(topics) && topics.some(isTopic)) {
      if (i.type === "aws_chatbot_slack_channel_configuration") {
        channels.push(`Slack ${instanceArgument(i, "slack_team_id")}/${instanceArgument(i, "slack_channel_id")}`);
      }
      if (i.type === "aws_chatbot_teams_channel_configuration") {
        channels.push(`Teams ${instanceArgument(i, "team_id")}/${instanceArgument(i, "channel_id")}`);
      }
    }
  }
  return channels.length > 0 ? channels : [`SNS topic ${arn.split(":").pop()} (no subscription in this stack)`];
}

/**
 * `account`: the account of the target's provider, when the document pins it. Only the `default` bus of that
 * account (in another region) forwards to rules of this document; a bus of another account, or a custom bus, is where
 * the finding leaves the estate: a channel.
 */
function describeTarget(instances: ResourceInstance[], target: ResourceInstance, account: string | undefined): RoutedTarget {
  const arnValue = instanceArgument(target, "arn");
  const arn = String(arnValue);
  const ref = parseRef(arnValue);
  const transformer = target.body.input_transformer as { input_paths?: Record<string, string>; input_template?: string } | undefined;
  const inputTransformer = transformer?.input_template !== undefined
    ? { inputPaths: transformer.input_paths, inputTemplate: transformer.input_template } : undefined;
  const base = { address: target.address, arn, ...(inputTransformer ? { inputTransformer } : {}) };
  if (ref?.type === "aws_cloudwatch_event_api_destination") {
    const dest = instances.find((i) => i.type === ref.type && i.name === ref.name);
    return { ...base, kind: "webhook", channels: [`webhook ${dest ? instanceArgument(dest, "invocation_endpoint") : ref.name}`] };
  }
  if (ref?.type === "aws_sns_topic") {
    const topic = instances.find((i) => i.type === "aws_sns_topic" && i.name === ref.name);
    return { ...base, kind: "sns", channels: topicChannels(instances, topic, arn) };
  }
  const bus = /^arn:[^:]+:events:[^:]+:(\d+):event-bus\/(.+)$/.exec(arn);
  if (bus && bus[2] === "default" && (account === undefined || bus[1] === account)) return { ...base, kind: "event-bus", channels: [] };
  if (/^arn:[^:]+:sns:/.test(arn)) {
    const name = arn.split(":").pop();
    const topic = instances.find((i) => i.type === "aws_sns_topic" && instanceArgument(i, "name") === name);
    return { ...base, kind: "sns", channels: topicChannels(instances, topic, arn) };
  }
  if (/^arn:[^:]+:lambda:/.test(arn)) return { ...base, kind: "lambda", channels: [`Lambda ${arn.split(":").slice(6).join(":")}`] };
  return { ...base, kind: "other", channels: [`target ${arn}`] };
}

/** Every GuardDuty rule of a document with its targets. */
export function routedRules(doc: TerraformDocument): RoutedRule[] {
  const instances = resourceInstances(doc);
  const accounts = providerAccounts(doc);
  const rules = instances.filter((i) => i.type === "aws_cloudwatch_event_rule");
  const targets = instances.filter((i) => i.type === "aws_cloudwatch_event_target");
  return rules.flatMap((rule) => {
    const text = instanceArgument(rule, "event_pattern");
    if (typeof text !== "string" || text.includes("${")) return [];
    const pattern = JSON.parse(text) as Record<string, unknown>;
    if (!JSON.stringify(pattern.source ?? "").includes("aws.guardduty")) return [];
    const mine = targets.filter((t) => {
      const ref = parseRef(t.body.rule);
      if (!ref || ref.type !== "aws_cloudwatch_event_rule" || ref.name !== rule.name) return false;
      return ref.key === undefined || ref.key === "each.key" ? t.key === rule.key : ref.key === rule.key;
    });
    return [{ address: rule.address, name: String(instanceArgument(rule, "name") ?? rule.name), region: rule.region ?? "?", pattern, targets: mine.map((t) => describeTarget(instances, t, accounts.get(t.providerAlias ?? ""))) }];
  });
}

/**
 * Follows a finding raised in `region` with `severity` through the rules: rules of the region where the event is,
 * then, for event-bus targets, the rules of the bus's region (the event keeps its region). Counts arrivals per channel.
 */
export function deliveries(rules: readonly RoutedRule[], region: string, severity: number): Deliveries {
  const out: Deliveries = new Map();
  const event = { ...sampleFindingEvent(severity, { region }), region };
  const visit = (busRegion: string, depth: number) => {
    if (depth > 3) return; // forwarding loops would show as repeated arrivals long before this
    for (const rule of rules.filter((r) => r.region === busRegion && matchesPattern(r.pattern, event))) {
      for (const t of rule.targets) {
        if (t.kind === "event-bus") visit(t.arn.split(":")[3], depth + 1);
        else for (const c of t.channels) out.set(c, (out.get(c) ?? 0) + 1);
      }
    }
  };
  visit(region, 0);
  return out;
}
