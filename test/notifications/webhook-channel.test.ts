import { Construct } from "constructs";
import { CloudwatchEventApiDestination } from "@cdktf/provider-aws/lib/cloudwatch-event-api-destination";
import { CloudwatchEventConnection } from "@cdktf/provider-aws/lib/cloudwatch-event-connection";
import { WebhookChannel } from "../../modules/notifications/channels";
import { WebhookDestination } from "../../modules/notifications/webhook-channel";
import { addresses, resources, testStack } from "../helpers";
import { expectAllReported, foreignProvider } from "../topology/props-error";

const base: WebhookChannel = {
  name: "pager",
  endpoint: "https://events.pager.example.com/v2/enqueue",
  secretHeader: { headerName: "Authorization", valuePrefix: "Bearer ", secretsManagerSecretId: "guardduty/pager-token" },
};

function build(webhooks: WebhookChannel[], scope?: (root: Construct) => Construct) {
  const t = testStack();
  const variables = scope?.(t.stack);
  const made = webhooks.map((webhook) => new WebhookDestination(t.stack, `webhook-${webhook.name}`, {
    provider: t.provider, region: "eu-west-1", name: `gd-hook-${webhook.name}`, webhook, variableScope: variables,
  }));
  return { doc: t.synth(), made };
}

test("creates an API-key connection whose secret comes from Secrets Manager, and an API destination", () => {
  const { doc } = build([base]);
  expect(addresses(doc)).toEqual([
    "aws_cloudwatch_event_api_destination.webhook_pager_destination",
    "aws_cloudwatch_event_connection.webhook_pager_connection",
  ]);
  expect(doc.data?.aws_secretsmanager_secret_version?.webhook_pager_secret).toMatchObject({ secret_id: "guardduty/pager-token", region: "eu-west-1" });
  const connection = resources(doc, CloudwatchEventConnection).webhook_pager_connection;
  expect(connection).toMatchObject({ authorization_type: "API_KEY", region: "eu-west-1", name: "gd-hook-pager" });
  expect(connection.auth_parameters.api_key).toEqual({
    key: "Authorization",
    value: "Bearer ${data.aws_secretsmanager_secret_version.webhook_pager_secret.secret_string}",
  });
});

test("reads one key of a JSON secret", () => {
  const { doc } = build([{ ...base, secretHeader: { headerName: "X-Api-Key", secretsManagerSecretId: "gd/pager", secretsManagerJsonKey: "api-key" } }]);
  expect(resources(doc, CloudwatchEventConnection).webhook_pager_connection.auth_parameters.api_key.value)
    .toBe('${jsondecode(data.aws_secretsmanager_secret_version.webhook_pager_secret.secret_string)["api-key"]}');
});

test("reads an SSM SecureString with decryption", () => {
  const { doc } = build([{ ...base, secretHeader: { headerName: "X-Api-Key", ssmParameterName: "/gd/pager-token" } }]);
  expect(doc.data?.aws_ssm_parameter?.webhook_pager_secret).toMatchObject({ name: "/gd/pager-token", with_decryption: true, region: "eu-west-1" });
  expect(resources(doc, CloudwatchEventConnection).webhook_pager_connection.auth_parameters.api_key.value).toBe("${data.aws_ssm_parameter.webhook_pager_secret.value}");
});

test("declares a sensitive Terraform variable once, named as given, for webhooks that share it", () => {
  const header = { headerName: "Authorization", terraformVariable: "pager_token" };
  const { doc } = build([{ ...base, secretHeader: header }, { ...base, name: "backup", secretHeader: header }], (root) => new Construct(root, "Vars"));
  expect(doc.variable).toEqual({ pager_token: expect.objectContaining({ type: "string", sensitive: true, nullable: false }) });
  for (const c of Object.values(resources(doc, CloudwatchEventConnection))) expect(c.auth_parameters.api_key.value).toBe("${var.pager_token}");
});

test("keeps the secret out of the synthesized configuration", () => {
  const { doc } = build([base]);
  const text = JSON.stringify(doc);
  expect(text).toContain("guardduty/pager-token");
  expect(text).not.toMatch(/"value":"Bearer [^$]/);
});

test("posts at most 10 invocations per second by default", () => {
  const destination = resources(build([base]).doc, CloudwatchEventApiDestination).webhook_pager_destination;
  expect(destination).toMatchObject({
    http_method: "POST", invocation_rate_limit_per_second: 10, invocation_endpoint: base.endpoint, region: "eu-west-1",
    connection_arn: "${aws_cloudwatch_event_connection.webhook_pager_connection.arn}",
  });
});

test("takes the method and rate from the webhook", () => {
  const destination = resources(build([{ ...base, httpMethod: "PUT", invocationRateLimitPerSecond: 50 }]).doc, CloudwatchEventApiDestination).webhook_pager_destination;
  expect(destination).toMatchObject({ http_method: "PUT", invocation_rate_limit_per_second: 50 });
});

test("fails without a secret source", () => {
  expect(() => build([{ ...base, secretHeader: { headerName: "Authorization" } }])).toThrow(
    "webhook pager: secretHeader must set one of secretsManagerSecretId, ssmParameterName, terraformVariable",
  );
});

test("declares a Terraform variable under the webhook itself when no scope is given", () => {
  const { doc, made } = build([{ ...base, secretHeader: { headerName: "Authorization", terraformVariable: "pager_token" } }]);
  expect(Object.keys(doc.variable ?? {})).toEqual(["pager_token"]);
  expect(made[0].node.tryFindChild("Variable-pager_token")).toBe(made[0].secretSource);
});

test("fails with every problem at once: a foreign provider and no secret source", () => {
  const { app, stack } = testStack();
  expectAllReported(() => new WebhookDestination(stack, "webhook-pager", {
    provider: foreignProvider(app), region: "eu-west-1", name: "gd-hook-pager", webhook: { ...base, secretHeader: { headerName: "Authorization" } },
  }), 'WebhookDestination "test/webhook-pager"', [
    ["provider", 'provider must be a provider of stack "test"; got provider "foreign" of stack "other"'],
    ["webhook.secretHeader", "webhook pager: secretHeader must set one of secretsManagerSecretId, ssmParameterName, terraformVariable"],
  ]);
});
