import { planChecks, planCheckWarnings, readableMessage } from "../../modules/review/plan-checks";

const doc = {
  resource: {
    aws_guardduty_member: {
      m: { lifecycle: { precondition: [{ condition: "${true}", error_message: "account ${each.value.account_id} is not in the organization" }] } },
      n: { lifecycle: { ignore_changes: ["invite"] } },
    },
  },
  data: {
    aws_regions: {
      a: { lifecycle: { postcondition: [{ condition: "${true}", error_message: "regions ${join(\", \", self.names)} are off. Enable them." }] } },
      b: { lifecycle: { postcondition: [{ condition: "${true}", error_message: "regions ${join(\", \", self.names)} are off. Enable them." }] } },
    },
  },
};

test("every precondition and postcondition, of resources and data sources, with its address", () => {
  expect(planChecks(doc)).toEqual([
    { address: "aws_guardduty_member.m", kind: "precondition", message: "account <account_id> is not in the organization" },
    { address: "data.aws_regions.a", kind: "postcondition", message: "regions <computed at plan time> are off. Enable them." },
    { address: "data.aws_regions.b", kind: "postcondition", message: "regions <computed at plan time> are off. Enable them." },
  ]);
});

test("the review lists each message once, as what a person must do before the first apply, with every place the plan stops", () => {
  expect(planCheckWarnings([doc])).toEqual([
    "Before the first apply, a person must: make this hold, or the plan stops at `aws_guardduty_member.m`: account <account_id> is not in the organization",
    "Before the first apply, a person must: make this hold, or the plan stops at `data.aws_regions.a`, `data.aws_regions.b`: regions <computed at plan time> are off. Enable them.",
  ]);
});

test("interpolations become readable placeholders", () => {
  expect(readableMessage("a ${each.key} b ${each.value.region} c ${x.y}")).toBe("a <key> b <region> c <computed at plan time>");
});

test("a document without checks gives no warning", () => {
  expect(planCheckWarnings([{ resource: { aws_s3_bucket: { b: {} } } }])).toEqual([]);
});
