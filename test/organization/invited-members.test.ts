import { InvitedMembers } from "../../modules/organization/invited-members";
import { AdministratorDetectors } from "../../modules/organization/administrator-detectors";
import { ACCOUNTS, resources } from "../helpers";
import { orgStack, REGIONS } from "./fixtures";

function build(extra: Partial<ConstructorParameters<typeof InvitedMembers>[2]> = {}) {
  const ctx = orgStack();
  const admin = new AdministratorDetectors(ctx.stack, "Admin", { provider: ctx.security, regions: REGIONS });
  const invited = new InvitedMembers(ctx.stack, "Invited", {
    administratorProvider: ctx.security,
    administratorAccountId: ACCOUNTS.security,
    administratorDetector: admin.detector,
    regions: REGIONS,
    members: [{ accountId: ACCOUNTS.invited, email: "root@example.com", provider: ctx.member, invitationMessage: "hello" }],
    ...extra,
  });
  return { ...ctx, admin, invited };
}

test("the administrator invites each member in every region, keyed region/account", () => {
  const { synth } = build();
  const members = resources(synth(), "aws_guardduty_member");
  const m = members.invited_invitation;
  expect(Object.keys(m.for_each)).toEqual(["eu-west-1/444455556666", "me-south-1/444455556666", "us-east-1/444455556666"]);
  expect(m.for_each["me-south-1/444455556666"]).toEqual({
    region: "me-south-1", account_id: ACCOUNTS.invited, email: "root@example.com", invitation_message: "hello", disable_email_notification: true,
  });
  expect(m).toMatchObject({
    provider: "aws.security", invite: true, region: "${each.value.region}", account_id: "${each.value.account_id}",
    detector_id: "${aws_guardduty_detector.admin_detector[each.value.region].id}",
  });
});

test("the member creates its own detector, without a frequency, and accepts after the invitation", () => {
  const { synth } = build();
  const doc = synth();
  const detector = resources(doc, "aws_guardduty_detector").invited_member_444455556666_detector;
  expect(detector).toMatchObject({ provider: "aws.member-444455556666", region: "${each.key}", enable: true });
  expect(detector.finding_publishing_frequency).toBeUndefined();
  const accepter = resources(doc, "aws_guardduty_invite_accepter").invited_member_444455556666_accepter;
  expect(accepter).toMatchObject({
    provider: "aws.member-444455556666",
    master_account_id: ACCOUNTS.security,
    detector_id: "${aws_guardduty_detector.invited_member_444455556666_detector[each.key].id}",
    depends_on: ["aws_guardduty_member.invited_invitation"],
  });
  expect(Object.keys(accepter.for_each)).toEqual(["eu-west-1", "me-south-1", "us-east-1"]);
});

test("fails on a member that is the administrator, or repeated", () => {
  const ctx = orgStack();
  const admin = new AdministratorDetectors(ctx.stack, "Admin", { provider: ctx.security, regions: REGIONS });
  const base = { administratorProvider: ctx.security, administratorAccountId: ACCOUNTS.security, administratorDetector: admin.detector, regions: REGIONS };
  expect(() => new InvitedMembers(ctx.stack, "A", { ...base, members: [{ accountId: ACCOUNTS.security, email: "a@example.com", provider: ctx.member }] }))
    .toThrow(/members must not include the administrator account 222222222222/);
  const m = { accountId: ACCOUNTS.invited, email: "a@example.com", provider: ctx.member };
  expect(() => new InvitedMembers(ctx.stack, "B", { ...base, members: [m, m] })).toThrow(/members must not repeat an account; got 444455556666 twice/);
  expect(() => new InvitedMembers(ctx.stack, "C", { ...base, members: [] })).toThrow(/members must list at least one invited member; got \[\]/);
});
