/**
 * Validation of a whole notifications configuration against its estate (partition, regions, account). Used by the
 * `FindingNotifications` construct (which throws every issue at once) and by `notificationsConfigIssues` in the
 * config schema.
 *
 * Pure functions, no cdktf import.
 */
import { isKnownRegion, partitionOf } from "../topology/regions";
import { CHATBOT_REGIONS, isChatbotRegion } from "./chatbot-regions";
import { CHANNEL_KINDS, ValidationContext, channelIssues, propertyName } from "./channel-validation";
import { Issue } from "./channels";
import { NAME_PREFIX_PATTERN } from "./names";
import { NotificationOptions, SuppressionRule } from "./options";

/** The estate a configuration is checked against. */
export interface EstateContext extends Omit<ValidationContext, "homeRegion"> {
  /** Every region of the GuardDuty estate. */
  readonly regions: readonly string[];
  /** Regions that have an administrator detector ID (needed by suppression rules). @default - unchecked */
  readonly detectorRegions?: readonly string[];
}

const q = (v: unknown) => JSON.stringify(v) ?? String(v);
const LOGGING_LEVELS = ["ERROR", "INFO", "NONE"];

/** Every problem of `options` in `estate`, each with its path and a message naming the value and what is allowed. */
export function notificationIssues(options: NotificationOptions, estate: EstateContext): Issue[] {
  const issues: Issue[] = [];
  const add = (path: (string | number)[], message: string | undefined) => {
    if (message) issues.push({ path, message });
  };
  const regions = estate.regions;
  if (regions.length === 0) add(["regions"], "regions must list at least one region; got none");
  regions.forEach((r, i) => {
    if (regions.indexOf(r) !== i) add(["regions", i], `regions must not repeat a region; got ${q(r)} twice`);
    else if (!isKnownRegion(r)) add(["regions", i], `regions[${i}] must be a known AWS region code such as eu-west-1; got ${q(r)}`);
    else if (partitionOf(r) !== estate.partition) add(["regions", i], `regions[${i}] must be in partition ${estate.partition}; got ${q(r)} (${partitionOf(r)})`);
  });
  if (!regions.includes(options.homeRegion)) {
    add(["homeRegion"], `homeRegion must be one of the estate's regions (${regions.join(", ")}), where GuardDuty delivers findings; got ${q(options.homeRegion)}`);
  }
  if (options.namePrefix !== undefined && !NAME_PREFIX_PATTERN.test(options.namePrefix)) {
    add(["namePrefix"], `namePrefix must be 1-32 letters, digits or dashes, starting with a letter; got ${q(options.namePrefix)}`);
  }
  const chatbot = options.chatbot ?? {};
  if (chatbot.region !== undefined && !isChatbotRegion(chatbot.region)) {
    add(["chatbot", "region"], `chatbot.region must be a region that serves the Chatbot API (${CHATBOT_REGIONS.join(", ")}); got ${q(chatbot.region)}`);
  }
  if (chatbot.loggingLevel !== undefined && !LOGGING_LEVELS.includes(chatbot.loggingLevel)) {
    add(["chatbot", "loggingLevel"], `chatbot.loggingLevel must be one of ${LOGGING_LEVELS.join(", ")}; got ${q(chatbot.loggingLevel)}`);
  }
  (chatbot.guardrailPolicyArns ?? []).forEach((arn, i) => {
    if (!/^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/.+$/.test(arn)) {
      add(["chatbot", "guardrailPolicyArns", i], `chatbot.guardrailPolicyArns[${i}] must be an IAM policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess; got ${q(arn)}`);
    }
  });
  const retry = options.retry ?? {};
  range(add, ["retry", "maximumEventAgeSeconds"], retry.maximumEventAgeSeconds, 60, 86400);
  range(add, ["retry", "maximumRetryAttempts"], retry.maximumRetryAttempts, 0, 185);
  range(add, ["deadLetterRetentionDays"], options.deadLetterRetentionDays, 1, 14);

  const channels = options.channels ?? {};
  issues.push(...channelIssues(channels, { ...estate, homeRegion: options.homeRegion }));
  const configured = CHANNEL_KINDS.filter((k) => {
    const c = (channels as Record<string, unknown>)[k];
    return Array.isArray(c) ? c.length > 0 : c !== undefined;
  });
  if (configured.length === 0 && (options.suppressionRules ?? []).length === 0) {
    add(["channels"], `channels must configure at least one of ${CHANNEL_KINDS.join(", ")} (or give suppressionRules); got none`);
  }
  issues.push(...suppressionRuleIssues(options.suppressionRules ?? [], estate));
  return issues;
}

function range(add: (p: (string | number)[], m: string | undefined) => void, path: string[], value: number | undefined, min: number, max: number) {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    add(path, `${propertyName(path)} must be an integer from ${min} to ${max}; got ${q(value)}`);
  }
}

/** Every problem of the suppression rules, with paths below `["suppressionRules"]`. */
export function suppressionRuleIssues(rules: readonly SuppressionRule[], estate: EstateContext): Issue[] {
  const issues: Issue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path: ["suppressionRules", ...path], message });
  const names = new Set<string>();
  const ranks = new Set<number>();
  rules.forEach((rule, i) => {
    const at = (...p: (string | number)[]) => propertyName(["suppressionRules", i, ...p]);
    if (!/^[A-Za-z0-9_.-]{3,64}$/.test(rule.name)) add([i, "name"], `${at("name")} must be 3-64 letters, digits, _, . or -; got ${q(rule.name)}`);
    if (names.has(rule.name)) add([i, "name"], `${at("name")} must be unique; got ${q(rule.name)} twice`);
    names.add(rule.name);
    if (!Number.isInteger(rule.rank) || rule.rank < 1 || rule.rank > 100) add([i, "rank"], `${at("rank")} must be an integer from 1 to 100; got ${q(rule.rank)}`);
    else if (ranks.has(rule.rank)) add([i, "rank"], `${at("rank")} must be unique; got ${rule.rank} twice`);
    ranks.add(rule.rank);
    if (rule.description !== undefined && rule.description.length > 512) {
      add([i, "description"], `${at("description")} must be at most 512 characters; got ${rule.description.length}`);
    }
    const fields = Object.entries(rule.criteria ?? {});
    if (fields.length === 0) add([i, "criteria"], `${at("criteria")} must have at least one field; got none (an empty filter would archive every finding)`);
    for (const [field, criterion] of fields) {
      if (!/^[A-Za-z][A-Za-z0-9.]*$/.test(field)) add([i, "criteria", field], `${at("criteria")} field names must be GuardDuty filter attributes such as type or resource.instanceDetails.instanceId; got ${q(field)}`);
      const ops = Object.entries(criterion ?? {}).filter(([, v]) => v !== undefined);
      if (ops.length === 0) add([i, "criteria", field], `${at("criteria", field)} must set at least one of equals, notEquals, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual; got none`);
      for (const list of ["equals", "notEquals"] as const) {
        const v = criterion?.[list];
        if (v !== undefined && (!Array.isArray(v) || v.length === 0)) add([i, "criteria", field, list], `${at("criteria", field, list)} must be a non-empty list of strings; got ${q(v)}`);
      }
    }
    (rule.regions ?? []).forEach((r, j) => {
      if (!estate.regions.includes(r)) add([i, "regions", j], `${at("regions", j)} must be one of the estate's regions (${estate.regions.join(", ")}); got ${q(r)}`);
    });
    if (estate.detectorRegions) {
      const missing = (rule.regions ?? estate.regions).filter((r) => estate.regions.includes(r) && !estate.detectorRegions!.includes(r));
      if (missing.length > 0) add([i], `${at()} needs the administrator detector ID of every region it applies to; missing ${missing.join(", ")}`);
    }
  });
  return issues;
}
