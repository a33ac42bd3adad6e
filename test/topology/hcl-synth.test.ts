import { Testing, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { instanceAttribute, regionIterator } from "../../modules/topology/for-each";
import { forEachValue, hclExpression, hclSafeText, hclString, jsonDocument, jsonDocumentInline, synthesizingHcl, withHclSynth } from "../../modules/topology/hcl-synth";

test("JSON output: every helper returns its value unchanged", () => {
  expect(synthesizingHcl()).toBe(false);
  expect(jsonDocument({ a: [1, "x"] })).toBe('{"a":[1,"x"]}');
  expect(jsonDocumentInline({ a: [1, "x"] })).toBe('{"a":[1,"x"]}');
  expect(hclSafeText('say "hi"\n')).toBe('say "hi"\n');
  expect(forEachValue({ description: null, name: "x" })).toEqual({ description: null, name: "x" });
});

test("withHclSynth switches HCL output on for its callback only (SYNTH_HCL_OUTPUT, cdktf's switch)", () => {
  expect(withHclSynth(() => [synthesizingHcl(), process.env.SYNTH_HCL_OUTPUT])).toEqual([true, "true"]);
  expect(process.env.SYNTH_HCL_OUTPUT).toBeUndefined();
});

test("HCL strings escape quotes, backslashes, line breaks and template sequences", () => {
  expect(hclString('a "b" \\ c\n${x} %{y}')).toBe('"a \\"b\\" \\\\ c\\n$${x} %%{y}"');
  expect(hclString("\b\f/")).toBe('"\\u0008\\u000c/"');
});

test("HCL expressions: objects with quoted keys, tuples, literals", () => {
  expect(hclExpression({ Version: "2012-10-17", "aws:SourceArn": ["a", "b"], n: 4, ok: true, none: null, skipped: undefined }))
    .toBe('{"Version" = "2012-10-17", "aws:SourceArn" = ["a", "b"], "n" = 4, "ok" = true, "none" = null}');
});

test("HCL output: documents become jsonencode, risky text and nulls become expressions Terraform reads back", () => {
  withHclSynth(() => {
    expect(jsonDocument({ source: ["aws.guardduty"], detail: { severity: [{ numeric: [">=", 4] }] } })).toBe([
      "${jsonencode({",
      '  "source" = ["aws.guardduty"]',
      '  "detail" = {',
      '    "severity" = [',
      "      {",
      '        "numeric" = [">=", 4]',
      "      },",
      "    ]",
      "  }",
      "})~}",
    ].join("\n"));
    expect(jsonDocumentInline({ source: ["aws.guardduty"] })).toBe('${jsonencode({"source" = ["aws.guardduty"]})}');
    expect(hclSafeText("plain text")).toBe("plain text");
    expect(hclSafeText('"quoted"\nline')).toBe('${"\\"quoted\\"\\nline"}');
    expect(hclSafeText("333333333333")).toBe('${"333333333333"}');
    expect(forEachValue({ description: null, rank: 1, criterion: { equals: ["{x}"] } }))
      .toEqual({ description: "${null}", rank: 1, criterion: { equals: ['${"{x}"}'] } });
  });
});

test("HCL output: references inside a document stay interpolations, for_each instances included", () => {
  const hcl = withHclSynth(() => {
    const stack = new TerraformStack(Testing.app(), "s");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const dlq = new SqsQueue(stack, "dlq", { name: "d", forEach: regionIterator(["eu-west-1"]) });
    const other = new SqsQueue(stack, "other", { name: "x" });
    new SqsQueue(stack, "q", {
      name: "y",
      redrivePolicy: jsonDocumentInline({ a: other.arn, b: `arn:${other.name}/*`, c: instanceAttribute(dlq.fqn, "eu-west-1", "arn") }),
    });
    return stack.toHclTerraform().hcl as string;
  });
  expect(hcl).toContain('redrive_policy = "${jsonencode({"a" = "${aws_sqs_queue.other.arn}", "b" = "arn:${aws_sqs_queue.other.name}/*", "c" = "${aws_sqs_queue.dlq["eu-west-1"].arn}"})}"');
});

test("fails on a value that is not JSON", () => {
  expect(() => hclExpression(() => 1)).toThrow("hclExpression needs a JSON value; got function");
});
