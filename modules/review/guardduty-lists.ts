/**
 * The GuardDuty trusted IP lists and threat lists of synthesized stacks, per region, for the review report. Pure:
 * documents in, rows out.
 */
import { instanceArgument, resourceInstances, type ResourceInstance, type TerraformDocument } from "./synthesized";

/** One list in one region. */
export interface ReviewedList {
  readonly region: string;
  readonly kind: "trusted" | "threat";
  readonly name: string;
  readonly format: string;
  readonly location: string;
  /** `true`/`false`, or `"?"` when the document computes it. */
  readonly active: boolean | "?";
  readonly address: string;
}

const KINDS: Readonly<Record<string, "trusted" | "threat">> = { aws_guardduty_ipset: "trusted", aws_guardduty_threatintelset: "threat" };

function active(i: ResourceInstance): boolean | "?" {
  const given = i.body.activate;
  if (typeof given === "boolean") return given;
  const fromEach = /^\$\{each\.value\.([A-Za-z0-9_]+)\}$/.exec(String(given))?.[1];
  const v = fromEach && i.value && typeof i.value === "object" ? (i.value as Record<string, unknown>)[fromEach] : undefined;
  return typeof v === "boolean" ? v : "?";
}

/** Every list instance of the documents, sorted by region, kind (trusted first) and name. */
export function guardDutyLists(docs: readonly TerraformDocument[]): ReviewedList[] {
  const str = (i: ResourceInstance, name: string) => String(instanceArgument(i, name) ?? "?");
  return docs.flatMap((doc) => resourceInstances(doc).filter((i) => KINDS[i.type]).map((i) => ({
    region: i.region ?? "?", kind: KINDS[i.type], name: str(i, "name"), format: str(i, "format"), location: str(i, "location"),
    active: active(i), address: i.address,
  }))).sort((a, b) => a.region.localeCompare(b.region) || a.kind.localeCompare(b.kind) * -1 || a.name.localeCompare(b.name));
}

/** The report's section: one row per region and list, or a line saying there is none. */
export function listsSection(lists: readonly ReviewedList[]): string[] {
  if (lists.length === 0) return ["No trusted IP list or threat list is configured."];
  return [
    "| region | kind | name | format | active | location |",
    "|---|---|---|---|---|---|",
    ...lists.map((l) => `| ${l.region} | ${l.kind} | ${l.name} | ${l.format} | ${l.active === "?" ? "computed" : l.active ? "yes" : "no"} | \`${l.location}\` |`),
    "",
    "Lists of the administrator apply to every member. GuardDuty reads a list again only when its location changes " +
      "(an uploaded list's key carries its content hash); a list at an existing location that changes in place needs a re-activation.",
  ];
}
