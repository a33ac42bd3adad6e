/**
 * Bundles the `guardduty-cdktf` command (modules/cli/cli.ts with cdktf, constructs, the provider classes it uses and
 * zod) into one file, `<outdir>/guardduty-cdktf.js`, which modules/cli/run.ts (compiled to dist/cli/run.js) runs.
 * `npm run build` writes it to dist/cli/; the benchmark and test/cli build it into temporary directories.
 *
 * One file instead of ~600 means no module resolution at start (a fifth of a synthesis of a 1,000-account estate), and
 * zod's ES modules are tree-shaken. Two of cdktf's files are changed in the bundle, neither changing what is
 * synthesized (test/cli proves the output byte-identical to the unbundled library's):
 * - `lib/private/fs.js` requires `archiver` (200 modules: lodash, glob, streams) when loaded, for zipping
 *   TerraformAsset directories; an estate has no assets, so the bundle requires it on first use instead.
 * - `lib/tokens/private/stack-trace.js` captures a complete stack trace at the creation of every token, shown only in
 *   errors about unresolvable tokens, where in a bundle it would point into the bundle. The bundle skips it unless
 *   `GUARDDUTY_CDKTF_STACK_TRACES=1` (aws-cdk-lib has the same switch, `CDK_DISABLE_STACK_TRACE`).
 * cdktf is MPL-2.0: these changed files are readable in the unminified bundle, which keeps the packages' license
 * comments.
 *
 * For guardduty-cdktn (`buildCli(outdir, "cdktn")`, written by scripts/build-cdktn.ts into dist-cdktn/dist/cli/) the
 * same sources are bundled with "cdktf" resolved to cdktn and @cdktf/provider-aws/lib/* to @cdktn/provider-aws/lib/*.
 * cdktn zips assets with fflate, not archiver, so only the stack-trace change applies there.
 */
import { readFileSync, statSync } from "fs";
import * as path from "path";
import { build, type Plugin } from "esbuild";
import { BUNDLE_FILE } from "../modules/cli/run";
import type { CdkRuntime } from "../modules/topology/runtime";

const ROOT = path.join(__dirname, "..");

/** A change to one file of cdktf (or cdktn) in the bundle: `from` (exact text, which must be there) becomes `to`. */
interface CdktfChange {
  readonly runtimes: readonly CdkRuntime[];
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

/** The two changes described above. */
const CDKTF_CHANGES: readonly CdktfChange[] = [
  {
    runtimes: ["cdktf"],
    file: "lib/private/fs.js",
    from: 'const archiver = require("archiver");',
    to: 'const archiver = (...args) => require("archiver")(...args); // guardduty-cdktf bundle: loaded on first use',
  },
  {
    runtimes: ["cdktf", "cdktn"],
    file: "lib/tokens/private/stack-trace.js",
    from: "exports.captureStackTrace = captureStackTrace;",
    to: 'exports.captureStackTrace = process.env.GUARDDUTY_CDKTF_STACK_TRACES === "1" ? captureStackTrace : () => []; // guardduty-cdktf bundle',
  },
];

/** The runtime's changes; each must apply. */
function changesFor(runtime: CdkRuntime): CdktfChange[] {
  return CDKTF_CHANGES.filter((c) => c.runtimes.includes(runtime));
}

/** Applies the runtime's CDKTF_CHANGES as esbuild loads its files; `applied` collects the files changed. */
function cdktfChanges(runtime: CdkRuntime, applied: Set<string>): Plugin {
  const changes = changesFor(runtime);
  return {
    name: "cdktf-changes",
    setup(b) {
      b.onLoad({ filter: new RegExp(`[\\\\/]${runtime}[\\\\/]lib[\\\\/].*\\.js$`) }, (args) => {
        const change = changes.find((c) => args.path.replace(/\\/g, "/").endsWith(`/${runtime}/${c.file}`));
        if (!change) return undefined; // every other file as it is
        const source = readFileSync(args.path, "utf8");
        if (!source.includes(change.from)) {
          throw new Error(`build-cli: ${runtime}'s ${change.file} no longer contains ${JSON.stringify(change.from)}; review scripts/build-cli.ts`);
        }
        applied.add(change.file);
        return { loader: "js", contents: source.replace(change.from, change.to) };
      });
    },
  };
}

/**
 * "cdktf" and the provider's submodules resolved to cdktn's, for guardduty-cdktn (esbuild's `alias` replaces a package
 * and every subpath of it).
 */
export const CDKTN_ALIASES: Readonly<Record<string, string>> = { cdktf: "cdktn", "@cdktf/provider-aws": "@cdktn/provider-aws" };

/** Writes `<outdir>/guardduty-cdktf.js` for the runtime (default cdktf); returns its path and size. */
export async function buildCli(outdir: string, runtime: CdkRuntime = "cdktf"): Promise<{ file: string; bytes: number }> {
  const file = path.join(outdir, BUNDLE_FILE);
  const applied = new Set<string>();
  await build({
    stdin: {
      contents: 'import { runCli } from "./cli";\nprocess.exitCode = runCli(process.argv.slice(2));\n',
      resolveDir: path.join(ROOT, "modules", "cli"),
      sourcefile: "guardduty-cdktf-main.ts",
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile: file,
    tsconfig: path.join(ROOT, "tsconfig.json"),
    plugins: [cdktfChanges(runtime, applied)],
    ...(runtime === "cdktn" ? { alias: { ...CDKTN_ALIASES } } : {}),
    logLevel: "warning",
  });
  const missing = changesFor(runtime).filter((c) => !applied.has(c.file)).map((c) => c.file);
  if (missing.length > 0) throw new Error(`build-cli: ${runtime}'s ${missing.join(", ")} not found in the bundle; review scripts/build-cli.ts`);
  return { file, bytes: statSync(file).size };
}

if (require.main === module) {
  const outdir = process.argv[2] ?? path.join(ROOT, "dist", "cli");
  buildCli(outdir).then(
    ({ file, bytes }) => process.stdout.write(`build-cli: ${path.relative(process.cwd(), file)} (${(bytes / 1e6).toFixed(1)} MB)\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
