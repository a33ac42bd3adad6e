import { AdministratorDetectors } from "../../modules/organization/administrator-detectors";
import { OrganizationLookup } from "../../modules/organization/organization-lookup";
import { OrganizationMembers, type OrganizationMember } from "../../modules/organization/organization-members";
import { forEachEntries, resourceInstances } from "../../modules/review/synthesized";
import { resources } from "../helpers";
import { orgStack, REGIONS } from "./fixtures";
import { TerraformVariable } from "cdktf";
import { expectAllReported } from "../topology/props-error";

function build(members: OrganizationMember[]) {
  const ctx = orgStack();
  const admin = new AdministratorDetectors(ctx.stack, "Admin", { provider: ctx.security, regions: REGIONS });
  const organization = new OrganizationLookup(ctx.stack, "Lookup", { managementProvider: ctx.management });
  new OrganizationMembers(ctx.stack, "Members", { provider: ctx.security, administratorDetector: admin.detector, regions: REGIONS, members, organization });
  return ctx.synth();
}

test("each listed account becomes a member in every region, from the administrator, without an invitation", () => {
  const doc = build([{ accountId: "123412341234" }, { accountId: "567856785678", email: "b@example.com" }]);
  const member = resources(doc, "aws_guardduty_member").members_member;
  expect(member).toMatchObject({
    provider: "aws.security", region: "${each.value.region}", account_id: "${each.value.account_id}",
    detector_id: "${aws_guardduty_detector.admin_detector[each.value.region].id}",
  });
  expect(member.invite).toBeUndefined();
  const keys = resourceInstances(doc as any).filter((i) => i.name === "members_member").map((i) => i.key);
  expect(keys).toEqual(["eu-west-1", "me-south-1", "us-east-1"].flatMap((r) => [`${r}/123412341234`, `${r}/567856785678`]));
});

test("the email is the file's, or the organization's record of the account, read at plan time", () => {
  const doc = build([{ accountId: "123412341234" }, { accountId: "567856785678", email: "b@example.com" }]);
  const member = resources(doc, "aws_guardduty_member").members_member;
  expect(member.email).toBe(
    '${each.value.email != null ? each.value.email : lookup({ for a in data.aws_organizations_organization.lookup_organization.accounts : a.id => a.email }, each.value.account_id, "")}',
  );
  const entries = Object.fromEntries(forEachEntries(member.for_each)!);
  expect(entries["eu-west-1/123412341234"]).toMatchObject({ account_id: "123412341234", email: null, region: "eu-west-1" });
  expect(entries["eu-west-1/567856785678"]).toMatchObject({ email: "b@example.com" });
  expect(doc.data!.aws_organizations_organization.lookup_organization.provider).toBe("aws.management");
});

test("invite and email are ignored after creation, and the members cannot be destroyed by a plan", () => {
  const member = resources(build([{ accountId: "123412341234" }]), "aws_guardduty_member").members_member;
  expect(member.lifecycle).toMatchObject({ ignore_changes: ["invite", "email"], prevent_destroy: true });
});

test("the plan stops on an account that is not in the organization, naming it", () => {
  const member = resources(build([{ accountId: "123412341234" }]), "aws_guardduty_member").members_member;
  expect(member.lifecycle.precondition).toEqual([{
    condition: "${contains(data.aws_organizations_organization.lookup_organization.accounts[*].id, each.value.account_id)}",
    error_message: expect.stringMatching(/^organizationMembers lists account \$\{each\.value\.account_id\}, which is not an account of this AWS organization/),
  }]);
});

test("fails on no members, a repeated account or a malformed ID", () => {
  expect(() => build([])).toThrow(/members must list at least one organization account; got \[\]/);
  expect(() => build([{ accountId: "123412341234" }, { accountId: "123412341234" }])).toThrow(/members must not repeat an account; got 123412341234 twice/);
  expect(() => build([{ accountId: "1234" }])).toThrow(/members\[\]\.accountId must be a 12-digit AWS account ID; got "1234"/);
});

test("fails with every problem at once: a malformed ID and an email that is a token", () => {
  const ctx = orgStack();
  const admin = new AdministratorDetectors(ctx.stack, "Admin", { provider: ctx.security, regions: REGIONS });
  const organization = new OrganizationLookup(ctx.stack, "Lookup", { managementProvider: ctx.management });
  const email = new TerraformVariable(ctx.stack, "email", { type: "string" }).stringValue;
  expectAllReported(() => new OrganizationMembers(ctx.stack, "Members", {
    provider: ctx.security, administratorDetector: admin.detector, regions: REGIONS, organization,
    members: [{ accountId: "1234" }, { accountId: "123412341234", email }],
  }), 'OrganizationMembers "org/Members"', [
    ["members[].accountId", 'members[].accountId must be a 12-digit AWS account ID; got "1234"'],
    ["members[123412341234].email", "members[123412341234].email must be literal text (it is written into the for_each expression); got a token"],
  ]);
});
