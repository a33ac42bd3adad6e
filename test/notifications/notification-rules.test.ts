import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { planDelivery } from "../../modules/notifications/delivery-plan";
import { emailInputTransformer } from "../../modules/notifications/email-transformer";
import { NotificationRules, NotificationRulesProps } from "../../modules/notifications/notification-rules";
import { ACCOUNTS, addresses, resources, testStack } from "../helpers";
import { decide } from "./simulate";
import { expectAllReported, foreignProvider } from "../topology/props-error";

const FN = `arn:aws:lambda:eu-west-1:${ACCOUNTS.security}:function:respond`;
const plan = planDelivery({
  partition: "aws", homeRegion: "eu-west-1", accountId: ACCOUNTS.security, namePrefix: "gd", includeSampleFindings: false,
  channels: {
    email: { addresses: ["a@example.com"] },
    lambda: [{ name: "respond", functionArn: FN, minSeverity: "HIGH", findingTypePrefixes: ["UnauthorizedAccess:"] }],
  },
});
const lambdaRule = plan.rules[1];

function build(props: Partial<NotificationRulesProps> = {}) {
  const t = testStack();
  new NotificationRules(t.stack, "Rules", {
    provider: t.provider, region: "eu-west-1", rules: plan.rules, deadLetterQueueArn: "arn:aws:sqs:eu-west-1:222222222222:gd-dlq",
    lambdaStatementId: (rule) => `AllowEventBridge-${rule}`,
    targets: {
      email: { arn: "arn:aws:sns:eu-west-1:222222222222:gd-email", inputTransformer: emailInputTransformer({ partition: "aws", minSeverity: 4 }) },
      "lambda-respond": { arn: FN, lambdaFunctionArn: FN },
    },
    ...props,
  });
  return t.synth();
}

test("creates the planned rules, their targets and the Lambda permission, with readable addresses", () => {
  expect(addresses(build())).toEqual([
    "aws_cloudwatch_event_rule.rules_sev4_1",
    `aws_cloudwatch_event_rule.rules_${lambdaRule.key.replace(/-/g, "_")}`,
    "aws_cloudwatch_event_target.rules_email",
    "aws_cloudwatch_event_target.rules_lambda_respond",
    "aws_lambda_permission.rules_lambda_respond_permission",
  ]);
});

test("rules are enabled in the home region with the planned pattern and a description of it", () => {
  const rule = resources(build(), CloudwatchEventRule).rules_sev4_1;
  expect(rule).toMatchObject({ name: "gd-sev4-1", region: "eu-west-1", state: "ENABLED", description: "GuardDuty findings of severity 4.0 (MEDIUM) and above of every region" });
  expect(JSON.parse(rule.event_pattern)).toEqual(plan.rules[0].pattern);
  const narrow = Object.values(resources(build(), CloudwatchEventRule)).find((r: any) => r.name === lambdaRule.name);
  expect(narrow.description).toBe("GuardDuty findings of severity 7.0 (HIGH) and above of every region, types UnauthorizedAccess:*");
});

test("every target retries for 24 hours, 185 times, then writes to the dead-letter queue", () => {
  for (const target of Object.values(resources(build(), CloudwatchEventTarget))) {
    expect(target.retry_policy).toEqual({ maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 });
    expect(target.dead_letter_config).toEqual({ arn: "arn:aws:sqs:eu-west-1:222222222222:gd-dlq" });
    expect(target.region).toBe("eu-west-1");
  }
});

test("takes the retry policy from props", () => {
  const target = resources(build({ retry: { maximumEventAgeSeconds: 3600, maximumRetryAttempts: 10 } }), CloudwatchEventTarget).rules_email;
  expect(target.retry_policy).toEqual({ maximum_event_age_in_seconds: 3600, maximum_retry_attempts: 10 });
});

test("transforms the email input and leaves the Lambda input unmodified", () => {
  const targets = resources(build(), CloudwatchEventTarget);
  expect(targets.rules_email).toMatchObject({ target_id: "email", rule: "${aws_cloudwatch_event_rule.rules_sev4_1.name}" });
  expect(targets.rules_email.input_transformer.input_template).toContain("<description>");
  expect(targets.rules_lambda_respond.input_transformer).toBeUndefined();
  expect(targets.rules_lambda_respond.role_arn).toBeUndefined();
});

test("the Lambda permission lets only the rule that targets the function invoke it", async () => {
  const p = resources(build(), LambdaPermission).rules_lambda_respond_permission;
  expect(p).toMatchObject({ action: "lambda:InvokeFunction", principal: "events.amazonaws.com", function_name: FN, source_arn: lambdaRule.arn, region: "eu-west-1", statement_id: `AllowEventBridge-${lambdaRule.name}` });
  const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: p.principal }, Action: p.action, Resource: p.function_name, Condition: { ArnLike: { "AWS:SourceArn": p.source_arn } } }] };
  const invoke = (rule: string) => decide({ principal: "events.amazonaws.com", action: "lambda:InvokeFunction", resource: FN, resourceAccount: ACCOUNTS.security, context: { "aws:SourceArn": rule }, resourcePolicy: policy });
  expect(await invoke(lambdaRule.arn)).toBe("Allowed");
  expect(await invoke(plan.rules[0].arn)).toBe("ImplicitlyDenied");
  expect(await invoke(`arn:aws:events:eu-west-1:${ACCOUNTS.other}:rule/${lambdaRule.name}`)).toBe("ImplicitlyDenied");
});

test("fails on a planned target without a delivery", () => {
  expect(() => build({ targets: {} })).toThrow("no delivery given for target email of rule gd-sev4-1");
});

test("fails with every problem at once: a foreign provider and every planned target without a delivery", () => {
  const { app } = testStack();
  expectAllReported(() => build({ provider: foreignProvider(app), targets: {} }), 'NotificationRules "test/Rules"', [
    ["provider", 'provider must be a provider of stack "test"; got provider "foreign" of stack "other"'],
    ["targets.email", "no delivery given for target email of rule gd-sev4-1"],
    ["targets.lambda-respond", `no delivery given for target lambda-respond of rule ${lambdaRule.name}`],
  ]);
});
