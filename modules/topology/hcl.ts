/**
 * Plain values written as HCL literals inside the Terraform expressions this library synthesizes (a `for`
 * expression's lists), and read back for the reviewer. Pure functions, no cdktf import.
 */

/**
 * `value` as an HCL literal: its JSON text (JSON is valid HCL: quoted keys, `:` separators, null/true/false),
 * made safe inside an HCL template, where Terraform would otherwise evaluate user text:
 * - `${` and `%{` become `$${` and `%%{` (Terraform reads them back as literal `${` and `%{`);
 * - the JSON escapes HCL does not know, `\b`, `\f` and `\/`, become `\u0008`, `\u000c` and `/`.
 *
 * @example hclLiteral({ message: "Hi ${name}" }) // '{"message":"Hi $${name}"}'
 */
export function hclLiteral(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error(`hclLiteral needs a JSON value; got ${String(value)}`);
  return templateText(json.replace(/\\(.)/g, (pair, c: string) => (c === "b" ? "\\u0008" : c === "f" ? "\\u000c" : c === "/" ? "/" : pair)));
}

/**
 * `text` as literal text of a Terraform template (every string of Terraform's JSON syntax is one): `${` and `%{`
 * become `$${` and `%%{`, which Terraform reads back as the literal `${` and `%{`.
 *
 * @example templateText("Hi ${name}") // "Hi $${name}"
 */
export function templateText(text: string): string {
  return text.replace(/([$%])\{/g, (_, c: string) => `${c}${c}{`);
}

/**
 * The value an {@link hclLiteral} text stands for: `$${` and `%%{` back to `${` and `%{`, then JSON. Only for
 * text hclLiteral wrote (JSON form), not for HCL in general.
 */
export function parseHclLiteral(text: string): unknown {
  return JSON.parse(text.replace(/([$%])\1\{/g, "$1{"));
}
