import {
  deadLetterQueuePolicy, externalTargetStatement, topicKeyPolicy, topicPolicy,
} from "../../modules/notifications/resource-policies";
import { ACCOUNTS } from "../helpers";
import { decide } from "./simulate";

const ACCOUNT = ACCOUNTS.security;
const OURS = `arn:aws:events:eu-west-1:${ACCOUNT}:rule/guardduty-notifications-sev4-1`;
const OTHER_RULE = `arn:aws:events:eu-west-1:${ACCOUNT}:rule/someone-elses-rule`;
const OTHER_ACCOUNT_RULE = `arn:aws:events:eu-west-1:${ACCOUNTS.other}:rule/guardduty-notifications-sev4-1`;
const TOPIC = `arn:aws:sns:eu-west-1:${ACCOUNT}:guardduty-notifications-email`;
const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const QUEUE = `arn:aws:sqs:eu-west-1:${ACCOUNT}:guardduty-notifications-dlq`;
const rule = (sourceArn: string, account = sourceArn.split(":")[4]) => ({ "aws:SourceArn": sourceArn, "aws:SourceAccount": account });

describe("topic policy", () => {
  const policy = topicPolicy({ topicArn: TOPIC, accountId: ACCOUNT, publisherRuleArns: [OURS] });
  const publish = (context: Record<string, string>) =>
    decide({ principal: "events.amazonaws.com", action: "sns:Publish", resource: TOPIC, resourceAccount: ACCOUNT, context, resourcePolicy: policy });

  test("our rule may publish", async () => expect(await publish(rule(OURS))).toBe("Allowed"));
  test("another rule of the account may not", async () => expect(await publish(rule(OTHER_RULE))).toBe("ImplicitlyDenied"));
  test("a rule of another account may not", async () => expect(await publish(rule(OTHER_ACCOUNT_RULE))).toBe("ImplicitlyDenied"));
  test("nobody may publish without TLS", async () => {
    expect(await publish({ ...rule(OURS), "aws:SecureTransport": "false" })).toBe("ExplicitlyDenied");
  });
  test("a principal of another account may not", async () => {
    expect(await decide({ principal: `arn:aws:iam::${ACCOUNTS.other}:role/x`, action: "sns:Publish", resource: TOPIC, resourceAccount: ACCOUNT,
      identityPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sns:*", Resource: "*" }] }, resourcePolicy: policy })).toBe("ImplicitlyDenied");
  });
  test("fails without a publisher", () => {
    expect(() => topicPolicy({ topicArn: TOPIC, accountId: ACCOUNT, publisherRuleArns: [] })).toThrow(`topic ${TOPIC} needs at least one rule ARN allowed to send; got none`);
  });
});

describe("topic key policy", () => {
  const policy = topicKeyPolicy({ partition: "aws", accountId: ACCOUNT });
  const use = (action: string, principal: string, context: Record<string, string>, p: unknown = policy) =>
    decide({ principal, action, resource: KEY, resourceAccount: ACCOUNT, context, resourcePolicy: p });

  test("EventBridge may generate data keys and decrypt, so it can publish to the encrypted topic", async () => {
    expect(await use("kms:GenerateDataKey", "events.amazonaws.com", rule(OURS))).toBe("Allowed");
    expect(await use("kms:Decrypt", "events.amazonaws.com", rule(OURS))).toBe("Allowed");
  });
  test("is AWS's documented statement: no condition key that might not reach KMS when SNS calls it for EventBridge", async () => {
    // Neither aws:SourceArn nor aws:SourceAccount is documented to reach KMS on this path: the grant must hold without them.
    expect(await use("kms:GenerateDataKey", "events.amazonaws.com", {})).toBe("Allowed");
    expect(await use("kms:Decrypt", "events.amazonaws.com", {})).toBe("Allowed");
    const statement = policy.Statement.find((s) => s.Sid === "AllowEventBridgeToPublishToEncryptedTopics");
    expect(statement).toEqual({
      Sid: "AllowEventBridgeToPublishToEncryptedTopics", Effect: "Allow", Principal: { Service: "events.amazonaws.com" },
      Action: ["kms:GenerateDataKey*", "kms:Decrypt"], Resource: "*",
    });
  });
  test("other rules are kept out by the topic policy, not by the key", async () => {
    const topic = topicPolicy({ topicArn: TOPIC, accountId: ACCOUNT, publisherRuleArns: [OURS] });
    const publish = (context: Record<string, string>) =>
      decide({ principal: "events.amazonaws.com", action: "sns:Publish", resource: TOPIC, resourceAccount: ACCOUNT, context, resourcePolicy: topic });
    expect(await publish(rule(OTHER_RULE))).toBe("ImplicitlyDenied");
    expect(await publish(rule(OTHER_ACCOUNT_RULE))).toBe("ImplicitlyDenied");
  });
  test("principals of another account may not use the key", async () => {
    expect(await decide({ principal: `arn:aws:iam::${ACCOUNTS.other}:role/x`, action: "kms:Decrypt", resource: KEY, resourceAccount: ACCOUNT,
      identityPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*" }] }, resourcePolicy: policy })).toBe("ImplicitlyDenied");
  });
  test("EventBridge may not do anything else with the key", async () => {
    expect(await use("kms:ScheduleKeyDeletion", "events.amazonaws.com", rule(OURS))).toBe("ImplicitlyDenied");
  });
  test("the account keeps administering the key through IAM", async () => {
    expect(await decide({ principal: `arn:aws:iam::${ACCOUNT}:role/KeyAdmin`, action: "kms:PutKeyPolicy", resource: KEY, resourceAccount: ACCOUNT,
      identityPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*" }] }, resourcePolicy: policy })).toBe("Allowed");
  });
  test("Chatbot may not use the key unless chat topics need it", async () => {
    expect(await use("kms:Decrypt", "chatbot.amazonaws.com", { "aws:SourceAccount": ACCOUNT })).toBe("ImplicitlyDenied");
    const withChat = topicKeyPolicy({ partition: "aws", accountId: ACCOUNT, allowChatbot: true });
    expect(await use("kms:Decrypt", "chatbot.amazonaws.com", { "aws:SourceAccount": ACCOUNT }, withChat)).toBe("Allowed");
    expect(await use("kms:Decrypt", "chatbot.amazonaws.com", { "aws:SourceAccount": ACCOUNTS.other }, withChat)).toBe("ImplicitlyDenied");
  });
});

describe("dead-letter queue policy", () => {
  const forward = `arn:aws:events:eu-west-1:${ACCOUNT}:rule/guardduty-notifications-forward`;
  const policy = deadLetterQueuePolicy({ queueArn: QUEUE, senderRuleArns: [OURS, forward] });
  const send = (context: Record<string, string>) =>
    decide({ principal: "events.amazonaws.com", action: "sqs:SendMessage", resource: QUEUE, resourceAccount: ACCOUNT, context, resourcePolicy: policy });

  test("accepts dead letters from our rules", async () => {
    expect(await send(rule(OURS))).toBe("Allowed");
    expect(await send(rule(forward))).toBe("Allowed");
  });
  test("refuses other rules and accounts", async () => {
    expect(await send(rule(OTHER_RULE))).toBe("ImplicitlyDenied");
    expect(await send(rule(OTHER_ACCOUNT_RULE))).toBe("ImplicitlyDenied");
  });
  test("refuses requests without TLS", async () => {
    expect(await send({ ...rule(OURS), "aws:SecureTransport": "false" })).toBe("ExplicitlyDenied");
  });
  test("fails without a sender", () => {
    expect(() => deadLetterQueuePolicy({ queueArn: QUEUE, senderRuleArns: [] })).toThrow(/needs at least one rule ARN allowed to send/);
  });
});

test("the statement for a user-owned queue lets only our rule send", async () => {
  const queue = `arn:aws:sqs:eu-west-1:${ACCOUNT}:siem-intake`;
  const policy = { Version: "2012-10-17", Statement: [externalTargetStatement("sqs", queue, OURS)] };
  const send = (context: Record<string, string>) =>
    decide({ principal: "events.amazonaws.com", action: "sqs:SendMessage", resource: queue, resourceAccount: ACCOUNT, context, resourcePolicy: policy });
  expect(await send(rule(OURS))).toBe("Allowed");
  expect(await send(rule(OTHER_RULE))).toBe("ImplicitlyDenied");
  expect(externalTargetStatement("sns", TOPIC, OURS).Action).toBe("sns:Publish");
});
