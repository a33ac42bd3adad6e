/**
 * Reading the HCL that `cdktf synth --hcl` writes (`cdk.tf`) back into the shape of a cdk.tf.json document, so that
 * the summary and the review read either output. Pure functions, no cdktf import.
 *
 * It reads the subset cdktf renders, formatted by `terraform fmt` or not: blocks (`resource "t" "n" { ... }`, nested
 * `lifecycle { ... }`), arguments, quoted templates, heredocs, numbers, booleans, `null`, objects and tuples. Strings
 * keep their template text as the JSON document has it (`"${each.key}"`, `$${` stays doubled); the forms this library
 * writes for HCL output are read back to their JSON values: `"${jsonencode({...})}"` to the JSON text,
 * `"${"<text>"}"` to the text, `"${null}"` to null. Any other expression is kept as `${<expression>}`.
 */
import type { TerraformDocument } from "./synthesized";

/**
 * Nested blocks that cdk.tf.json writes as lists even when there is one (lifecycle conditions, provider settings and
 * the list-typed blocks of the resources this library writes); any other block that appears once is an object.
 */
const LIST_BLOCKS = new Set([
  "precondition", "postcondition", "assume_role", "default_tags", "additional_configuration", "transition",
  "expiration", "filter", "noncurrent_version_expiration", "abort_incomplete_multipart_upload", "queue",
]);

/**
 * List blocks whose name is a single block elsewhere (`rule` of S3 ownership controls), by resource type; a dotted
 * path names a nested block inside each element of its parent (`protected_resource.s3_bucket`).
 */
const LIST_BLOCKS_OF_TYPE: Readonly<Record<string, readonly string[]>> = {
  aws_s3_bucket_lifecycle_configuration: ["rule"],
  aws_s3_bucket_server_side_encryption_configuration: ["rule"],
  aws_guardduty_malware_protection_plan: ["protected_resource", "protected_resource.s3_bucket", "actions", "actions.tagging"],
};

/** Makes the block at `path` of `body` (and of each element on the way) a list, as cdk.tf.json writes it. */
function listBlockAt(body: Record<string, unknown>, path: readonly string[]): void {
  const [name, ...rest] = path;
  if (body[name] === undefined) return;
  if (!Array.isArray(body[name])) body[name] = [body[name]];
  if (rest.length > 0) for (const element of body[name] as Record<string, unknown>[]) listBlockAt(element, rest);
}

/** Arguments cdktf writes as bare references or names in HCL and as plain strings in JSON. */
const BARE_NAMES = new Set(["to", "from", "iterator"]);

/** Thrown on text this reader does not understand, with the line. */
export class HclReadError extends Error {}

class Reader {
  private pos = 0;
  constructor(private readonly text: string) {}

  fail(what: string): never {
    const line = this.text.slice(0, this.pos).split("\n").length;
    throw new HclReadError(`cannot read HCL at line ${line}: ${what}; got ${JSON.stringify(this.text.slice(this.pos, this.pos + 40))}`);
  }

  /** Skips spaces, tabs, and (with `newlines`) line breaks and comments. */
  skip(newlines = true): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === " " || c === "\t" || c === "\r" || (newlines && c === "\n")) this.pos++;
      else if (newlines && (c === "#" || (c === "/" && this.text[this.pos + 1] === "/"))) {
        while (this.pos < this.text.length && this.text[this.pos] !== "\n") this.pos++;
      } else return;
    }
  }

  atEnd(): boolean {
    this.skip();
    return this.pos >= this.text.length;
  }

  peek(): string {
    return this.text[this.pos] ?? "";
  }

  expect(c: string): void {
    this.skip();
    if (this.text[this.pos] !== c) this.fail(`expected ${JSON.stringify(c)}`);
    this.pos++;
  }

  identifier(): string {
    this.skip();
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(this.pos, this.pos + 200));
    if (!m) this.fail("expected a name");
    this.pos += m[0].length;
    return m[0];
  }

  /** A block body, after its `{`, up to and including its `}`: arguments and nested blocks. */
  body(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (;;) {
      this.skip();
      if (this.peek() === "}") {
        this.pos++;
        return out;
      }
      if (this.pos >= this.text.length) this.fail("expected }");
      const name = this.peek() === '"' ? this.quotedKey() : this.identifier();
      this.skip(false);
      if (this.peek() === "=") {
        this.pos++;
        out[name] = this.value();
        continue;
      }
      const labels: string[] = [];
      while (this.peek() === '"') {
        labels.push(this.quotedKey());
        this.skip(false);
      }
      this.expect("{");
      const block = this.body();
      let target: Record<string, unknown> = out;
      let key = name;
      for (const label of labels) {
        const next = (target[key] ??= {}) as Record<string, unknown>;
        target = next;
        key = label;
      }
      const existing = target[key];
      if (existing === undefined) target[key] = labels.length === 0 && LIST_BLOCKS.has(name) ? [block] : block;
      else target[key] = Array.isArray(existing) ? [...existing, block] : [existing, block];
    }
  }

  /** A quoted name (an object key or a block label): its text. */
  quotedKey(): string {
    const v = this.value();
    if (typeof v !== "string") this.fail("expected a quoted name");
    return v;
  }

  value(): unknown {
    this.skip();
    const c = this.peek();
    if (c === '"') return lowered(this.template());
    if (c === "{") return this.object();
    if (c === "[") return this.tuple();
    if (c === "<" && this.text.startsWith("<<", this.pos)) return lowered(this.heredoc());
    const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?)(?![A-Za-z0-9_.])/.exec(this.text.slice(this.pos, this.pos + 40));
    if (m) {
      this.pos += m[0].length;
      return Number(m[0]);
    }
    const expr = this.bareExpression();
    if (expr === "true") return true;
    if (expr === "false") return false;
    if (expr === "null") return null;
    return `\${${expr}}`;
  }

  object(): Record<string, unknown> {
    this.expect("{");
    const out: Record<string, unknown> = {};
    for (;;) {
      this.skip();
      if (this.peek() === "}") {
        this.pos++;
        return out;
      }
      const key = this.peek() === '"' ? this.quotedKey() : this.identifier();
      this.skip(false);
      if (this.peek() !== "=" && this.peek() !== ":") this.fail("expected = or : after an object key");
      this.pos++;
      out[key] = this.value();
      this.skip();
      if (this.peek() === ",") this.pos++;
    }
  }

  tuple(): unknown[] {
    this.expect("[");
    const out: unknown[] = [];
    for (;;) {
      this.skip();
      if (this.peek() === "]") {
        this.pos++;
        return out;
      }
      out.push(this.value());
      this.skip();
      if (this.peek() === ",") this.pos++;
    }
  }

  /** `<<EOF` (or `<<-EOF`) ... `EOF`: the lines between, each followed by a line break, as Terraform reads them. */
  heredoc(): string {
    const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(this.text.slice(this.pos, this.pos + 100));
    if (!m) this.fail("expected a heredoc");
    this.pos += m[0].length;
    const lines: string[] = [];
    for (;;) {
      const end = this.text.indexOf("\n", this.pos);
      const line = this.text.slice(this.pos, end < 0 ? this.text.length : end);
      this.pos = end < 0 ? this.text.length : end + 1;
      if (line.trim() === m[2]) break;
      if (end < 0) this.fail(`expected the heredoc's closing ${m[2]}`);
      lines.push(line);
    }
    return lines.map((l) => `${l}\n`).join("");
  }

  /**
   * A quoted template, from its opening quote: literal parts unescaped (`\"` -> `"`), interpolations `${...}` and
   * directives `%{...}` kept as written, `$${` and `%%{` kept doubled (as the JSON document holds them).
   */
  template(): string {
    this.expect('"');
    let out = "";
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c === "\n") this.fail("unterminated string");
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === "\\") {
        const e = this.text[this.pos + 1];
        if (e === "u") {
          out += String.fromCharCode(parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else {
          out += ({ n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" } as Record<string, string>)[e] ?? e;
          this.pos += 2;
        }
        continue;
      }
      if ((c === "$" || c === "%") && this.text[this.pos + 1] === c && this.text[this.pos + 2] === "{") {
        out += `${c}${c}{`;
        this.pos += 3;
        continue;
      }
      if ((c === "$" || c === "%") && this.text[this.pos + 1] === "{") {
        const start = this.pos;
        this.pos += 2;
        this.balanced("}");
        out += this.text.slice(start, this.pos);
        continue;
      }
      out += c;
      this.pos++;
    }
  }

  /** Like {@link balanced}, from the start: the length read. */
  skipBalanced(close: string): number {
    this.balanced(close);
    return this.pos;
  }

  /** Moves past text up to and including `close`, skipping nested brackets and quoted templates. */
  balanced(close: string): void {
    const pairs: Record<string, string> = { "{": "}", "(": ")", "[": "]" };
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail(`expected ${close}`);
      if (c === close) {
        this.pos++;
        return;
      }
      if (c === '"') {
        this.template();
        continue;
      }
      this.pos++;
      if (pairs[c]) this.balanced(pairs[c]);
    }
  }

  /** An expression that is not a literal (a reference, a call), up to the end of its value. */
  bareExpression(): string {
    const start = this.pos;
    const pairs: Record<string, string> = { "{": "}", "(": ")", "[": "]" };
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c === "\n" || c === "," || c === "}" || c === "]" || c === ")") break;
      if (c === '"') this.template();
      else {
        this.pos++;
        if (pairs[c]) this.balanced(pairs[c]);
      }
    }
    const expr = this.text.slice(start, this.pos).trim();
    if (!expr) this.fail("expected a value");
    return expr;
  }
}

/** The JSON value of an HCL expression text of the forms this library writes (objects, tuples, literals, templates). */
function expressionValue(text: string): unknown {
  const r = new Reader(text);
  const v = r.value();
  if (!r.atEnd()) r.fail("expected the end of the expression");
  return v;
}

/**
 * JSON text of a value as cdktf writes a JSON document holding references: literal text escaped, `${...}` references
 * left as they are (so `"${aws_x["eu-west-1"].arn}"` keeps its inner quotes, exactly as in cdk.tf.json).
 */
function jsonText(value: unknown): string {
  if (typeof value === "string") return `"${templateParts(value).map((p) => (p.startsWith("${") ? p : JSON.stringify(p).slice(1, -1))).join("")}"`;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A template's text cut into literal parts and `${...}` interpolations (`$${` is literal). */
function templateParts(text: string): string[] {
  const parts: string[] = [];
  let literal = "";
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("$${", i)) {
      literal += "$${";
      i += 3;
    } else if (text.startsWith("${", i)) {
      if (literal) parts.push(literal);
      literal = "";
      const r = new Reader(text.slice(i + 2));
      const end = i + 2 + r.skipBalanced("}");
      parts.push(text.slice(i, end));
      i = end;
    } else literal += text[i++];
  }
  if (literal) parts.push(literal);
  return parts;
}

/** The forms written for HCL output read back to the JSON document's values (see the module comment). */
function lowered(template: string): unknown {
  // `${...~}` strips the whitespace after it (a heredoc's final line break): the value is the interpolation's alone.
  const m = /^\$\{(.*)~\}\s*$/s.exec(template) ?? /^\$\{(.*)\}$/s.exec(template);
  if (!m) return template;
  const inner = m[1].trim();
  const call = /^jsonencode\((.*)\)$/s.exec(inner);
  try {
    if (call) return jsonText(expressionValue(call[1]));
    if (inner === "null") return null;
    if (inner.startsWith('"')) {
      const v = expressionValue(inner);
      if (typeof v === "string") return v;
    }
  } catch (e) {
    if (!(e instanceof HclReadError)) throw e;
  }
  return template;
}

/**
 * A cdk.tf text as a cdk.tf.json-shaped document: `terraform`, `provider` (`{ aws: [...] }`), `resource`, `data`,
 * `output`, `variable`, `locals` as objects, `import`, `moved` and `removed` as lists.
 *
 * @example readHclDocument('resource "aws_sns_topic" "t" {\nname = "x"\n}').resource // { aws_sns_topic: { t: { name: "x" } } }
 */
export function readHclDocument(text: string): TerraformDocument {
  const r = new Reader(text);
  const doc: Record<string, any> = {};
  while (!r.atEnd()) {
    const kind = r.identifier();
    const labels: string[] = [];
    r.skip();
    while (r.peek() === '"') {
      labels.push(r.quotedKey());
      r.skip();
    }
    r.expect("{");
    const body = r.body();
    if (kind === "provider") ((doc.provider ??= {})[labels[0]] ??= []).push(body);
    else if (kind === "import" || kind === "moved" || kind === "removed") (doc[kind] ??= []).push(body);
    else if (kind === "resource" || kind === "data") {
      for (const path of LIST_BLOCKS_OF_TYPE[labels[0]] ?? []) listBlockAt(body, path.split("."));
      ((doc[kind] ??= {})[labels[0]] ??= {})[labels[1]] = body;
    }
    else if (kind === "terraform" || kind === "locals") Object.assign((doc[kind] ??= {}), body);
    else if (labels.length === 1) (doc[kind] ??= {})[labels[0]] = body;
    else r.fail(`unexpected block ${kind}`);
  }
  return sortedKeys(doc) as TerraformDocument;
}

/** Object keys in plain string order at every level, as cdktf writes cdk.tf.json (lists keep their order). */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!value || typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  const bare = (k: string, v: unknown) => (BARE_NAMES.has(k) && typeof v === "string" ? v.replace(/^\$\{(.*)\}$/s, "$1") : v);
  return Object.fromEntries(Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => [k, sortedKeys(bare(k, o[k]))]));
}
