import {
  DEFAULT_MIN_SEVERITY, SEVERITY_LEVELS, describeThreshold, severityIssue, severityLevel, severityThreshold,
} from "../../modules/notifications/severity";
import { ALL_SEVERITIES } from "./sample-finding";

test("names map to the lowest severity of each GuardDuty level", () => {
  expect(severityThreshold("LOW")).toBe(1);
  expect(severityThreshold("MEDIUM")).toBe(4);
  expect(severityThreshold("HIGH")).toBe(7);
  expect(severityThreshold("CRITICAL")).toBe(9);
  expect(SEVERITY_LEVELS).toEqual({ LOW: 1, MEDIUM: 4, HIGH: 7, CRITICAL: 9 });
});

test("defaults to Medium and above", () => {
  expect(DEFAULT_MIN_SEVERITY).toBe("MEDIUM");
  expect(severityThreshold(undefined)).toBe(4);
});

test("accepts a number from 1 to 10 with one decimal", () => {
  expect(severityThreshold(7.5)).toBe(7.5);
  expect(severityThreshold(1)).toBe(1);
  expect(severityThreshold(10)).toBe(10);
});

test("every severity from 1.0 to 10.0 falls in the documented band", () => {
  for (const s of ALL_SEVERITIES) {
    const expected = s >= 9 ? "CRITICAL" : s >= 7 ? "HIGH" : s >= 4 ? "MEDIUM" : "LOW";
    expect(severityLevel(s)).toBe(expected);
  }
});

test("describes a threshold as people read it", () => {
  expect(describeThreshold(4)).toBe("4.0 (MEDIUM) and above");
  expect(describeThreshold(8.5)).toBe("8.5 (HIGH) and above");
});

test("fails on a severity outside 1..10", () => {
  expect(() => severityThreshold(0)).toThrow("minSeverity must be between 1 and 10; got 0");
  expect(() => severityThreshold(10.1)).toThrow("minSeverity must be between 1 and 10; got 10.1");
});

test("fails on more than one decimal", () => {
  expect(() => severityThreshold(4.25)).toThrow("minSeverity must have at most one decimal, as GuardDuty severities do; got 4.25");
});

test("fails on an unknown or lower-case level name", () => {
  expect(() => severityThreshold("SEVERE" as never)).toThrow('minSeverity must be LOW, MEDIUM, HIGH, CRITICAL or a number from 1 to 10 with at most one decimal; got "SEVERE"');
  expect(severityIssue("medium", "channels.email.minSeverity")).toMatch(/^channels\.email\.minSeverity must be LOW, MEDIUM, HIGH, CRITICAL .* got "medium"$/);
});

test("fails on a value that is not a number or a name", () => {
  expect(severityIssue(Number.NaN)).toMatch(/got null$/);
  expect(severityIssue(true)).toMatch(/got true$/);
});
