/**
 * Reading the decommission phase a synthesized stack was written for (modules/estate/decommission.ts): its
 * `..._decommission_phase` local holds `{ phase, destroys, forgets }`. Pure: no cdktf import.
 */

/** One stack's decommission record. */
export interface DecommissionRecord {
  readonly stack: string;
  readonly phase: "prepare" | "teardown";
  /** Resource addresses (`type.name`) the phase destroys. */
  readonly destroys: readonly string[];
  /** Resource addresses the phase removes from the state without destroying them. */
  readonly forgets: readonly string[];
}

function isRecord(v: unknown): v is Omit<DecommissionRecord, "stack"> {
  const r = v as Partial<DecommissionRecord> | null;
  return typeof r === "object" && r !== null && (r.phase === "prepare" || r.phase === "teardown") &&
    Array.isArray(r.destroys) && Array.isArray(r.forgets);
}

/** The decommission records of synthesized stacks (none while the estate runs). */
export function decommissionRecords(stacks: ReadonlyArray<{ readonly stack: string; readonly doc: unknown }>): DecommissionRecord[] {
  return stacks.flatMap((s) => {
    const locals = (s.doc as { locals?: Record<string, unknown> }).locals ?? {};
    return Object.entries(locals)
      .filter(([name, v]) => name.endsWith("decommission_phase") && isRecord(v))
      .map(([, v]) => ({ stack: s.stack, ...(v as Omit<DecommissionRecord, "stack">) }));
  });
}

/** What a reviewer reads about the phase, before the inventory. */
export function decommissionSection(records: readonly DecommissionRecord[]): string[] {
  if (records.length === 0) return [];
  const phases = [...new Set(records.map((r) => r.phase))];
  const step = phases.length === 1 && phases[0] === "prepare"
    ? "step 1 of 2, \"prepare\": auto-enable NONE, listed organization members disassociated, publishing destinations and notifications removed"
    : "step 2 of 2, \"teardown\": every member deleted before the designation, then the detectors; the findings export leaves the state, never destroyed";
  const lines = ["## Decommission", "", `These stacks turn GuardDuty management off (README "Decommissioning", ${step}).`, ""];
  for (const r of records) {
    lines.push(`- stack \`${r.stack}\`, phase **${r.phase}**: destroys ${r.destroys.length} resource(s), forgets ${r.forgets.length}` +
      (r.forgets.length ? ` (kept in AWS, no longer managed: ${r.forgets.map((a) => `\`${a}\``).join(", ")})` : ""));
  }
  return [...lines, ""];
}

/** The phase in the review's Mermaid flowchart: what it destroys and what stays, unmanaged. */
export function decommissionDiagram(records: readonly DecommissionRecord[]): string[] {
  if (records.length === 0) return [];
  const phase = records.some((r) => r.phase === "teardown") ? "teardown" : "prepare";
  const destroys = records.reduce((n, r) => n + r.destroys.length, 0);
  const forgets = records.reduce((n, r) => n + r.forgets.length, 0);
  return [
    `  decom{{"decommission: ${phase}"}}`,
    `  decom -->|destroys| decom_gone["${destroys} resource(s)"]`,
    ...(forgets ? [`  decom -.->|forgets, kept in AWS| decom_kept[("${forgets} resource(s): findings bucket, key, ...")]`] : []),
  ];
}
