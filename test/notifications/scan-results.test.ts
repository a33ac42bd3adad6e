/**
 * The pure builders of scan-results.ts: the patterns (tested with the matcher on scan results of every status), the
 * messages (rendered as EventBridge fills them, with a quote in the object key) and the home bus policy.
 */
import { sampleScanResultEvent } from "../../modules/review/event-pattern";
import {
  homeBusPolicy, scanResultChatTransformer, scanResultEmailTransformer, scanResultForwardingPattern, scanResultPattern,
  scanResultWebhookTransformer,
} from "../../modules/notifications";
import { renderJson, renderText } from "./eventbridge-renderer";
import { matches } from "./event-pattern-matcher";
import { findingEvent } from "./sample-finding";

const WORKLOADS = "555555555555";
const STATUSES = ["NO_THREATS_FOUND", "THREATS_FOUND", "UNSUPPORTED", "ACCESS_DENIED", "FAILED"];
const scanEvent = (account: string, region: string, status = "THREATS_FOUND") => {
  const e = sampleScanResultEvent(account, region, status) as { detail: { s3ObjectDetails: Record<string, unknown> } };
  e.detail.s3ObjectDetails.bucketName = "acme-uploads";
  return e as unknown as Record<string, unknown>;
};

test("the home pattern matches results with threats found only, of any account and region, and no finding", () => {
  for (const status of STATUSES) expect([status, matches(scanResultPattern(), scanEvent(WORKLOADS, "ap-south-1", status))]).toEqual([status, status === "THREATS_FOUND"]);
  expect(matches(scanResultPattern(), findingEvent({ severity: 9.5 }))).toBe(false);
});

test("the forwarding pattern matches only results published in its own account and region", () => {
  const pattern = scanResultForwardingPattern(WORKLOADS, "ap-south-1");
  expect(matches(pattern, scanEvent(WORKLOADS, "ap-south-1"))).toBe(true);
  expect(matches(pattern, scanEvent(WORKLOADS, "eu-west-1"))).toBe(false);
  expect(matches(pattern, scanEvent("222222222222", "ap-south-1"))).toBe(false);
  expect(matches(pattern, scanEvent(WORKLOADS, "ap-south-1", "NO_THREATS_FOUND"))).toBe(false);
});

test("the home bus policy names each account once, in order, and fails without one", () => {
  const bus = "arn:aws:events:eu-west-1:222222222222:event-bus/default";
  expect(homeBusPolicy("aws", bus, ["555555555555", "333333333333", "555555555555"]).Statement[0].Principal)
    .toEqual({ AWS: ["arn:aws:iam::333333333333:root", "arn:aws:iam::555555555555:root"] });
  expect(() => homeBusPolicy("aws", bus, [])).toThrow("the home bus policy needs at least one source account; got none");
});

describe("messages", () => {
  const event = scanEvent(WORKLOADS, "ap-south-1");
  test("the email names the bucket, account, region, object key and threats, whatever the key holds", () => {
    const text = renderText(scanResultEmailTransformer(), event, "guardduty-notifications-malware-1");
    expect(text).toContain("in an object of bucket acme-uploads, account 555555555555, region ap-south-1");
    expect(text).toContain('incoming/invoice "final".pdf');
    expect(text).toContain("EICAR-Test-File (not a virus)");
  });
  test("the chat message is a Chatbot custom notification", () => {
    expect(renderJson(scanResultChatTransformer(), event)).toEqual({
      version: "1.0", source: "custom",
      content: { textType: "client-markdown", title: "GuardDuty Malware Protection: threats found in bucket acme-uploads (account 555555555555, ap-south-1)", description: 'incoming/invoice "final".pdf' },
    });
  });
  test("the webhook body carries the result, with the whole event only if asked", () => {
    const body = renderJson(scanResultWebhookTransformer(), event, "r") as Record<string, unknown>;
    expect(body).toEqual({
      version: "1", source: "guardduty-malware-protection", scanResultStatus: "THREATS_FOUND", accountId: WORKLOADS, region: "ap-south-1",
      bucketName: "acme-uploads", objectKey: 'incoming/invoice "final".pdf', threats: [{ name: "EICAR-Test-File (not a virus)" }], rule: "r",
    });
    expect((renderJson(scanResultWebhookTransformer({ includeFullEvent: true }), event) as { event: unknown }).event).toEqual(event);
  });
});

