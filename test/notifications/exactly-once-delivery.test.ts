/**
 * Follows GuardDuty findings through the synthesized rules and targets, as EventBridge would route them: a finding
 * appears on the default bus of the region where it was found; every enabled rule of that bus whose pattern matches
 * sends it to each of its targets; a target that is an event bus puts it on that bus, where the same happens again.
 * Counting what reaches each channel proves the exactly-once design for every region of the estate.
 */
import { FindingNotifications, FindingNotificationsProps } from "../../modules/notifications";
import { SynthDoc, testStack } from "../helpers";
import { matches } from "./event-pattern-matcher";
import { HOME, REGIONS, fullProps } from "./fixtures";
import { findingEvent } from "./sample-finding";
import { instances, resolve } from "./synth-model";

const BUS = /^arn:aws[a-z-]*:events:([a-z0-9-]+):(\d{12}):event-bus\/default$/;

/** What each target (by the ARN or address it resolves to) receives when `event` appears on the bus of `region`. */
function route(doc: SynthDoc, event: Record<string, unknown>, region: string, arrivals = new Map<string, number>(), hops = 0): Map<string, number> {
  if (hops > 3) throw new Error(`event went round more than 3 buses: a forwarding loop`);
  const rules = instances(doc, "aws_cloudwatch_event_rule").filter((r) => r.attrs.region === region && r.attrs.state === "ENABLED");
  const targets = instances(doc, "aws_cloudwatch_event_target");
  for (const rule of rules) {
    if (!matches(JSON.parse(rule.attrs.event_pattern), event)) continue;
    for (const target of targets.filter((t) => t.attrs.region === region && resolve(doc, t.attrs.rule) === rule.attrs.name)) {
      const arn = resolve(doc, target.attrs.arn);
      const bus = BUS.exec(arn);
      if (bus) route(doc, event, bus[1], arrivals, hops + 1);
      else arrivals.set(target.attrs.target_id, (arrivals.get(target.attrs.target_id) ?? 0) + 1);
    }
  }
  return arrivals;
}

function synth(overrides: Partial<FindingNotificationsProps> = {}): SynthDoc {
  const t = testStack();
  new FindingNotifications(t.stack, "Notifications", fullProps(t.provider, overrides));
  return t.synth();
}

const ALL_CHANNELS = ["email", "lambda-respond", "slack-secops", "target-triage", "teams-soc", "webhook-pager"];

describe.each(REGIONS)("a Critical finding in %s", (region) => {
  const doc = synth();
  const arrivals = route(doc, findingEvent({ region, severity: 9.5 }), region);

  test("reaches every channel exactly once", () => {
    expect([...arrivals.keys()].sort()).toEqual(ALL_CHANNELS);
    for (const channel of ALL_CHANNELS) expect({ channel, times: arrivals.get(channel) }).toEqual({ channel, times: 1 });
  });
});

test("a Medium finding in any region reaches the Medium channels once and no other", () => {
  const doc = synth();
  for (const region of REGIONS) {
    const arrivals = route(doc, findingEvent({ region, severity: 5.5 }), region);
    expect(Object.fromEntries(arrivals)).toEqual({ email: 1, "slack-secops": 1, "teams-soc": 1 });
  }
});

test("a Low finding or a sample finding reaches nobody", () => {
  const doc = synth();
  for (const region of REGIONS) {
    expect(route(doc, findingEvent({ region, severity: 2 }), region).size).toBe(0);
    expect(route(doc, findingEvent({ region, severity: 9.9, sample: true }), region).size).toBe(0);
  }
});

test("a finding forwarded to the home region is not forwarded again", () => {
  const doc = synth();
  const forwardedFromUs = findingEvent({ region: "us-east-1", severity: 8 });
  const forwardRules = instances(doc, "aws_cloudwatch_event_rule").filter((r) => r.name.includes("forwarding"));
  expect(forwardRules.map((r) => r.attrs.region).sort()).toEqual(["me-south-1", "us-east-1"]);
  for (const rule of forwardRules.filter((r) => r.attrs.region !== "us-east-1")) {
    expect(matches(JSON.parse(rule.attrs.event_pattern), forwardedFromUs)).toBe(false);
  }
  expect(forwardRules.some((r) => r.attrs.region === HOME)).toBe(false);
});

test("with six or more targets at one threshold, split across rules, each still receives once", () => {
  const targets = Array.from({ length: 7 }, (_, i) => ({ name: `queue-${i}`, arn: `arn:aws:sqs:${HOME}:222222222222:q${i}` }));
  const doc = synth({ channels: { targets } });
  const rules = instances(doc, "aws_cloudwatch_event_rule").filter((r) => r.attrs.region === HOME);
  expect(rules.map((r) => r.attrs.name).sort()).toEqual(["guardduty-notifications-sev4-1", "guardduty-notifications-sev4-2"]);
  for (const region of REGIONS) {
    const arrivals = route(doc, findingEvent({ region }), region);
    expect([...arrivals.values()]).toEqual(Array(7).fill(1));
  }
});

test("a single-region estate delivers once without forwarding", () => {
  const doc = synth({ regions: [HOME] });
  const arrivals = route(doc, findingEvent({ region: HOME, severity: 9.5 }), HOME);
  expect([...arrivals.values()]).toEqual(Array(ALL_CHANNELS.length).fill(1));
});

test("a finding of a region outside the estate reaches nobody (the simulation follows only synthesized rules)", () => {
  expect(route(synth(), findingEvent({ region: "ap-south-1", severity: 9.5 }), "ap-south-1").size).toBe(0);
});
