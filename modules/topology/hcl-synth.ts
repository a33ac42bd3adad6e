/**
 * Values that stay valid when cdktf writes HCL (`cdktf synth --hcl`) instead of JSON.
 *
 * cdktf's HCL renderer (cdktf/lib/hcl/render.js, 0.21) writes a string attribute as `"<text>"` and escapes its quotes
 * only when the text holds no `${`: a policy document that references a resource
 * (`{"Resource":"${aws_sns_topic.x.arn}"}`) comes out as `"{"Resource":"${...}"}"`, which Terraform rejects. In a
 * `for_each` map (rendered without type information) a string that starts with `{` or `[` is written unquoted, so a
 * JSON document becomes an HCL object, and a `null` crashes the renderer. Lifecycle `precondition`s come out as a list
 * attribute instead of blocks. JSON output has none of these problems.
 *
 * So each helper here returns its value unchanged for JSON output, and only when cdktf is writing HCL (cdktf's own
 * switch, `SYNTH_HCL_OUTPUT`, which `cdktf synth --hcl` sets and which cdktf's stacks read when they are created) a form
 * the renderer writes correctly: JSON documents as `${jsonencode({...})}` (a Terraform expression a reviewer reads as an
 * HCL object), other risky strings as `${"<escaped>"}`, nulls as `${null}`. Terraform evaluates each to exactly the
 * value of the JSON output (for documents: the same JSON, keys in Terraform's order, which IAM, KMS, SNS, SQS and
 * EventBridge read alike). The mode is read when the construct is built, like cdktf's stacks do.
 *
 * Importing this module also makes cdktf write lifecycle `precondition` and `postcondition` as the blocks Terraform
 * expects when it writes HCL ({@link renderConditionsAsBlocks}); JSON output is not touched.
 */
import { TerraformDataSource, TerraformResource, Token } from "cdktf";

/** True when cdktf writes HCL: `SYNTH_HCL_OUTPUT` is `true` or `1` (what `cdktf synth --hcl` sets; cdktf's own switch). */
export function synthesizingHcl(): boolean {
  const v = process.env.SYNTH_HCL_OUTPUT;
  return v === "true" || v === "1";
}

/** Runs `fn` with HCL output switched on (for tests and tools that render HCL in-process), then restores the switch. */
export function withHclSynth<T>(fn: () => T): T {
  const before = process.env.SYNTH_HCL_OUTPUT;
  process.env.SYNTH_HCL_OUTPUT = "true";
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.SYNTH_HCL_OUTPUT;
    else process.env.SYNTH_HCL_OUTPUT = before;
  }
}

/**
 * `text` as an HCL quoted template: JSON string escapes (those HCL lacks rewritten), and `${` / `%{` doubled so that
 * Terraform reads them literally, except cdktf's token markers, which stay interpolations and resolve to references.
 *
 * @example hclString('a "b" ${x}') // '"a \\"b\\" $${x}"'
 */
export function hclString(text: string): string {
  const json = JSON.stringify(text).replace(/\\(.)/g, (pair, c: string) => (c === "b" ? "\\u0008" : c === "f" ? "\\u000c" : c === "/" ? "/" : pair));
  // A token stays an interpolation, written `${<token>}`: cdktf resolves a token inside an open `${` to a bare
  // expression (`aws_sqs_queue.x.arn`), which the added braces make an interpolation again.
  return json.replace(/\$\{TfToken\[[^\]]*\]\}|[$%]\{/g, (match) =>
    match.length > 2 ? `\${${match}}` : `${match[0]}${match[0]}{`);
}

/**
 * A plain JSON value (tokens allowed) as an HCL expression: objects `{"key" = value, ...}`, tuples `[a, b]`, strings
 * through {@link hclString}; on one line, or with `indent` one entry per line (objects, and tuples that hold objects
 * or tuples), indented from `indent`. A list or number token becomes `"${...}"`, which Terraform evaluates to the
 * token's own value.
 */
export function hclExpression(value: unknown, indent?: string): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return Token.isUnresolved(value) ? hclString(Token.asString(value)) : JSON.stringify(value);
  if (typeof value === "string") return hclString(value);
  const inner = indent === undefined ? undefined : `${indent}  `;
  if (Array.isArray(value)) {
    if (Token.isUnresolved(value)) return hclString(Token.asString(value));
    const nested = value.some((v) => v !== null && typeof v === "object" && !Token.isUnresolved(v));
    if (inner === undefined || !nested || value.length === 0) return `[${value.map((v) => hclExpression(v, indent)).join(", ")}]`;
    return `[\n${value.map((v) => `${inner}${hclExpression(v, inner)},`).join("\n")}\n${indent}]`;
  }
  if (typeof value === "object") {
    if (Token.isUnresolved(value)) return hclString(Token.asString(value));
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (inner === undefined || entries.length === 0) return `{${entries.map(([k, v]) => `${hclString(k)} = ${hclExpression(v)}`).join(", ")}}`;
    return `{\n${entries.map(([k, v]) => `${inner}${hclString(k)} = ${hclExpression(v, inner)}`).join("\n")}\n${indent}}`;
  }
  throw new Error(`hclExpression needs a JSON value; got ${typeof value}`);
}

/**
 * A JSON document for a string argument (policy, event pattern, redrive policy): `JSON.stringify(doc)` for JSON
 * output, as always (tokens inside resolve to `${...}` references). When writing HCL, `${jsonencode({...})~}` with one
 * entry per line, which cdktf writes as a heredoc a reviewer reads as an HCL object (the `~` strips the heredoc's
 * final line break, so Terraform reads exactly the document). Builders stay pure: constructs call this on what they
 * return. For a `for_each` value (always one line in HCL) use {@link jsonDocumentInline}.
 */
export function jsonDocument(doc: unknown): string {
  if (!synthesizingHcl()) return JSON.stringify(doc);
  return `\${jsonencode(${hclExpression(doc, "")})~}`;
}

/** {@link jsonDocument} on one line, `${jsonencode({...})}`, for a value inside a `for_each` map. */
export function jsonDocumentInline(doc: unknown): string {
  if (!synthesizingHcl()) return JSON.stringify(doc);
  return `\${jsonencode(${hclExpression(doc)})}`;
}

/**
 * Free text for a string argument or a `for_each` value (an input template, a description): unchanged for JSON output;
 * when writing HCL and the text holds anything the renderer would mangle (quotes, backslashes, line breaks, `${`, a
 * leading `{`, `[` or quote, or digits the renderer would write as a number), `${"<escaped>"}`, which Terraform reads as the same text. Tokens are left alone.
 */
export function hclSafeText(text: string): string {
  if (!synthesizingHcl() || Token.isUnresolved(text)) return text;
  const risky = /["\\\n\r\t]|[$%]\{|^[[{"]/.test(text) || String(parseInt(text, 10)) === text;
  return risky ? `\${${hclString(text)}}` : text;
}

/**
 * A `for_each` map value (a plain object, possibly nested): unchanged for JSON output; when writing HCL, nulls become
 * `${null}` and strings go through {@link hclSafeText}, so that cdktf's renderer writes what the JSON holds.
 */
export function forEachValue<T>(value: T): T {
  if (!synthesizingHcl()) return value;
  const walk = (v: unknown): unknown => {
    if (v === null) return "${null}";
    if (typeof v === "string") return hclSafeText(v);
    if (Array.isArray(v)) return Token.isUnresolved(v) ? v : v.map(walk);
    if (typeof v === "object" && v !== undefined && !Token.isUnresolved(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** The shape cdktf's HCL renderer writes as nested blocks (`name { ... }` per element). */
function blockList(items: unknown[]): Record<string, unknown> {
  return { value: items, isBlock: true, type: "list", storageClassType: "object" };
}

/** A condition's error message, made safe for the renderer when it is literal text (see {@link hclSafeText}). */
function conditionBlock(condition: unknown): unknown {
  if (!condition || typeof condition !== "object") return condition;
  const c = condition as Record<string, unknown>;
  const message = c.error_message;
  if (typeof message !== "string" || message.includes("${") || !/["\\\n\r\t%]|^[[{"]/.test(message)) return c;
  return { ...c, error_message: `\${${hclString(message)}}` };
}

/** One element's HCL fragment with its lifecycle conditions rewritten as blocks. */
function withConditionBlocks(fragment: Record<string, Record<string, Record<string, Record<string, unknown>>> | undefined>): void {
  for (const byType of [fragment.resource, fragment.data]) {
    for (const byName of Object.values(byType ?? {})) {
      for (const body of Object.values(byName)) {
        const lifecycle = body.lifecycle as Record<string, unknown> | undefined;
        if (!lifecycle || typeof lifecycle !== "object" || "value" in lifecycle) continue;
        const value: Record<string, unknown> = { ...lifecycle };
        let changed = false;
        for (const kind of ["precondition", "postcondition"]) {
          const list = value[kind];
          if (Array.isArray(list) && list.length > 0) {
            value[kind] = blockList(list.map(conditionBlock));
            changed = true;
          }
        }
        if (changed) body.lifecycle = { value, isBlock: true, type: "simple", storageClassType: "object" };
      }
    }
  }
}

const INSTALLED = Symbol.for("guardduty-cdktf/condition-blocks");

/**
 * cdktf 0.21 writes a lifecycle `precondition` or `postcondition` in HCL as a list argument
 * (`precondition = [{ condition = ... }]`), which Terraform rejects ("An argument named precondition is not expected
 * here"); JSON output is right. This wraps `toHclTerraform` of resources and data sources so that conditions are
 * written as `precondition { condition = ..., error_message = ... }` blocks. It acts only on HCL output, once per
 * process, and is installed when this module is imported (every construct of this library imports it).
 */
export function renderConditionsAsBlocks(): void {
  for (const cls of [TerraformResource, TerraformDataSource]) {
    const proto = cls.prototype as unknown as Record<string | symbol, unknown> & { toHclTerraform(): Record<string, any> };
    if (proto[INSTALLED]) continue;
    const original = proto.toHclTerraform;
    proto.toHclTerraform = function (this: unknown) {
      const fragment = original.call(this);
      withConditionBlocks(fragment);
      return fragment;
    };
    proto[INSTALLED] = true;
  }
}

renderConditionsAsBlocks();
