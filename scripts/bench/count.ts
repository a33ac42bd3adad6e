/**
 * What a synthesized cdktf.out holds, counted from its JSON: provider blocks, resource blocks, resource instances
 * (for_each expanded as `terraform plan` would), the accounts providers are pinned to, and the largest stack.
 */
import { readFileSync, statSync } from "fs";
import * as path from "path";
import { resourceInstances, type TerraformDocument } from "../../modules/review/synthesized";

/** Counts of one stack. */
export interface StackCounts {
  readonly stack: string;
  readonly bytes: number;
  readonly providers: number;
  /** Distinct accounts the stack's providers are pinned to (`allowed_account_ids`): the accounts needing credentials. */
  readonly accounts: number;
  readonly resourceBlocks: number;
  readonly instances: number;
  readonly dataSources: number;
}

/** Counts of a whole output directory. */
export interface OutputCounts {
  readonly stacks: readonly StackCounts[];
  readonly bytes: number;
  readonly providers: number;
  /** Distinct accounts over every stack. */
  readonly accounts: number;
  readonly resourceBlocks: number;
  readonly instances: number;
  /** The stack with the most resource instances. */
  readonly largest: StackCounts;
  /** True when every stack has exactly one provider per account it is pinned to. */
  readonly oneProviderPerAccount: boolean;
}

/** Counts one synthesized stack document (`cdk.tf.json`). */
export function countStack(stack: string, file: string): StackCounts & { readonly accountIds: readonly string[] } {
  const doc = JSON.parse(readFileSync(file, "utf8")) as TerraformDocument & { data?: Record<string, Record<string, unknown>> };
  const providers = doc.provider?.aws ?? [];
  const accountIds = [...new Set(providers.flatMap((p) => (p.allowed_account_ids as string[] | undefined) ?? []))];
  const blocks = Object.values(doc.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  const data = Object.values(doc.data ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  return {
    stack, bytes: statSync(file).size, providers: providers.length, accounts: accountIds.length, accountIds,
    resourceBlocks: blocks, instances: resourceInstances(doc).length, dataSources: data,
  };
}

/** Counts every stack listed in `<outdir>/manifest.json`. */
export function countOutput(outdir: string): OutputCounts {
  const manifest = JSON.parse(readFileSync(path.join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { synthesizedStackPath: string }> };
  const counted = Object.entries(manifest.stacks).map(([name, s]) => countStack(name, path.join(outdir, s.synthesizedStackPath)));
  const stacks: StackCounts[] = counted.map(({ accountIds: _, ...s }) => s);
  const sum = (f: (s: StackCounts) => number) => stacks.reduce((n, s) => n + f(s), 0);
  return {
    stacks,
    bytes: sum((s) => s.bytes),
    providers: sum((s) => s.providers),
    accounts: new Set(counted.flatMap((s) => s.accountIds)).size,
    resourceBlocks: sum((s) => s.resourceBlocks),
    instances: sum((s) => s.instances),
    largest: stacks.reduce((a, b) => (b.instances > a.instances ? b : a)),
    oneProviderPerAccount: stacks.every((s) => s.providers === s.accounts),
  };
}
