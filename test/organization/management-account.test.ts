import { AdministratorDetectors } from "../../modules/organization/administrator-detectors";
import { ManagementAccountMember } from "../../modules/organization/management-account";
import { OrganizationLookup } from "../../modules/organization/organization-lookup";
import { ACCOUNTS, resources } from "../helpers";
import { orgStack, REGIONS } from "./fixtures";
import { expectAllReported, foreignProvider } from "../topology/props-error";

function parts() {
  const ctx = orgStack();
  const admin = new AdministratorDetectors(ctx.stack, "Admin", { provider: ctx.security, regions: REGIONS });
  const organization = new OrganizationLookup(ctx.stack, "Lookup", { managementProvider: ctx.management });
  return { ...ctx, admin, organization };
}

test("its own detector in every region, then a membership from the administrator", () => {
  const { stack, management, security, admin, organization, synth } = parts();
  new ManagementAccountMember(stack, "Management", {
    managementProvider: management, managementAccountId: ACCOUNTS.management, administratorProvider: security,
    administratorDetector: admin.detector, regions: REGIONS, organization,
  });
  const doc = synth();
  expect(resources(doc, "aws_guardduty_detector").management_detector).toMatchObject({ provider: "aws.management", for_each: { "eu-west-1": "eu-west-1" } });
  expect(resources(doc, "aws_guardduty_member").management_member).toMatchObject({
    provider: "aws.security", account_id: ACCOUNTS.management, depends_on: ["aws_guardduty_detector.management_detector"],
  });
});

test("fails with every problem at once: a foreign provider, a malformed ID, an unknown region and a detector to adopt elsewhere", () => {
  const { app, stack, security, admin, organization } = parts();
  expectAllReported(() => new ManagementAccountMember(stack, "Management", {
    managementProvider: foreignProvider(app), managementAccountId: "1111", administratorProvider: security,
    administratorDetector: admin.detector, regions: ["eu-west-1", "mars-1"], organization, existingDetectorIds: { "us-east-1": "x" },
  }), 'ManagementAccountMember "org/Management"', [
    ["managementProvider", 'managementProvider must be a provider of stack "org"; got provider "foreign" of stack "other"'],
    ["managementAccountId", 'managementAccountId must be a 12-digit AWS account ID; got "1111"'],
    ["regions", 'regions must contain known AWS region codes (e.g. eu-west-1); got "mars-1"'],
    ["existingDetectorIds.us-east-1", 'existingDetectorIds has region "us-east-1", which is not one of regions (eu-west-1, mars-1)'],
  ]);
});
