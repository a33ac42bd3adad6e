/**
 * Reading an estate file: JSON parse, schema, cross-checks, defaults. Every problem is collected and reported
 * together, each with its field path, the value received and what is allowed.
 */
import { readFileSync } from "fs";
import { z } from "zod";
import { estateIssues, type ConfigIssue } from "./cross-checks";
import { estateSchema } from "./estate-schema";
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

/** `invitedMembers[0].accountId` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return "(root)";
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`))
    .join("");
}

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

/** One line per problem: `path: what is allowed; got <value>`. */
export function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue | ConfigIssue>, raw: unknown): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if ("code" in issue && issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        lines.push(`${formatPath([...issue.path, key])}: ${issue.message}; got ${show(valueAt(raw, [...issue.path, key]))}`);
      }
      continue;
    }
    lines.push(`${formatPath(issue.path)}: ${issue.message}; got ${show(valueAt(raw, issue.path))}`);
  }
  return lines;
}

/** Validates parsed JSON; throws EstateConfigError with every problem. */
export function parseEstate(raw: unknown, source = "estate config"): EstateConfig {
  const result = validatedEstateSchema.safeParse(raw);
  if (!result.success) throw new EstateConfigError(source, formatIssues(result.error.issues, raw));
  return resolveEstate(result.data);
}

/** Reads, parses and validates an estate file; throws EstateConfigError with every problem. */
export function loadEstate(file: string): EstateConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new EstateConfigError(file, [`cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new EstateConfigError(file, [`malformed JSON: ${jsonErrorWhere(text, e as Error)}`]);
  }
  return parseEstate(raw, file);
}

/** Node's JSON error, with line and column added when it gives a position. */
function jsonErrorWhere(text: string, e: Error): string {
  const m = /position (\d+)/.exec(e.message);
  if (!m) return e.message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos).split("\n");
  return `${e.message.replace(/ in JSON at position \d+.*$/, "")} at line ${before.length}, column ${before[before.length - 1].length + 1}`;
}
