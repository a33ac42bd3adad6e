/**
 * The short summary `npm run synth` prints, computed from what was synthesized (not from the config).
 */
import { readFileSync } from "fs";
import * as path from "path";
import { readHclDocument } from "./hcl-document";
import { instanceArgument, providerAccounts, resourceInstances, type TerraformDocument } from "./synthesized";

/** What one synthesized stack holds. */
export interface StackSummary {
  readonly stack: string;
  /** Provider alias -> account ID. */
  readonly accounts: ReadonlyMap<string, string>;
  readonly regions: readonly string[];
  /** Resource type -> [blocks, instances]. */
  readonly resources: ReadonlyMap<string, { readonly blocks: number; readonly instances: number }>;
  readonly imports: number;
  /** Email subscriptions that stay pending until their recipient confirms. */
  readonly pendingEmails: readonly string[];
}

/** Summarizes one parsed stack document. */
export function summarizeStack(stack: string, doc: TerraformDocument): StackSummary {
  const instances = resourceInstances(doc);
  const resources = new Map<string, { blocks: number; instances: number }>();
  const blocks = new Set<string>();
  for (const i of instances) {
    const r = resources.get(i.type) ?? { blocks: 0, instances: 0 };
    if (!blocks.has(`${i.type}.${i.name}`)) r.blocks++;
    blocks.add(`${i.type}.${i.name}`);
    r.instances++;
    resources.set(i.type, r);
  }
  const pendingEmails = instances
    .filter((i) => i.type === "aws_sns_topic_subscription" && instanceArgument(i, "protocol") === "email")
    .map((i) => String(instanceArgument(i, "endpoint")));
  return {
    stack,
    accounts: providerAccounts(doc),
    regions: [...new Set(instances.map((i) => i.region).filter((r): r is string => !!r))].sort(),
    resources: new Map([...resources.entries()].sort(([a], [b]) => a.localeCompare(b))),
    imports: doc.import?.length ?? 0,
    pendingEmails: [...new Set(pendingEmails)].sort(),
  };
}

/**
 * Reads every stack of a cdktf output directory (its manifest.json): each stack's `cdk.tf.json`, or the `cdk.tf` that
 * `cdktf synth --hcl` writes instead (read back by {@link readHclDocument}), whichever the manifest names.
 */
export function readSynthesized(outdir: string): Array<{ stack: string; doc: TerraformDocument }> {
  const manifest = JSON.parse(readFileSync(path.join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { synthesizedStackPath: string }>;
  };
  return Object.entries(manifest.stacks)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([stack, s]) => {
      const text = readFileSync(path.join(outdir, s.synthesizedStackPath), "utf8");
      return { stack, doc: s.synthesizedStackPath.endsWith(".json") ? JSON.parse(text) : readHclDocument(text) };
    });
}

/** The summary as text, a few lines per stack. */
export function formatSummary(summaries: readonly StackSummary[], outdir: string): string {
  const lines: string[] = [`Synthesized ${summaries.length} stack${summaries.length === 1 ? "" : "s"} into ${outdir}/`];
  for (const s of summaries) {
    const total = [...s.resources.values()].reduce((n, r) => n + r.instances, 0);
    lines.push("", `stack ${s.stack}: ${total} resource instances in ${[...s.resources.values()].reduce((n, r) => n + r.blocks, 0)} blocks`);
    lines.push(`  accounts (one provider each): ${[...s.accounts.entries()].map(([alias, id]) => `${alias}=${id}`).join(", ")}`);
    lines.push(`  regions: ${s.regions.join(", ")}`);
    const width = Math.max(...[...s.resources.keys()].map((k) => k.length));
    for (const [type, r] of s.resources) lines.push(`    ${type.padEnd(width)}  ${String(r.instances).padStart(4)}`);
    if (s.imports > 0) lines.push(`  import blocks: ${s.imports} (existing detectors adopted, not created)`);
    if (s.pendingEmails.length > 0) {
      lines.push(`  pending: ${s.pendingEmails.length} email subscription(s) stay pending until confirmed: ${s.pendingEmails.join(", ")}`);
    }
  }
  return lines.join("\n");
}
