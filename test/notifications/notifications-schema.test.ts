import { NotificationsConfig, notificationsConfigIssues, notificationsConfigSchema } from "../../modules/config/notifications-schema";
import { FindingNotificationsProps } from "../../modules/notifications";
import { NotificationSettings } from "../../modules/notifications/options";
import { testStack } from "../helpers";

/** The section recommended for the bundled example: email, Slack and Teams from MEDIUM up. */
const bundled = {
  channels: {
    email: { addresses: ["security-alerts@example.com"], minSeverity: "MEDIUM" },
    slack: [{ name: "secops", workspaceId: "T0123ABCDE", channelId: "C0123ABCDE", minSeverity: "MEDIUM" }],
    teams: [{
      name: "soc",
      tenantId: "00000000-1111-2222-3333-444444444444",
      teamId: "55555555-6666-7777-8888-999999999999",
      channelId: "19%3a0123456789abcdef0123456789abcdef%40thread.tacv2",
      minSeverity: "MEDIUM",
    }],
  },
};

/** The section recommended for a Lambda + webhook example. */
const responders = {
  channels: {
    lambda: [{ name: "respond", functionArn: "arn:aws:lambda:eu-west-1:222222222222:function:guardduty-respond", minSeverity: "HIGH" }],
    webhooks: [{
      name: "pager",
      endpoint: "https://events.pagerduty.com/v2/enqueue",
      minSeverity: "CRITICAL",
      secretHeader: { headerName: "Authorization", valuePrefix: "Bearer ", secretsManagerSecretId: "guardduty/pager-token" },
    }],
  },
  retry: { maximumEventAgeSeconds: 86400, maximumRetryAttempts: 185 },
};

const estate = { regions: ["eu-west-1", "us-east-1", "me-south-1"], partition: "aws" };
const errors = (cfg: unknown) => {
  const r = notificationsConfigSchema.safeParse(cfg);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
};
const messages = (cfg: unknown) => errors(cfg).map((e) => e.message);

test("accepts the recommended sections", () => {
  expect(errors(bundled)).toEqual([]);
  expect(errors(responders)).toEqual([]);
  expect(notificationsConfigIssues(bundled, estate)).toEqual([]);
  expect(notificationsConfigIssues(responders, estate)).toEqual([]);
});

test("the parsed section is the construct's settings, spread into its props", () => {
  const parsed: NotificationsConfig = notificationsConfigSchema.parse(responders);
  const settings: NotificationSettings = parsed;
  const { provider } = testStack();
  const props: FindingNotificationsProps = { ...settings, partition: "aws", homeRegion: "eu-west-1", regions: estate.regions, accountId: "222222222222", provider };
  expect(props.channels.lambda![0].minSeverity).toBe("HIGH");
});

test("fails on unknown keys, naming the allowed ones", () => {
  expect(messages({ ...bundled, channel: {} })).toEqual([
    "notifications has unknown key(s) channel; allowed: channels, namePrefix, includeSampleFindings, chatbot, retry, deadLetterRetentionDays, suppressionRules, malwareScanResults",
  ]);
  expect(messages({ channels: { email: { addresses: ["a@example.com"], severity: "HIGH" } } })).toEqual([
    "email has unknown key(s) severity; allowed: addresses, minSeverity, findingTypePrefixes, accountIds",
  ]);
});

test("fails on a chime channel, pointing to Teams or a webhook", () => {
  const issues = errors({ channels: { chime: [{ webhookUrl: "https://hooks.chime.aws/x" }] } });
  expect(issues).toEqual([{ path: ["channels", "chime"], message: "chime is not supported: Amazon Chime ended service on 2026-02-20; use a teams channel (AWS Chatbot) or a webhook instead" }]);
});

test("fails on a secret value written in the file", () => {
  const cfg = { channels: { webhooks: [{ ...responders.channels.webhooks[0], secretHeader: { headerName: "Authorization", value: "Bearer abc" } }] } };
  expect(messages(cfg)).toContain("secretHeader.value is refused: a secret is never written in the estate file; give one of secretsManagerSecretId, ssmParameterName, terraformVariable instead");
});

test("fails on a secret where a reference belongs, without echoing it", () => {
  const cfg = { channels: { webhooks: [{ ...responders.channels.webhooks[0], secretHeader: { headerName: "Authorization", ssmParameterName: "xoxb-123456789012-abcdefABCDEF" } }] } };
  const [message] = messages(cfg);
  expect(message).toMatch(/^ssmParameterName looks like a secret value, not a reference to one: .* got "xoxb…"$/);
});

test("fails on a secret header without a source or with two", () => {
  const hook = (secretHeader: object) => ({ channels: { webhooks: [{ ...responders.channels.webhooks[0], secretHeader }] } });
  expect(messages(hook({ headerName: "A" }))).toEqual(["secretHeader must set exactly one of secretsManagerSecretId, ssmParameterName, terraformVariable; got none"]);
  expect(messages(hook({ headerName: "A", ssmParameterName: "/a", terraformVariable: "b" }))).toEqual([
    "secretHeader must set exactly one of secretsManagerSecretId, ssmParameterName, terraformVariable; got ssmParameterName and terraformVariable",
  ]);
});

test("fails on an endpoint that is not https", () => {
  expect(messages({ channels: { webhooks: [{ ...responders.channels.webhooks[0], endpoint: "http://x.example.com/h" }] } })).toEqual([
    'endpoint must be an https:// URL; got "http://x.example.com/…"',
  ]);
});

test("fails on a bad threshold, naming what is allowed", () => {
  expect(messages({ channels: { email: { addresses: ["a@example.com"], minSeverity: "SEVERE" } } })).toEqual([
    'minSeverity must be LOW, MEDIUM, HIGH, CRITICAL or a number from 1 to 10 with at most one decimal; got "SEVERE"',
  ]);
  expect(messages({ channels: { email: { addresses: ["a@example.com"], minSeverity: 0 } } })).toEqual(["minSeverity must be between 1 and 10; got 0"]);
});

test("fails on bad channel values, each naming the value", () => {
  expect(messages({
    channels: {
      email: { addresses: ["secops"] },
      slack: [{ name: "Sec Ops", workspaceId: "acme", channelId: "C0123ABCDE" }],
      lambda: [{ name: "respond", functionArn: "respond" }],
      targets: [{ name: "siem", arn: "arn:aws:logs:eu-west-1:222222222222:log-group:/x" }],
    },
  })).toEqual([
    'email.addresses[] must be an email address such as security@example.com; got "secops"',
    'name must be 1-24 lowercase letters, digits or dashes, not starting or ending with a dash; got "Sec Ops"',
    'workspaceId must be a Slack workspace ID such as T0123ABCDE (shown in the Chatbot console); got "acme"',
    'functionArn must be a Lambda function ARN such as arn:aws:lambda:eu-west-1:111122223333:function:respond; got "respond"',
    expect.stringMatching(/^arn must be the ARN of a Step Functions state machine, .* got "arn:aws:logs:/),
  ]);
});

test("fails on an empty address list", () => {
  expect(messages({ channels: { email: { addresses: [] } } })).toEqual(["email.addresses must list at least one address; got none"]);
});

test("fails on Chatbot settings outside what Chatbot serves", () => {
  expect(messages({ ...bundled, chatbot: { region: "us-east-1", loggingLevel: "DEBUG" } })).toEqual([
    'chatbot.region must be a region that serves the Chatbot API (us-east-2, us-west-2, eu-west-1, ap-southeast-1); got "us-east-1"',
    'chatbot.loggingLevel must be ERROR, INFO or NONE; got "DEBUG"',
  ]);
});

test("fails on retries and retention outside the limits", () => {
  expect(messages({ ...bundled, retry: { maximumEventAgeSeconds: 10 }, deadLetterRetentionDays: 30 })).toEqual([
    "retry.maximumEventAgeSeconds must be an integer from 60 to 86400; got 10",
    "deadLetterRetentionDays must be an integer from 1 to 14; got 30",
  ]);
});

test("fails on a bad name prefix", () => {
  expect(messages({ ...bundled, namePrefix: "gd_alerts" })).toEqual(['namePrefix must be 1-32 letters, digits or dashes, starting with a letter; got "gd_alerts"']);
});

describe("suppression rules", () => {
  const rule = { name: "scanner-probes", rank: 1, criteria: { type: { equals: ["Recon:EC2/PortProbeUnprotectedPort"] } } };
  test("accepts a rule with name, description, rank and criteria", () => {
    expect(errors({ channels: {}, suppressionRules: [{ ...rule, description: "Known scanner", criteria: { ...rule.criteria, severity: { lessThan: 4 } } }] })).toEqual([]);
  });
  test("fails on empty criteria and on a criterion without operator", () => {
    expect(messages({ channels: {}, suppressionRules: [{ ...rule, criteria: {} }] })).toEqual([
      "criteria must have at least one field; got none (an empty filter would archive every finding)",
    ]);
    expect(messages({ channels: {}, suppressionRules: [{ ...rule, criteria: { type: {} } }] })).toEqual([
      "a criterion must set at least one of equals, notEquals, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual; got none",
    ]);
  });
  test("fails on a bad rank and an unknown operator", () => {
    expect(messages({ channels: {}, suppressionRules: [{ ...rule, rank: 101, criteria: { type: { contains: ["x"] } } }] })).toEqual([
      "rank must be an integer from 1 to 100; got 101",
      "criterion has unknown key(s) contains; allowed: equals, notEquals, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual",
      "a criterion must set at least one of equals, notEquals, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual; got none",
    ]);
  });
});

describe("notificationsConfigIssues", () => {
  test("fails when the Lambda function is not in the home region", () => {
    expect(notificationsConfigIssues(responders, { ...estate, homeRegion: "us-east-1" })).toEqual([{
      path: ["channels", "lambda", 0, "functionArn"],
      message: 'channels.lambda[0].functionArn must be in the home region us-east-1, where the notification rules are, for a Lambda function; got region "eu-west-1"',
    }]);
  });
  test("takes the first region as home region by default", () => {
    expect(notificationsConfigIssues(responders, { ...estate, regions: ["us-east-1", "eu-west-1"] })[0].message).toMatch(/must be in the home region us-east-1/);
  });
  test("fails when the home region is not configured", () => {
    expect(notificationsConfigIssues(bundled, { ...estate, homeRegion: "ap-south-1" })).toEqual([{
      path: ["homeRegion"],
      message: 'homeRegion must be one of the estate\'s regions (eu-west-1, us-east-1, me-south-1), where GuardDuty delivers findings; got "ap-south-1"',
    }]);
  });
  test("fails on a function of another account when the account is known", () => {
    expect(notificationsConfigIssues(responders, { ...estate, accountId: "999999999999" })[0].message).toMatch(/must be in the administrator account 999999999999/);
  });
  test("fails on chat channels where Chatbot is not served", () => {
    expect(notificationsConfigIssues(bundled, { regions: ["us-gov-west-1"], partition: "aws-us-gov" }).map((i) => i.message)).toContain(
      'slack and teams channels use AWS Chatbot, which this module supports only in the aws partition; use a webhook in "aws-us-gov"',
    );
  });
  test("fails on repeated names and a section without any channel", () => {
    const slack = bundled.channels.slack[0];
    expect(notificationsConfigIssues({ channels: { slack: [slack, slack] } }, estate).map((i) => i.message)).toEqual([
      'channels.slack[1].name must be unique among slack channels; got "secops" twice',
    ]);
    expect(notificationsConfigIssues({ channels: {} }, estate).map((i) => i.message)).toEqual([
      "channels must configure at least one of email, slack, teams, lambda, webhooks, targets (or give suppressionRules); got none",
    ]);
  });
  test("fails on a suppression rule for a region outside the estate", () => {
    const cfg = { channels: {}, suppressionRules: [{ name: "quiet", rank: 1, criteria: { type: { equals: ["x"] } }, regions: ["ap-south-1"] }] };
    expect(notificationsConfigIssues(cfg, estate).map((i) => i.path)).toEqual([["suppressionRules", 0, "regions", 0]]);
  });
  test("reports nothing for a section the schema refuses", () => {
    expect(notificationsConfigIssues({ channels: "email" }, estate)).toEqual([]);
  });
});

test("a Slack channel may name its workspace, so the plan checks the Chatbot authorization; the estate synthesizes the check", () => {
  const slack = { name: "secops", workspaceId: "T0123ABCDE", workspaceName: "Example Corp", channelId: "C0123ABCDE" };
  expect(errors({ channels: { slack: [slack] } })).toEqual([]);
  const { parseEstate } = require("../../modules/config/load");
  const { EstateStack } = require("../../modules/estate/estate-stack");
  const { Testing } = require("cdktf");
  const raw = JSON.parse(require("fs").readFileSync(require("path").join(__dirname, "../../examples/organization/estate.json"), "utf8"));
  raw.notifications.channels.slack = [slack];
  const doc = JSON.parse(Testing.synth(new EstateStack(Testing.app(), parseEstate(raw))));
  const workspaces = Object.values<any>(doc.data.aws_chatbot_slack_workspace);
  expect(workspaces).toHaveLength(1);
  expect(workspaces[0].slack_team_name).toBe("Example Corp");
});

test("fails on an empty or non-text Slack workspace name", () => {
  expect(messages({ channels: { slack: [{ name: "s", workspaceId: "T0123ABCDE", workspaceName: "", channelId: "C0123ABCDE" }] } }))
    .toContain('workspaceName must not be empty; got ""');
  expect(messages({ channels: { slack: [{ name: "s", workspaceId: "T0123ABCDE", workspaceName: 7, channelId: "C0123ABCDE" }] } }))
    .toContain("workspaceName must be the Slack workspace's name as AWS Chatbot shows it; got 7");
});
