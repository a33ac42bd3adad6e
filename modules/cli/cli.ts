/**
 * The `guardduty-cdktf` command: synthesizes an estate file into Terraform JSON without a TypeScript toolchain.
 *
 *   guardduty-cdktf synth <estate.json> [--out <dir>]   every stack of the estate into <dir> (default cdktf.out)
 *   guardduty-cdktf validate <estate.json>              checks the file only; writes nothing
 *
 * A bad file is refused with every problem listed (exit 1) before anything is written; a usage error exits 2.
 * The published package runs this as one bundled file (dist/cli/guardduty-cdktf.js, built by scripts/build-cli.ts)
 * through dist/cli/run.js; `node dist/cli/cli.js` runs the same code unbundled.
 */
import * as path from "path";
import { App } from "cdktf";
import type { EstateConfig } from "../config/estate-config";
import { EstateConfigError, loadEstate } from "../config/load";
import { EstateStack } from "../estate/estate-stack";

/** Where the command writes. */
export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const USAGE = `usage:
  guardduty-cdktf synth <estate.json> [--out <dir>]   synthesize every stack of the estate into <dir> (default cdktf.out)
  guardduty-cdktf validate <estate.json>              check the estate file; write nothing
`;

interface Command {
  readonly name: "synth" | "validate";
  readonly file: string;
  readonly outdir: string;
}

/** The command line, or the reason it is not one. */
function parse(args: readonly string[]): Command | string {
  const [name, ...rest] = args;
  if (name !== "synth" && name !== "validate") {
    return name === undefined ? "a command is required" : `unknown command ${JSON.stringify(name)}; expected synth or validate`;
  }
  const files: string[] = [];
  let outdir = "cdktf.out";
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--out" && name === "synth") {
      const dir = rest[++i];
      if (!dir) return "--out needs a directory";
      outdir = dir;
    } else if (arg.startsWith("-")) {
      return `unknown option ${JSON.stringify(arg)} for ${name}`;
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) return `${name} takes one estate file; got ${files.length === 0 ? "none" : files.map((f) => JSON.stringify(f)).join(", ")}`;
  return { name, file: files[0], outdir };
}

/** Runs the command `args` (argv without node and the script); returns the exit code. */
export function runCli(args: readonly string[], output: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}): number {
  if (args[0] === "--help" || args[0] === "-h" || args[0] === "help") {
    output.out(USAGE);
    return 0;
  }
  const command = parse(args);
  if (typeof command === "string") {
    output.err(`guardduty-cdktf: ${command}\n${USAGE}`);
    return 2;
  }
  let config: EstateConfig;
  try {
    config = loadEstate(command.file);
  } catch (e) {
    if (!(e instanceof EstateConfigError)) throw e;
    output.err(`guardduty-cdktf: refusing ${e.message}\nNothing was written.\n`);
    return 1;
  }
  if (command.name === "validate") {
    output.out(`${command.file}: valid\n`);
    return 0;
  }
  const app = new App({ outdir: command.outdir }); // creates the directory: only once the file is known to be good
  const estate = new EstateStack(app, config);
  app.synth();
  const stacks = estate.stacks.map((s) => s.node.id);
  output.out(
    `synthesized ${stacks.length} stack${stacks.length === 1 ? "" : "s"} into ${command.outdir}:\n` +
      stacks.map((s) => `  ${s}: ${path.join(command.outdir, "stacks", s, "cdk.tf.json")}\n`).join(""),
  );
  return 0;
}

if (require.main === module) process.exitCode = runCli(process.argv.slice(2));
