/**
 * A fresh CDKTF (or CDK Terrain) project outside this repository that installs guardduty-cdktf (or guardduty-cdktn)
 * from its packed tarball: the machinery of packed-tarball.test.ts, for the runtime of the jest project
 * (test/consumer/runtimes.ts). Everything is offline and happens in a temporary directory:
 *
 * 1. `npm pack --dry-run` of this repository says which files the package ships (the `files` whitelist);
 * 2. those files, a fresh `tsc -p tsconfig.build.json` and the bundled command of scripts/build-cli.ts (both into the
 *    temp dir, never into dist/, as `npm run build` makes them) are staged and packed with
 *    `npm pack --offline --ignore-scripts`, which gives the tarball a user would install; for cdktn, the compiled files
 *    go through scripts/build-cdktn.ts first, as `npm run build` makes dist-cdktn/, and that package is packed;
 * 3. the tarball is extracted with `tar` into `<consumer>/node_modules/guardduty-cdktf`, and the peer
 *    dependencies, zod, typescript and @types/node are symlinked from this repository's node_modules (one copy
 *    of cdktf or cdktn and constructs, as a real install with peer dependencies gives; never both runtimes);
 * 4. the consumer's programs import only from "guardduty-cdktf" (or, translated by `forRuntime`, "guardduty-cdktn",
 *    cdktn and @cdktn/provider-aws), are compiled with a strict `tsc` and run with `node`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildCdktnPackage } from "../../scripts/build-cdktn";
import { buildCli } from "../../scripts/build-cli";
import type { SynthDoc } from "../helpers";
import { PACKAGES, TEST_RUNTIME } from "./runtimes";

/** This repository. */
export const ROOT = path.join(__dirname, "..", "..");
/** The package under test: guardduty-cdktf, or guardduty-cdktn in jest's cdktn project. */
export const PACKAGE_NAME = PACKAGES[TEST_RUNTIME].library;
/** The AWS provider package beside it. */
export const PROVIDER_PACKAGE = PACKAGES[TEST_RUNTIME].provider;
/**
 * What the consumer gets from this repository's node_modules: the peer dependencies, the package's own
 * dependency (zod), and what any TypeScript CDKTF project compiles with.
 */
export const LINKED_PACKAGES = [TEST_RUNTIME, "constructs", PROVIDER_PACKAGE, "zod", "typescript", "@types/node"];

/**
 * A consumer program written for cdktf, as a cdktn project writes it: imports of "cdktf", "@cdktf/provider-aws/lib/..."
 * and "guardduty-cdktf" become "cdktn", "@cdktn/provider-aws/lib/..." and "guardduty-cdktn". Unchanged for cdktf.
 */
export function forRuntime(source: string): string {
  if (TEST_RUNTIME === "cdktf") return source;
  return source
    .replace(/from "cdktf"/g, 'from "cdktn"')
    .replace(/"@cdktf\/provider-aws\/lib\//g, '"@cdktn/provider-aws/lib/')
    .replace(/"guardduty-cdktf"/g, '"guardduty-cdktn"');
}

const TSC = require.resolve("typescript/bin/tsc");
/** npm without the registry: no update check, no audit, no fund lookup. */
const NPM_ENV = {
  npm_config_offline: "true",
  npm_config_update_notifier: "false",
  npm_config_audit: "false",
  npm_config_fund: "false",
};

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cmd: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Ran {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === "win32" && cmd === "npm",
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function mustRun(cmd: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Ran {
  const r = run(cmd, args, cwd, env);
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited with ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

/** One entry of `npm pack --json`. */
export interface PackResult {
  readonly filename: string;
  readonly files: readonly string[];
}

function npmPack(dir: string, extra: readonly string[]): PackResult {
  const r = mustRun("npm", ["pack", "--json", "--ignore-scripts", ...extra], dir, NPM_ENV);
  const [entry] = JSON.parse(r.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return { filename: entry.filename, files: entry.files.map((f) => f.path).sort() };
}

/** What `npm pack` of this repository would put in the tarball, without building or writing anything. */
export function repositoryPackList(): PackResult {
  return npmPack(ROOT, ["--dry-run"]);
}

/**
 * Packs the library as `npm pack` of this repository would after `npm run build`: the files the `files`
 * whitelist selects, with dist/ compiled afresh into the staging directory. Returns the tarball's path and list.
 */
export async function packLibrary(tmp: string): Promise<PackResult & { readonly tarball: string }> {
  const stage = path.join(tmp, "stage");
  fs.mkdirSync(stage, { recursive: true });
  for (const file of repositoryPackList().files) {
    if (file.startsWith("dist/")) continue; // a stale local build; compiled afresh below
    fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(stage, file));
  }
  mustRun(process.execPath, [TSC, "-p", path.join(ROOT, "tsconfig.build.json"), "--outDir", path.join(stage, "dist")], ROOT);
  let packageDir = stage;
  if (TEST_RUNTIME === "cdktn") {
    packageDir = path.join(tmp, "stage-cdktn"); // dist-cdktn/ as `npm run build` writes it, from the same compiled files
    await buildCdktnPackage(path.join(stage, "dist"), packageDir);
  } else {
    await buildCli(path.join(stage, "dist", "cli"));
  }
  const packed = npmPack(packageDir, ["--pack-destination", tmp]);
  return { ...packed, tarball: path.join(tmp, packed.filename) };
}

/** A consumer program: one file of the consumer project. */
export interface ConsumerSource {
  readonly name: string;
  readonly source: string;
}

/** The consumer's compiler settings: strict, emitting CommonJS, resolving packages through `exports` (node16). */
export const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "node16",
    moduleResolution: "node16",
    lib: ["ES2022"],
    strict: true,
    noUnusedLocals: true,
    noImplicitReturns: true,
    skipLibCheck: false, // the package's .d.ts files are checked too: they must stand alone in a project
    types: ["node"],
    rootDir: "src",
    outDir: "out",
  },
  include: ["src/**/*.ts"],
};

/**
 * Creates the consumer project in `<tmp>/consumer`: the tarball installed under node_modules, the linked
 * packages, a package.json, a strict tsconfig and one `src/<name>.ts` per program.
 */
export function createConsumer(tmp: string, tarball: string, programs: readonly ConsumerSource[]): string {
  const dir = path.join(tmp, "consumer");
  const installed = path.join(dir, "node_modules", PACKAGE_NAME);
  fs.mkdirSync(installed, { recursive: true });
  mustRun("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"], tmp);
  for (const pkg of LINKED_PACKAGES) {
    const link = path.join(dir, "node_modules", pkg);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(ROOT, "node_modules", pkg), link, process.platform === "win32" ? "junction" : "dir");
  }
  fs.writeFileSync(
    path.join(dir, "package.json"),
    `${JSON.stringify({ name: `existing-${TEST_RUNTIME}-project`, version: "1.0.0", private: true, dependencies: { [PACKAGE_NAME]: `file:${PACKAGE_NAME}.tgz` } }, null, 2)}\n`,
  );
  fs.writeFileSync(path.join(dir, "tsconfig.json"), `${JSON.stringify(CONSUMER_TSCONFIG, null, 2)}\n`);
  fs.mkdirSync(path.join(dir, "src"));
  for (const p of programs) fs.writeFileSync(path.join(dir, "src", `${p.name}.ts`), forRuntime(p.source));
  return dir;
}

/** Compiles the consumer project; the diagnostics, if any, in the thrown error. */
export function compileConsumer(dir: string): void {
  const r = run(process.execPath, [TSC, "-p", "tsconfig.json", "--pretty", "false"], dir);
  if (r.status !== 0) throw new Error(`the consumer project does not compile:\n${r.stdout}${r.stderr}`);
}

/** What running one consumer program gave: its exit status and the stacks it synthesized, by stack name. */
export interface Synthesized {
  readonly status: number | null;
  readonly stderr: string;
  readonly stacks: Record<string, SynthDoc>;
}

/** Runs `node out/<name>.js` (the consumer's `app.synth()` writes into its own outdir) and reads the stacks. */
export function synthConsumer(dir: string, name: string): Synthesized {
  const outdir = path.join(dir, "cdktf.out", name);
  fs.mkdirSync(path.dirname(outdir), { recursive: true }); // cdktf creates only the last directory
  const r = run(process.execPath, [path.join("out", `${name}.js`)], dir, { CDKTF_OUTDIR: outdir });
  const stacksDir = path.join(outdir, "stacks");
  const stacks: Record<string, SynthDoc> = {};
  if (fs.existsSync(stacksDir)) {
    for (const stack of fs.readdirSync(stacksDir).sort()) {
      stacks[stack] = JSON.parse(fs.readFileSync(path.join(stacksDir, stack, "cdk.tf.json"), "utf8"));
    }
  }
  return { status: r.status, stderr: r.stderr, stacks };
}

/**
 * What one cold `require("<package>")` loads, in a fresh node process: what the code controls, so what the tests check
 * (how long it takes depends on the machine and its load: `npm run bench` measures that, as a ratio to
 * `require("cdktf")` in the same run).
 */
export interface LoadedModules {
  /** Where the package resolved to. */
  readonly resolved: string;
  /** Every module file loaded. */
  readonly modules: number;
  /** Modules of the provider package loaded from its root (must be none: 2.5 s, 500 MB). */
  readonly providerRoots: readonly string[];
  /** How many of the provider package's lib/<resource> submodules were loaded. */
  readonly providerSubmodules: number;
  /** Loaded files by package (`cdktf`, `@cdktn/provider-aws`, `zod`, ...; the library itself under its name). */
  readonly byPackage: Readonly<Record<string, number>>;
}

const LOAD_SCRIPT = `
require(${JSON.stringify(PACKAGE_NAME)});
const loaded = Object.keys(require.cache);
const byPackage = {};
for (const k of loaded) {
  const m = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)[\\\\/](?!.*node_modules)/.exec(k);
  const name = m ? m[1].replace(/\\\\/g, "/") : "(outside node_modules)";
  byPackage[name] = (byPackage[name] || 0) + 1;
}
process.stdout.write(JSON.stringify({
  resolved: require.resolve(${JSON.stringify(PACKAGE_NAME)}),
  modules: loaded.length,
  providerRoots: loaded.filter((k) => /@cdkt[fn][\\\\/]provider-aws[\\\\/](lib[\\\\/])?index\\.js$/.test(k)),
  providerSubmodules: new Set(loaded.map((k) => (/@cdkt[fn][\\\\/]provider-aws[\\\\/]lib[\\\\/]([^\\\\/]+)[\\\\/]/.exec(k) || [])[1]).filter(Boolean)).size,
  byPackage,
}));
`;

/** What `require("<package>")` loads from the consumer project, in a new node process. */
export function loadedModules(dir: string): LoadedModules {
  return JSON.parse(mustRun(process.execPath, ["-e", LOAD_SCRIPT], dir).stdout) as LoadedModules;
}
