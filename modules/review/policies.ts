/**
 * Reading the policy documents of a synthesized stack. A policy string may carry Terraform interpolations
 * (`${aws_guardduty_detector.x["eu-west-1"].arn}`) whose quotes make it invalid JSON until Terraform renders
 * it: they are swapped for placeholders, parsed, and put back.
 */

/** A policy statement, as written. */
export interface ParsedStatement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly NotResource?: string | string[];
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** A policy document. */
export interface ParsedPolicy {
  readonly Version?: string;
  readonly Statement: ParsedStatement[];
}

/** Splits a string into literal text and `${...}` interpolations (nested braces and quoted strings honoured). */
export function interpolations(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let i = 0;
  while ((i = text.indexOf("${", i)) !== -1) {
    let depth = 0;
    let j = i + 1;
    let quote = false;
    for (; j < text.length; j++) {
      const c = text[j];
      if (quote) {
        if (c === "\\") j++;
        else if (c === '"') quote = false;
      } else if (c === '"') quote = true;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) break;
    }
    out.push({ start: i, end: j + 1 });
    i = j + 1;
  }
  return out;
}

/** Parses a policy string that may contain Terraform interpolations; they come back verbatim in the values. */
export function parsePolicy(text: string): ParsedPolicy {
  const found = interpolations(text);
  const refs: string[] = [];
  let masked = "";
  let last = 0;
  for (const { start, end } of found) {
    masked += text.slice(last, start) + `@@TF${refs.length}@@`;
    refs.push(text.slice(start, end));
    last = end;
  }
  masked += text.slice(last);
  const restore = (v: unknown): unknown => {
    if (typeof v === "string") return v.replace(/@@TF(\d+)@@/g, (_, n) => refs[Number(n)]);
    if (Array.isArray(v)) return v.map(restore);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [restore(k) as string, restore(x)]));
    return v;
  };
  const doc = restore(JSON.parse(masked)) as ParsedPolicy;
  return { ...doc, Statement: Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement as unknown as ParsedStatement] };
}

function list(v: unknown): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
}

/** `{"Service": ["a", "b"]}` -> `["service a", "service b"]`; `"*"` -> `["anyone (*)"]`. */
export function principals(p: unknown): string[] {
  if (p === undefined) return [];
  if (p === "*") return ["anyone (*)"];
  if (typeof p === "string") return [p];
  return Object.entries(p as Record<string, unknown>).flatMap(([kind, v]) => list(v).map((x) => `${kind === "AWS" ? "AWS" : kind.toLowerCase()} ${x}`));
}

/** One readable line per condition: `aws:SourceAccount StringEquals 222222222222`. */
export function conditions(c: ParsedStatement["Condition"]): string[] {
  return Object.entries(c ?? {}).flatMap(([op, keys]) =>
    Object.entries(keys).map(([key, v]) => `${key} ${op} ${list(v).join(" | ")}`));
}

/** A statement in one line: `Allow service guardduty.amazonaws.com s3:PutObject on arn... if aws:SourceAccount ...`. */
export function describeStatement(s: ParsedStatement): string {
  const who = s.Principal !== undefined ? principals(s.Principal).join(", ") : s.NotPrincipal !== undefined ? `everyone but ${principals(s.NotPrincipal).join(", ")}` : "the identity";
  const what = s.Action !== undefined ? list(s.Action).join(", ") : `everything but ${list(s.NotAction).join(", ")}`;
  const on = s.Resource !== undefined ? list(s.Resource).join(", ") : s.NotResource !== undefined ? `all but ${list(s.NotResource).join(", ")}` : "";
  const cond = conditions(s.Condition);
  return `${s.Effect} ${who}: ${what}${on ? ` on ${on}` : ""}${cond.length ? ` if ${cond.join(" and ")}` : ""}`;
}
