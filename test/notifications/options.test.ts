import { DEFAULT_DEAD_LETTER_RETENTION_DAYS, DEFAULT_RETRY } from "../../modules/notifications/options";

test("retries default to EventBridge's maximums: 24 hours and 185 attempts", () => {
  expect(DEFAULT_RETRY).toEqual({ maximumEventAgeSeconds: 86400, maximumRetryAttempts: 185 });
  expect(Object.isFrozen(DEFAULT_RETRY)).toBe(true);
});

test("dead letters are kept 14 days by default, the SQS maximum", () => {
  expect(DEFAULT_DEAD_LETTER_RETENTION_DAYS).toBe(14);
});
