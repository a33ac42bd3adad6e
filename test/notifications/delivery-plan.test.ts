import { NotificationChannels } from "../../modules/notifications/channels";
import { MAX_TARGETS_PER_RULE, channelEntries, groupKey, planDelivery, ruleArnsFor } from "../../modules/notifications/delivery-plan";
import { ACCOUNTS } from "../helpers";
import { HOME, fullProps } from "./fixtures";

const plan = (channels: NotificationChannels, includeSampleFindings = false) =>
  planDelivery({ partition: "aws", homeRegion: HOME, accountId: ACCOUNTS.security, namePrefix: "guardduty-notifications", includeSampleFindings, channels });
const queue = (n: number) => `arn:aws:sqs:${HOME}:${ACCOUNTS.security}:q${n}`;

test("groups channels with the same threshold into one rule", () => {
  const p = plan(fullProps(undefined as never).channels);
  expect(p.rules.map((r) => [r.key, r.name, r.minSeverity, r.targets.map((t) => t.key)])).toEqual([
    ["sev4-1", "guardduty-notifications-sev4-1", 4, ["email", "slack-secops", "teams-soc"]],
    ["sev7-1", "guardduty-notifications-sev7-1", 7, ["lambda-respond", "target-triage"]],
    ["sev9-1", "guardduty-notifications-sev9-1", 9, ["webhook-pager"]],
  ]);
  expect(p.rules[0].arn).toBe(`arn:aws:events:${HOME}:${ACCOUNTS.security}:rule/guardduty-notifications-sev4-1`);
  expect(p.minSeverity).toBe(4);
});

test("every channel is the target of exactly one rule", () => {
  const p = plan(fullProps(undefined as never).channels);
  const keys = p.rules.flatMap((r) => r.targets.map((t) => t.key));
  expect(keys).toHaveLength(new Set(keys).size);
  expect(keys.sort()).toEqual(Object.keys(p.targets).sort());
});

test("splits a group of more than five targets into rules of at most five, in configuration order", () => {
  const targets = Array.from({ length: 12 }, (_, i) => ({ name: `q${i}`, arn: queue(i) }));
  const p = plan({ targets });
  expect(MAX_TARGETS_PER_RULE).toBe(5);
  expect(p.rules.map((r) => [r.key, r.targets.length])).toEqual([["sev4-1", 5], ["sev4-2", 5], ["sev4-3", 2]]);
  expect(p.rules[1].targets.map((t) => t.key)).toEqual(["target-q5", "target-q6", "target-q7", "target-q8", "target-q9"]);
  expect(p.rules.every((r) => JSON.stringify(r.pattern) === JSON.stringify(p.rules[0].pattern))).toBe(true);
});

test("adding a sixth target adds a rule and leaves the first five where they were", () => {
  const five = Array.from({ length: 5 }, (_, i) => ({ name: `q${i}`, arn: queue(i) }));
  const before = plan({ targets: five });
  const after = plan({ targets: [...five, { name: "q5", arn: queue(5) }] });
  for (const t of Object.values(before.targets)) expect(after.targets[t.key].ruleKey).toBe(t.ruleKey);
  expect(after.targets["target-q5"].ruleKey).toBe("sev4-2");
});

test("narrower filters get their own rule, named after a hash of the filter", () => {
  const p = plan({
    email: { addresses: ["a@example.com"] },
    lambda: [{ name: "iam", functionArn: `arn:aws:lambda:${HOME}:${ACCOUNTS.security}:function:f`, findingTypePrefixes: ["UnauthorizedAccess:IAMUser/"] }],
  });
  expect(p.rules.map((r) => r.key)).toEqual(["sev4-1", `${groupKey({ findingTypePrefixes: ["UnauthorizedAccess:IAMUser/"] })}-1`]);
  expect(p.rules[1].key).toMatch(/^sev4-[0-9a-f]{8}-1$/);
  expect((p.rules[1].pattern.detail as any).type).toEqual([{ prefix: "UnauthorizedAccess:IAMUser/" }]);
});

test("a group key ignores the order and repetition of filter values", () => {
  expect(groupKey({ accountIds: ["444455556666", "333333333333"] })).toBe(groupKey({ accountIds: ["333333333333", "444455556666", "333333333333"] }));
  expect(groupKey({ minSeverity: 7.5 })).toBe("sev7.5");
});

test("leaves samples out unless asked", () => {
  expect((plan({ email: { addresses: ["a@example.com"] } }).rules[0].pattern.detail as any).$or).toBeDefined();
  expect((plan({ email: { addresses: ["a@example.com"] } }, true).rules[0].pattern.detail as any).$or).toBeUndefined();
});

test("plans nothing without channels", () => {
  expect(plan({})).toEqual({ rules: [], targets: {}, minSeverity: undefined });
});

test("lists the rules that deliver to given targets", () => {
  const p = plan(fullProps(undefined as never).channels);
  expect(ruleArnsFor(p, ["email", "slack-secops", "missing"])).toEqual([`arn:aws:events:${HOME}:${ACCOUNTS.security}:rule/guardduty-notifications-sev4-1`]);
});

test("fails on a target whose kind cannot be read from its ARN", () => {
  expect(() => channelEntries({ targets: [{ name: "t", arn: "${TfToken[TOKEN.3]}" }] })).toThrow('channels.targets[0].kind cannot be read from "${TfToken[TOKEN.3]}"; set it');
});
