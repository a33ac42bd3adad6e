/**
 * Follows GuardDuty Malware Protection for S3 scan results through the synthesized rules, as EventBridge routes them:
 * a result appears on the default bus of the bucket's account, in the bucket's region; every enabled rule of that bus
 * whose pattern matches sends it to its targets; a target that is a default bus puts it there (keeping its `account`
 * and `region`), after checking that the receiving bus's policy admits the sending account. Counting what reaches each
 * channel proves that a result with threats found reaches each channel once, from every bucket account and region,
 * and that other results and findings are not disturbed.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DeadLetterQueues, FindingNotifications, FindingNotificationsProps, ScanResultForwarding } from "../../modules/notifications";
import { ACCOUNTS, SynthDoc, addresses, testStack } from "../helpers";
import { matches } from "./event-pattern-matcher";
import { HOME, REGIONS, fullProps } from "./fixtures";
import { findingEvent } from "./sample-finding";
import { decide } from "./simulate";
import { instances, resolve } from "./synth-model";

const WORKLOADS = "555555555555";
const ACCOUNT_OF: Record<string, string> = { "aws.security": ACCOUNTS.security, "aws.workloads": WORKLOADS };
const BUS = /^arn:aws[a-z-]*:events:([a-z0-9-]+):(\d{12}):event-bus\/default$/;
/** Every bucket account and region of the fixture: the security account's home and another region, a workload account's two. */
const SOURCES: ReadonlyArray<[string, string]> = [[ACCOUNTS.security, HOME], [ACCOUNTS.security, "us-east-1"], [WORKLOADS, HOME], [WORKLOADS, "ap-south-1"]];
const ALL_CHANNELS = ["email", "lambda-respond", "slack-secops", "target-triage", "teams-soc", "webhook-pager"];

/** A scan result as GuardDuty publishes it (user guide, "S3 object scan result"). */
function scanEvent(account: string, region: string, status = "THREATS_FOUND"): Record<string, unknown> {
  return {
    version: "0", id: "72c7d362-737a-6dce-fc78-9e27a0171419", "detail-type": "GuardDuty Malware Protection Object Scan Result",
    source: "aws.guardduty", account, time: "2026-12-01T10:00:00Z", region,
    resources: [`arn:aws:guardduty:${region}:${account}:malware-protection-plan/b4c7f464ab3a4EXAMPLE`],
    detail: {
      schemaVersion: "1.0", scanStatus: "COMPLETED", resourceType: "S3_OBJECT",
      s3ObjectDetails: { bucketName: "acme-uploads", objectKey: "incoming/invoice \"final\".pdf", eTag: "0488c8a6ad4b1cc1ba9e2ed7ac9e21b3", versionId: null, s3Throttled: false },
      scanResultDetails: { scanResultStatus: status, threats: status === "THREATS_FOUND" ? [{ name: "EICAR-Test-File (not a virus)" }] : null },
    },
  };
}

function synth(overrides: Partial<FindingNotificationsProps> = {}): SynthDoc {
  const t = testStack();
  const workloads = new AwsProvider(t.stack, "workloads", { region: HOME, alias: "workloads" });
  new FindingNotifications(t.stack, "Notifications", fullProps(t.provider, {
    malwareScanResults: true,
    scanResultSources: [
      { accountId: ACCOUNTS.security, regions: [HOME, "us-east-1"], provider: t.provider },
      { accountId: WORKLOADS, regions: [HOME, "ap-south-1"], provider: workloads },
    ],
    ...overrides,
  }));
  return t.synth();
}

/** May `from` put events on the default bus of (`account`, `region`)? Same account, or the bus's policy names it. */
function busAdmits(doc: SynthDoc, account: string, region: string, from: string): boolean {
  if (from === account) return true;
  return instances(doc, "aws_cloudwatch_event_bus_policy").some((p) => ACCOUNT_OF[p.attrs.provider] === account && p.attrs.region === region &&
    JSON.stringify(JSON.parse(p.attrs.policy).Statement.map((s: { Principal: unknown }) => s.Principal)).includes(`:${from}:root`));
}

/** What each channel (target ID) receives when `event` appears on the default bus of (`account`, `region`). */
function route(doc: SynthDoc, event: Record<string, unknown>, account: string, region: string, arrivals = new Map<string, number>(), hops = 0): Map<string, number> {
  if (hops > 3) throw new Error("event went round more than 3 buses: a forwarding loop");
  const here = (i: { attrs: Record<string, any> }) => i.attrs.region === region && ACCOUNT_OF[i.attrs.provider] === account;
  const targets = instances(doc, "aws_cloudwatch_event_target").filter(here);
  for (const rule of instances(doc, "aws_cloudwatch_event_rule").filter((r) => here(r) && r.attrs.state === "ENABLED")) {
    if (!matches(JSON.parse(rule.attrs.event_pattern), event)) continue;
    for (const target of targets.filter((t) => resolve(doc, t.attrs.rule) === rule.attrs.name)) {
      const bus = BUS.exec(resolve(doc, target.attrs.arn));
      if (bus) {
        if (!busAdmits(doc, bus[2], bus[1], account)) throw new Error(`bus of ${bus[2]} in ${bus[1]} refuses events from ${account}`);
        route(doc, event, bus[2], bus[1], arrivals, hops + 1);
      } else arrivals.set(target.attrs.target_id, (arrivals.get(target.attrs.target_id) ?? 0) + 1);
    }
  }
  return arrivals;
}

describe.each(SOURCES)("threats found in a bucket of %s in %s", (account, region) => {
  const doc = synth();
  test("reach every channel exactly once", () => {
    const arrivals = route(doc, scanEvent(account, region), account, region);
    expect(Object.fromEntries(arrivals)).toEqual(Object.fromEntries(ALL_CHANNELS.map((c) => [c, 1])));
  });
  test.each(["NO_THREATS_FOUND", "UNSUPPORTED", "ACCESS_DENIED", "FAILED"])("a result %s reaches nobody", (status) => {
    expect(route(doc, scanEvent(account, region, status), account, region).size).toBe(0);
  });
});

test("findings still reach each channel once, and no scan-result rule matches a finding", () => {
  const doc = synth();
  for (const region of REGIONS) {
    const arrivals = route(doc, findingEvent({ region, severity: 9.5 }), ACCOUNTS.security, region);
    expect(Object.fromEntries(arrivals)).toEqual(Object.fromEntries(ALL_CHANNELS.map((c) => [c, 1])));
  }
});

test("a result of an account or region without protected buckets reaches nobody", () => {
  const doc = synth();
  expect(route(doc, scanEvent(ACCOUNTS.other, HOME), ACCOUNTS.other, HOME).size).toBe(0);
  expect(route(doc, scanEvent(WORKLOADS, "us-east-1"), WORKLOADS, "us-east-1").size).toBe(0);
});

test("a forwarded result is not forwarded again: each forwarding rule matches only its own account and region", () => {
  const doc = synth();
  const forwardRules = instances(doc, "aws_cloudwatch_event_rule").filter((r) => r.attrs.name === "guardduty-notifications-scan-forward");
  expect(forwardRules.map((r) => `${ACCOUNT_OF[r.attrs.provider]}/${r.attrs.region}`).sort())
    .toEqual([`${ACCOUNTS.security}/us-east-1`, `${WORKLOADS}/ap-south-1`, `${WORKLOADS}/${HOME}`]);
  for (const rule of forwardRules) {
    for (const [account, region] of SOURCES) {
      const own = account === ACCOUNT_OF[rule.attrs.provider] && region === rule.attrs.region;
      expect(matches(JSON.parse(rule.attrs.event_pattern), scanEvent(account, region))).toBe(own);
    }
  }
});

test("addresses are keyed by account and region, and the home bus admits only the other bucket accounts", () => {
  const doc = synth();
  const scanAddresses = addresses(doc).filter((a) => a.includes("scan_results"));
  expect(scanAddresses).toEqual([
    "aws_cloudwatch_event_bus_policy.notifications_scan_results_bus_policy",
    "aws_cloudwatch_event_rule.notifications_scan_results_222222222222_rule",
    "aws_cloudwatch_event_rule.notifications_scan_results_555555555555_rule",
    "aws_cloudwatch_event_rule.notifications_scan_results_rules_malware_1",
    "aws_cloudwatch_event_rule.notifications_scan_results_rules_malware_2",
    "aws_cloudwatch_event_target.notifications_scan_results_222222222222_target",
    "aws_cloudwatch_event_target.notifications_scan_results_555555555555_target",
    ...["email", "lambda_respond", "slack_secops", "target_triage", "teams_soc", "webhook_pager"].map((k) => `aws_cloudwatch_event_target.notifications_scan_results_rules_${k}`),
    "aws_iam_role.notifications_scan_results_222222222222_role",
    "aws_iam_role.notifications_scan_results_555555555555_role",
    "aws_iam_role_policy.notifications_scan_results_222222222222_role_policy",
    "aws_iam_role_policy.notifications_scan_results_555555555555_role_policy",
    "aws_lambda_permission.notifications_scan_results_rules_lambda_respond_permission",
  ]);
  // for_each keys are the regions: adding a region or an account only adds instances
  expect(Object.keys(doc.resource!.aws_cloudwatch_event_rule.notifications_scan_results_555555555555_rule.for_each).sort()).toEqual(["ap-south-1", HOME]);
  const [policy] = instances(doc, "aws_cloudwatch_event_bus_policy");
  expect(policy.attrs).toMatchObject({ provider: "aws.security", region: HOME, event_bus_name: "default" });
  expect(JSON.parse(policy.attrs.policy).Statement[0].Principal).toEqual({ AWS: `arn:aws:iam::${WORKLOADS}:root` });
});

test("without other accounts' buckets there is no bus policy, and without malwareScanResults nothing of it", () => {
  const t = testStack();
  new FindingNotifications(t.stack, "Notifications", fullProps(t.provider, {
    malwareScanResults: true, scanResultSources: [{ accountId: ACCOUNTS.security, regions: [HOME], provider: t.provider }],
  }));
  const doc = t.synth();
  expect(doc.resource!.aws_cloudwatch_event_bus_policy).toBeUndefined();
  expect(instances(doc, "aws_cloudwatch_event_rule").filter((r) => r.attrs.name.includes("scan-forward"))).toEqual([]);
  const plain = testStack();
  new FindingNotifications(plain.stack, "Notifications", fullProps(plain.provider));
  expect(JSON.stringify(plain.synth())).not.toMatch(/Malware Protection|scan-forward|malware-/);
});

describe("messages", () => {
  test("each channel's scan-result target carries its message", () => {
    const doc = synth();
    const targets = instances(doc, "aws_cloudwatch_event_target").filter((t) => String(t.attrs.rule).includes("malware"));
    const template = (id: string) => targets.find((t) => t.attrs.target_id === id)?.attrs.input_transformer?.input_template;
    expect(template("email")).toContain("GuardDuty Malware Protection for S3 found threats");
    expect(template("slack-secops")).toContain('"source":"custom"');
    expect(template("webhook-pager")).toContain("guardduty-malware-protection");
    expect(template("lambda-respond")).toBeUndefined();
  });
});

describe("policies", () => {
  const doc = synth();
  const homeBus = `arn:aws:events:${HOME}:${ACCOUNTS.security}:event-bus/default`;
  const busPolicy = JSON.parse(instances(doc, "aws_cloudwatch_event_bus_policy")[0].attrs.policy);
  const roles = instances(doc, "aws_iam_role").filter((r) => r.attrs.name === "guardduty-notifications-scan-forward");
  const role = roles.find((r) => r.attrs.provider === "aws.workloads")!;
  const rolePolicy = JSON.parse(instances(doc, "aws_iam_role_policy").find((p) => p.attrs.provider === "aws.workloads" && p.attrs.name === "put-events-on-home-bus")!.attrs.policy);
  const roleArn = `arn:aws:iam::${WORKLOADS}:role/guardduty-notifications-scan-forward`;
  const scanContext = { "events:source": ["aws.guardduty"], "events:detail-type": ["GuardDuty Malware Protection Object Scan Result"] };
  const put = (principal: string, resource: string, context: Record<string, string[]> = scanContext, identityPolicy: unknown = rolePolicy) =>
    decide({ principal, action: "events:PutEvents", resource, resourceAccount: resource.split(":")[4], context, identityPolicy, resourcePolicy: resource === homeBus ? busPolicy : undefined });

  test("one forwarding role per account that forwards", () => {
    expect(roles.map((r) => r.attrs.provider).sort()).toEqual(["aws.security", "aws.workloads"]);
  });
  test("the bucket account's forwarding role may put scan results on the home bus", async () => {
    expect(await put(roleArn, homeBus)).toBe("Allowed");
  });
  test("it may not put other events there, nor put scan results on another bus", async () => {
    expect(await put(roleArn, homeBus, { "events:source": ["aws.s3"], "events:detail-type": ["Object Created"] })).toBe("ImplicitlyDenied");
    expect(await put(roleArn, homeBus, { "events:source": ["aws.guardduty", "aws.s3"], "events:detail-type": ["GuardDuty Malware Protection Object Scan Result"] })).toBe("ImplicitlyDenied");
    expect(await put(roleArn, homeBus, {})).toBe("ImplicitlyDenied");
    expect(await put(roleArn, `arn:aws:events:us-east-1:${ACCOUNTS.security}:event-bus/default`)).toBe("ImplicitlyDenied");
  });
  test("another account may not put events on the home bus, even with every permission of its own", async () => {
    const everything = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "events:*", Resource: "*" }] };
    expect(await put(`arn:aws:iam::${ACCOUNTS.other}:role/x`, homeBus, scanContext, everything)).toBe("ImplicitlyDenied");
  });
  test("only EventBridge on behalf of the bucket account may assume the forwarding role", async () => {
    const trust = JSON.parse(role.attrs.assume_role_policy);
    const assume = (account: string) => decide({
      principal: "events.amazonaws.com", action: "sts:AssumeRole", resource: roleArn, resourceAccount: WORKLOADS,
      context: { "aws:SourceAccount": account }, resourcePolicy: trust,
    });
    expect(await assume(WORKLOADS)).toBe("Allowed");
    expect(await assume(ACCOUNTS.other)).toBe("ImplicitlyDenied");
  });
});

describe("fails", () => {
  test("fails with malwareScanResults and no source, or sources without malwareScanResults", () => {
    const t = testStack();
    expect(() => new FindingNotifications(t.stack, "A", fullProps(t.provider, { malwareScanResults: true })))
      .toThrow(/scanResultSources must list the accounts and regions of the buckets protected by Malware Protection for S3 when malwareScanResults is true; got none/);
    expect(() => new FindingNotifications(t.stack, "B", fullProps(t.provider, { scanResultSources: [{ accountId: WORKLOADS, regions: [HOME], provider: t.provider }] })))
      .toThrow(/scanResultSources is only used with malwareScanResults: true/);
  });
  test("fails on a source account that is not an account ID, or without regions", () => {
    const t = testStack();
    expect(() => new FindingNotifications(t.stack, "A", fullProps(t.provider, {
      malwareScanResults: true, scanResultSources: [{ accountId: "5555", regions: [], provider: t.provider }],
    }))).toThrow(/scanResultSources\[0\]\.accountId[\s\S]*scanResultSources\[0\]\.regions must list literal region codes; got \[\]/);
  });
});

test("the topics, the home dead-letter queue and user-owned queues accept the scan-result rules too", () => {
  const t = testStack();
  const workloads = new AwsProvider(t.stack, "workloads", { region: HOME, alias: "workloads" });
  const queue = `arn:aws:sqs:${HOME}:${ACCOUNTS.security}:triage`;
  const n = new FindingNotifications(t.stack, "Notifications", fullProps(t.provider, {
    malwareScanResults: true, scanResultSources: [{ accountId: WORKLOADS, regions: [HOME], provider: workloads }],
    channels: { email: { addresses: ["secops@example.com"] }, targets: [{ name: "queue", arn: queue }] },
  }));
  const doc = t.synth();
  const malware = `arn:aws:events:${HOME}:${ACCOUNTS.security}:rule/guardduty-notifications-malware-1`;
  const topic = instances(doc, "aws_sns_topic").find((x) => x.attrs.name === "guardduty-notifications-email")!;
  expect(JSON.parse(topic.attrs.policy).Statement[0].Condition.ArnEquals["aws:SourceArn"]).toContain(malware);
  const deadLetters = instances(doc, "aws_sqs_queue").find((x) => x.attrs.region === HOME)!;
  expect(String(deadLetters.attrs.policy)).toContain(malware);
  expect(n.externalPolicyStatements["target-queue"].Condition).toEqual({
    ArnEquals: { "aws:SourceArn": [`arn:aws:events:${HOME}:${ACCOUNTS.security}:rule/guardduty-notifications-sev4-1`, malware] },
  });
});

test("the administrator account's forwarding targets use its dead-letter queue of their region, which admits them; others retry only", () => {
  const doc = synth();
  const targets = Object.entries<any>(doc.resource!.aws_cloudwatch_event_target).filter(([name]) => /scan_results_\d+_target$/.test(name));
  const byName = Object.fromEntries(targets);
  expect(byName[`notifications_scan_results_${ACCOUNTS.security}_target`].dead_letter_config).toEqual({ arn: "${aws_sqs_queue.notifications_dead_letter_queues_queue[each.key].arn}" });
  expect(byName[`notifications_scan_results_${WORKLOADS}_target`].dead_letter_config).toBeUndefined();
  expect(byName[`notifications_scan_results_${WORKLOADS}_target`].retry_policy).toEqual({ maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 });
  const queue = instances(doc, "aws_sqs_queue").find((q) => q.attrs.region === "us-east-1")!;
  const senders = JSON.parse(queue.attrs.policy).Statement.find((s: any) => s.Condition?.ArnEquals)?.Condition.ArnEquals["aws:SourceArn"];
  expect(senders).toEqual(expect.arrayContaining([`arn:aws:events:us-east-1:${ACCOUNTS.security}:rule/guardduty-notifications-scan-forward`]));
});

test("fails on forwarding from the administrator's home region, or with dead-letter queues missing a region", () => {
  const t = testStack();
  const common = {
    provider: t.provider, partition: "aws" as const, accountId: ACCOUNTS.security, homeAccountId: ACCOUNTS.security, homeRegion: HOME,
    ruleName: "r", roleName: "r",
  };
  expect(() => new ScanResultForwarding(t.stack, "A", { ...common, regions: [HOME] }))
    .toThrow(`regions must not include the home region ${HOME} of the administrator account: its results are matched there natively, forwarding them would notify twice`);
  const dlq = new DeadLetterQueues(t.stack, "Q", { provider: t.provider, partition: "aws", accountId: ACCOUNTS.security, queueName: "q", senders: { "us-east-1": ["arn:aws:events:us-east-1:222222222222:rule/r"] } });
  expect(() => new ScanResultForwarding(t.stack, "B", { ...common, regions: ["us-east-1", "ap-south-1"], deadLetterQueues: dlq }))
    .toThrow("deadLetterQueues must have a queue in every region; missing ap-south-1");
});
