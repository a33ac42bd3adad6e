import { deliveries, routedRules, scanResultDeliveries } from "../../modules/review/routing";
import { exampleStacks } from "./fixtures";

const REGIONS = ["eu-west-1", "me-south-1", "us-east-1"];

test("finds the home rule's channels and the forwarding rules of the other regions", () => {
  const rules = routedRules(exampleStacks()[0].doc);
  const forward = rules.filter((r) => r.targets.some((t) => t.kind === "event-bus"));
  expect(forward.map((r) => r.region).sort()).toEqual(["me-south-1", "us-east-1"]);
  const channels = rules.flatMap((r) => r.targets.flatMap((t) => t.channels)).sort();
  expect(channels).toEqual(["Slack T0123ABCDE/C0123ABCDE", expect.stringMatching(/^Teams 5555/), "email security-alerts@example.com"].sort());
});

test("a finding from any region at Medium or above reaches each channel exactly once; below Medium, none", () => {
  const rules = routedRules(exampleStacks()[0].doc);
  for (const region of REGIONS) {
    for (const severity of [4, 5.5, 7, 8.9, 9, 10]) {
      const d = deliveries(rules, region, severity);
      expect(d.size).toBe(3);
      expect([...d.values()]).toEqual([1, 1, 1]);
    }
    for (const severity of [1, 2, 3.9]) expect(deliveries(rules, region, severity).size).toBe(0);
  }
});

test("per-channel thresholds are honoured", () => {
  const rules = routedRules(exampleStacks((raw) => { raw.notifications.channels.email.minSeverity = "CRITICAL"; })[0].doc);
  const email = (region: string, s: number) => deliveries(rules, region, s).get("email security-alerts@example.com") ?? 0;
  expect(email("me-south-1", 8.9)).toBe(0);
  expect(email("me-south-1", 9)).toBe(1);
  expect(deliveries(rules, "us-east-1", 5).get("Slack T0123ABCDE/C0123ABCDE")).toBe(1);
});

test("a target bus of another account is a channel, not a forwarding hop: each finding reaches it and every channel once", () => {
  // Found by the delivery property (test/properties): such a bus was followed back into the home region's rules,
  // counting every channel four times and the bus never.
  const central = "arn:aws:events:eu-west-1:888877776666:event-bus/central";
  const rules = routedRules(exampleStacks((raw) => { raw.notifications.channels.targets = [{ name: "central", arn: central }]; })[0].doc);
  for (const region of REGIONS) {
    expect(Object.fromEntries(deliveries(rules, region, 5))).toEqual({
      "Slack T0123ABCDE/C0123ABCDE": 1, [`target ${central}`]: 1, "email security-alerts@example.com": 1,
      "Teams 55555555-6666-7777-8888-999999999999/19%3a0123456789abcdef0123456789abcdef%40thread.tacv2": 1,
    });
  }
});

test("the default bus of another account of the document is a forwarding hop: scan results of a bucket account reach each channel once", () => {
  const rules = routedRules(exampleStacks((raw) => {
    raw.notifications.malwareScanResults = true;
    raw.s3MalwareProtection = { accounts: [{ accountId: "555555555555" }], buckets: [{ account: "555555555555", region: "me-south-1", bucketName: "acme-files" }] };
  })[0].doc);
  const forward = rules.filter((r) => r.account === "555555555555");
  expect(forward.map((r) => [r.region, r.targets.map((t) => t.kind)])).toEqual([["me-south-1", ["event-bus"]]]);
  expect([...scanResultDeliveries(rules, "555555555555", "me-south-1").values()]).toEqual([1, 1, 1]);
  expect(scanResultDeliveries(rules, "555555555555", "me-south-1", "NO_THREATS_FOUND").size).toBe(0);
  // a result published in another account (no forwarding rule there) reaches nobody
  expect(scanResultDeliveries(rules, "999999999999", "me-south-1").size).toBe(0);
});
