import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { DelegatedAdministrator } from "../../modules/organization/delegated-administrator";
import { ACCOUNTS, resources } from "../helpers";
import { orgStack, REGIONS } from "./fixtures";
import { expectAllReported, foreignProvider } from "../topology/props-error";

test("the management account designates the first region alone, after the administrator's detectors", () => {
  const { stack, management, security, synth } = orgStack();
  const detector = new GuarddutyDetector(stack, "d", { provider: security });
  new DelegatedAdministrator(stack, "Delegation", {
    managementProvider: management, administratorAccountId: ACCOUNTS.security, regions: REGIONS, firstRegion: "eu-west-1", dependsOn: [detector],
  });
  const designations = resources(synth(), "aws_guardduty_organization_admin_account");
  expect(designations.delegation_first_admin_account).toMatchObject({
    provider: "aws.management",
    region: "${each.key}",
    admin_account_id: ACCOUNTS.security,
    depends_on: ["aws_guardduty_detector.d"],
    for_each: { "eu-west-1": "eu-west-1" },
  });
});

test("the other regions are designated after the first, keeping their addresses", () => {
  const { stack, management, security, synth } = orgStack();
  const detector = new GuarddutyDetector(stack, "d", { provider: security });
  new DelegatedAdministrator(stack, "Delegation", {
    managementProvider: management, administratorAccountId: ACCOUNTS.security, regions: REGIONS, firstRegion: "eu-west-1", dependsOn: [detector],
  });
  const rest = resources(synth(), "aws_guardduty_organization_admin_account").delegation_admin_account;
  expect(Object.keys(rest.for_each)).toEqual(["me-south-1", "us-east-1"]);
  expect(rest.depends_on).toEqual(["aws_guardduty_organization_admin_account.delegation_first_admin_account", "aws_guardduty_detector.d"]);
});

test("an existing deployment's first-region designation moves to its new address instead of being replaced", () => {
  const { stack, management, synth } = orgStack();
  new DelegatedAdministrator(stack, "Delegation", {
    managementProvider: management, administratorAccountId: ACCOUNTS.security, regions: REGIONS, firstRegion: "us-east-1",
  });
  expect(synth().moved).toEqual([{
    from: 'aws_guardduty_organization_admin_account.delegation_admin_account["us-east-1"]',
    to: 'aws_guardduty_organization_admin_account.delegation_first_admin_account["us-east-1"]',
  }]);
});

test("the first region defaults to the first in sorted order", () => {
  const { stack, management, synth } = orgStack();
  const d = new DelegatedAdministrator(stack, "Delegation", { managementProvider: management, administratorAccountId: ACCOUNTS.security, regions: REGIONS });
  expect(d.firstRegion).toBe("eu-west-1");
  expect(Object.keys(resources(synth(), "aws_guardduty_organization_admin_account").delegation_first_admin_account.for_each)).toEqual(["eu-west-1"]);
});

test("a first region designated elsewhere (a split estate's other stack) leaves every region here to follow it", () => {
  const { stack, management, synth } = orgStack();
  const d = new DelegatedAdministrator(stack, "Delegation", {
    managementProvider: management, administratorAccountId: ACCOUNTS.security, regions: ["us-east-1"], firstRegion: "eu-west-1",
  });
  expect(d.first).toBeUndefined();
  const doc = synth();
  expect(Object.keys(resources(doc, "aws_guardduty_organization_admin_account"))).toEqual(["delegation_admin_account"]);
  expect(doc.moved).toBeUndefined();
});

test("fails on a malformed administrator account ID", () => {
  const { stack, management } = orgStack();
  expect(() => new DelegatedAdministrator(stack, "D", { managementProvider: management, administratorAccountId: "2222", regions: REGIONS }))
    .toThrow(/administratorAccountId must be a 12-digit AWS account ID; got "2222"/);
});

test("fails on an unknown first region", () => {
  const { stack, management } = orgStack();
  expect(() => new DelegatedAdministrator(stack, "D", { managementProvider: management, administratorAccountId: ACCOUNTS.security, regions: REGIONS, firstRegion: "eu-wst-1" }))
    .toThrow(/firstRegion must be a known AWS region code; got "eu-wst-1"/);
});

test("fails with every problem at once: a foreign provider, a malformed account ID, an unknown region and first region", () => {
  const { app, stack } = orgStack();
  expectAllReported(() => new DelegatedAdministrator(stack, "D", {
    managementProvider: foreignProvider(app), administratorAccountId: "2222", regions: ["eu-west-1", "mars-1"], firstRegion: "eu-wst-1",
  }), 'DelegatedAdministrator "org/D"', [
    ["managementProvider", 'managementProvider must be a provider of stack "org"; got provider "foreign" of stack "other"'],
    ["administratorAccountId", 'administratorAccountId must be a 12-digit AWS account ID; got "2222"'],
    ["regions", 'regions must contain known AWS region codes (e.g. eu-west-1); got "mars-1"'],
    ["firstRegion", 'firstRegion must be a known AWS region code; got "eu-wst-1"'],
  ]);
});
