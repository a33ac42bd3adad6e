/**
 * How each planned target is delivered: its ARN, input, role and the grants and external policy statements that
 * go with it.
 *
 * Pure functions, no cdktf import.
 */
import { Partition } from "../topology/regions";
import { NotificationChannels } from "./channels";
import { DeliveryPlan } from "./delivery-plan";
import { InputTransformer, emailInputTransformer } from "./email-transformer";
import { IamStatement, externalTargetStatement } from "./resource-policies";
import { DeliveryGrant, TARGET_ACTIONS } from "./role-policies";
import { webhookInputTransformer } from "./webhook-payload";

/** How one planned target is delivered. */
export interface TargetSpec {
  /** What the rule calls: topic, function, API destination, state machine, stream, queue or bus ARN. */
  readonly arn: string;
  /** @default - none (resource-policy targets: SNS, SQS, Lambda) */
  readonly roleArn?: string;
  /** @default - the unmodified event */
  readonly inputTransformer?: InputTransformer;
  /** Message group of a FIFO queue target. @default - none */
  readonly sqsMessageGroupId?: string;
  /** Grant this function's invocation to the rule (`aws_lambda_permission`). @default - no permission */
  readonly lambdaFunctionArn?: string;
}

/** A target spec before the delivery role exists: `usesRole` says whether it gets the role. */
export interface DeliveryTarget extends Omit<TargetSpec, "roleArn"> {
  readonly usesRole: boolean;
}

/** What `deliveryTargets` needs. */
export interface DeliveryTargetsInput {
  readonly partition: Partition;
  readonly plan: DeliveryPlan;
  readonly channels: NotificationChannels;
  /** Topic ARNs by key (`email`, `slack-<name>`, `teams-<name>`). */
  readonly topicArns: Readonly<Record<string, string>>;
  /** Webhooks by name, with their API destination ARN. */
  readonly webhooks: Readonly<Record<string, { readonly apiDestination: { readonly arn: string } }>>;
}

/** Message group of FIFO queue targets: one group keeps findings in order. */
export const FIFO_MESSAGE_GROUP = "guardduty-findings";

/** Every planned target's delivery, the grants of the delivery role, and statements for user-owned queues/topics. */
export function deliveryTargets(input: DeliveryTargetsInput): {
  targets: Record<string, DeliveryTarget>;
  grants: DeliveryGrant[];
  externalPolicyStatements: Record<string, IamStatement>;
} {
  const { plan, channels } = input;
  const targets: Record<string, DeliveryTarget> = {};
  const grants: DeliveryGrant[] = [];
  const external: Record<string, IamStatement> = {};
  const sid = (key: string) => key.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("").replace(/[^A-Za-z0-9]/g, "");
  const topic = (key: string) => {
    const arn = input.topicArns[key];
    if (arn === undefined) throw new Error(`no topic for target ${key}`);
    return arn;
  };
  for (const t of Object.values(plan.targets)) {
    switch (t.kind) {
      case "email": {
        const rule = plan.rules.find((r) => r.key === t.ruleKey)!;
        targets[t.key] = {
          arn: topic(t.key),
          usesRole: false,
          inputTransformer: emailInputTransformer({ partition: input.partition, minSeverity: rule.minSeverity }),
        };
        break;
      }
      case "slack":
      case "teams":
        targets[t.key] = { arn: topic(t.key), usesRole: false };
        break;
      case "lambda": {
        const fn = channels.lambda![t.index].functionArn;
        targets[t.key] = { arn: fn, usesRole: false, lambdaFunctionArn: fn };
        break;
      }
      case "webhook": {
        const webhook = channels.webhooks![t.index];
        const destination = input.webhooks[webhook.name];
        if (!destination) throw new Error(`no API destination for webhook ${webhook.name}`);
        grants.push({ sid: `Invoke${sid(t.key)}`, actions: ["events:InvokeApiDestination"], resource: destination.apiDestination.arn });
        targets[t.key] = {
          arn: destination.apiDestination.arn,
          usesRole: true,
          inputTransformer: webhookInputTransformer({ partition: input.partition, includeFullEvent: webhook.includeFullEvent }),
        };
        break;
      }
      case "sqs":
      case "sns": {
        const arn = channels.targets![t.index].arn;
        external[t.key] = externalTargetStatement(t.kind, arn, t.ruleArn);
        const fifo = t.kind === "sqs" && arn.endsWith(".fifo");
        targets[t.key] = { arn, usesRole: false, sqsMessageGroupId: fifo ? FIFO_MESSAGE_GROUP : undefined };
        break;
      }
      default: {
        const arn = channels.targets![t.index].arn;
        grants.push({ sid: `Deliver${sid(t.key)}`, actions: TARGET_ACTIONS[t.kind], resource: arn });
        targets[t.key] = { arn, usesRole: true };
      }
    }
  }
  // in Sid order, not channel order: reordering channels in the estate file must not rewrite the role's policy
  grants.sort((a, b) => (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0));
  return { targets, grants, externalPolicyStatements: external };
}
