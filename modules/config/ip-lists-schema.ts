/**
 * The `ipLists` section of the estate file: GuardDuty trusted IP lists and threat lists, created in the administrator
 * account in every region (they apply to every member). Each list is a local file the stack uploads to the findings
 * bucket, or an existing `s3://bucket/key` object.
 *
 * Checked before anything is written: the shape (`ipListSchema`), the lists against each other and the estate
 * (`ipListsIssues`: names unique, AWS's one trusted list and six threat lists per Region, a local file only with an
 * export bucket), and the files themselves (`ipListFileIssues`: present, not empty, at most 35 MB and AWS's entry
 * limit, every TXT line an IP address or CIDR range, naming the file and the line). AWS's numbers and their sources:
 * modules/lists/list-files.ts.
 */
import { readFileSync, statSync } from "fs";
import * as path from "path";
import { z } from "zod";
import { bucketNameProblems } from "../export/names";
import {
  GUARDDUTY_LIST_FORMATS, GUARDDUTY_LIST_KINDS, LIST_LIMITS, listLocation, listNameProblems, listObjectKey, parseS3Uri,
  readTxtList, type GuardDutyListFormat, type GuardDutyListKind,
} from "../lists/list-files";
import type { Partition } from "../topology/regions";
import { strictObject } from "./primitives";

const NAME = `expected 1 to ${LIST_LIMITS.maxNameLength} letters, digits, "-" and "_"`;
const S3_URI = "expected an existing object as s3://<bucket>/<key>";
const FILE = "expected a path relative to the estate file";

/** One list of the `ipLists` section. */
export const ipListSchema = strictObject({
  /** Unique name of the list, shown in findings: 1-300 of letters, digits, "-" and "_". */
  name: z.string({ error: NAME }).refine((n) => listNameProblems("name", n).length === 0, { error: NAME })
    .describe("Name of the list (unique; shown in findings): 1-300 letters, digits, \"-\" and \"_\"."),
  /** `trusted`: no findings for these addresses; `threat`: findings for these addresses. */
  kind: z.enum(GUARDDUTY_LIST_KINDS, { error: `expected one of ${GUARDDUTY_LIST_KINDS.join(", ")}` })
    .describe("trusted (an IPSet: GuardDuty generates no findings for these addresses) or threat (a ThreatIntelSet)."),
  /** The file's format. */
  format: z.enum(GUARDDUTY_LIST_FORMATS, { error: `expected one of ${GUARDDUTY_LIST_FORMATS.join(", ")}` })
    .describe(`Format of the list file: ${GUARDDUTY_LIST_FORMATS.join(", ")}.`),
  /** A local file, relative to the estate file, uploaded to the findings bucket (`export` required). */
  file: z.string({ error: FILE })
    .refine((p) => p !== "" && !path.isAbsolute(p) && !/^[A-Za-z]:[\\/]/.test(p) && !p.startsWith("~"), { error: FILE })
    .optional()
    .describe("A local list file, relative to the estate file: uploaded (KMS-encrypted) to the findings bucket under guardduty-lists/. Requires export. Exactly one of file and location."),
  /** An existing object the administrator's GuardDuty service-linked role can read. */
  location: z.string({ error: S3_URI })
    .refine((u) => { const s3 = parseS3Uri(u); return s3 !== undefined && bucketNameProblems("bucket", s3.bucket).length === 0; }, { error: S3_URI })
    .optional()
    .describe("An existing list object, s3://<bucket>/<key>, readable by the administrator's GuardDuty service-linked role (its bucket and key policies are yours). Exactly one of file and location."),
  /** Whether GuardDuty uses the list. @default true */
  activate: z.boolean({ error: "expected true or false" }).optional().describe("Whether GuardDuty uses the list. Default true."),
});

/** The `ipLists` section. */
export const ipListsSchema = z.array(ipListSchema, { error: "expected a list of GuardDuty IP lists" }).describe(
  "GuardDuty trusted IP lists and threat lists, created in the administrator account in every region: " +
    "each a local file the stack uploads to the findings bucket, or an existing s3:// object. " +
    "At most 1 trusted and 6 threat lists (AWS's quotas per account and Region).",
);

export type IpListInput = z.infer<typeof ipListSchema>;

/** A list with its defaults applied and its source read. */
export interface ResolvedIpList {
  readonly name: string;
  readonly kind: GuardDutyListKind;
  readonly format: GuardDutyListFormat;
  readonly activate: boolean;
  /** The local file (its path as written and its text, read when the estate is loaded), or an existing object. */
  readonly source:
    | { readonly type: "file"; readonly file: string; readonly content: string }
    | { readonly type: "location"; readonly location: string };
}

interface Issue {
  path: Array<string | number>;
  message: string;
}

const plain = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The lists of a (possibly malformed) estate, each with its index. */
function listsOf(input: { readonly ipLists?: unknown }): Array<{ i: number; list: Record<string, unknown> }> {
  return (Array.isArray(input.ipLists) ? input.ipLists : [])
    .map((list, i) => ({ i, list: plain(list) }))
    .filter((x): x is { i: number; list: Record<string, unknown> } => x.list !== undefined);
}

/**
 * The lists against each other and the estate: exactly one source each; names unique; at most AWS's number of lists
 * of each kind (every list is created in every region, so the estate's count is each region's); a local file only
 * with an `export` section (its bucket holds the uploads); a location GuardDuty accepts (at most 300 characters).
 */
export function ipListsIssues(
  input: { readonly ipLists?: unknown; readonly export?: unknown },
  estate: { readonly partition?: Partition; readonly homeRegion?: string } = {},
): Issue[] {
  const issues: Issue[] = [];
  const names = new Map<string, number>();
  const byKind: Record<GuardDutyListKind, number[]> = { trusted: [], threat: [] };
  const exportBucket = text(plain(input.export)?.bucketName);
  for (const { i, list } of listsOf(input)) {
    const name = text(list.name);
    if (name !== undefined) {
      if (names.has(name)) issues.push({ path: ["ipLists", i, "name"], message: `duplicate list name: already ipLists[${names.get(name)}].name (GuardDuty names are unique per account and Region)` });
      else names.set(name, i);
    }
    const kind = text(list.kind);
    if (kind === "trusted" || kind === "threat") {
      byKind[kind].push(i);
      const limit = LIST_LIMITS.listsPerRegion[kind];
      if (byKind[kind].length > limit) {
        issues.push({
          path: ["ipLists", i, "kind"],
          message: `at most ${limit} ${kind} list${limit === 1 ? "" : "s"} per account and Region (GuardDuty quota, not raisable); ` +
            `already ${byKind[kind].slice(0, limit).map((n) => `ipLists[${n}]`).join(", ")}`,
        });
      }
    }
    const sources = ["file", "location"].filter((k) => list[k] !== undefined);
    if (sources.length !== 1) {
      issues.push({ path: ["ipLists", i], message: "expected exactly one of file (a local file the stack uploads) or location (an existing s3://bucket/key)" });
    }
    if (list.file !== undefined && input.export === undefined) {
      issues.push({
        path: ["ipLists", i, "file"],
        message: "a local file is uploaded to the findings bucket, and this estate has no export section: add export, or give an existing s3:// location instead",
      });
    }
    const given = text(list.location);
    const location = given ?? (exportBucket && name && list.file !== undefined
      ? listLocation(estate.partition ?? "aws", estate.homeRegion ?? "us-east-1", exportBucket, listObjectKey(name, "TXT", "", text(list.file)))
      : "");
    if (location.length > LIST_LIMITS.maxLocationLength) {
      issues.push({
        path: ["ipLists", i, given !== undefined ? "location" : "name"],
        message: `the list's location ${location} is ${location.length} characters; GuardDuty accepts at most ${LIST_LIMITS.maxLocationLength}`,
      });
    }
  }
  return issues;
}

/**
 * The local files of the lists, read from `baseDir` (the estate file's directory): present, a file, not empty, at
 * most 35 MB; a TXT list with every line an IP address or CIDR range (each bad line named, the first ten) and at most
 * AWS's number of entries for its kind. Lists that are malformed otherwise are skipped (the schema reports them).
 */
export function ipListFileIssues(input: unknown, baseDir: string): Issue[] {
  const issues: Issue[] = [];
  for (const { i, list } of listsOf(plain(input) ?? {})) {
    const file = text(list.file);
    if (file === undefined || !ipListSchema.shape.file.safeParse(file).success) continue;
    const at = ["ipLists", i, "file"];
    const absolute = path.resolve(baseDir, file);
    let size: number;
    try {
      const stat = statSync(absolute);
      if (!stat.isFile()) {
        issues.push({ path: at, message: `expected a list file; ${file} is not a file (relative to ${baseDir})` });
        continue;
      }
      size = stat.size;
    } catch (e) {
      issues.push({ path: at, message: `cannot read the list file (relative to ${baseDir}): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    if (size === 0) {
      issues.push({ path: at, message: "expected a list file with at least one entry; the file is empty" });
      continue;
    }
    if (size > LIST_LIMITS.maxFileBytes) {
      issues.push({ path: at, message: `expected a list file of at most ${LIST_LIMITS.maxFileBytes} bytes (GuardDuty's 35 MB); ${file} is ${size} bytes` });
      continue;
    }
    if (list.format !== "TXT") continue;
    const { entries, bad } = readTxtList(readFileSync(absolute, "utf8"));
    for (const b of bad.slice(0, 10)) {
      issues.push({ path: at, message: `${file} line ${b.line} is not an IPv4/IPv6 address or CIDR range (one per line); got ${JSON.stringify(b.text)}` });
    }
    if (bad.length > 10) issues.push({ path: at, message: `${file} has ${bad.length - 10} more lines that are not an IP address or CIDR range` });
    const kind = list.kind === "threat" ? "threat" : "trusted";
    const limit = LIST_LIMITS.entriesPerList[kind];
    if (list.kind === kind && entries > limit) {
      issues.push({ path: at, message: `a ${kind} list holds at most ${limit} IP addresses and CIDR ranges (GuardDuty quota); ${file} has ${entries}` });
    }
    if (entries === 0 && bad.length === 0) {
      issues.push({ path: at, message: "expected a list file with at least one entry; the file holds only blank and comment lines" });
    }
  }
  return issues;
}

/** The lists with their defaults applied, sorted by name, each local file read (relative to `baseDir`). */
export function resolveIpLists(input: readonly IpListInput[] | undefined, baseDir: string): ResolvedIpList[] {
  return [...(input ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((l) => {
    return {
      name: l.name,
      kind: l.kind,
      format: l.format,
      activate: l.activate ?? true,
      source: l.location !== undefined
        ? { type: "location" as const, location: l.location }
        : { type: "file" as const, file: l.file!, content: readFileSync(path.resolve(baseDir, l.file!), "utf8") },
    };
  });
}
