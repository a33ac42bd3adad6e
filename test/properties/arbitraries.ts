/**
 * Arbitraries for valid estate files, built from the example's pieces and the schema's own constants (enums are
 * imported, never retyped): accounts, regions (opt-in ones included), protection plans, the organization core
 * (auto-enable, organization members with plan overrides), invited members, export (SIEM reader, SQS queue),
 * notifications with every channel kind of the schema (email, Slack, Teams, Lambda, webhooks, targets of every
 * target kind) and their filters, suppression rules, tags and `stacks`. Each is raw JSON, as a user writes it; lists
 * hold distinct items (region codes, account IDs, names, ranks).
 */
import fc from "fast-check";
import { FINDING_PUBLISHING_FREQUENCIES, PROTECTION_PLANS, STACK_SPLITS } from "../../modules/config/estate-schema";
import { AUTO_ENABLE } from "../../modules/config/primitives";
import { SECRET_SOURCES, TARGET_KINDS } from "../../modules/notifications/channel-checks";
import type { TargetKind } from "../../modules/notifications/channels";
import { CHATBOT_REGIONS } from "../../modules/notifications/chatbot-regions";
import { SEVERITY_NAMES } from "../../modules/notifications/severity";
import { exampleRaw } from "../estate/fixtures";

/** How many cases a property runs: `GD_PROPERTY_RUNS` multiplies the npm test default (`npm run test:properties`). */
export function runs(base: number): number {
  const scale = Number(process.env.GD_PROPERTY_RUNS ?? "1");
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/**
 * The fast-check parameters of one property: its runs, and `GD_PROPERTY_SEED` (and `GD_PROPERTY_PATH`) to replay the
 * failing case that fast-check printed ("seed: ..., path: ...").
 */
export function params(base: number): fc.Parameters<unknown> {
  const seed = process.env.GD_PROPERTY_SEED;
  const path = process.env.GD_PROPERTY_PATH;
  return {
    numRuns: runs(base),
    ...(seed !== undefined && seed !== "" ? { seed: Number(seed) } : {}),
    ...(path ? { path } : {}),
    verbose: 0, // the seed, the path and the shrunk estate; 1 would also list every failure met while shrinking
  };
}

/** The example's accounts: every generated estate keeps them. */
export const ACCOUNTS = { management: "111111111111", security: "222222222222", logArchive: "333333333333" } as const;
/** The home region of every generated estate. */
export const HOME = "eu-west-1";
/** Regions beside the home region: commercial, and opt-in (me-south-1, ap-east-1, af-south-1). */
export const REGION_POOL = ["us-east-1", "me-south-1", "ap-southeast-2", "eu-central-1", "ap-east-1", "af-south-1", "sa-east-1"];
/** Accounts outside the organization (invited members). */
export const MEMBER_POOL = ["444455556666", "555566667777", "666677778888", "777788889999", "123412341234"];
/** Organization accounts enrolled as members. */
export const ORG_MEMBER_POOL = ["100000000001", "100000000002", "100000000003", "100000000004"];
/** An account of no estate: the one growth adds, and the "another account" of the policy checks. */
export const GROWTH_MEMBER = "999988887777";

/** The finding every delivery check follows (modules/review/event-pattern.ts sampleFindingEvent): its type and account. */
export const SAMPLE_TYPE = "UnauthorizedAccess:EC2/SSHBruteForce";
export const SAMPLE_ACCOUNT = "444455556666";
const TYPE_PREFIXES = ["UnauthorizedAccess:", "UnauthorizedAccess:EC2/", "Recon:", "CryptoCurrency:EC2/"];
const FILTER_ACCOUNTS = [SAMPLE_ACCOUNT, "555566667777"];

const tagKey = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
const tagValue = fc.stringMatching(/^[A-Za-z0-9 _.:/=+@-]{0,16}$/);
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);

/** A channel threshold: a level name, or a number from 1 to 10 with one decimal. */
export const severityArb = fc.oneof(
  fc.constantFrom(...SEVERITY_NAMES),
  fc.integer({ min: 10, max: 100 }).map((tenths) => tenths / 10),
);

/** Optional filters every channel takes: threshold, finding-type prefixes, accounts. */
const filterArb = fc.record(
  {
    minSeverity: severityArb,
    findingTypePrefixes: fc.uniqueArray(fc.constantFrom(...TYPE_PREFIXES), { minLength: 1, maxLength: 2 }),
    accountIds: fc.uniqueArray(fc.constantFrom(...FILTER_ACCOUNTS), { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: [] },
);

/** Distinct channel names, one per item of a list of `n`. */
const named = <T>(kind: string, items: T[]) => items.map((item, i) => ({ name: `${kind}-${i}`, ...item }));

const emailArb = fc.record({
  addresses: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.map((w) => `${w}@example.com`)),
  filter: filterArb,
}).map(({ addresses, filter }) => ({ addresses, ...filter }));

const slackArb = (i: number) => fc.record({ workspaceName: fc.option(word, { nil: undefined }), filter: filterArb })
  .map(({ workspaceName, filter }) => ({
    workspaceId: `T0123ABC${i}E`, channelId: `C0123ABC${i}E`, ...(workspaceName ? { workspaceName } : {}), ...filter,
  }));

const teamsArb = (i: number) => filterArb.map((filter) => ({
  tenantId: "00000000-1111-2222-3333-444444444444",
  teamId: `55555555-6666-7777-8888-99999999999${i}`,
  channelId: `19%3a0123456789abcdef0123456789abcde${i}%40thread.tacv2`,
  ...filter,
}));

const lambdaArb = (i: number) => filterArb.map((filter) => ({
  functionArn: `arn:aws:lambda:${HOME}:${ACCOUNTS.security}:function:respond-${i}`, ...filter,
}));

const secretHeaderArb = fc.constantFrom(...SECRET_SOURCES).map((source) => ({
  headerName: "Authorization",
  valuePrefix: "Bearer ",
  [source]: source === "terraformVariable" ? "webhook_token" : source === "ssmParameterName" ? "/guardduty/webhook-token" : "guardduty/webhook-token",
}));

const webhookArb = (i: number) => fc.record(
  {
    secretHeader: secretHeaderArb,
    httpMethod: fc.constantFrom("POST", "PUT", "PATCH"),
    invocationRateLimitPerSecond: fc.integer({ min: 1, max: 300 }),
    includeFullEvent: fc.boolean(),
    filter: filterArb,
  },
  { requiredKeys: ["secretHeader", "filter"] },
).map(({ filter, ...w }) => ({ endpoint: `https://hooks-${i}.pager.example.com/v2/enqueue`, ...w, ...filter }));

/** A target ARN of each kind the schema wires; event buses of another account (a central bus), the rest in the home region. */
const TARGET_ARNS: Record<TargetKind, (i: number) => string> = {
  stepfunctions: (i) => `arn:aws:states:${HOME}:${ACCOUNTS.security}:stateMachine:triage-${i}`,
  kinesis: (i) => `arn:aws:kinesis:${HOME}:${ACCOUNTS.security}:stream/findings-${i}`,
  firehose: (i) => `arn:aws:firehose:${HOME}:${ACCOUNTS.security}:deliverystream/findings-${i}`,
  eventbus: (i) => `arn:aws:events:${HOME}:888877776666:event-bus/central-${i}`,
  sqs: (i) => `arn:aws:sqs:${HOME}:${ACCOUNTS.security}:findings-${i}`,
  sns: (i) => `arn:aws:sns:${HOME}:${ACCOUNTS.security}:findings-${i}`,
};
const targetArb = (i: number) => fc.record({ kind: fc.constantFrom(...TARGET_KINDS), sayKind: fc.boolean(), filter: filterArb })
  .map(({ kind, sayKind, filter }) => ({ arn: TARGET_ARNS[kind](i), ...(sayKind ? { kind } : {}), ...filter }));

/** A list of 0..max items, each built from its index (so IDs, names and ranks are distinct). */
const indexedList = <T>(max: number, item: (i: number) => fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
  fc.integer({ min: 0, max }).chain((n): fc.Arbitrary<T[]> =>
    (n === 0 ? fc.constant<T[]>([]) : fc.tuple(...Array.from({ length: n }, (_, i) => item(i))).map((xs) => xs as T[])));

/** A list of 0..max channels of one kind, each named `<kind>-<index>`. */
const channelList = <T>(kind: string, max: number, item: (i: number) => fc.Arbitrary<T>) => indexedList(max, item).map((items) => named(kind, items));

/** The `channels` of a notifications section: any mix of every kind the schema allows (possibly none). */
export const channelsArb = fc.record({
  email: fc.option(emailArb, { nil: undefined }),
  slack: channelList("slack", 2, slackArb),
  teams: channelList("teams", 2, teamsArb),
  lambda: channelList("lambda", 2, lambdaArb),
  webhooks: channelList("hook", 2, webhookArb),
  targets: channelList("target", 3, targetArb),
}).map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))));

/** One suppression rule; `i` makes its name and rank distinct; its regions are a subset of `regions`. */
const suppressionRuleArb = (i: number, regions: readonly string[]) => fc.record(
  {
    description: fc.constantFrom("Scanner probes", "Known pentest"),
    type: fc.constantFrom("Recon:EC2/PortProbeUnprotectedPort", "Recon:EC2/Portscan"),
    ip: fc.option(fc.integer({ min: 1, max: 254 }).map((n) => `198.51.100.${n}`), { nil: undefined }),
    severity: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    regions: fc.option(fc.subarray([...regions], { minLength: 1 }), { nil: undefined }),
  },
  { requiredKeys: ["type"] },
).map((r) => ({
  name: `suppress-${i}`,
  ...(r.description ? { description: r.description } : {}),
  rank: i + 1,
  criteria: {
    type: { equals: [r.type] },
    ...(r.ip ? { "service.action.networkConnectionAction.remoteIpDetails.ipAddressV4": { equals: [r.ip] } } : {}),
    ...(r.severity !== undefined ? { severity: { lessThan: r.severity } } : {}),
  },
  ...(r.regions ? { regions: r.regions } : {}),
}));

/** 0..3 suppression rules of distinct names and ranks. */
export const suppressionRulesArb = (regions: readonly string[]) => indexedList(3, (i) => suppressionRuleArb(i, regions));

/** A `notifications` section: channels, rules and the section's options; at least one channel or rule. */
const notificationsArb = (regions: readonly string[]) => fc.record(
  {
    channels: channelsArb,
    suppressionRules: suppressionRulesArb(regions),
    namePrefix: fc.constantFrom("guardduty", "gd-alerts"),
    includeSampleFindings: fc.boolean(),
    chatbot: fc.record({ region: fc.constantFrom(...CHATBOT_REGIONS), loggingLevel: fc.constantFrom("ERROR", "INFO", "NONE") }, { requiredKeys: [] }),
    retry: fc.record({ maximumEventAgeSeconds: fc.integer({ min: 60, max: 86400 }), maximumRetryAttempts: fc.integer({ min: 0, max: 185 }) }, { requiredKeys: [] }),
    deadLetterRetentionDays: fc.integer({ min: 1, max: 14 }),
  },
  { requiredKeys: ["channels", "suppressionRules"] },
).map(({ suppressionRules, ...n }) => {
  const channels = Object.keys(n.channels).length === 0 && suppressionRules.length === 0
    ? { email: { addresses: ["security-alerts@example.com"] } } : n.channels;
  return { ...n, channels, ...(suppressionRules.length > 0 ? { suppressionRules } : {}) };
});

/** An `export` section: bucket and key accounts, prefix, lifecycle, SIEM reader of either type, SQS queue or options. */
const exportArb = fc.record(
  {
    prefix: fc.constantFrom("guardduty", "findings/guardduty"),
    keyAccount: fc.constantFrom("security", "logArchive"),
    bucketAccount: fc.constantFrom("logArchive", "security"),
    lifecycle: fc.record({ transitionToGlacierDays: fc.integer({ min: 1, max: 300 }), expirationDays: fc.integer({ min: 400, max: 3650 }) }),
    siemReader: fc.oneof(
      fc.constant({ type: "google-federation", subjectId: "113456789012345678901" }),
      fc.constant({ type: "google-federation", subjectId: "113456789012345678901", roleName: "secops-feed" }),
      fc.constant({ type: "iam-user", userName: "siem-reader" }),
    ),
    sqsQueue: fc.oneof(
      fc.boolean(),
      fc.record({
        queueName: fc.constant("guardduty-findings-siem"),
        messageRetentionSeconds: fc.integer({ min: 60, max: 1209600 }),
        visibilityTimeoutSeconds: fc.integer({ min: 0, max: 43200 }),
        maxReceiveCount: fc.integer({ min: 1, max: 1000 }),
      }, { requiredKeys: [] }),
    ),
  },
  { requiredKeys: ["lifecycle"] },
).map((e) => ({ bucketName: "example-guardduty-findings-333333333333", ...e }));

/** Plans an organization member may override (EKS_RUNTIME_MONITORING is superseded by RUNTIME_MONITORING). */
const MEMBER_PLANS = PROTECTION_PLANS.filter((p) => p !== "EKS_RUNTIME_MONITORING");

const organizationMemberArb = (accountId: string) => fc.record(
  {
    email: fc.constant(`aws-root+${accountId}@example.com`),
    protectionPlans: fc.dictionary(fc.constantFrom(...MEMBER_PLANS), fc.boolean(), { maxKeys: 3 }),
  },
  { requiredKeys: [] },
).map((m) => ({ accountId, ...m }));

const invitedMemberArb = (accountId: string) => fc.record(
  {
    invitationMessage: fc.constantFrom("GuardDuty for the partner account.", ""),
    disableEmailNotification: fc.boolean(),
    roleArn: fc.constant(`arn:aws:iam::${accountId}:role/GuardDutyMemberDeployer`),
  },
  { requiredKeys: [] },
).map((m) => ({ accountId, email: `aws-root+${accountId}@example.com`, ...m }));

/** Items built from a distinct subset of `pool`. */
const fromPool = <T>(pool: readonly string[], max: number, item: (id: string) => fc.Arbitrary<T>) =>
  fc.uniqueArray(fc.constantFrom(...pool), { maxLength: max })
    .chain((ids) => (ids.length === 0 ? fc.constant([] as T[]) : fc.tuple(...ids.map(item)).map((xs) => xs as T[])));

/** What `estateArb` may leave out: `stacks` costs a whole-app synth, so properties that synthesize one stack omit it. */
export interface EstateOptions {
  /** Generate a `stacks` section (split none/region, invited member groups). @default true */
  readonly stacks?: boolean;
}

/** A valid estate file (raw JSON). */
export function estateArbWith(options: EstateOptions = {}): fc.Arbitrary<any> {
  return fc
    .record({
      regions: fc.subarray(REGION_POOL, { minLength: 0, maxLength: 3 }),
      tags: fc.dictionary(tagKey, tagValue, { maxKeys: 5 }),
      frequency: fc.constantFrom(...FINDING_PUBLISHING_FREQUENCIES),
      autoEnable: fc.constantFrom(...AUTO_ENABLE),
      plans: fc.subarray(["S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS"]),
    })
    .chain((c) => {
      const regions = [HOME, ...c.regions];
      return fc.record({
        c: fc.constant(c),
        invited: fromPool(MEMBER_POOL, 3, invitedMemberArb),
        organization: fromPool(ORG_MEMBER_POOL, 3, organizationMemberArb),
        exported: fc.option(exportArb, { nil: undefined }),
        notifications: fc.option(notificationsArb(regions), { nil: undefined, freq: 5 }),
        split: options.stacks === false ? fc.constant(undefined) : fc.option(fc.constantFrom(...STACK_SPLITS), { nil: undefined }),
        groups: fc.integer({ min: 0, max: 3 }),
      });
    })
    .map(({ c, invited, organization, exported, notifications, split, groups }) => {
      const raw = exampleRaw();
      raw.regions = [HOME, ...c.regions];
      raw.tags = c.tags;
      raw.findingPublishingFrequency = c.frequency;
      raw.autoEnableOrganizationMembers = c.autoEnable;
      for (const p of c.plans) raw.protectionPlans[p] = { enabled: false };
      if (invited.length > 0) raw.invitedMembers = invited;
      else delete raw.invitedMembers;
      if (organization.length > 0) raw.organizationMembers = organization;
      if (exported) raw.export = exported;
      else delete raw.export;
      if (notifications) raw.notifications = notifications;
      else delete raw.notifications;
      const memberGroups = Math.min(groups, invited.length);
      if (options.stacks !== false && (split !== undefined || memberGroups > 0)) {
        raw.stacks = { ...(split ? { split } : {}), ...(memberGroups > 0 ? { invitedMemberGroups: memberGroups } : {}) };
      }
      return raw;
    });
}

/** A valid estate file (raw JSON), `stacks` included. */
export const estateArb: fc.Arbitrary<any> = estateArbWith();
/** A valid estate file in one stack (no `stacks` section): what `synthEstate` synthesizes whole. */
export const oneStackEstateArb: fc.Arbitrary<any> = estateArbWith({ stacks: false });

/**
 * The same estate with every order-free list reversed: regions after the home region, invited and organization
 * members (and the keys of their plan overrides), tags, every channel list, email addresses, filter lists,
 * suppression rules, their regions and the keys of their criteria.
 */
export function reordered(raw: any): any {
  const copy = JSON.parse(JSON.stringify(raw));
  const reverseFilters = (f: any) => {
    f.findingTypePrefixes?.reverse();
    f.accountIds?.reverse();
  };
  copy.regions = [copy.regions[0], ...copy.regions.slice(1).reverse()];
  const reversedKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).reverse());
  copy.invitedMembers?.reverse();
  copy.organizationMembers?.reverse();
  for (const m of copy.organizationMembers ?? []) if (m.protectionPlans) m.protectionPlans = reversedKeys(m.protectionPlans);
  copy.tags = reversedKeys(copy.tags);
  const channels = copy.notifications?.channels ?? {};
  for (const kind of Object.keys(channels)) {
    if (Array.isArray(channels[kind])) {
      channels[kind].reverse();
      channels[kind].forEach(reverseFilters);
    }
  }
  if (channels.email) {
    channels.email.addresses.reverse();
    reverseFilters(channels.email);
  }
  copy.notifications?.suppressionRules?.reverse();
  for (const rule of copy.notifications?.suppressionRules ?? []) {
    rule.regions?.reverse();
    rule.criteria = reversedKeys(rule.criteria);
  }
  return copy;
}
