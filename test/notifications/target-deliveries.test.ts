import { planDelivery } from "../../modules/notifications/delivery-plan";
import { FIFO_MESSAGE_GROUP, deliveryTargets } from "../../modules/notifications/target-deliveries";
import { ACCOUNTS } from "../helpers";
import { HOME, fullProps } from "./fixtures";

const channels = {
  ...fullProps(undefined as never).channels,
  targets: [
    { name: "triage", arn: `arn:aws:states:${HOME}:${ACCOUNTS.security}:stateMachine:triage` },
    { name: "siem", arn: `arn:aws:sqs:${HOME}:${ACCOUNTS.security}:siem.fifo` },
    { name: "soc-bus", arn: `arn:aws:events:us-east-1:${ACCOUNTS.other}:event-bus/soc` },
  ],
};
const plan = planDelivery({ partition: "aws", homeRegion: HOME, accountId: ACCOUNTS.security, namePrefix: "gd", includeSampleFindings: false, channels });
const topicArns = { email: "arn:topic:email", "slack-secops": "arn:topic:slack", "teams-soc": "arn:topic:teams" };
const result = deliveryTargets({ partition: "aws", plan, channels, topicArns, webhooks: { pager: { apiDestination: { arn: "arn:api:pager" } } } });

test("email goes to its topic with the readable text; chat topics get the unmodified event", () => {
  expect(result.targets.email.arn).toBe("arn:topic:email");
  expect(result.targets.email.inputTransformer?.inputTemplate).toContain("<description>");
  expect(result.targets["slack-secops"]).toEqual({ arn: "arn:topic:slack", usesRole: false });
  expect(result.targets["teams-soc"]).toEqual({ arn: "arn:topic:teams", usesRole: false });
});

test("a Lambda function gets the unmodified event and a permission, no role", () => {
  const fn = channels.lambda![0].functionArn;
  expect(result.targets["lambda-respond"]).toEqual({ arn: fn, usesRole: false, lambdaFunctionArn: fn });
});

test("a webhook gets the JSON body and the role, which may invoke its API destination", () => {
  expect(result.targets["webhook-pager"]).toMatchObject({ arn: "arn:api:pager", usesRole: true });
  expect(result.targets["webhook-pager"].inputTransformer?.inputTemplate).toMatch(/^\{"version":"1"/);
  expect(result.grants).toContainEqual({ sid: "InvokeWebhookPager", actions: ["events:InvokeApiDestination"], resource: "arn:api:pager" });
});

test("role-based targets get the role and a grant on their exact ARN", () => {
  expect(result.targets["target-triage"].usesRole).toBe(true);
  expect(result.grants).toContainEqual({ sid: "DeliverTargetTriage", actions: ["states:StartExecution"], resource: channels.targets[0].arn });
  expect(result.grants).toContainEqual({ sid: "DeliverTargetSocBus", actions: ["events:PutEvents"], resource: channels.targets[2].arn });
});

test("a user-owned queue gets no role but a statement to add to its policy, and a message group when FIFO", () => {
  expect(result.targets["target-siem"]).toEqual({ arn: channels.targets[1].arn, usesRole: false, sqsMessageGroupId: FIFO_MESSAGE_GROUP });
  expect(result.externalPolicyStatements["target-siem"]).toMatchObject({
    Action: "sqs:SendMessage", Resource: channels.targets[1].arn, Condition: { ArnEquals: { "aws:SourceArn": plan.targets["target-siem"].ruleArn } },
  });
});

test("fails when a topic or API destination is missing", () => {
  expect(() => deliveryTargets({ partition: "aws", plan, channels, topicArns: {}, webhooks: {} })).toThrow("no topic for target email");
});

test("a standard queue gets no message group", () => {
  const queue = `arn:aws:sqs:${HOME}:${ACCOUNTS.security}:siem`;
  const only = { targets: [{ name: "siem", arn: queue }] };
  const p = planDelivery({ partition: "aws", homeRegion: HOME, accountId: ACCOUNTS.security, namePrefix: "gd", includeSampleFindings: false, channels: only });
  expect(deliveryTargets({ partition: "aws", plan: p, channels: only, topicArns: {}, webhooks: {} }).targets["target-siem"]).toEqual({ arn: queue, usesRole: false, sqsMessageGroupId: undefined });
});

test("the role's grants come in Sid order, whatever the order of the channels (found by the reorder property, test/properties)", () => {
  const reversed = { ...channels, targets: [...channels.targets].reverse() };
  const again = deliveryTargets({
    partition: "aws", channels: reversed, topicArns, webhooks: { pager: { apiDestination: { arn: "arn:api:pager" } } },
    plan: planDelivery({ partition: "aws", homeRegion: HOME, accountId: ACCOUNTS.security, namePrefix: "gd", includeSampleFindings: false, channels: reversed }),
  });
  expect(result.grants.map((g) => g.sid)).toEqual(["DeliverTargetSocBus", "DeliverTargetTriage", "InvokeWebhookPager"]);
  expect(again.grants).toEqual(result.grants);
});
