/**
 * Mutations that make a valid estate invalid, each returning the field path its refusal must name: wrong types,
 * out-of-range values, unknown keys, cross-field conflicts (the checks of modules/config/cross-checks.ts and of the
 * sections' own cross-checks), and, on the JSON text, a key given twice.
 */
import { formatPath } from "../../modules/config/path-format";
import { ACCOUNTS, GROWTH_MEMBER } from "./arbitraries";

/** A mutation of a raw estate (in place); returns the path (as the loader formats it) its refusal names. */
export interface Mutation {
  readonly name: string;
  readonly mutate: (raw: any) => string;
}

const notifications = (raw: any) => (raw.notifications ??= { channels: {} });
const pushed = (list: unknown[], item: unknown) => list.push(item) - 1;

export const MUTATIONS: readonly Mutation[] = [
  { name: "wrong type", mutate: (r) => ((r.regions = "eu-west-1"), "regions") },
  {
    name: "out of range",
    mutate: (r) => {
      if (r.export) return (r.export.lifecycle.expirationDays = -1), "export.lifecycle.expirationDays";
      return (r.findingPublishingFrequency = "5m"), "findingPublishingFrequency";
    },
  },
  { name: "a threshold out of range", mutate: (r) => ((notifications(r).channels.email = { addresses: ["a@example.com"], minSeverity: 11 }), "notifications.channels.email.minSeverity") },
  { name: "unknown key", mutate: (r) => ((r.secruity = {}), "secruity") },
  { name: "a Chime channel", mutate: (r) => ((notifications(r).channels.chime = {}), "notifications.channels.chime") },
  { name: "a member without email", mutate: (r) => ((r.invitedMembers = [{ accountId: "444455556666" }]), "invitedMembers[0].email") },
  { name: "too many tags", mutate: (r) => ((r.tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"]))), "tags") },
  { name: "a region twice", mutate: (r) => `regions[${pushed(r.regions, r.regions[0])}]` },
  // cross-field conflicts
  { name: "homeRegion outside regions", mutate: (r) => ((r.homeRegion = "ap-south-1"), "homeRegion") },
  {
    name: "an invited member that is an estate account",
    mutate: (r) => `invitedMembers[${pushed((r.invitedMembers ??= []), { accountId: ACCOUNTS.logArchive, email: "root@example.com" })}].accountId`,
  },
  {
    name: "an organization member that is invited",
    mutate: (r) => {
      (r.invitedMembers ??= []).push({ accountId: GROWTH_MEMBER, email: "root+x@example.com" });
      return `organizationMembers[${pushed((r.organizationMembers ??= []), { accountId: GROWTH_MEMBER })}].accountId`;
    },
  },
  {
    name: "an organization member that is the management account",
    mutate: (r) => `organizationMembers[${pushed((r.organizationMembers ??= []), { accountId: ACCOUNTS.management })}].accountId`,
  },
  {
    name: "a Lambda function outside the home region",
    mutate: (r) => {
      const lambda = (notifications(r).channels.lambda ??= []);
      return `notifications.channels.lambda[${pushed(lambda, { name: "elsewhere", functionArn: `arn:aws:lambda:us-west-2:${ACCOUNTS.security}:function:x` })}].functionArn`;
    },
  },
  {
    name: "two channels of one kind with one name",
    mutate: (r) => {
      const targets = (notifications(r).channels.targets ??= []);
      targets.push({ name: "twice", arn: `arn:aws:sqs:eu-west-1:${ACCOUNTS.security}:a` });
      return `notifications.channels.targets[${pushed(targets, { name: "twice", arn: `arn:aws:sqs:eu-west-1:${ACCOUNTS.security}:b` })}].name`;
    },
  },
  {
    name: "a suppression rule in a region outside the estate",
    mutate: (r) => {
      const rules = (notifications(r).suppressionRules ??= []);
      return `notifications.suppressionRules[${pushed(rules, { name: "far", rank: 90, criteria: { type: { equals: ["x"] } }, regions: ["ap-south-1"] })}].regions[0]`;
    },
  },
  {
    name: "two suppression rules of one rank",
    mutate: (r) => {
      const rules = (notifications(r).suppressionRules ??= []);
      rules.push({ name: "rank-a", rank: 77, criteria: { type: { equals: ["x"] } } });
      return `notifications.suppressionRules[${pushed(rules, { name: "rank-b", rank: 77, criteria: { type: { equals: ["y"] } } })}].rank`;
    },
  },
  {
    name: "an export bucket in an opt-in region",
    mutate: (r) => ((r.export = { bucketName: "example-guardduty-findings-333333333333", homeRegion: "me-south-1" }), "export.homeRegion"),
  },
  {
    name: "more invited member groups than members",
    mutate: (r) => ((r.stacks = { invitedMemberGroups: (r.invitedMembers?.length ?? 0) + 1 }), "stacks.invitedMemberGroups"),
  },
];

/** The path of every key of every object in a JSON value (root keys included). */
export function keyPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyPaths(v, [...at, i]));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => [[...at, k], ...keyPaths(v, [...at, k])]);
}

/**
 * The estate as indented JSON text with the key at `at` given twice in its object (the second time with the same
 * value, as a merge leaves it): what a user's file looks like after a bad merge. Returns the text and the path the
 * refusal must name.
 */
export function textWithDuplicateKey(raw: unknown, at: readonly (string | number)[]): { text: string; path: string } {
  const key = at[at.length - 1];
  const parent = at.slice(0, -1);
  const same = (p: readonly (string | number)[]) => p.length === parent.length && p.every((x, i) => x === parent[i]);
  const write = (v: unknown, p: (string | number)[], indent: string): string => {
    const inner = `${indent}  `;
    if (Array.isArray(v)) return v.length === 0 ? "[]" : `[\n${v.map((x, i) => inner + write(x, [...p, i], inner)).join(",\n")}\n${indent}]`;
    if (v === null || typeof v !== "object") return JSON.stringify(v);
    const entries = Object.entries(v);
    if (same(p)) entries.push([String(key), (v as Record<string, unknown>)[key as string]]);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${write(x, [...p, k], inner)}`).join(",\n")}\n${indent}}`;
  };
  return { text: `${write(raw, [], "")}\n`, path: formatPath(at) };
}
