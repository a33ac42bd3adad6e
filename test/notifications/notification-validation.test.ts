import { EstateContext, notificationIssues } from "../../modules/notifications/notification-validation";
import { NotificationOptions } from "../../modules/notifications/options";
import { ACCOUNTS } from "../helpers";
import { HOME, REGIONS, fullProps } from "./fixtures";

const estate: EstateContext = { partition: "aws", regions: [...REGIONS], accountId: ACCOUNTS.security };
const base: NotificationOptions = { homeRegion: HOME, channels: { email: { addresses: ["secops@example.com"] } } };
const messages = (o: Partial<NotificationOptions>, e: Partial<EstateContext> = {}) =>
  notificationIssues({ ...base, ...o } as NotificationOptions, { ...estate, ...e }).map((i) => i.message);

test("accepts a full configuration", () => {
  const { channels } = fullProps(undefined as never);
  expect(notificationIssues({ ...base, channels }, estate)).toEqual([]);
});

test("fails when the home region is not one of the estate's regions", () => {
  expect(messages({ homeRegion: "ap-south-1" })).toEqual([
    'homeRegion must be one of the estate\'s regions (eu-west-1, us-east-1, me-south-1), where GuardDuty delivers findings; got "ap-south-1"',
  ]);
});

test("fails on unknown, repeated and foreign-partition regions", () => {
  expect(messages({}, { regions: ["eu-west-1", "eu-west-1", "mars-1", "us-gov-west-1"] })).toEqual([
    'regions must not repeat a region; got "eu-west-1" twice',
    'regions[2] must be a known AWS region code such as eu-west-1; got "mars-1"',
    'regions[3] must be in partition aws; got "us-gov-west-1" (aws-us-gov)',
  ]);
  expect(messages({}, { regions: [] })[0]).toBe("regions must list at least one region; got none");
});

test("fails without any channel or suppression rule", () => {
  expect(messages({ channels: {} })).toEqual([
    "channels must configure at least one of email, slack, teams, lambda, webhooks, targets (or give suppressionRules); got none",
  ]);
  expect(messages({ channels: { slack: [] } })).toHaveLength(1);
});

test("accepts suppression rules alone", () => {
  expect(messages({ channels: {}, suppressionRules: [{ name: "quiet", rank: 1, criteria: { type: { equals: ["Recon:EC2/PortProbeUnprotectedPort"] } } }] })).toEqual([]);
});

test("fails on a bad name prefix", () => {
  expect(messages({ namePrefix: "-gd" })).toEqual(['namePrefix must be 1-32 letters, digits or dashes, starting with a letter; got "-gd"']);
});

test("fails on a Chatbot region that does not serve the Chatbot API", () => {
  expect(messages({ chatbot: { region: "eu-central-1" as never } })).toEqual([
    'chatbot.region must be a region that serves the Chatbot API (us-east-2, us-west-2, eu-west-1, ap-southeast-1); got "eu-central-1"',
  ]);
});

test("fails on a bad Chatbot logging level and guardrail", () => {
  expect(messages({ chatbot: { loggingLevel: "DEBUG" as never, guardrailPolicyArns: ["AdministratorAccess"] } })).toEqual([
    'chatbot.loggingLevel must be one of ERROR, INFO, NONE; got "DEBUG"',
    'chatbot.guardrailPolicyArns[0] must be an IAM policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess; got "AdministratorAccess"',
  ]);
});

test("fails on retries and retention outside EventBridge's and SQS's limits", () => {
  expect(messages({ retry: { maximumEventAgeSeconds: 30, maximumRetryAttempts: 200 }, deadLetterRetentionDays: 15 })).toEqual([
    "retry.maximumEventAgeSeconds must be an integer from 60 to 86400; got 30",
    "retry.maximumRetryAttempts must be an integer from 0 to 185; got 200",
    "deadLetterRetentionDays must be an integer from 1 to 14; got 15",
  ]);
});

describe("suppression rules", () => {
  const rule = { name: "quiet-scanners", rank: 1, criteria: { type: { equals: ["Recon:EC2/PortProbeUnprotectedPort"] } } };
  test("fails on a bad name, rank and description", () => {
    expect(messages({ suppressionRules: [{ ...rule, name: "x", rank: 0, description: "d".repeat(513) }] })).toEqual([
      'suppressionRules[0].name must be 3-64 letters, digits, _, . or -; got "x"',
      "suppressionRules[0].rank must be an integer from 1 to 100; got 0",
      "suppressionRules[0].description must be at most 512 characters; got 513",
    ]);
  });
  test("fails on repeated names and ranks", () => {
    expect(messages({ suppressionRules: [rule, rule] })).toEqual([
      'suppressionRules[1].name must be unique; got "quiet-scanners" twice',
      "suppressionRules[1].rank must be unique; got 1 twice",
    ]);
  });
  test("fails on empty criteria, which would archive every finding", () => {
    expect(messages({ suppressionRules: [{ ...rule, criteria: {} }] })).toEqual([
      "suppressionRules[0].criteria must have at least one field; got none (an empty filter would archive every finding)",
    ]);
  });
  test("fails on a criterion without operator, a bad field and an empty list", () => {
    expect(messages({ suppressionRules: [{ ...rule, criteria: { type: {}, "bad field": { equals: ["x"] }, severity: { notEquals: [] } } }] })).toEqual([
      "suppressionRules[0].criteria.type must set at least one of equals, notEquals, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual; got none",
      'suppressionRules[0].criteria field names must be GuardDuty filter attributes such as type or resource.instanceDetails.instanceId; got "bad field"',
      "suppressionRules[0].criteria.severity.notEquals must be a non-empty list of strings; got []",
    ]);
  });
  test("fails on a region outside the estate", () => {
    expect(messages({ suppressionRules: [{ ...rule, regions: ["ap-south-1"] }] })).toEqual([
      "suppressionRules[0].regions[0] must be one of the estate's regions (eu-west-1, us-east-1, me-south-1); got \"ap-south-1\"",
    ]);
  });
  test("fails when a region it applies to has no detector ID", () => {
    expect(messages({ suppressionRules: [rule] }, { detectorRegions: ["eu-west-1"] })).toEqual([
      "suppressionRules[0] needs the administrator detector ID of every region it applies to; missing us-east-1, me-south-1",
    ]);
  });
});
