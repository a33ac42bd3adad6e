import { CHIME_REFUSAL, NotificationChannels } from "../../modules/notifications/channels";
import { ValidationContext, channelIssues, propertyName } from "../../modules/notifications/channel-validation";
import { ACCOUNTS } from "../helpers";
import { HOME, fullProps } from "./fixtures";

const ctx: ValidationContext = { partition: "aws", homeRegion: HOME, accountId: ACCOUNTS.security };
const valid = fullProps(undefined as never).channels;
const messages = (channels: unknown, c: ValidationContext = ctx) => channelIssues(channels as NotificationChannels, c).map((i) => i.message);
const paths = (channels: unknown) => channelIssues(channels as NotificationChannels, ctx).map((i) => i.path);

test("accepts every channel at once", () => {
  expect(channelIssues(valid, ctx)).toEqual([]);
});

test("names properties by their path", () => {
  expect(propertyName(["channels", "lambda", 0, "functionArn"])).toBe("channels.lambda[0].functionArn");
});

test("fails on chime, pointing to Teams or a webhook", () => {
  expect(messages({ chime: [{ name: "x", webhookUrl: "https://x" }] })).toEqual([CHIME_REFUSAL]);
  expect(CHIME_REFUSAL).toBe("chime is not supported: Amazon Chime ended service on 2026-02-20; use a teams channel (AWS Chatbot) or a webhook instead");
});

test("fails on an unknown channel kind", () => {
  expect(messages({ pagerduty: {} })).toEqual(['channels.pagerduty is not a channel; allowed: email, slack, teams, lambda, webhooks, targets; got "pagerduty"']);
});

test("fails on an email channel without addresses, a bad address and a repeated one", () => {
  expect(messages({ email: { addresses: [] } })).toEqual(["channels.email.addresses must list at least one address; got []"]);
  expect(messages({ email: { addresses: ["secops", "a@example.com", "A@example.com"] } })).toEqual([
    'channels.email.addresses[0] must be an email address such as security@example.com; got "secops"',
    'channels.email.addresses must not repeat an address; got "A@example.com" twice',
  ]);
});

test("fails on a bad threshold, naming the channel", () => {
  expect(messages({ email: { addresses: ["a@example.com"], minSeverity: 11 } })).toEqual(["channels.email.minSeverity must be between 1 and 10; got 11"]);
});

test("fails on bad filters", () => {
  expect(messages({ email: { addresses: ["a@example.com"], findingTypePrefixes: ["bad prefix"], accountIds: ["12345"] } })).toEqual([
    'channels.email.findingTypePrefixes[0] must be the start of a GuardDuty finding type such as "UnauthorizedAccess:" or "CryptoCurrency:EC2/"; got "bad prefix"',
    'channels.email.accountIds[0] must be a 12-digit AWS account ID; got "12345"',
  ]);
});

test("fails on bad and repeated channel names", () => {
  const slack = valid.slack![0];
  expect(messages({ slack: [{ ...slack, name: "SecOps" }] })).toEqual([
    'channels.slack[0].name must be 1-24 lowercase letters, digits or dashes, not starting or ending with a dash; got "SecOps"',
  ]);
  expect(messages({ slack: [slack, slack] })).toEqual(['channels.slack[1].name must be unique among slack channels; got "secops" twice']);
});

test("fails on Slack IDs that are not IDs", () => {
  expect(messages({ slack: [{ name: "s", workspaceId: "acme", channelId: "#security" }] })).toEqual([
    'channels.slack[0].workspaceId must be a Slack workspace ID such as T0123ABCDE (shown in the Chatbot console); got "acme"',
    'channels.slack[0].channelId must be a Slack channel ID such as C0123ABCDE (channel details in Slack); got "#security"',
  ]);
});

test("fails on Teams IDs that are not IDs, and accepts the decoded channel ID", () => {
  expect(messages({ teams: [{ name: "t", tenantId: "contoso", teamId: "x", channelId: "General" }] })).toEqual([
    'channels.teams[0].tenantId must be a UUID such as 00000000-1111-2222-3333-444444444444; got "contoso"',
    'channels.teams[0].teamId must be a UUID such as 00000000-1111-2222-3333-444444444444; got "x"',
    'channels.teams[0].channelId must be a Teams channel ID such as 19%3a0123abcd%40thread.tacv2 (from the channel link); got "General"',
  ]);
  expect(messages({ teams: [{ ...valid.teams![0], channelId: "19:0123abcd@thread.tacv2" }] })).toEqual([]);
});

test("fails on chat channels outside the aws partition", () => {
  expect(messages({ slack: valid.slack }, { ...ctx, partition: "aws-us-gov", homeRegion: "us-gov-west-1" })).toEqual([
    'slack and teams channels use AWS Chatbot, which this module supports only in the aws partition; use a webhook in "aws-us-gov"',
  ]);
});

describe("lambda", () => {
  const fn = (arn: string) => ({ lambda: [{ name: "respond", functionArn: arn }] });
  test("fails on something that is not a function ARN", () => {
    expect(messages(fn("respond"))).toEqual([
      'channels.lambda[0].functionArn must be a Lambda function ARN such as arn:aws:lambda:eu-west-1:111122223333:function:respond; got "respond"',
    ]);
  });
  test("fails on a function outside the home region (the rule's region)", () => {
    expect(messages(fn(`arn:aws:lambda:us-east-1:${ACCOUNTS.security}:function:respond`))).toEqual([
      'channels.lambda[0].functionArn must be in the home region eu-west-1, where the notification rules are, for a Lambda function; got region "us-east-1"',
    ]);
  });
  test("fails on a function of another account", () => {
    expect(messages(fn(`arn:aws:lambda:${HOME}:${ACCOUNTS.other}:function:respond`))).toEqual([
      `channels.lambda[0].functionArn must be in the administrator account ${ACCOUNTS.security} for a Lambda function; got account "${ACCOUNTS.other}"`,
    ]);
  });
  test("fails on a function of another partition", () => {
    expect(messages(fn(`arn:aws-cn:lambda:${HOME}:${ACCOUNTS.security}:function:respond`))).toEqual([
      'channels.lambda[0].functionArn must be in partition aws; got partition "aws-cn"',
    ]);
  });
  test("fails on the same function twice", () => {
    const arn = valid.lambda![0].functionArn;
    expect(messages({ lambda: [{ name: "a", functionArn: arn }, { name: "b", functionArn: arn }] })).toEqual([
      `channels.lambda[1].functionArn must not repeat a function (it would be invoked twice per finding); got "${arn}" twice`,
    ]);
  });
  test("skips the checks of a function ARN known only at apply time", () => {
    expect(messages(fn("${TfToken[TOKEN.1]}"))).toEqual([]);
  });
});

describe("webhooks", () => {
  const hook = (secretHeader: unknown, extra: object = {}) => ({ webhooks: [{ name: "pager", endpoint: "https://x.example.com/h", secretHeader, ...extra }] });
  test("fails on a literal secret value", () => {
    expect(messages(hook({ headerName: "Authorization", value: "Bearer abc", ssmParameterName: "/x" }))).toEqual([
      "channels.webhooks[0].secretHeader.value is refused: a secret is never written in the configuration; give one of secretsManagerSecretId, ssmParameterName, terraformVariable instead",
    ]);
  });
  test("fails without a secret source, or with two", () => {
    expect(messages(hook({ headerName: "Authorization" }))).toEqual([
      "channels.webhooks[0].secretHeader must set exactly one of secretsManagerSecretId, ssmParameterName, terraformVariable; got none",
    ]);
    expect(messages(hook({ headerName: "Authorization", ssmParameterName: "/a", terraformVariable: "b" }))).toEqual([
      "channels.webhooks[0].secretHeader must set exactly one of secretsManagerSecretId, ssmParameterName, terraformVariable; got ssmParameterName and terraformVariable",
    ]);
  });
  test("fails on a secret written where a reference belongs", () => {
    expect(messages(hook({ headerName: "X-Api-Key", ssmParameterName: "u7Hq2ZpL9xWm4Rt8Yv3Nb6Kc1Qs5Df0G" }))[0]).toMatch(
      /^channels\.webhooks\[0\]\.secretHeader\.ssmParameterName looks like a secret value.*got "u7Hq…"$/,
    );
  });
  test("fails without a secret header at all", () => {
    expect(messages(hook(undefined))).toEqual([
      "channels.webhooks[0].secretHeader must say where the secret header value comes from (secretsManagerSecretId, ssmParameterName, terraformVariable); got undefined",
    ]);
  });
  test("fails on a JSON key without a Secrets Manager secret", () => {
    expect(messages(hook({ headerName: "A", ssmParameterName: "/a", secretsManagerJsonKey: "token" }))).toEqual([
      'channels.webhooks[0].secretHeader.secretsManagerJsonKey needs secretsManagerSecretId; got "token" alone',
    ]);
  });
  test("fails on a bad header name, method and rate", () => {
    expect(messages(hook({ headerName: "Bad Header", ssmParameterName: "/a" }, { httpMethod: "GET", invocationRateLimitPerSecond: 0 }))).toEqual([
      'channels.webhooks[0].httpMethod must be POST, PUT or PATCH; got "GET"',
      "channels.webhooks[0].invocationRateLimitPerSecond must be an integer from 1 to 300; got 0",
      'channels.webhooks[0].secretHeader.headerName must be an HTTP header name such as Authorization; got "Bad Header"',
    ]);
  });
  test("fails on an endpoint that embeds a secret", () => {
    expect(messages({ webhooks: [{ ...valid.webhooks![0], endpoint: "https://hooks.slack.com/services/T1/B1/abc" }] })[0]).toMatch(/^channels\.webhooks\[0\]\.endpoint is a Slack incoming-webhook URL/);
  });
});

describe("targets", () => {
  const target = (arn: string, kind?: string) => ({ targets: [{ name: "t", arn, ...(kind ? { kind } : {}) }] });
  test("fails on a target this module cannot wire", () => {
    expect(messages(target(`arn:aws:logs:${HOME}:${ACCOUNTS.security}:log-group:/x`))[0]).toMatch(
      /^channels\.targets\[0\]\.arn must be the ARN of a Step Functions state machine, Kinesis stream, Firehose stream, event bus, SQS queue or SNS topic/,
    );
  });
  test("fails on a non-bus target in another region or account", () => {
    expect(messages(target(`arn:aws:sqs:us-east-1:${ACCOUNTS.security}:q`))).toEqual([
      'channels.targets[0].arn must be in the home region eu-west-1, where the notification rules are, for a sqs target (send to an event bus to reach another account or region); got region "us-east-1"',
    ]);
    expect(messages(target(`arn:aws:kinesis:${HOME}:${ACCOUNTS.other}:stream/s`))[0]).toMatch(/must be in the administrator account 222222222222 for a kinesis target/);
  });
  test("accepts an event bus of any account and region", () => {
    expect(messages(target(`arn:aws:events:us-east-1:${ACCOUNTS.other}:event-bus/soc`))).toEqual([]);
  });
  test("fails on a kind that contradicts the ARN, or an unknown kind", () => {
    expect(messages(target(`arn:aws:sqs:${HOME}:${ACCOUNTS.security}:q`, "sns"))).toEqual([
      'channels.targets[0].kind must match the ARN, which designates a sqs target; got "sns"',
    ]);
    expect(messages(target(`arn:aws:sqs:${HOME}:${ACCOUNTS.security}:q`, "lambda"))[0]).toBe(
      'channels.targets[0].kind must be one of stepfunctions, kinesis, firehose, eventbus, sqs, sns; got "lambda"',
    );
  });
  test("fails on a token ARN without a kind", () => {
    expect(messages(target("${TfToken[TOKEN.7]}"))).toEqual([
      "channels.targets[0].kind is required when the ARN is only known at apply time; allowed: stepfunctions, kinesis, firehose, eventbus, sqs, sns",
    ]);
    expect(messages(target("${TfToken[TOKEN.7]}", "sqs"))).toEqual([]);
  });
  test("fails on the same target twice", () => {
    const arn = `arn:aws:sqs:${HOME}:${ACCOUNTS.security}:q`;
    expect(messages({ targets: [{ name: "a", arn }, { name: "b", arn }] })).toEqual([
      `channels.targets[1].arn must not repeat a target (it would receive every finding twice); got "${arn}" twice`,
    ]);
  });
});

test("reports the path of every issue", () => {
  expect(paths({ lambda: [{ name: "x", functionArn: "nope" }] })).toEqual([["channels", "lambda", 0, "functionArn"]]);
});
