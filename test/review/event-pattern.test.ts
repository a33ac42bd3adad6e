import { matchesPattern, sampleFindingEvent, severitiesMatched, severityRanges } from "../../modules/review/event-pattern";

const base = { source: ["aws.guardduty"], "detail-type": ["GuardDuty Finding"] };

test("numeric >= 4 lets Medium, High and Critical through, 4.0-10.0", () => {
  const matched = severitiesMatched({ ...base, detail: { severity: [{ numeric: [">=", 4] }] } });
  expect(matched[0]).toBe(4);
  expect(matched[matched.length - 1]).toBe(10);
  expect(matched).toHaveLength(61);
  expect(severityRanges(matched)).toBe("4.0-10.0");
});

test("the documented enumerated list misses the Critical level, 9.0-10.0", () => {
  const enumerated = { ...base, detail: { severity: [4, 4.0, 4.1, 4.2, 4.3, 4.4, 4.5, 4.6, 4.7, 4.8, 4.9, 5, 5.0, 5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7, 5.8, 5.9, 6, 6.0, 6.1, 6.2, 6.3, 6.4, 6.5, 6.6, 6.7, 6.8, 6.9, 7, 7.0, 7.1, 7.2, 7.3, 7.4, 7.5, 7.6, 7.7, 7.8, 7.9, 8, 8.0, 8.1, 8.2, 8.3, 8.4, 8.5, 8.6, 8.7, 8.8, 8.9] } };
  expect(severityRanges(severitiesMatched(enumerated))).toBe("4.0-8.9");
});

test("numeric ranges with two bounds", () => {
  expect(severityRanges(severitiesMatched({ detail: { severity: [{ numeric: [">=", 7, "<", 9] }] } }))).toBe("7.0-8.9");
});

test("source and detail-type are pinned", () => {
  const p = { ...base, detail: { severity: [{ numeric: [">=", 1] }] } };
  expect(matchesPattern(p, sampleFindingEvent(5))).toBe(true);
  expect(matchesPattern(p, { ...sampleFindingEvent(5), source: "aws.securityhub" })).toBe(false);
  expect(matchesPattern(p, { ...sampleFindingEvent(5), "detail-type": "GuardDuty Malware Protection Object Scan Result" })).toBe(false);
});

test("prefix, anything-but, exists and $or", () => {
  const e = sampleFindingEvent(8);
  expect(matchesPattern({ detail: { type: [{ prefix: "UnauthorizedAccess:" }] } }, e)).toBe(true);
  expect(matchesPattern({ detail: { type: [{ prefix: "Recon:" }] } }, e)).toBe(false);
  expect(matchesPattern({ detail: { accountId: [{ "anything-but": ["444455556666"] }] } }, e)).toBe(false);
  expect(matchesPattern({ detail: { service: { additionalInfo: { sample: [{ exists: false }] } } } }, e)).toBe(true);
  expect(matchesPattern({ detail: { service: { additionalInfo: { sample: [{ exists: false }] } } } }, sampleFindingEvent(8, { service: { additionalInfo: { sample: true } } }))).toBe(false);
  expect(matchesPattern({ $or: [{ detail: { severity: [{ numeric: [">=", 9] }] } }, { detail: { type: [{ prefix: "Unauth" }] } }] }, e)).toBe(true);
  expect(matchesPattern({ detail: { type: [{ "equals-ignore-case": "unauthorizedaccess:ec2/sshbruteforce" }] } }, e)).toBe(true);
  expect(matchesPattern({ detail: { type: [{ wildcard: "*SSH*" }] } }, e)).toBe(true);
});

test("a missing field matches only exists:false", () => {
  expect(matchesPattern({ detail: { nothing: ["x"] } }, sampleFindingEvent(5))).toBe(false);
  expect(matchesPattern({ detail: { nothing: [{ "anything-but": "x" }] } }, sampleFindingEvent(5))).toBe(false);
});

test("fails on an operator it does not know, rather than guessing", () => {
  expect(() => matchesPattern({ detail: { x: [{ cidr: "10.0.0.0/8" }] } }, { detail: { x: "10.1.1.1" } })).toThrow(/operator "cidr" is not supported/);
});
