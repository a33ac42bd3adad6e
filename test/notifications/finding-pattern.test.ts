import {
  GUARDDUTY_FINDING_DETAIL_TYPE, GUARDDUTY_SOURCE, findingPattern, forwardingPattern,
} from "../../modules/notifications/finding-pattern";
import { SEVERITY_LEVELS, SeverityName } from "../../modules/notifications/severity";
import { matches } from "./event-pattern-matcher";
import { ALL_SEVERITIES, findingEvent } from "./sample-finding";

describe("severity threshold semantics, every severity from 1.0 to 10.0 in steps of 0.1", () => {
  for (const [name, threshold] of Object.entries(SEVERITY_LEVELS) as [SeverityName, number][]) {
    test(`${name} notifies exactly the findings of severity ${threshold} and above`, () => {
      const pattern = findingPattern({ minSeverity: name });
      for (const severity of ALL_SEVERITIES) {
        expect({ severity, matched: matches(pattern, findingEvent({ severity })) }).toEqual({ severity, matched: severity >= threshold });
      }
    });
  }

  test("a numeric threshold (8.5) notifies 8.5 and above only", () => {
    const pattern = findingPattern({ minSeverity: 8.5 });
    for (const severity of ALL_SEVERITIES) expect(matches(pattern, findingEvent({ severity }))).toBe(severity >= 8.5);
  });

  test("HIGH includes every Critical finding (9.0-10.0), which the documented enumerated list missed", () => {
    const pattern = findingPattern({ minSeverity: "HIGH" });
    const critical = ALL_SEVERITIES.filter((s) => s >= 9);
    expect(critical).toHaveLength(11);
    for (const severity of critical) expect(matches(pattern, findingEvent({ severity }))).toBe(true);
  });
});

test("matches severity with numeric matching, never an enumerated list", () => {
  expect((findingPattern({ minSeverity: "HIGH" }).detail as any).severity).toEqual([{ numeric: [">=", 7] }]);
});

test("defaults to Medium and above, every type and account, real findings only", () => {
  const pattern = findingPattern();
  expect((pattern.detail as any).type).toBeUndefined();
  expect((pattern.detail as any).accountId).toBeUndefined();
  expect((pattern.detail as any).severity).toEqual([{ numeric: [">=", 4] }]);
  expect(matches(pattern, findingEvent({ severity: 3.9 }))).toBe(false);
  expect(matches(pattern, findingEvent({ severity: 4 }))).toBe(true);
  expect(matches(pattern, findingEvent({ sample: true }))).toBe(false);
});

test("pins the GuardDuty source and finding detail type", () => {
  const pattern = findingPattern();
  expect(pattern.source).toEqual([GUARDDUTY_SOURCE]);
  expect(pattern["detail-type"]).toEqual([GUARDDUTY_FINDING_DETAIL_TYPE]);
  expect(matches(pattern, { ...findingEvent(), source: "aws.securityhub" })).toBe(false);
  expect(matches(pattern, { ...findingEvent(), "detail-type": "GuardDuty Malware Protection Object Scan Result" })).toBe(false);
});

test("keeps real findings whether they lack the sample field or carry false, and drops samples", () => {
  const pattern = findingPattern();
  expect(matches(pattern, findingEvent({ sample: "absent" }))).toBe(true);
  expect(matches(pattern, findingEvent({ sample: false }))).toBe(true);
  expect(matches(pattern, findingEvent({ sample: true }))).toBe(false);
  const noInfo = findingEvent();
  delete (noInfo.detail as any).service.additionalInfo;
  expect(matches(pattern, noInfo)).toBe(true);
});

test("includes samples when asked, to test a channel end to end", () => {
  const pattern = findingPattern({ includeSampleFindings: true });
  expect((pattern.detail as any).$or).toBeUndefined();
  expect(matches(pattern, findingEvent({ sample: true }))).toBe(true);
});

test("narrows to finding-type prefixes", () => {
  const pattern = findingPattern({ findingTypePrefixes: ["UnauthorizedAccess:", "CryptoCurrency:EC2/"] });
  expect((pattern.detail as any).type).toEqual([{ prefix: "CryptoCurrency:EC2/" }, { prefix: "UnauthorizedAccess:" }]);
  expect(matches(pattern, findingEvent({ type: "UnauthorizedAccess:IAMUser/ConsoleLogin" }))).toBe(true);
  expect(matches(pattern, findingEvent({ type: "CryptoCurrency:EC2/BitcoinTool.B!DNS" }))).toBe(true);
  expect(matches(pattern, findingEvent({ type: "Recon:EC2/PortProbeUnprotectedPort" }))).toBe(false);
});

test("narrows to accounts", () => {
  const pattern = findingPattern({ accountIds: ["444455556666"] });
  expect(matches(pattern, findingEvent({ accountId: "444455556666" }))).toBe(true);
  expect(matches(pattern, findingEvent({ accountId: "999999999999" }))).toBe(false);
});

test("a forwarding pattern matches only findings published in its own region, so a forwarded event is never forwarded again", () => {
  const pattern = forwardingPattern("us-east-1", { minSeverity: 4 });
  expect(pattern.region).toEqual(["us-east-1"]);
  expect(matches(pattern, findingEvent({ region: "us-east-1" }))).toBe(true);
  expect(matches(pattern, findingEvent({ region: "eu-west-1" }))).toBe(false);
  expect(matches(pattern, findingEvent({ region: "us-east-1", severity: 3.9 }))).toBe(false);
  expect(matches(pattern, findingEvent({ region: "us-east-1", sample: true }))).toBe(false);
});
