/**
 * Emulates how EventBridge fills an input template (EventBridge user guide, "Amazon EventBridge input
 * transformation", common issues):
 * - a placeholder outside quotes becomes the value as JSON (strings quoted and escaped);
 * - a placeholder inside a quoted string becomes the raw value, NOT escaped;
 * - a JSON template must then be valid JSON, or the target gets nothing usable;
 * - a text template is one JSON string per line; the message is the lines decoded and joined with line breaks.
 * A line or document that is no longer valid JSON after substitution throws: that is the broken message a quote or
 * line break in a finding's text would cause.
 */
import { InputTransformer } from "../../modules/notifications";

/** Reads `$.a.b.c` from an event. */
export function readPath(event: unknown, path: string): unknown {
  if (!path.startsWith("$.")) throw new Error(`input path must start with "$."; got ${path}`);
  let v: unknown = event;
  for (const part of path.slice(2).split(".")) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

/** The template with every placeholder replaced, before any decoding. */
export function substitute(t: InputTransformer, event: Record<string, unknown>, ruleName = "guardduty-notifications-sev4-1"): string {
  const values: Record<string, unknown> = { "aws.events.rule-name": ruleName, "aws.events.event.json": event };
  for (const [name, path] of Object.entries(t.inputPaths)) {
    const v = readPath(event, path);
    if (v === undefined) throw new Error(`input path ${path} (${name}) is not in the event: EventBridge would leave <${name}> unfilled`);
    values[name] = v;
  }
  const template = t.inputTemplate;
  let out = "";
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (inString && c === "\\") {
      out += c + template[i + 1];
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    if (c === "<") {
      const end = template.indexOf(">", i);
      const name = template.slice(i + 1, end);
      if (end > i && name in values) {
        const v = values[name];
        out += inString ? (typeof v === "string" ? v : JSON.stringify(v)) : JSON.stringify(v);
        i = end;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** The text a text template delivers (e.g. an email body). Throws when a line is no longer one JSON value. */
export function renderText(t: InputTransformer, event: Record<string, unknown>, ruleName?: string): string {
  return substitute(t, event, ruleName)
    .split("\n")
    .map((line, n) => {
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch {
        throw new Error(`line ${n + 1} is not valid JSON after substitution, the message breaks: ${line}`);
      }
      return typeof v === "string" ? v : JSON.stringify(v);
    })
    .join("\n");
}

/** The JSON a JSON template delivers (e.g. a webhook body). Throws when it is no longer valid JSON. */
export function renderJson(t: InputTransformer, event: Record<string, unknown>, ruleName?: string): unknown {
  return JSON.parse(substitute(t, event, ruleName));
}
