/**
 * Arbitraries for valid estate files, built from the example's pieces: accounts, regions (opt-in ones included),
 * protection plans, invited members, export, notifications (email, Slack, Teams), suppression rules, tags.
 * Each is raw JSON, as a user writes it; lists hold distinct items (region codes, account IDs, names).
 */
import fc from "fast-check";
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
    verbose: 1,
  };
}

/** Regions beside the home region eu-west-1: commercial, and opt-in (me-south-1, ap-east-1, af-south-1). */
export const REGION_POOL = ["us-east-1", "me-south-1", "ap-southeast-2", "eu-central-1", "ap-east-1", "af-south-1", "sa-east-1"];
const MEMBER_POOL = ["444455556666", "555566667777", "666677778888", "777788889999", "123412341234"];
const SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];

const tagKey = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
const tagValue = fc.stringMatching(/^[A-Za-z0-9 _.:/=+@-]{0,16}$/);

export interface EstateCase {
  readonly raw: any;
}

/** A valid estate file (raw JSON). */
export const estateArb: fc.Arbitrary<any> = fc
  .record({
    regions: fc.subarray(REGION_POOL, { minLength: 0, maxLength: 3 }),
    members: fc.uniqueArray(fc.constantFrom(...MEMBER_POOL), { maxLength: 3 }),
    tags: fc.dictionary(tagKey, tagValue, { maxKeys: 5 }),
    emailSeverity: fc.constantFrom(...SEVERITIES),
    slack: fc.boolean(),
    teams: fc.boolean(),
    slackSeverity: fc.constantFrom(...SEVERITIES),
    suppression: fc.boolean(),
    exportOn: fc.boolean(),
    frequency: fc.constantFrom("FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"),
    plans: fc.subarray(["S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS"]),
  })
  .map((c) => {
    const raw = exampleRaw();
    raw.regions = ["eu-west-1", ...c.regions];
    raw.invitedMembers = c.members.map((id) => ({ accountId: id, email: `aws-root+${id}@example.com` }));
    if (raw.invitedMembers.length === 0) delete raw.invitedMembers;
    raw.tags = c.tags;
    raw.findingPublishingFrequency = c.frequency;
    for (const p of c.plans) raw.protectionPlans[p] = { enabled: false };
    const channels = raw.notifications.channels;
    channels.email.minSeverity = c.emailSeverity;
    if (c.slack) channels.slack[0].minSeverity = c.slackSeverity;
    else delete channels.slack;
    if (!c.teams) delete channels.teams;
    if (!c.suppression) delete raw.notifications.suppressionRules;
    if (!c.exportOn) delete raw.export;
    return raw;
  });

/** The same estate with every order-free list reversed (regions after the home region, members, tags). */
export function reordered(raw: any): any {
  const copy = JSON.parse(JSON.stringify(raw));
  copy.regions = [copy.regions[0], ...copy.regions.slice(1).reverse()];
  if (copy.invitedMembers) copy.invitedMembers.reverse();
  copy.tags = Object.fromEntries(Object.entries(copy.tags).reverse());
  return copy;
}
