import { Construct } from "constructs";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { named } from "../topology/addresses";
import { PlannedRule } from "./delivery-plan";
import { DEFAULT_RETRY, RetryOptions } from "./options";
import { providerInStackProblems } from "../topology/topology";
import { PropProblems } from "../topology/validation";
import { EVENTS_PRINCIPAL } from "./resource-policies";
import { describeThreshold } from "./severity";
import { TargetSpec } from "./target-deliveries";
import { hclSafeText, jsonDocument } from "../topology/hcl-synth";

/** Props of `NotificationRules`. */
export interface NotificationRulesProps {
  /** Provider of the administrator account. */
  readonly provider: AwsProvider;
  /** The home region. */
  readonly region: string;
  /** The planned rules (`planDelivery`). */
  readonly rules: readonly PlannedRule[];
  /** How each planned target is delivered, by target key. */
  readonly targets: Readonly<Record<string, TargetSpec>>;
  /** The home region's dead-letter queue ARN (a reference, so that targets are created after it). */
  readonly deadLetterQueueArn: string;
  /** Statement ID of the Lambda permission of a rule. */
  readonly lambdaStatementId: (ruleName: string) => string;
  /** @default - 24 hours and 185 retries */
  readonly retry?: RetryOptions;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The notification rules of the home region's default event bus and their targets, every target with the retry
 * policy and the dead-letter queue, and the Lambda permissions scoped to the rule that invokes each function.
 *
 * Terraform: `aws_cloudwatch_event_rule.<path>_<ruleKey>`, `aws_cloudwatch_event_target.<path>_<targetKey>`,
 * `aws_lambda_permission.<path>_<targetKey>_permission`.
 */
export class NotificationRules extends Construct {
  /** Rules by rule key (`sev4-1`). */
  public readonly rules: Readonly<Record<string, CloudwatchEventRule>>;
  /** Targets by target key (`email`, `slack-secops`). */
  public readonly targets: Readonly<Record<string, CloudwatchEventTarget>>;
  /** Lambda permissions by target key. */
  public readonly lambdaPermissions: Readonly<Record<string, LambdaPermission>>;

  constructor(scope: Construct, id: string, props: NotificationRulesProps) {
    super(scope, id);
    const p = new PropProblems(this).add(providerInStackProblems(this, props.provider));
    for (const planned of props.rules) {
      for (const t of planned.targets.filter((x) => !props.targets[x.key])) {
        p.add(`targets.${t.key}`, undefined, "a delivery for every planned target", `no delivery given for target ${t.key} of rule ${planned.name}`);
      }
    }
    p.throwIfAny();
    const { provider, region } = props;
    const retry = { ...DEFAULT_RETRY, ...props.retry };
    const rules: Record<string, CloudwatchEventRule> = {};
    const targets: Record<string, CloudwatchEventTarget> = {};
    const permissions: Record<string, LambdaPermission> = {};
    for (const planned of props.rules) {
      const rule = named(
        new CloudwatchEventRule(this, planned.key, {
          provider,
          region,
          name: planned.name,
          description: describeRule(planned),
          eventPattern: jsonDocument(planned.pattern),
          state: "ENABLED",
          tags: { ...props.tags },
        }),
      );
      rules[planned.key] = rule;
      for (const t of planned.targets) {
        const spec = props.targets[t.key];
        const transformer = spec.inputTransformer;
        targets[t.key] = named(
          new CloudwatchEventTarget(this, t.key, {
            provider,
            region,
            rule: rule.name,
            targetId: t.key,
            arn: spec.arn,
            roleArn: spec.roleArn,
            inputTransformer: transformer && { inputPaths: { ...transformer.inputPaths }, inputTemplate: hclSafeText(transformer.inputTemplate) },
            sqsTarget: spec.sqsMessageGroupId === undefined ? undefined : { messageGroupId: spec.sqsMessageGroupId },
            retryPolicy: { maximumEventAgeInSeconds: retry.maximumEventAgeSeconds, maximumRetryAttempts: retry.maximumRetryAttempts },
            deadLetterConfig: { arn: props.deadLetterQueueArn },
          }),
        );
        if (spec.lambdaFunctionArn !== undefined) {
          permissions[t.key] = named(
            new LambdaPermission(this, `${t.key}-permission`, {
              provider,
              region,
              statementId: props.lambdaStatementId(planned.name),
              action: "lambda:InvokeFunction",
              functionName: spec.lambdaFunctionArn,
              principal: EVENTS_PRINCIPAL,
              sourceArn: planned.arn,
            }),
          );
        }
      }
    }
    this.rules = rules;
    this.targets = targets;
    this.lambdaPermissions = permissions;
  }
}

/** `GuardDuty findings of severity 4.0 (MEDIUM) and above of every region, types UnauthorizedAccess:*` */
function describeRule(rule: PlannedRule): string {
  const detail = rule.pattern.detail as { type?: { prefix: string }[]; accountId?: string[] };
  const parts = [`GuardDuty findings of severity ${describeThreshold(rule.minSeverity)} of every region`];
  if (detail.type) parts.push(`types ${detail.type.map((t) => `${t.prefix}*`).join(", ")}`);
  if (detail.accountId) parts.push(`accounts ${detail.accountId.join(", ")}`);
  return parts.join(", ").slice(0, 512);
}
