import {
  chatbotNotificationsOnlyPolicy, chatbotTrustPolicy, defaultChatbotGuardrails, deliveryPolicy, eventBridgeTrustPolicy,
  forwardingPolicy, TARGET_ACTIONS,
} from "../../modules/notifications/role-policies";
import { ACCOUNTS } from "../helpers";
import { decide } from "./simulate";

const ACCOUNT = ACCOUNTS.security;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/guardduty-notifications-forward`;
const HOME_BUS = `arn:aws:events:eu-west-1:${ACCOUNT}:event-bus/default`;
const assume = (principal: string, account: string, policy: unknown) =>
  decide({ principal, action: "sts:AssumeRole", resource: ROLE, resourceAccount: ACCOUNT, context: { "aws:SourceAccount": account }, resourcePolicy: policy });
const asRole = (policy: unknown, action: string, resource: string) =>
  decide({ principal: ROLE, action, resource, resourceAccount: resource.split(":")[4] || ACCOUNT, identityPolicy: policy });

test("EventBridge of our account may assume the roles; of another account, or another service, may not", async () => {
  const trust = eventBridgeTrustPolicy(ACCOUNT);
  expect(await assume("events.amazonaws.com", ACCOUNT, trust)).toBe("Allowed");
  expect(await assume("events.amazonaws.com", ACCOUNTS.other, trust)).toBe("ImplicitlyDenied");
  expect(await assume("lambda.amazonaws.com", ACCOUNT, trust)).toBe("ImplicitlyDenied");
});

test("the forwarding role may put events on the home bus only", async () => {
  const policy = forwardingPolicy(HOME_BUS);
  expect(await asRole(policy, "events:PutEvents", HOME_BUS)).toBe("Allowed");
  expect(await asRole(policy, "events:PutEvents", `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default`)).toBe("ImplicitlyDenied");
  expect(await asRole(policy, "events:PutRule", `arn:aws:events:eu-west-1:${ACCOUNT}:rule/x`)).toBe("ImplicitlyDenied");
});

test("the delivery role may call exactly its webhooks and targets", async () => {
  const destination = `arn:aws:events:eu-west-1:${ACCOUNT}:api-destination/guardduty-notifications-hook-pager/0123abcd-0123-4567-89ab-0123456789ab`;
  const machine = `arn:aws:states:eu-west-1:${ACCOUNT}:stateMachine:triage`;
  const policy = deliveryPolicy([
    { sid: "InvokeWebhookPager", actions: ["events:InvokeApiDestination"], resource: destination },
    { sid: "DeliverTargetTriage", actions: TARGET_ACTIONS.stepfunctions, resource: machine },
  ]);
  expect(await asRole(policy, "events:InvokeApiDestination", destination)).toBe("Allowed");
  expect(await asRole(policy, "states:StartExecution", machine)).toBe("Allowed");
  expect(await asRole(policy, "events:InvokeApiDestination", destination.replace("pager", "other"))).toBe("ImplicitlyDenied");
  expect(await asRole(policy, "states:StartExecution", machine.replace("triage", "other"))).toBe("ImplicitlyDenied");
  expect(await asRole(policy, "states:StopExecution", `arn:aws:states:eu-west-1:${ACCOUNT}:execution:triage:1`)).toBe("ImplicitlyDenied");
});

test("fails to build a delivery policy without grants", () => {
  expect(() => deliveryPolicy([])).toThrow("the delivery role needs at least one grant; got none");
});

test("Chatbot, and only Chatbot, may assume the channel role", async () => {
  expect(await assume("chatbot.amazonaws.com", ACCOUNT, chatbotTrustPolicy())).toBe("Allowed");
  expect(await assume("events.amazonaws.com", ACCOUNT, chatbotTrustPolicy())).toBe("ImplicitlyDenied");
});

test("the channel role may read CloudWatch and change nothing", async () => {
  const policy = chatbotNotificationsOnlyPolicy();
  const alarm = `arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:x`;
  expect(await asRole(policy, "cloudwatch:DescribeAlarms", "*")).toBe("Allowed");
  expect(await asRole(policy, "cloudwatch:PutMetricAlarm", alarm)).toBe("ImplicitlyDenied");
  expect(await asRole(policy, "guardduty:UpdateDetector", `arn:aws:guardduty:eu-west-1:${ACCOUNT}:detector/abc`)).toBe("ImplicitlyDenied");
  expect(await asRole(policy, "s3:GetObject", "arn:aws:s3:::findings/AWSLogs/x.jsonl.gz")).toBe("ImplicitlyDenied");
});

test("guardrails default to read-only CloudWatch, not AdministratorAccess", () => {
  expect(defaultChatbotGuardrails("aws")).toEqual(["arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess"]);
  expect(defaultChatbotGuardrails("aws-us-gov")).toEqual(["arn:aws-us-gov:iam::aws:policy/CloudWatchReadOnlyAccess"]);
});
