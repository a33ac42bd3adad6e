import {
  encodeTeamsChannelId, looksLikeSecret, parseArn, redact, secretReferenceIssue, targetKindOf, valuePrefixIssue,
  webhookEndpointIssue,
} from "../../modules/notifications/channel-checks";

describe("secret references", () => {
  test.each([
    ["secretsManagerSecretId", "guardduty/pager-token"],
    ["secretsManagerSecretId", "arn:aws:secretsmanager:eu-west-1:222222222222:secret:guardduty/pager-token-AbCdEf"],
    ["ssmParameterName", "/guardduty/webhook-token"],
    ["terraformVariable", "pager_token"],
  ] as const)("accepts a %s reference %s", (source, value) => {
    expect(secretReferenceIssue(source, value, source)).toBeUndefined();
  });

  test.each([
    "xoxb-1234567890-abcdefghijkl",
    "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    "sk-proj-abcdefghijklmnop12345",
    "AKIAABCDEFGHIJKLMNOP",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig",
    "Bearer abc",
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "u7Hq2ZpL9xWm4Rt8Yv3Nb6Kc1Qs5Df0G",
  ])("fails on a literal-looking secret %s, without echoing it", (value) => {
    expect(looksLikeSecret(value)).toBe(true);
    const message = secretReferenceIssue("secretsManagerSecretId", value, "secretHeader.secretsManagerSecretId")!;
    expect(message).toMatch(/^secretHeader\.secretsManagerSecretId looks like a secret value, not a reference to one: .* got ".{0,4}…"$/);
    expect(message).not.toContain(value);
  });

  test("fails on a reference that is not a name", () => {
    expect(secretReferenceIssue("terraformVariable", "pager-token!", "terraformVariable")).toBe(
      'terraformVariable must be a Terraform variable name such as webhook_token; got "pager-token!"',
    );
  });

  test("names and paths made of words are not secrets", () => {
    for (const v of ["prod/guardduty/pagerduty-routing-key", "guardduty_webhook_token", "/org/security/opsgenie/api-key"]) {
      expect(looksLikeSecret(v)).toBe(false);
    }
  });

  test("redacts to four characters", () => {
    expect(redact("xoxb-123")).toBe("xoxb…");
    expect(redact("abc")).toBe("…");
  });

  test("fails on a value prefix that could hold a secret", () => {
    expect(valuePrefixIssue("Bearer ")).toBeUndefined();
    expect(valuePrefixIssue("Bearer xoxb-1")).toMatch(/^valuePrefix must be a short word such as "Bearer "/);
  });
});

describe("webhook endpoints", () => {
  test("accepts an https URL without secrets", () => {
    expect(webhookEndpointIssue("https://events.pager.example.com/v2/enqueue?source=guardduty")).toBeUndefined();
  });
  test("fails on http", () => {
    expect(webhookEndpointIssue("http://hooks.example.com/x")).toBe('endpoint must be an https:// URL; got "http://hooks.example.com/…"');
  });
  test("fails on something that is not a URL", () => {
    expect(webhookEndpointIssue("hooks.example.com")).toBe('endpoint must be an https:// URL; got "hooks.example.com"');
  });
  test("fails on credentials in the URL", () => {
    expect(webhookEndpointIssue("https://user:pw@hooks.example.com/x")).toMatch(/^endpoint must not carry credentials in the URL/);
  });
  test("fails on a Slack incoming webhook, pointing to the slack channel", () => {
    expect(webhookEndpointIssue("https://hooks.slack.com/services/T000/B000/XXXX")).toMatch(/Slack incoming-webhook URL.*use a slack channel \(AWS Chatbot\)/);
  });
  test("fails on a Teams webhook, pointing to the teams channel", () => {
    expect(webhookEndpointIssue("https://contoso.webhook.office.com/webhookb2/abc")).toMatch(/use a teams channel \(AWS Chatbot\)/);
  });
  test("fails on a token in the query string, naming the parameter but not its value", () => {
    const message = webhookEndpointIssue("https://api.example.com/hook?api_key=s3cr3tvalue")!;
    expect(message).toBe('endpoint must not carry a secret in its query string (parameter "api_key"); put it in secretHeader; got "https://api.example.com/…"');
  });
  test("fails on a secret-looking path", () => {
    expect(webhookEndpointIssue("https://api.example.com/hooks/u7Hq2ZpL9xWm4Rt8Yv3Nb6Kc1Qs5Df0G")).toMatch(/path that looks like a secret/);
  });
});

test("encodes a decoded Teams channel ID", () => {
  expect(encodeTeamsChannelId("19:0123abcd@thread.tacv2")).toBe("19%3a0123abcd%40thread.tacv2");
  expect(encodeTeamsChannelId("19%3a0123abcd%40thread.tacv2")).toBe("19%3a0123abcd%40thread.tacv2");
});

test("reads the target kind from an ARN", () => {
  const kind = (arn: string) => targetKindOf(parseArn(arn)!);
  expect(kind("arn:aws:states:eu-west-1:222222222222:stateMachine:triage")).toBe("stepfunctions");
  expect(kind("arn:aws:kinesis:eu-west-1:222222222222:stream/findings")).toBe("kinesis");
  expect(kind("arn:aws:firehose:eu-west-1:222222222222:deliverystream/findings")).toBe("firehose");
  expect(kind("arn:aws:events:us-east-1:999999999999:event-bus/soc")).toBe("eventbus");
  expect(kind("arn:aws:sqs:eu-west-1:222222222222:findings.fifo")).toBe("sqs");
  expect(kind("arn:aws:sns:eu-west-1:222222222222:findings")).toBe("sns");
  expect(kind("arn:aws:logs:eu-west-1:222222222222:log-group:/x")).toBeUndefined();
  expect(parseArn("not-an-arn")).toBeUndefined();
});
