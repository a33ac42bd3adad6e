/**
 * Reading an estate file: JSON parse, schema, cross-checks, defaults. Every problem is collected and reported
 * together, each with its field path, the value received and what is allowed.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { z } from "zod";
import { estateIssues, type ConfigIssue } from "./cross-checks";
import { estateSchema } from "./estate-schema";
import { ipListFileIssues } from "./ip-lists-schema";
import { scanJsonText } from "./json-scan";
import { formatPath } from "./path-format";
import { resolveEstate, type EstateConfig } from "./estate-config";

/** The estate schema with the cross-field checks, which run even when other fields are malformed. */
export const validatedEstateSchema = estateSchema.superRefine(
  (value, ctx) => {
    for (const issue of estateIssues(value)) ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message });
  },
  { when: () => true },
);

/** A config that cannot be used; `problems` lists every problem found, one line each. */
export class EstateConfigError extends Error {
  constructor(
    public readonly source: string,
    public readonly problems: readonly string[],
  ) {
    super(`${source}: ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EstateConfigError";
  }
}

/** Kept here too: modules/index.ts exports the loader's API, formatPath included. */
export { formatPath };

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * One line per problem: `path: what is allowed; got <value>`. A missing field reads `path: required; ...; got nothing`;
 * a bad record key shows the key it got, not the value under it.
 */
export function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue | ConfigIssue>, raw: unknown): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if ("code" in issue && issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        lines.push(`${formatPath([...issue.path, key])}: ${issue.message}; got ${show(valueAt(raw, [...issue.path, key]))}`);
      }
      continue;
    }
    if ("code" in issue && issue.code === "invalid_key") {
      const key = issue.path[issue.path.length - 1];
      const why = issue.issues.map((i) => i.message).join("; ");
      lines.push(`${formatPath(issue.path)}: invalid key: ${why}; got ${show(typeof key === "symbol" ? String(key) : key)}`);
      continue;
    }
    const value = valueAt(raw, issue.path);
    const required = "code" in issue && issue.code === "invalid_type" && value === undefined ? "required; " : "";
    const saysGot = /(^|; |, |: |\s)got /.test(issue.message); // section schemas name the value themselves
    lines.push(`${formatPath(issue.path)}: ${required}${issue.message}${saysGot ? "" : `; got ${show(value)}`}`);
  }
  return lines;
}

/** Options of {@link parseEstate}. */
export interface ParseEstateOptions {
  /** Directory the estate's relative file paths (ipLists[].file) are read from. @default - the current directory */
  readonly baseDir?: string;
}

/** Validates parsed JSON (and the list files it names); throws EstateConfigError with every problem. */
export function parseEstate(raw: unknown, source = "estate config", options: ParseEstateOptions = {}): EstateConfig {
  const baseDir = options.baseDir ?? process.cwd();
  const result = validatedEstateSchema.safeParse(raw);
  const files = ipListFileIssues(raw, baseDir); // the files a list names: read before anything is written
  if (!result.success || files.length > 0) {
    throw new EstateConfigError(source, formatIssues([...(result.success ? [] : result.error.issues), ...files], raw));
  }
  return resolveEstate(result.data, { baseDir });
}

/** Reads, parses and validates an estate file; throws EstateConfigError with every problem. */
export function loadEstate(file: string): EstateConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new EstateConfigError(file, [`cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark, as some editors write
  const scanned = scanJsonText(text); // too deep, or a key given twice: before JSON.parse, which would hide both
  if (scanned.length > 0) throw new EstateConfigError(file, scanned);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new EstateConfigError(file, [malformedJson(text, e as Error)]);
  }
  return parseEstate(raw, file, { baseDir: path.dirname(path.resolve(file)) });
}

/**
 * Node's JSON error as one problem line: where (line and column, 1-based), what JSON expects there, and what the
 * file has there: `malformed JSON at line 3, column 5: Expected ',' or '}' after property value; got "\"regions\""`.
 */
function malformedJson(text: string, e: Error): string {
  const pos = jsonErrorPosition(text, e.message);
  const before = text.slice(0, pos).split("\n");
  const why = e.message
    .replace(/ in JSON at position \d+.*$/s, "")
    .replace(/, .*is not valid JSON$/s, "") // Node's context snippet: the line and column say where
    .replace(/^Unexpected end of JSON input$/, "unexpected end of the file");
  const rest = text.slice(pos).split(/\r?\n/)[0];
  const got = pos >= text.length ? "the end of the file" : JSON.stringify(rest.length > 20 ? `${rest.slice(0, 20)}...` : rest);
  return `malformed JSON at line ${before.length}, column ${before[before.length - 1].length + 1}: ${why}; got ${got}`;
}

const AT_POSITION = /at position (\d+)/;

/**
 * Offset of a JSON error: Node's position when it gives one; otherwise ("Unexpected token ..." carries none) the
 * length of the longest prefix that is still the start of valid JSON, found by binary search.
 */
function jsonErrorPosition(text: string, message: string): number {
  const given = AT_POSITION.exec(message);
  if (given) return Number(given[1]);
  if (/end of JSON input/.test(message)) return text.length;
  const unfinished = (n: number): boolean => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (err) {
      const m = (err as Error).message;
      const at = AT_POSITION.exec(m);
      return /end of JSON input/.test(m) || (at !== null && Number(at[1]) >= n); // only more text could fix it
    }
  };
  let [lo, hi] = [0, text.length]; // unfinished(lo) holds; the answer is in [lo, hi]
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (unfinished(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
