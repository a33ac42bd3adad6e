import { TerraformOutput, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { DeadLetterQueues } from "../../modules/notifications/dead-letter-queues";
import { ACCOUNTS, addresses, resources, testStack } from "../helpers";
import { decide } from "./simulate";
import { expectAllReported, foreignProvider } from "../topology/props-error";

const HOME_RULE = `arn:aws:events:eu-west-1:${ACCOUNTS.security}:rule/gd-sev4-1`;
const US_RULE = `arn:aws:events:us-east-1:${ACCOUNTS.security}:rule/gd-forward`;

function build(props: Partial<ConstructorParameters<typeof DeadLetterQueues>[2]> = {}) {
  const t = testStack();
  const dlq = new DeadLetterQueues(t.stack, "Dlq", {
    provider: t.provider, partition: "aws", accountId: ACCOUNTS.security, queueName: "gd-dlq",
    senders: { "us-east-1": [US_RULE], "eu-west-1": [HOME_RULE] }, ...props,
  });
  return { ...t, dlq, queue: resources(t.synth(), SqsQueue).dlq_queue };
}

test("creates one queue per region, keyed by region", () => {
  const { synth, queue, dlq } = build();
  expect(addresses(synth())).toEqual(["aws_sqs_queue.dlq_queue"]);
  expect(Object.keys(queue.for_each)).toEqual(["eu-west-1", "us-east-1"]);
  expect(queue.region).toBe("${each.key}");
  expect(queue.name).toBe("gd-dlq");
  expect(dlq.queueArns).toEqual({
    "eu-west-1": `arn:aws:sqs:eu-west-1:${ACCOUNTS.security}:gd-dlq`,
    "us-east-1": `arn:aws:sqs:us-east-1:${ACCOUNTS.security}:gd-dlq`,
  });
});

test("encrypts with SQS-managed keys and keeps dead letters 14 days by default", () => {
  const { queue } = build();
  expect(queue.sqs_managed_sse_enabled).toBe(true);
  expect(queue.message_retention_seconds).toBe(14 * 86400);
});

test("keeps dead letters as many days as asked", () => {
  expect(build({ retentionDays: 3 }).queue.message_retention_seconds).toBe(3 * 86400);
});

test("each region's queue accepts only the rules of that region", async () => {
  const { queue, dlq } = build();
  const policy = (region: string) => JSON.parse(queue.for_each[region].policy);
  const send = (region: string, rule: string) => decide({
    principal: "events.amazonaws.com", action: "sqs:SendMessage", resource: dlq.queueArns[region], resourceAccount: ACCOUNTS.security,
    context: { "aws:SourceArn": rule, "aws:SourceAccount": ACCOUNTS.security }, resourcePolicy: policy(region),
  });
  expect(await send("eu-west-1", HOME_RULE)).toBe("Allowed");
  expect(await send("us-east-1", US_RULE)).toBe("Allowed");
  expect(await send("us-east-1", HOME_RULE)).toBe("ImplicitlyDenied");
});

test("gives references to a region's queue for targets", () => {
  const { dlq, stack, synth } = build();
  new TerraformOutput(stack, "one", { value: dlq.arnOf("eu-west-1") });
  new TerraformOutput(stack, "each", { value: dlq.arnOfEachRegion() });
  const out = synth().output!;
  expect(out.one.value).toBe('${aws_sqs_queue.dlq_queue["eu-west-1"].arn}');
  expect(out.each.value).toBe("${aws_sqs_queue.dlq_queue[each.key].arn}");
});

test("fails on a region without a queue", () => {
  expect(() => build().dlq.arnOf("ap-south-1")).toThrow('no dead-letter queue in region "ap-south-1"; have us-east-1, eu-west-1');
});

test("fails on a retention beyond the SQS maximum", () => {
  expect(() => build({ retentionDays: 15 })).toThrow("retentionDays must be an integer from 1 to 14; got 15");
});

test("fails on a provider of another stack", () => {
  const { app, stack } = testStack();
  const other = new TerraformStack(app, "other");
  const provider = new AwsProvider(other, "aws", { region: "eu-west-1" });
  expect(() => new DeadLetterQueues(stack, "Dlq", { provider, partition: "aws", accountId: ACCOUNTS.security, queueName: "q", senders: {} }))
    .toThrow(/provider must be a provider of stack "test"; got provider "aws" of stack "other"/);
});

test("fails with every problem at once: a foreign provider and a retention beyond the SQS maximum", () => {
  const { app } = testStack();
  expectAllReported(() => build({ provider: foreignProvider(app), retentionDays: 0 }), 'DeadLetterQueues "test/Dlq"', [
    ["provider", 'provider must be a provider of stack "test"; got provider "foreign" of stack "other"'],
    ["retentionDays", "retentionDays must be an integer from 1 to 14; got 0"],
  ]);
});
