/**
 * `npm run bench`: synthesis time and memory of the reference estate org-1000 (scripts/bench/reference-estate.ts),
 * ours against a naive CDKTF app and against a floor that only writes our output, plus how ours scales and, for
 * information, what a minimal CDKTF app costs and what ours costs without the code cache or unbundled. Everything is
 * compiled once first (tsc, scripts/bench/tsconfig.json, into a temporary directory; the `guardduty-cdktf` command
 * bundled beside it by scripts/build-cli.ts, as `npm run build` does), so each measured process is
 * `node <compiled script> ...`: no tsx in what is timed. "ours" is the published command,
 * `guardduty-cdktf synth <estate.json> --out <dir>` (modules/cli). Checks every target, prints PASS or FAIL for each,
 * exits 1 on a FAIL, and ends with one `bench: ...` line. Results and the machine they were measured on:
 * scripts/bench/RESULTS.md. Never part of `npm test`.
 *
 * Also the time to load the library (`require` of the compiled modules/index.js, as dist/index.js, and of the same
 * build for cdktn, as guardduty-cdktn's dist/index.js), as a ratio to `require("cdktf")` (and `require("cdktn")`)
 * measured in the same rounds: a load time in milliseconds says more about the machine's load than about the code,
 * so the tests check only what is loaded (test/consumer) and the time lives here.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { buildCdktnPackage } from "../build-cdktn";
import { buildCli } from "../build-cli";
import { countOutput, countStack, type OutputCounts, type StackCounts } from "./count";
import { measureAll, median, runOnce, type Command, type Measurement } from "./measure";
import { ORG_1000, referenceEstate, type ReferenceEstateOptions } from "./reference-estate";

const ROOT = path.join(__dirname, "..", "..");
/** The split measured beside the unsplit estate: a stack per region, invited members in 2 groups (25 each). */
const SPLIT = { split: "region", invitedMemberGroups: 2 };
/** Rounds measured after the warm-up; each result is a median over them. */
const ROUNDS = 9;
/**
 * Loading the library may take at most this many times loading its runtime alone: a regression catcher for a root
 * provider import (2.5 s: over 6 x). Measured 1.6 x cdktf and 2.1 x cdktn, which loads lighter (no archiver).
 */
const MAX_LOAD_RATIO = 3;

function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  return `nproc ${os.availableParallelism()}, node ${process.version}, ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
}

interface Compiled {
  /** The published command: dist/cli/run.js with the bundle beside it. */
  readonly ours: string;
  /** The same command, unbundled: modules/cli/cli.ts compiled by tsc. */
  readonly oursUnbundled: string;
  readonly naive: string;
  readonly floor: string;
  readonly minimum: string;
  /** `node <script>` processes that only require one module: cdktf, cdktn, the library for each. */
  readonly load: { readonly cdktf: string; readonly library: string; readonly cdktn: string; readonly libraryCdktn: string };
}

/** Compiles the benchmark's processes and the modules into `dir`, where Node finds the project's node_modules. */
async function compile(dir: string): Promise<Compiled> {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(__dirname, "tsconfig.json"), "--outDir", dir], {
    cwd: ROOT, stdio: "inherit",
  });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  await buildCli(path.join(dir, "modules", "cli"));
  await buildCdktnPackage(path.join(dir, "modules"), path.join(dir, "guardduty-cdktn")); // as dist-cdktn/ from dist/
  const script = (name: string) => path.join(dir, "scripts", "bench", `${name}.js`);
  const loader = (name: string, target: string) => {
    const file = path.join(dir, `load-${name}.js`);
    writeFileSync(file, `require(${JSON.stringify(target)});\n`);
    return file;
  };
  const load = {
    cdktf: loader("cdktf", "cdktf"), library: loader("library", "./modules/index.js"),
    cdktn: loader("cdktn", "cdktn"), libraryCdktn: loader("library-cdktn", "./guardduty-cdktn/dist/index.js"),
  };
  return {
    load,
    ours: path.join(dir, "modules", "cli", "run.js"), oursUnbundled: path.join(dir, "modules", "cli", "cli.js"),
    naive: script("naive-synth"), floor: script("floor"), minimum: script("cdktf-minimum"),
  };
}

function estateFile(work: string, name: string, options: ReferenceEstateOptions): string {
  const file = path.join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(referenceEstate(options), null, 2));
  return file;
}

interface Row {
  readonly m: Measurement;
  readonly estate: string;
  readonly c: Pick<OutputCounts, "bytes" | "providers" | "resourceBlocks" | "instances"> & { readonly largest: StackCounts };
}

function table(rows: readonly Row[]): string {
  const head = ["process", "estate", "wall ms (median)", "runs ms", "peak RSS MB", "output bytes", "providers", "resource blocks", "instances", "largest stack"];
  const body = rows.map(({ m, estate, c }) => [
    m.label, estate, m.ms.toFixed(0), m.runsMs.map((ms) => ms.toFixed(0)).join(" "), m.rssMb.toFixed(0), String(c.bytes),
    String(c.providers), String(c.resourceBlocks), String(c.instances), `${c.largest.stack} (${c.largest.instances})`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 || i === 3 || i === 9 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

async function main(): Promise<number> {
  const work = mkdtempSync(path.join(os.tmpdir(), "guardduty-bench-"));
  try {
    console.log(`machine: ${machine()}`);
    console.log(`compiling with tsc and bundling the command into ${work}/js ...`);
    const js = await compile(path.join(work, "js"));
    // The command's V8 code cache (modules/cli/run.ts), filled by the warm-up run like by a user's first synthesis.
    const cached = { GUARDDUTY_CDKTF_CACHE_DIR: path.join(work, "v8-cache") };
    const synth = (estate: string, label = "ours"): Command => ({ label, script: js.ours, args: ["synth", estate, "--out"], env: cached });
    const estates = {
      org1000: estateFile(work, "org-1000", ORG_1000),
      org2000: estateFile(work, "org-2000", { ...ORG_1000, organizationMembers: 2000 }),
      invited100: estateFile(work, "org-1000-invited-100", { ...ORG_1000, invitedMembers: 100 }),
      invited200: estateFile(work, "org-1000-invited-200", { ...ORG_1000, invitedMembers: 200 }),
      split: estateFile(work, "org-1000-split", { ...ORG_1000, stacks: SPLIT }),
    };
    // Our output, written once beforehand: the floor's input.
    const reference = runOnce(work, synth(estates.org1000));
    const ourDocument = path.join(reference.outdir, "stacks", countOutput(reference.outdir).stacks[0].stack, "cdk.tf.json");
    // In turn, round after round. The processes a target compares run next to each other in each round (floor and
    // ours; ours and 100 then 200 invited members; ours and 2,000 members close by), so that a change of load on the
    // machine within a round falls on both sides of a comparison.
    const commands: Command[] = [
      { label: "floor", script: js.floor, args: [ourDocument] },
      synth(estates.org1000),
      synth(estates.invited100),
      synth(estates.invited200),
      synth(estates.org2000),
      { label: "cdktf minimum", script: js.minimum, args: [] },
      synth(estates.split, "ours split"),
      { label: "ours, no code cache", script: js.ours, args: ["synth", estates.org1000, "--out"], env: { GUARDDUTY_CDKTF_NO_CACHE: "1" } },
      { label: "ours, unbundled", script: js.oursUnbundled, args: ["synth", estates.org1000, "--out"] },
      { label: "naive", script: js.naive, args: [estates.org1000] },
      // next to each other, so that a ratio's two sides see the same load
      { label: "require(cdktf)", script: js.load.cdktf, args: [] },
      { label: "require(guardduty-cdktf)", script: js.load.library, args: [] },
      { label: "require(cdktn)", script: js.load.cdktn, args: [] },
      { label: "require(guardduty-cdktn)", script: js.load.libraryCdktn, args: [] },
    ];
    process.stdout.write(`measuring ${commands.length} processes: a warm-up each, then ${ROUNDS} rounds in turn ...`);
    const progress = (round: number) => process.stdout.write(` ${round}`);
    const [floor, ours, invited100, invited200, org2000, minimum, split, noCache, unbundled, naive, loadCdktf, loadLibrary, loadCdktn, loadLibraryCdktn] =
      measureAll(work, commands, ROUNDS, progress);
    console.log("");
    const oursCounts = countOutput(ours.outdir);
    const floorDoc = countStack("org", path.join(floor.outdir, "cdk.tf.json"));
    const splitCounts = countOutput(split.outdir);

    const rows: Row[] = [
      { m: ours, estate: "org-1000", c: oursCounts },
      { m: naive, estate: "org-1000", c: countOutput(naive.outdir) },
      { m: floor, estate: "org-1000", c: { ...floorDoc, largest: floorDoc } },
      { m: minimum, estate: "1 provider, 1 resource", c: countOutput(minimum.outdir) },
      { m: org2000, estate: "org-2000 (2000 org members)", c: countOutput(org2000.outdir) },
      { m: invited100, estate: "org-1000, 100 invited", c: countOutput(invited100.outdir) },
      { m: invited200, estate: "org-1000, 200 invited", c: countOutput(invited200.outdir) },
      { m: split, estate: `org-1000, stacks ${JSON.stringify(SPLIT)}`, c: splitCounts },
      { m: noCache, estate: "org-1000 (first run: no V8 code cache)", c: countOutput(noCache.outdir) },
      { m: unbundled, estate: "org-1000 (modules/cli/cli.js, tsc output)", c: countOutput(unbundled.outdir) },
    ];
    console.log(`\n${table(rows)}\n`);
    console.log(`split: ${splitCounts.stacks.length} stacks; largest stack ${splitCounts.largest.stack} with ${splitCounts.largest.instances} resource ` +
      `instances (unsplit: ${oursCounts.largest.instances}); at most ${Math.max(...splitCounts.stacks.map((s) => s.providers))} providers in a stack ` +
      `(unsplit: ${oursCounts.providers})`);

    console.log(`cdktf minimum: ${minimum.ms.toFixed(0)} ms, ${(minimum.ms / floor.ms).toFixed(1)}x floor: what any CDKTF app pays before its own work ` +
      `(ours spends ${(ours.ms - minimum.ms).toFixed(0)} ms more on org-1000)`);

    // Comparisons of ours with itself use the median of per-round ratios: a round's processes ran back to back, so a
    // change of load on the machine between rounds cancels out.
    const paired = (a: Measurement, b: Measurement, f: (x: number, y: number) => number) => median(a.runsMs.map((x, i) => f(x, b.runsMs[i])));
    const slope50to100 = paired(ours, invited100, (x, y) => (y - x) / 50);
    const slope100to200 = paired(invited100, invited200, (x, y) => (y - x) / 100);
    const change2000 = paired(ours, org2000, (x, y) => (y - x) / x);
    const loadRatio = paired(loadCdktf, loadLibrary, (x, y) => y / x);
    const loadRatioCdktn = paired(loadCdktn, loadLibraryCdktn, (x, y) => y / x);
    console.log(`load (whole node processes): require("guardduty-cdktf") ${loadLibrary.ms.toFixed(0)} ms = ${loadRatio.toFixed(2)} x require("cdktf") ` +
      `(${loadCdktf.ms.toFixed(0)} ms); require("guardduty-cdktn") ${loadLibraryCdktn.ms.toFixed(0)} ms = ${loadRatioCdktn.toFixed(2)} x ` +
      `require("cdktn") (${loadCdktn.ms.toFixed(0)} ms); per round, median`);
    const targets: Array<[boolean, string]> = [
      [ours.ms <= 5 * floor.ms, `ours <= 5 x floor: ${ours.ms.toFixed(0)} ms vs 5 x ${floor.ms.toFixed(0)} ms (${(ours.ms / floor.ms).toFixed(1)}x)`],
      [naive.ms >= 10 * ours.ms, `naive >= 10 x ours: ${naive.ms.toFixed(0)} ms vs 10 x ${ours.ms.toFixed(0)} ms (${(naive.ms / ours.ms).toFixed(1)}x)`],
      [ours.rssMb <= 250, `our peak RSS <= 250 MB: ${ours.rssMb.toFixed(0)} MB`],
      [oursCounts.oneProviderPerAccount && splitCounts.oneProviderPerAccount,
        `one provider block per account needing credentials: ${oursCounts.providers} providers for ${oursCounts.accounts} accounts` +
        `${splitCounts.oneProviderPerAccount ? "; so in every split stack" : "; NOT in every split stack"}`],
      [Math.abs(change2000) < 0.1, `doubling the organization members changes our time < 10%: ${ours.ms.toFixed(0)} -> ` +
        `${org2000.ms.toFixed(0)} ms (${(change2000 * 100).toFixed(1)}% per round, median)`],
      [slope100to200 <= 1.25 * Math.max(slope50to100, 0) + 0.5,
        `invited members grow it at most linearly: ${ours.ms.toFixed(0)} / ${invited100.ms.toFixed(0)} / ${invited200.ms.toFixed(0)} ms for 50 / 100 / 200; ` +
        `${slope50to100.toFixed(2)} then ${slope100to200.toFixed(2)} ms per added member (per round, median)`],
      [loadRatio <= MAX_LOAD_RATIO && loadRatioCdktn <= MAX_LOAD_RATIO,
        `loading the library <= ${MAX_LOAD_RATIO} x loading its runtime: ${loadRatio.toFixed(2)} x require("cdktf"), ` +
        `${loadRatioCdktn.toFixed(2)} x require("cdktn") (per round, median)`],
    ];
    console.log("targets:");
    for (const [ok, text] of targets) console.log(`  ${ok ? "PASS" : "FAIL"} ${text}`);
    console.log(`bench: ours_ms=${ours.ms.toFixed(0)} naive_ms=${naive.ms.toFixed(0)} floor_ms=${floor.ms.toFixed(0)} ` +
      `rss_mb=${ours.rssMb.toFixed(0)} providers=${oursCounts.providers} accounts=${oursCounts.accounts} ` +
      `load_ratio_cdktf=${loadRatio.toFixed(2)} load_ratio_cdktn=${loadRatioCdktn.toFixed(2)}`);
    return targets.every(([ok]) => ok) ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
