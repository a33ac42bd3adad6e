/**
 * Timing whole processes: each run is a fresh `node` process under `/usr/bin/time -f "%M"` (its peak resident set
 * size), timed from spawn to exit. Every command runs once to warm up (file cache, CPU frequency), then the commands
 * run in turn, round after round, so that a change of load on a shared machine falls on all of them alike; each
 * result is the median of its rounds.
 */
import { spawnSync } from "child_process";
import { mkdtempSync } from "fs";
import * as path from "path";

/** A process to measure: `node <script> ...args <outdir>`, with `env` added to the environment. */
export interface Command {
  readonly label: string;
  readonly script: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/** One measured command. */
export interface Measurement {
  readonly label: string;
  /** Median wall time of the rounds, milliseconds. */
  readonly ms: number;
  /** Every round's wall time, milliseconds, in order. */
  readonly runsMs: readonly number[];
  /** Highest peak RSS of any round, megabytes. */
  readonly rssMb: number;
  /** The output directory of the last round. */
  readonly outdir: string;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a command once into a new directory under `work`: wall milliseconds, peak RSS in KB, the output directory. */
export function runOnce(work: string, command: Command): { ms: number; rssKb: number; outdir: string } {
  const outdir = path.join(mkdtempSync(path.join(work, "run-")), "out");
  const start = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "bench-rss-kb=%M", process.execPath, command.script, ...command.args, outdir], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...command.env },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${command.label}: exit ${r.status}\n${r.stderr}`);
  const rss = /bench-rss-kb=(\d+)/.exec(r.stderr);
  if (!rss) throw new Error(`${command.label}: no peak RSS from /usr/bin/time in:\n${r.stderr}`);
  return { ms, rssKb: Number(rss[1]), outdir };
}

/** Warms every command up once, then runs them in turn for `rounds` rounds. */
export function measureAll(work: string, commands: readonly Command[], rounds = 5, progress: (round: number) => void = () => {}): Measurement[] {
  for (const c of commands) runOnce(work, c);
  const runs = commands.map(() => [] as Array<{ ms: number; rssKb: number; outdir: string }>);
  for (let round = 1; round <= rounds; round++) {
    commands.forEach((c, i) => runs[i].push(runOnce(work, c)));
    progress(round);
  }
  return commands.map((c, i) => ({
    label: c.label,
    ms: median(runs[i].map((r) => r.ms)),
    runsMs: runs[i].map((r) => r.ms),
    rssMb: Math.max(...runs[i].map((r) => r.rssKb)) / 1024,
    outdir: runs[i][rounds - 1].outdir,
  }));
}
