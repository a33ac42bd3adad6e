import { mkdtempSync, writeFileSync, mkdirSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { HclReadError, readHclDocument } from "../../modules/review/hcl-document";
import { readSynthesized } from "../../modules/review/summary";
import { forEachEntries } from "../../modules/review/synthesized";

const HCL = `terraform {
required_providers {
  aws = {
version = "6.25.0"
source = "aws"
}
}
}

provider "aws" {
allowed_account_ids = [
"222222222222"
]
alias = "security"
region = "eu-west-1"
assume_role {
role_arn = "arn:aws:iam::222222222222:role/x"
}
}
resource "aws_sqs_queue" "dlq" {
for_each = {
"eu-west-1" = {
policy = "\${jsonencode({"Resource" = "\${aws_sqs_queue.q["eu-west-1"].arn}", "Sid" = "A \\"b\\""})}"
description = "\${null}"
text = "\${"{x}"}"
}
}
name = "q-\${each.key}"
provider = "aws.security"
region = "\${each.key}"
message_retention_seconds = 1209600
lifecycle {
prevent_destroy = true
precondition {
condition = "\${length(["a"]) == 1}"
error_message = "needs \\"a\\""
}
}
}
import {
to = aws_guardduty_detector.d["eu-west-1"]
id = "abc"
}
`;

test("reads cdktf's HCL into the cdk.tf.json shape", () => {
  const doc = readHclDocument(HCL) as any;
  expect(doc.provider.aws).toEqual([{ allowed_account_ids: ["222222222222"], alias: "security", assume_role: [{ role_arn: "arn:aws:iam::222222222222:role/x" }], region: "eu-west-1" }]);
  const q = doc.resource.aws_sqs_queue.dlq;
  expect(q).toMatchObject({ name: "q-${each.key}", provider: "aws.security", region: "${each.key}", message_retention_seconds: 1209600 });
  expect(q.lifecycle).toEqual({ prevent_destroy: true, precondition: [{ condition: '${length(["a"]) == 1}', error_message: 'needs "a"' }] });
  expect(doc.import).toEqual([{ to: 'aws_guardduty_detector.d["eu-west-1"]', id: "abc" }]);
  expect(doc.terraform.required_providers.aws).toEqual({ version: "6.25.0", source: "aws" });
});

test("reads this library's HCL forms back to the JSON document's values (references keep their inner quotes)", () => {
  const entry = (readHclDocument(HCL) as any).resource.aws_sqs_queue.dlq.for_each["eu-west-1"];
  expect(entry.policy).toBe('{"Resource":"${aws_sqs_queue.q["eu-west-1"].arn}","Sid":"A \\"b\\""}');
  expect(entry.description).toBeNull();
  expect(entry.text).toBe("{x}");
});

test("readSynthesized reads a cdktf.out written as HCL (cdk.tf) as it reads JSON", () => {
  const out = mkdtempSync(path.join(tmpdir(), "hcl-out-"));
  mkdirSync(path.join(out, "stacks", "s"), { recursive: true });
  writeFileSync(path.join(out, "stacks", "s", "cdk.tf"), HCL);
  writeFileSync(path.join(out, "manifest.json"), JSON.stringify({ stacks: { s: { synthesizedStackPath: "stacks/s/cdk.tf" } } }));
  const [{ stack, doc }] = readSynthesized(out);
  expect(stack).toBe("s");
  expect(Object.keys((doc as any).resource.aws_sqs_queue)).toEqual(["dlq"]);
});

test("fails on text that is not HCL, naming the line", () => {
  expect(() => readHclDocument('resource "a" "b" {\nname = "x\n}')).toThrow(HclReadError);
  expect(() => readHclDocument('resource "a" "b" {\nname = "x\n}')).toThrow(/cannot read HCL at line 2: unterminated string/);
});

test("reads the setproduct for_each as terraform fmt rewrites it (cdktf synth --hcl formats its output)", () => {
  const formatted = '${ { for pair in setproduct(["eu-west-1", "us-east-1"], ["444455556666"]) : "${pair[0]}/${pair[1]}" => { region = pair[0], account_id = pair[1] } } }';
  expect(forEachEntries(formatted)?.map(([key]) => key)).toEqual(["eu-west-1/444455556666", "us-east-1/444455556666"]);
  const members = '${ { for pair in setproduct(["eu-west-1"], [{ "account_id" : "444455556666", "email" : "a@example.com" }]) : "${pair[0]}/${pair[1].account_id}" => merge(pair[1], { region = pair[0] }) } }';
  expect(forEachEntries(members)).toEqual([["eu-west-1/444455556666", { account_id: "444455556666", email: "a@example.com", region: "eu-west-1" }]]);
});
