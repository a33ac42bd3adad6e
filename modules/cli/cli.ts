/**
 * The `guardduty-cdktf` command: synthesizes an estate file into Terraform JSON, and reports on what was synthesized,
 * without a TypeScript toolchain (see USAGE below; `npm run review` runs `review`).
 *
 * Exit codes: 0 done; 1 refused input (a bad estate file, listing every problem, before anything is written; no
 * synthesized stacks; an unreadable plan); 2 the plan destroys or replaces a detector, the findings bucket or its key
 * (`review --plan`); 64 a usage error.
 * The published package runs this as one bundled file (dist/cli/guardduty-cdktf.js, built by scripts/build-cli.ts)
 * through dist/cli/run.js; `node dist/cli/cli.js` runs the same code unbundled.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { App } from "cdktf";
import type { EstateConfig } from "../config/estate-config";
import { EstateConfigError, loadEstate } from "../config/load";
import { EstateStack } from "../estate/estate-stack";
import { buildReview } from "../review/report";
import { rolesCommand } from "./roles-command";
import { readSynthesized } from "../review/summary";

/** Where the command writes. */
export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const USAGE = `usage:
  guardduty-cdktf synth <estate.json> [--out <dir>]   synthesize every stack of the estate into <dir> (default cdktf.out)
  guardduty-cdktf validate <estate.json>              check the estate file; write nothing
  guardduty-cdktf roles <estate.json> [--out <dir>] [--account <alias>]
                                                      write each account's deploy role: <dir>/<alias>.policy.json and
                                                      <alias>.trust.json (default dir roles)
  guardduty-cdktf review [--dir <dir>] [--plan <plan.json>] [--out <file>]
                                                      print the review report of <dir> (default cdktf.out) and write it
                                                      to <file> (default review.md); with the JSON of a plan
                                                      (terraform show -json), exit 2 if it destroys or replaces a
                                                      detector, the findings bucket or its key
exit codes: 0 done, 1 refused input, 2 a destructive plan (review), 64 usage
`;

/** The exit code of a usage error (sysexits' EX_USAGE): 2 is review's "the plan is destructive". */
export const EXIT_USAGE = 64;

/** What each command takes: how many files, and which `--name value` options. */
const COMMANDS = {
  synth: { files: 1, options: ["out"] },
  validate: { files: 1, options: [] },
  roles: { files: 1, options: ["out", "account"] },
  review: { files: 0, options: ["dir", "plan", "out"] },
} as const satisfies Record<string, { files: number; options: readonly string[] }>;

type CommandName = keyof typeof COMMANDS;

interface Command {
  readonly name: CommandName;
  readonly files: readonly string[];
  readonly options: Readonly<Record<string, string>>;
}

/** The command line, or the reason it is not one. */
function parse(args: readonly string[]): Command | string {
  const [name, ...rest] = args;
  if (name === undefined) return "a command is required";
  if (!Object.hasOwn(COMMANDS, name)) return `unknown command ${JSON.stringify(name)}; expected ${Object.keys(COMMANDS).join(", ")}`;
  const spec = COMMANDS[name as CommandName];
  const files: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith("-")) {
      files.push(arg);
      continue;
    }
    const option = arg.replace(/^--/, "");
    if (!(spec.options as readonly string[]).includes(option)) return `unknown option ${JSON.stringify(arg)} for ${name}`;
    const value = rest[++i];
    if (!value) return `${arg} needs a value`;
    options[option] = value;
  }
  if (files.length !== spec.files) {
    const got = files.length === 0 ? "none" : files.map((f) => JSON.stringify(f)).join(", ");
    return spec.files === 0 ? `${name} takes no file; got ${got}` : `${name} takes one estate file; got ${got}`;
  }
  return { name: name as CommandName, files, options };
}

/** `review`: the report of the synthesized stacks, and the plan's dangers. */
function review(command: Command, output: CliOutput): number {
  const dir = command.options.dir ?? (process.env.CDKTF_OUTDIR || "cdktf.out");
  const out = command.options.out ?? "review.md";
  if (!existsSync(path.join(dir, "manifest.json"))) {
    output.err(`guardduty-cdktf: no synthesized stacks in ${dir}/ (manifest.json missing): synthesize first\n`);
    return 1;
  }
  let plan: unknown;
  if (command.options.plan) {
    try {
      plan = JSON.parse(readFileSync(command.options.plan, "utf8"));
    } catch (e) {
      output.err(`guardduty-cdktf: cannot read the plan ${command.options.plan}: ${e instanceof Error ? e.message : String(e)}\n` +
        "expected the JSON of a saved plan: terraform show -json tfplan > plan.json\n");
      return 1;
    }
  }
  const report = buildReview(readSynthesized(dir), plan as Parameters<typeof buildReview>[1]);
  writeFileSync(out, report.markdown);
  output.out(`${report.markdown}\n(written to ${out})\n`);
  if (report.plan && report.plan.dangers.length > 0) {
    output.err(`guardduty-cdktf: REFUSED: the plan destroys or replaces ${report.plan.dangers.join(", ")}\n`);
    return 2;
  }
  return 0;
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
    return EXIT_USAGE;
  }
  if (command.name === "review") return review(command, output);
  const [file] = command.files;
  let config: EstateConfig;
  try {
    config = loadEstate(file);
  } catch (e) {
    if (!(e instanceof EstateConfigError)) throw e;
    output.err(`guardduty-cdktf: refusing ${e.message}\nNothing was written.\n`);
    return 1;
  }
  for (const warning of config.warnings) output.err(`guardduty-cdktf: warning: ${warning}\n`);
  if (command.name === "validate") {
    output.out(`${file}: valid\n`);
    return 0;
  }
  if (command.name === "roles") return rolesCommand(config, command.options, output);
  const outdir = command.options.out ?? "cdktf.out";
  const app = new App({ outdir }); // creates the directory: only once the file is known to be good
  const estate = new EstateStack(app, config);
  app.synth();
  const stacks = estate.stacks.map((s) => s.node.id);
  output.out(
    `synthesized ${stacks.length} stack${stacks.length === 1 ? "" : "s"} into ${outdir}:\n` +
      stacks.map((s) => `  ${s}: ${path.join(outdir, "stacks", s, "cdk.tf.json")}\n`).join(""),
  );
  return 0;
}

if (require.main === module) process.exitCode = runCli(process.argv.slice(2));
