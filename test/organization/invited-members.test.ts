import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformVariable } from "cdktf";
import { InvitedMembers } from "../../modules/organization/invited-members";
import { AdministratorDetectors } from "../../modules/organization/administrator-detectors";
import { forEachEntries, instanceArgument, resourceInstances } from "../../modules/review/synthesized";
import { resolvePlans } from "../../modules/config/estate-config";
import { ACCOUNTS, resources, type SynthDoc } from "../helpers";
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

/** The invitations' for_each entries, as Terraform computes them from the expression. */
function invitationEntries(doc: SynthDoc): Record<string, any> {
  const entries = forEachEntries(resources(doc, "aws_guardduty_member").invited_invitation.for_each);
  expect(entries).toBeDefined();
  return Object.fromEntries(entries!);
}

/** Members with the given invitation messages, account IDs 100000000000, 100000000001, ... */
function membersWith(provider: any, messages: Array<string | undefined>) {
  return messages.map((invitationMessage, i) => ({ accountId: String(100000000000 + i), email: `root+${i}@example.com`, provider, invitationMessage }));
}

test("the administrator invites each member in every region, keyed region/account", () => {
  const { synth } = build();
  const doc = synth();
  const m = resources(doc, "aws_guardduty_member").invited_invitation;
  const entries = invitationEntries(doc);
  expect(Object.keys(entries).sort()).toEqual(["eu-west-1/444455556666", "me-south-1/444455556666", "us-east-1/444455556666"]);
  expect(entries["me-south-1/444455556666"]).toEqual({
    region: "me-south-1", account_id: ACCOUNTS.invited, email: "root@example.com", invitation_message: "hello", disable_email_notification: true,
  });
  expect(m).toMatchObject({
    provider: "aws.security", invite: true, region: "${each.value.region}", account_id: "${each.value.account_id}",
    email: "${each.value.email}", invitation_message: "${each.value.invitation_message}",
    disable_email_notification: "${each.value.disable_email_notification}",
    detector_id: "${aws_guardduty_detector.admin_detector[each.value.region].id}",
  });
});

test("Terraform computes the invitations from the regions and the members (setproduct), sorted", () => {
  const ctx = build();
  new InvitedMembers(ctx.stack, "Two", {
    administratorProvider: ctx.security, administratorAccountId: ACCOUNTS.security, administratorDetector: ctx.admin.detector, regions: REGIONS,
    members: [
      { accountId: "777788889999", email: "b@example.com", provider: ctx.member, disableEmailNotification: false },
      { accountId: ACCOUNTS.invited, email: "a@example.com", provider: ctx.member, invitationMessage: "hi" },
    ],
  });
  expect(resources(ctx.synth(), "aws_guardduty_member").two_invitation.for_each).toBe(
    '${{ for pair in setproduct(["eu-west-1","me-south-1","us-east-1"], [' +
      '{"account_id":"444455556666","email":"a@example.com","invitation_message":"hi","disable_email_notification":true},' +
      '{"account_id":"777788889999","email":"b@example.com","invitation_message":null,"disable_email_notification":false}' +
      ']) : "${pair[0]}/${pair[1].account_id}" => merge(pair[1], { region = pair[0] }) }}',
  );
});

test("the addresses are those of the regions x members map, and each instance reads its member's values", () => {
  const ctx = orgStack();
  const admin = new AdministratorDetectors(ctx.stack, "Admin", { provider: ctx.security, regions: REGIONS });
  const members = membersWith(ctx.member, ["one", undefined, "three", "four", undefined]).reverse();
  new InvitedMembers(ctx.stack, "Invited", {
    administratorProvider: ctx.security, administratorAccountId: ACCOUNTS.security, administratorDetector: admin.detector,
    regions: [...REGIONS].reverse(), members,
  });
  // The keys the literal map had: every region x every member, "<region>/<account>".
  const before = REGIONS.flatMap((r) => members.map((m) => `aws_guardduty_member.invited_invitation["${r}/${m.accountId}"]`)).sort();
  const instances = resourceInstances(ctx.synth() as any).filter((i) => i.type === "aws_guardduty_member");
  expect(instances.map((i) => i.address)).toEqual(before);
  for (const i of instances) {
    const m = members.find((x) => x.accountId === i.key!.split("/")[1])!;
    expect(i.region).toBe(i.key!.split("/")[0]);
    expect(instanceArgument(i, "account_id")).toBe(m.accountId);
    expect(instanceArgument(i, "email")).toBe(m.email);
    expect(i.value).toEqual({
      region: i.region, account_id: m.accountId, email: m.email, invitation_message: m.invitationMessage ?? null, disable_email_notification: true,
    });
  }
});

test("an invitation message reaches Terraform as text, never as a template: ${, %{, quotes, backslashes, newlines, form feeds", () => {
  const message = 'Hi ${foo}, %{ if bar }"quoted"%{ endif } C:\\new\\b\b\f\n\nsecond line\fform feed, $${kept} %%{kept}';
  const ctx = orgStack();
  const admin = new AdministratorDetectors(ctx.stack, "Admin", { provider: ctx.security, regions: REGIONS });
  new InvitedMembers(ctx.stack, "Invited", {
    administratorProvider: ctx.security, administratorAccountId: ACCOUNTS.security, administratorDetector: admin.detector, regions: REGIONS,
    members: [{ accountId: ACCOUNTS.invited, email: "root@example.com", provider: ctx.member, invitationMessage: message }],
  });
  const doc = ctx.synth();
  const expression: string = resources(doc, "aws_guardduty_member").invited_invitation.for_each;
  expect(expression).toContain("Hi $${foo}, %%{ if bar }");
  expect(expression).toContain("$$${kept} %%%{kept}");
  expect(expression).toContain('C:\\\\new\\\\b\\u0008\\u000c\\n\\nsecond line\\u000cform feed');
  expect(expression).not.toMatch(/[\b\f\n]/);
  for (const entry of Object.values(invitationEntries(doc))) expect(entry.invitation_message).toBe(message);
});

test("the document grows with the invited members, not members x regions", () => {
  const size = (n: number) => {
    const ctx = orgStack();
    const admin = new AdministratorDetectors(ctx.stack, "Admin", { provider: ctx.security, regions: REGIONS });
    new InvitedMembers(ctx.stack, "Invited", {
      administratorProvider: ctx.security, administratorAccountId: ACCOUNTS.security, administratorDetector: admin.detector, regions: REGIONS,
      members: membersWith(ctx.member, Array(n).fill("GuardDuty is administered by Security.")),
    });
    return JSON.stringify(resources(ctx.synth(), "aws_guardduty_member")).length;
  };
  const perMember = (size(40) - size(20)) / 20;
  expect(perMember).toBeLessThan(200); // one member object, written once whatever the number of regions
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

test("a token email or message turns the invitations into a literal map, same keys, literal text still escaped", () => {
  const ctx = orgStack();
  const admin = new AdministratorDetectors(ctx.stack, "Admin", { provider: ctx.security, regions: REGIONS });
  const email = new TerraformVariable(ctx.stack, "partner_email", { type: "string" }).stringValue;
  const other = new AwsProvider(ctx.stack, "member-555566667777", { alias: "member-555566667777", region: "eu-west-1" });
  new InvitedMembers(ctx.stack, "Invited", {
    administratorProvider: ctx.security, administratorAccountId: ACCOUNTS.security, administratorDetector: admin.detector, regions: REGIONS,
    members: [
      { accountId: ACCOUNTS.invited, email, provider: ctx.member, invitationMessage: "Hi ${team}, 100%{ done }" },
      { accountId: "555566667777", email: "b@example.com", provider: other },
    ],
  });
  const forEach = resources(ctx.synth(), "aws_guardduty_member").invited_invitation.for_each;
  expect(typeof forEach).toBe("object"); // a literal map: the token resolves to an expression of its own
  const keys = REGIONS.flatMap((r) => [`${r}/${ACCOUNTS.invited}`, `${r}/555566667777`]).sort();
  expect(Object.keys(forEach).sort()).toEqual(keys);
  const region = [...REGIONS].sort()[0];
  expect(forEach[`${region}/${ACCOUNTS.invited}`]).toEqual({
    account_id: ACCOUNTS.invited, email: "${var.partner_email}", invitation_message: "Hi $${team}, 100%%{ done }",
    disable_email_notification: true, region,
  });
  expect(forEach[`${region}/555566667777`]).toMatchObject({ email: "b@example.com", invitation_message: null });
});

test("fails on a token in a member's account ID (it names Terraform addresses)", () => {
  const ctx = orgStack();
  const admin = new AdministratorDetectors(ctx.stack, "Admin", { provider: ctx.security, regions: REGIONS });
  const base = { administratorProvider: ctx.security, administratorAccountId: ACCOUNTS.security, administratorDetector: admin.detector, regions: REGIONS };
  const text = new TerraformVariable(ctx.stack, "text", { type: "string" }).stringValue;
  const m = { accountId: ACCOUNTS.invited, email: "a@example.com", provider: ctx.member };
  expect(() => new InvitedMembers(ctx.stack, "A", { ...base, members: [{ ...m, accountId: text }] }))
    .toThrow(/members\[\]\.accountId must be a literal account ID \(it names Terraform addresses\); got a token/);
});

test("with the estate's plans, the administrator sets each plan on every member after every acceptance", () => {
  const { synth } = build({ protectionPlans: resolvePlans({ RDS_LOGIN_EVENTS: { enabled: false } }, "ALL") });
  const doc = synth();
  const features = resources(doc, "aws_guardduty_member_detector_feature");
  expect(Object.keys(features).sort()).toEqual([
    "invited_feature_ebs_malware_protection", "invited_feature_eks_audit_logs", "invited_feature_lambda_network_logs",
    "invited_feature_rds_login_events", "invited_feature_runtime_monitoring", "invited_feature_s3_data_events",
  ]);
  expect(features.invited_feature_rds_login_events).toMatchObject({
    provider: "aws.security", name: "RDS_LOGIN_EVENTS", status: "DISABLED", account_id: "${each.value.account_id}",
    detector_id: "${aws_guardduty_detector.admin_detector[each.value.region].id}",
    depends_on: ["aws_guardduty_invite_accepter.invited_member_444455556666_accepter"],
  });
  expect(features.invited_feature_runtime_monitoring.additional_configuration).toHaveLength(3);
  const keys = resourceInstances(doc as any).filter((i) => i.name === "invited_feature_s3_data_events").map((i) => i.key);
  expect(keys).toEqual(["eu-west-1/444455556666", "me-south-1/444455556666", "us-east-1/444455556666"]);
});

test("without plans, invited members keep GuardDuty's defaults (no member features)", () => {
  const { synth, invited } = build();
  expect(invited.features).toEqual([]);
  expect(resources(synth(), "aws_guardduty_member_detector_feature")).toEqual({});
});

test("each member's own account must have the opt-in regions enabled: the plan stops otherwise", () => {
  const doc = build().synth();
  const check = doc.data!.aws_regions.invited_member_444455556666_regions_enabled;
  expect(check.provider).toBe("aws.member-444455556666");
  expect(check.lifecycle.postcondition[0].condition).toBe('${length(setsubtract(["me-south-1"], self.names)) == 0}');
});
