/**
 * IAM roles of the notifications module: who may assume them and what they may do.
 *
 * Pure functions, no cdktf import.
 */
import { Partition } from "../topology/regions";
import { CHATBOT_PRINCIPAL, EVENTS_PRINCIPAL, IamPolicy, IamStatement } from "./resource-policies";
import { TargetKind } from "./channels";

/** Trust policy of a role EventBridge assumes for our rules: the events service, on behalf of our account only. */
export function eventBridgeTrustPolicy(accountId: string): IamPolicy {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AllowEventBridgeOfThisAccount",
        Effect: "Allow",
        Principal: { Service: EVENTS_PRINCIPAL },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": accountId } },
      },
    ],
  };
}

/** Permissions of the forwarding role: put events on the home region's default bus, nothing else. */
export function forwardingPolicy(homeBusArn: string): IamPolicy {
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "PutEventsOnHomeBus", Effect: "Allow", Action: "events:PutEvents", Resource: homeBusArn }],
  };
}

/** The actions EventBridge needs on each kind of role-based target. SQS and SNS targets use their resource policy. */
export const TARGET_ACTIONS: Readonly<Record<Exclude<TargetKind, "sqs" | "sns">, readonly string[]>> = Object.freeze({
  stepfunctions: ["states:StartExecution"],
  kinesis: ["kinesis:PutRecord"],
  firehose: ["firehose:PutRecord", "firehose:PutRecordBatch"],
  eventbus: ["events:PutEvents"],
});

/** One thing the delivery role may do: `actions` on exactly `resource`. */
export interface DeliveryGrant {
  /** Statement ID: letters and digits. */
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resource: string;
}

/** Permissions of the delivery role: one statement per webhook or role-based target, on its exact ARN. */
export function deliveryPolicy(grants: readonly DeliveryGrant[]): IamPolicy {
  if (grants.length === 0) throw new Error("the delivery role needs at least one grant; got none");
  const statements: IamStatement[] = grants.map((g) => ({
    Sid: g.sid,
    Effect: "Allow",
    Action: g.actions.length === 1 ? g.actions[0] : [...g.actions],
    Resource: g.resource,
  }));
  return { Version: "2012-10-17", Statement: statements };
}

/** Trust policy of the Chatbot channel role. */
export function chatbotTrustPolicy(): IamPolicy {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "AllowChatbot", Effect: "Allow", Principal: { Service: CHATBOT_PRINCIPAL }, Action: "sts:AssumeRole" },
    ],
  };
}

/**
 * Permissions of the Chatbot channel role: the "notifications only" permissions of the Chatbot documentation
 * (read CloudWatch to render notifications), and nothing that changes anything.
 */
export function chatbotNotificationsOnlyPolicy(): IamPolicy {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "NotificationsOnly",
        Effect: "Allow",
        Action: ["cloudwatch:Describe*", "cloudwatch:Get*", "cloudwatch:List*"],
        Resource: "*",
      },
    ],
  };
}

/**
 * The default guardrail of the chat channels: the managed read-only CloudWatch policy, instead of the
 * `AdministratorAccess` Chatbot applies when no guardrail is given. Guardrails cap what any chat member can do
 * through the channel, whatever role they use.
 */
export function defaultChatbotGuardrails(partition: Partition): string[] {
  return [`arn:${partition}:iam::aws:policy/CloudWatchReadOnlyAccess`];
}
