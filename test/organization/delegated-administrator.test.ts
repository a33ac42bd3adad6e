import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { DelegatedAdministrator } from "../../modules/organization/delegated-administrator";
import { ACCOUNTS, resources } from "../helpers";
import { orgStack, REGIONS } from "./fixtures";

test("the management account designates the administrator in every region, after the administrator's detectors", () => {
  const { stack, management, security, synth } = orgStack();
  const detector = new GuarddutyDetector(stack, "d", { provider: security });
  new DelegatedAdministrator(stack, "Delegation", {
    managementProvider: management, administratorAccountId: ACCOUNTS.security, regions: REGIONS, dependsOn: [detector],
  });
  const designations = resources(synth(), "aws_guardduty_organization_admin_account");
  expect(designations.delegation_admin_account).toMatchObject({
    provider: "aws.management",
    region: "${each.key}",
    admin_account_id: ACCOUNTS.security,
    depends_on: ["aws_guardduty_detector.d"],
  });
  expect(Object.keys(designations.delegation_admin_account.for_each)).toEqual(["eu-west-1", "me-south-1", "us-east-1"]);
});

test("fails on a malformed administrator account ID", () => {
  const { stack, management } = orgStack();
  expect(() => new DelegatedAdministrator(stack, "D", { managementProvider: management, administratorAccountId: "2222", regions: REGIONS }))
    .toThrow(/administratorAccountId must be a 12-digit AWS account ID; got "2222"/);
});
