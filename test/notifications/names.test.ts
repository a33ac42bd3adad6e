import { CHANNEL_NAME_PATTERN, DEFAULT_NAME_PREFIX, NAME_PREFIX_PATTERN, defaultBusArn, notificationNames, ruleArn, shortHash } from "../../modules/notifications/names";

test("names everything after the prefix, by default guardduty-notifications", () => {
  expect(DEFAULT_NAME_PREFIX).toBe("guardduty-notifications");
  const n = notificationNames(DEFAULT_NAME_PREFIX);
  expect([n.rule("sev4-1"), n.forwardRule, n.emailTopic, n.chatTopic("slack-secops"), n.deadLetterQueue, n.topicKeyAlias]).toEqual([
    "guardduty-notifications-sev4-1", "guardduty-notifications-forward", "guardduty-notifications-email",
    "guardduty-notifications-slack-secops", "guardduty-notifications-dlq", "alias/guardduty-notifications",
  ]);
  expect([n.forwardRole, n.deliveryRole, n.chatbotRole, n.webhook("pager"), n.lambdaStatementId("r")]).toEqual([
    "guardduty-notifications-forward", "guardduty-notifications-delivery", "guardduty-notifications-chatbot",
    "guardduty-notifications-hook-pager", "AllowEventBridge-r",
  ]);
});

test("the longest names fit AWS limits (64 characters for rules, roles and connections)", () => {
  const n = notificationNames("a".repeat(32));
  const longest = "b".repeat(24);
  expect(n.rule(`sev7.5-0123abcd-12`).length).toBeLessThanOrEqual(64);
  expect(n.webhook(longest).length).toBeLessThanOrEqual(64);
  expect(n.chatTopic(`teams-${longest}`).length).toBeLessThanOrEqual(64);
  expect(n.deliveryRole.length).toBeLessThanOrEqual(64);
});

test("ARNs are partition-correct and known before apply", () => {
  expect(ruleArn("aws-us-gov", "us-gov-west-1", "222222222222", "r")).toBe("arn:aws-us-gov:events:us-gov-west-1:222222222222:rule/r");
  expect(defaultBusArn("aws", "eu-west-1", "222222222222")).toBe("arn:aws:events:eu-west-1:222222222222:event-bus/default");
});

test("the short hash is stable and 8 hex digits", () => {
  expect(shortHash("abc")).toBe("1a47e90b");
  expect(shortHash("")).toBe("811c9dc5");
});

test("prefixes and channel names follow their patterns", () => {
  expect(NAME_PREFIX_PATTERN.test("guardduty-notifications")).toBe(true);
  expect(NAME_PREFIX_PATTERN.test("1gd")).toBe(false);
  expect(CHANNEL_NAME_PATTERN.test("secops-24x7")).toBe(true);
  expect(CHANNEL_NAME_PATTERN.test("sec-")).toBe(false);
  expect(CHANNEL_NAME_PATTERN.test("a".repeat(25))).toBe(false);
});

test("Lambda statement IDs keep to the characters Lambda allows", () => {
  expect(notificationNames("gd").lambdaStatementId("gd-sev7.5-1")).toBe("AllowEventBridge-gd-sev7_5-1");
});
