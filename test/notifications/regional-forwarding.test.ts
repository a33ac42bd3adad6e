import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { DeadLetterQueues } from "../../modules/notifications/dead-letter-queues";
import { RegionalForwarding, RegionalForwardingProps } from "../../modules/notifications/regional-forwarding";
import { ACCOUNTS, addresses, resources, testStack } from "../helpers";
import { matches } from "./event-pattern-matcher";
import { findingEvent } from "./sample-finding";
import { expectAllReported } from "../topology/props-error";

const A = ACCOUNTS.security;

function build(props: Partial<RegionalForwardingProps> = {}) {
  const t = testStack();
  const deadLetterQueues = new DeadLetterQueues(t.stack, "Dlq", {
    provider: t.provider, partition: "aws", accountId: A, queueName: "gd-dlq",
    senders: { "eu-west-1": ["arn:aws:events:eu-west-1:222222222222:rule/gd-sev4-1"], "us-east-1": ["x"], "me-south-1": ["y"] },
  });
  const forwarding = new RegionalForwarding(t.stack, "Forwarding", {
    provider: t.provider, partition: "aws", accountId: A, homeRegion: "eu-west-1", sourceRegions: ["us-east-1", "me-south-1"],
    ruleName: "gd-forward", roleName: "gd-forward", minSeverity: 4, deadLetterQueues, ...props,
  });
  return { doc: t.synth(), forwarding };
}

test("creates one rule and one target per non-home region, keyed by region, and the role", () => {
  const { doc } = build();
  expect(addresses(doc).filter((a) => !a.startsWith("aws_sqs"))).toEqual([
    "aws_cloudwatch_event_rule.forwarding_rule",
    "aws_cloudwatch_event_target.forwarding_target",
    "aws_iam_role.forwarding_role",
    "aws_iam_role_policy.forwarding_role_policy",
  ]);
  const rule = resources(doc, CloudwatchEventRule).forwarding_rule;
  expect(Object.keys(rule.for_each)).toEqual(["me-south-1", "us-east-1"]);
  expect(rule).toMatchObject({ region: "${each.key}", name: "gd-forward", state: "ENABLED", event_pattern: "${each.value.pattern}" });
});

test("each region's rule forwards the findings published in that region, from the lowest channel threshold", () => {
  const rule = resources(build().doc, CloudwatchEventRule).forwarding_rule;
  const pattern = JSON.parse(rule.for_each["us-east-1"].pattern);
  expect(pattern.region).toEqual(["us-east-1"]);
  expect(pattern.detail.severity).toEqual([{ numeric: [">=", 4] }]);
  expect(matches(pattern, findingEvent({ region: "us-east-1" }))).toBe(true);
  expect(matches(pattern, findingEvent({ region: "me-south-1" }))).toBe(false);
  expect(matches(pattern, findingEvent({ region: "us-east-1", severity: 3 }))).toBe(false);
});

test("forwards sample findings only when asked", () => {
  const pattern = (p: Partial<RegionalForwardingProps>) => JSON.parse(resources(build(p).doc, CloudwatchEventRule).forwarding_rule.for_each["us-east-1"].pattern);
  expect(matches(pattern({}), findingEvent({ region: "us-east-1", sample: true }))).toBe(false);
  expect(matches(pattern({ includeSampleFindings: true }), findingEvent({ region: "us-east-1", sample: true }))).toBe(true);
});

test("targets the home region's default bus with the role, the retry policy and the region's dead-letter queue", () => {
  const target = resources(build().doc, CloudwatchEventTarget).forwarding_target;
  expect(target).toMatchObject({
    region: "${each.key}",
    rule: "${aws_cloudwatch_event_rule.forwarding_rule[each.key].name}",
    target_id: "home-region-bus",
    arn: `arn:aws:events:eu-west-1:${A}:event-bus/default`,
    role_arn: "${aws_iam_role.forwarding_role.arn}",
    retry_policy: { maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 },
    dead_letter_config: { arn: "${aws_sqs_queue.dlq_queue[each.key].arn}" },
  });
});

test("the role may put events on the home bus only", () => {
  const policy = JSON.parse(resources(build().doc, IamRolePolicy).forwarding_role_policy.policy);
  expect(policy.Statement).toEqual([{ Sid: "PutEventsOnHomeBus", Effect: "Allow", Action: "events:PutEvents", Resource: `arn:aws:events:eu-west-1:${A}:event-bus/default` }]);
});

test("exposes the rule ARNs by region", () => {
  expect(build().forwarding.ruleArns).toEqual({
    "me-south-1": `arn:aws:events:me-south-1:${A}:rule/gd-forward`,
    "us-east-1": `arn:aws:events:us-east-1:${A}:rule/gd-forward`,
  });
});

test("fails when the home region is a source, which would notify twice", () => {
  expect(() => build({ sourceRegions: ["eu-west-1", "us-east-1"] })).toThrow("sourceRegions must not include the home region eu-west-1");
});

test("fails without a source region", () => {
  expect(() => build({ sourceRegions: [] })).toThrow("sourceRegions must list at least one region besides the home region; got none");
});

test("fails when a source region has no dead-letter queue", () => {
  expect(() => build({ sourceRegions: ["us-east-1", "ap-south-1"] })).toThrow("deadLetterQueues must have a queue in every source region; missing ap-south-1");
});

test("fails with every problem at once: the home region among the sources and a source without a dead-letter queue", () => {
  expectAllReported(() => build({ sourceRegions: ["eu-west-1", "ap-south-1"] }), 'RegionalForwarding "test/Forwarding"', [
    ["sourceRegions", "sourceRegions must not include the home region eu-west-1: its findings are matched natively, forwarding them would notify twice"],
    ["deadLetterQueues", "deadLetterQueues must have a queue in every source region; missing ap-south-1"],
  ]);
});
