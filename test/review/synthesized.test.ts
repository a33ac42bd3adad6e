import { forEachEntries, instanceArgument, resourceInstances, type TerraformDocument } from "../../modules/review/synthesized";

/** The invitations' expression as InvitedMembers writes it (regionMemberProduct), with escaped member text. */
const INVITATIONS =
  '${{ for pair in setproduct(["eu-west-1","us-east-1"], [' +
  '{"account_id":"111122223333","email":"a@example.com","invitation_message":null,"disable_email_notification":true},' +
  '{"account_id":"444455556666","email":"b@example.com","invitation_message":"Hi $${you} %%{x} \\"q\\" \\\\b\\u0008\\u000c\\n","disable_email_notification":false}' +
  ']) : "${pair[0]}/${pair[1].account_id}" => merge(pair[1], { region = pair[0] }) }}';

test("a literal for_each map is its entries", () => {
  expect(forEachEntries({ "eu-west-1": "eu-west-1" })).toEqual([["eu-west-1", "eu-west-1"]]);
});

test("region x account expressions expand to region/account entries", () => {
  const expr = '${{ for pair in setproduct(["eu-west-1","us-east-1"], ["123412341234"]) : "${pair[0]}/${pair[1]}" => { region = pair[0], account_id = pair[1] } }}';
  expect(forEachEntries(expr)).toEqual([
    ["eu-west-1/123412341234", { region: "eu-west-1", account_id: "123412341234" }],
    ["us-east-1/123412341234", { region: "us-east-1", account_id: "123412341234" }],
  ]);
});

test("region x member expressions expand to region/account entries, member text unescaped as Terraform reads it", () => {
  const b = { account_id: "444455556666", email: "b@example.com", invitation_message: 'Hi ${you} %{x} "q" \\b\b\f\n', disable_email_notification: false };
  const a = { account_id: "111122223333", email: "a@example.com", invitation_message: null, disable_email_notification: true };
  expect(forEachEntries(INVITATIONS)).toEqual([
    ["eu-west-1/111122223333", { ...a, region: "eu-west-1" }],
    ["eu-west-1/444455556666", { ...b, region: "eu-west-1" }],
    ["us-east-1/111122223333", { ...a, region: "us-east-1" }],
    ["us-east-1/444455556666", { ...b, region: "us-east-1" }],
  ]);
});

test("the reviewer sees one instance per invitation, with its region and each.value arguments filled in", () => {
  const doc: TerraformDocument = {
    provider: { aws: [{ alias: "security", region: "eu-west-1" }] },
    resource: { aws_guardduty_member: { invited: { provider: "aws.security", for_each: INVITATIONS, region: "${each.value.region}", email: "${each.value.email}" } } },
  };
  const instances = resourceInstances(doc);
  expect(instances.map((i) => [i.address, i.region, instanceArgument(i, "email")])).toEqual([
    ['aws_guardduty_member.invited["eu-west-1/111122223333"]', "eu-west-1", "a@example.com"],
    ['aws_guardduty_member.invited["eu-west-1/444455556666"]', "eu-west-1", "b@example.com"],
    ['aws_guardduty_member.invited["us-east-1/111122223333"]', "us-east-1", "a@example.com"],
    ['aws_guardduty_member.invited["us-east-1/444455556666"]', "us-east-1", "b@example.com"],
  ]);
});

test("other expressions are unknown until Terraform evaluates them", () => {
  expect(forEachEntries("${var.regions}")).toBeUndefined();
  expect(forEachEntries(INVITATIONS.replace("merge(pair[1], { region = pair[0] })", "pair[1]"))).toBeUndefined();
  expect(forEachEntries(["eu-west-1"])).toBeUndefined();
});
