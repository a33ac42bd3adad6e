import { hclLiteral, parseHclLiteral, templateText } from "../../modules/topology/hcl";

test("plain values are their JSON text (valid HCL)", () => {
  expect(hclLiteral(["eu-west-1", "us-east-1"])).toBe('["eu-west-1","us-east-1"]');
  expect(hclLiteral({ account_id: "111122223333", invitation_message: null, disable_email_notification: true }))
    .toBe('{"account_id":"111122223333","invitation_message":null,"disable_email_notification":true}');
});

test("template sequences are doubled, so Terraform reads them as literal text", () => {
  expect(hclLiteral("Hi ${foo} %{ if x }")).toBe('"Hi $${foo} %%{ if x }"');
  expect(hclLiteral("$${a} %%{b} $ % {")).toBe('"$$${a} %%%{b} $ % {"');
});

test("JSON escapes HCL does not know become ones it does; an escaped backslash before b or f is left alone", () => {
  expect(hclLiteral("a\bb\fc")).toBe('"a\\u0008b\\u000cc"');
  expect(hclLiteral("\\b \\f \\/")).toBe('"\\\\b \\\\f \\\\/"');
  expect(hclLiteral('quote " newline \n tab \t return \r nul \u0000')).toBe('"quote \\" newline \\n tab \\t return \\r nul \\u0000"');
});

test("parseHclLiteral reads back what hclLiteral wrote", () => {
  for (const text of ["${foo}", "%{ for x in y }", "$${x}", "%%{x}", "a\"b\\c\nd\fe\bf", "\\b\\f\\/", "$\\{x}", "\\${x}", "¿ünï €", ""]) {
    expect(parseHclLiteral(hclLiteral(text))).toBe(text);
    expect(parseHclLiteral(hclLiteral([{ invitation_message: text }]))).toEqual([{ invitation_message: text }]);
  }
});

test("fails on a value JSON cannot write", () => {
  expect(() => hclLiteral(undefined)).toThrow(/hclLiteral needs a JSON value; got undefined/);
});

test("templateText escapes template sequences only, so Terraform reads the text back as it was", () => {
  expect(templateText("Hi ${name}, 100%{ if x }")).toBe("Hi $${name}, 100%%{ if x }");
  expect(templateText("$5 and 50% and {braces}")).toBe("$5 and 50% and {braces}");
  expect(templateText("already $${escaped}")).toBe("already $$${escaped}"); // Terraform: "already $" + "${escaped}"
});
