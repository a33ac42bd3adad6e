import { webhookInputTransformer } from "../../modules/notifications/webhook-payload";
import { renderJson } from "./eventbridge-renderer";
import { findingEvent } from "./sample-finding";

test("posts the finding summary as JSON, with a console link", () => {
  const body = renderJson(webhookInputTransformer({ partition: "aws" }), findingEvent({ region: "me-south-1", severity: 9.5 }), "guardduty-notifications-sev9-1");
  expect(body).toEqual({
    version: "1",
    source: "guardduty",
    findingId: "76b8a3f4bd1a2c6e9f0a1b2c3d4e5f60",
    findingType: "UnauthorizedAccess:EC2/SSHBruteForce",
    severity: 9.5,
    accountId: "444455556666",
    region: "me-south-1",
    title: "198.51.100.7 is performing SSH brute force attacks against i-99999999.",
    description: expect.stringContaining("Brute force attacks"),
    updatedAt: "2026-03-01T11:58:41.456Z",
    consoleUrl: "https://console.aws.amazon.com/guardduty/home?region=me-south-1#/findings?macros=current&fId=76b8a3f4bd1a2c6e9f0a1b2c3d4e5f60",
    rule: "guardduty-notifications-sev9-1",
  });
});

test("stays valid JSON whatever quotes and line breaks the finding's text holds", () => {
  const description = 'He said "run it"\n\t{"not": "json"} \\ end';
  const body = renderJson(webhookInputTransformer({ partition: "aws" }), findingEvent({ description, title: '"quoted"' })) as Record<string, unknown>;
  expect(body.description).toBe(description);
  expect(body.title).toBe('"quoted"');
});

test("leaves the full event out by default", () => {
  const body = renderJson(webhookInputTransformer({ partition: "aws" }), findingEvent()) as Record<string, unknown>;
  expect(body.event).toBeUndefined();
});

test("adds the full event when asked", () => {
  const event = findingEvent();
  const body = renderJson(webhookInputTransformer({ partition: "aws", includeFullEvent: true }), event) as Record<string, unknown>;
  expect(body.event).toEqual(event);
});
