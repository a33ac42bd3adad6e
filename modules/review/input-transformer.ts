/**
 * Renders an EventBridge input transformer the way EventBridge does: a placeholder inside a quoted string of
 * the template receives the raw value (EventBridge does not escape it); a bare placeholder receives the value
 * as JSON. Pure; used by the review to show the message a sample finding produces.
 */

/** Reads a JSONPath of the simple form EventBridge input paths use: `$.detail.service.count`, `$.resources[0]`. */
export function readPath(event: unknown, jsonPath: string): unknown {
  if (jsonPath === "$") return event;
  if (!jsonPath.startsWith("$.")) throw new Error(`input path must start with "$."; got "${jsonPath}"`);
  let v: unknown = event;
  for (const part of jsonPath.slice(2).split(".")) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`input path part "${part}" of "${jsonPath}" is not supported`);
    v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[m[1]] : undefined;
    for (const idx of m[2].match(/\d+/g) ?? []) v = Array.isArray(v) ? v[Number(idx)] : undefined;
  }
  return v;
}

/** The variables EventBridge defines without input paths. */
function predefined(event: unknown, ruleArn: string): Record<string, unknown> {
  return {
    "aws.events.event": event,
    "aws.events.event.json": event,
    "aws.events.rule-arn": ruleArn,
    "aws.events.rule-name": ruleArn.split("/").pop(),
    "aws.events.event.ingestion-time": (event as { time?: string })?.time,
  };
}

/** Renders `template` for `event`. Unknown placeholders are left as they are, as EventBridge does. */
export function renderInputTransformer(
  transformer: { inputPaths?: Record<string, string>; inputTemplate: string },
  event: unknown,
  ruleArn = "arn:aws:events:eu-west-1:222222222222:rule/guardduty-findings",
): string {
  const values: Record<string, unknown> = { ...predefined(event, ruleArn) };
  for (const [name, p] of Object.entries(transformer.inputPaths ?? {})) values[name] = readPath(event, p);
  const t = transformer.inputTemplate;
  let out = "";
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === "\\" && inString) {
      out += c + (t[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    if (c === "<") {
      const end = t.indexOf(">", i);
      const name = end > i ? t.slice(i + 1, end) : "";
      if (end > i && Object.prototype.hasOwnProperty.call(values, name)) {
        const v = values[name];
        if (inString) out += typeof v === "string" ? v : v === undefined ? "" : JSON.stringify(v);
        else out += v === undefined ? "null" : JSON.stringify(v);
        i = end;
        continue;
      }
    }
    out += c;
  }
  return out;
}
