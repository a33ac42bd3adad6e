/**
 * How a field of the estate file is named in a problem line: `invitedMembers[0].accountId`. Shared by the loader
 * (load.ts) and the pre-scan of the JSON text (json-scan.ts), which load.ts runs: its own module, so neither imports
 * the other.
 */

/** `invitedMembers[0].accountId`; an empty key shows as `tags[""]`; the empty path is `(root)`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return "(root)";
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : p === "" ? `[""]` : `${i ? "." : ""}${String(p)}`))
    .join("");
}
