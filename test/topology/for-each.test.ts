import { Testing, TerraformStack, TerraformVariable } from "cdktf";
import { regionAccountProduct, regionMemberMap, regionMemberProduct } from "../../modules/topology/for-each";

test("region x account: one setproduct over the sorted lists, keyed region/account", () => {
  expect(regionAccountProduct(["us-east-1", "eu-west-1"], ["567856785678", "123412341234"])).toBe(
    '${{ for pair in setproduct(["eu-west-1","us-east-1"], ["123412341234","567856785678"]) : "${pair[0]}/${pair[1]}" => { region = pair[0], account_id = pair[1] } }}',
  );
});

test("region x member: the members' objects in JSON form, sorted by account ID, keyed region/account, region merged in", () => {
  const members = [
    { account_id: "444455556666", email: "b@example.com", invitation_message: "Hi ${you}", disable_email_notification: false },
    { account_id: "111122223333", email: "a@example.com", invitation_message: null, disable_email_notification: true },
  ];
  expect(regionMemberProduct(["us-east-1", "eu-west-1"], members)).toBe(
    '${{ for pair in setproduct(["eu-west-1","us-east-1"], [' +
      '{"account_id":"111122223333","email":"a@example.com","invitation_message":null,"disable_email_notification":true},' +
      '{"account_id":"444455556666","email":"b@example.com","invitation_message":"Hi $${you}","disable_email_notification":false}' +
      ']) : "${pair[0]}/${pair[1].account_id}" => merge(pair[1], { region = pair[0] }) }}',
  );
});

test("regionMemberMap writes the product's entries out, literal text escaped, tokens left to resolve", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const email = new TerraformVariable(stack, "email", { type: "string" }).stringValue;
  const map = regionMemberMap(["us-east-1", "eu-west-1"], [
    { account_id: "111122223333", email, message: "Hi ${x}" },
    { account_id: "444455556666", email: "b@example.com", message: null },
  ]);
  expect(Object.keys(map)).toEqual(["eu-west-1/111122223333", "eu-west-1/444455556666", "us-east-1/111122223333", "us-east-1/444455556666"]);
  expect(map["us-east-1/111122223333"]).toEqual({ account_id: "111122223333", email, message: "Hi $${x}", region: "us-east-1" });
  expect(map["eu-west-1/444455556666"]).toEqual({ account_id: "444455556666", email: "b@example.com", message: null, region: "eu-west-1" });
});
