/**
 * The published `guardduty-cdktf` executable: the bundle of scripts/build-cli.ts run by modules/cli/run.ts, as
 * separate Node processes. Its output must be byte-identical to the library's in-process synthesis (the bundle's
 * two changes to cdktf must not change what is synthesized), and its V8 code cache must be written once, reused,
 * and survive being corrupt or switched off.
 */
import { spawnSync } from "child_process";
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { runCli } from "../../modules/cli/cli";
import { BUNDLE_FILE, codeCacheDir, codeCachePath } from "../../modules/cli/run";
import { buildCli } from "../../scripts/build-cli";
import { filesUnder } from "../helpers";
import { OTHER_RUNTIME, TEST_RUNTIME } from "../consumer/runtimes";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLES = path.join(ROOT, "examples");

let tmp: string;
let run: string;
let bundleBytes: number;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "guardduty-bundle-"));
  const dir = path.join(tmp, "cli");
  bundleBytes = (await buildCli(dir, TEST_RUNTIME)).bytes; // cdktf, or cdktn in jest's cdktn project
  // run.js as tsc emits it, beside the bundle, as in dist/cli/
  const source = readFileSync(path.join(ROOT, "modules", "cli", "run.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  run = path.join(dir, "run.js");
  writeFileSync(run, js);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the executable in a fresh node process. */
function exec(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [run, ...args], { encoding: "utf8", env: { ...process.env, ...env }, cwd: tmp });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir`, relative path -> content. */
function tree(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
}

/** An estate file of the examples, optionally changed, written to the temp directory. */
function estate(example: string, change: Record<string, unknown> = {}): string {
  const config = JSON.parse(readFileSync(path.join(EXAMPLES, example, "estate.json"), "utf8"));
  const file = path.join(tmp, `${example}-${Object.keys(change).join("-") || "as-is"}.json`);
  writeFileSync(file, JSON.stringify({ ...config, ...change }));
  return file;
}

test("the bundle is written where run.js looks for it, with cdktf, the provider classes and zod inside", () => {
  expect(statSync(path.join(tmp, "cli", BUNDLE_FILE)).size).toBe(bundleBytes);
  expect(bundleBytes).toBeGreaterThan(1_000_000);
});

test("the bundle carries the documented changes to the runtime and nothing requires archiver at load", () => {
  const bundle = readFileSync(path.join(tmp, "cli", BUNDLE_FILE), "utf8");
  expect(bundle).toMatch(/captureStackTrace = process\.env\.GUARDDUTY_CDKTF_STACK_TRACES === "1" \? captureStackTrace\d* : \(\) => \[\];/);
  const archiverCalls = bundle.match(/require_archiver\(\)[^\n]*/g) ?? [];
  // cdktf: only inside the lazy wrapper; cdktn zips assets with fflate and has no archiver
  expect(archiverCalls).toEqual(TEST_RUNTIME === "cdktf" ? [expect.stringMatching(/^require_archiver\(\)\(\.\.\.args\);$/)] : []);
});

test("the bundle holds the runtime under test, never the other one", () => {
  const bundle = readFileSync(path.join(tmp, "cli", BUNDLE_FILE), "utf8");
  expect(bundle).toContain(`fqn: "${TEST_RUNTIME}.TerraformStack"`);
  expect(bundle).not.toContain(`fqn: "${OTHER_RUNTIME}.TerraformStack"`);
  expect(bundle).toContain(`fqn: "@${TEST_RUNTIME}/provider-aws.provider.AwsProvider"`);
  expect(bundle).not.toContain(`"@${OTHER_RUNTIME}/provider-aws.`);
});

test.each([
  ["organization", {}],
  ["organization", { stacks: { split: "region" } }],
  ["lambda-webhook", {}],
])("the executable synthesizes %s %j byte-identically to the library in-process", (example, change) => {
  const file = estate(example, change);
  const cache = { GUARDDUTY_CDKTF_CACHE_DIR: path.join(tmp, "cache-identical") };
  const bundled = path.join(tmp, `bundled-${example}-${Object.keys(change).join("-")}`);
  const r = exec(["synth", file, "--out", bundled], cache);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const inProcess = path.join(tmp, `in-process-${example}-${Object.keys(change).join("-")}`);
  expect(runCli(["synth", file, "--out", inProcess], { out: () => {}, err: () => {} })).toBe(0);
  const expected = tree(inProcess);
  expect(expected.size).toBeGreaterThan(1);
  expect(tree(bundled)).toEqual(expected);
});

test("with GUARDDUTY_CDKTF_STACK_TRACES=1 (cdktf's token stack traces kept) the output is the same", () => {
  const file = estate("organization");
  const a = path.join(tmp, "traces-on");
  const b = path.join(tmp, "traces-off");
  expect(exec(["synth", file, "--out", a], { GUARDDUTY_CDKTF_STACK_TRACES: "1", GUARDDUTY_CDKTF_NO_CACHE: "1" }).status).toBe(0);
  expect(exec(["synth", file, "--out", b], { GUARDDUTY_CDKTF_NO_CACHE: "1" }).status).toBe(0);
  expect(tree(a)).toEqual(tree(b));
});

describe("the V8 code cache", () => {
  const file = () => estate("organization");
  const cacheDir = () => path.join(tmp, "cache-lifecycle");
  const cacheFile = () => codeCachePath(readFileSync(path.join(tmp, "cli", BUNDLE_FILE), "utf8"), { GUARDDUTY_CDKTF_CACHE_DIR: cacheDir() })!;

  test("lives in the user's own cache directory by default, never a shared one", () => {
    expect(codeCacheDir({})).toBe(path.join(os.homedir(), ".cache", "guardduty-cdktf"));
    expect(codeCacheDir({ XDG_CACHE_HOME: "/home/me/.xdg" })).toBe(path.join("/home/me/.xdg", "guardduty-cdktf"));
    expect(codeCacheDir({ XDG_CACHE_HOME: "/home/me/.xdg", GUARDDUTY_CDKTF_CACHE_DIR: "/ci/cache" })).toBe("/ci/cache");
    expect(codeCacheDir({ GUARDDUTY_CDKTF_CACHE_DIR: "/ci/cache", GUARDDUTY_CDKTF_NO_CACHE: "1" })).toBeUndefined();
  });

  test("is written by the first run, under the Node version and the bundle's digest, private to the user", () => {
    expect(exec(["validate", file()], { GUARDDUTY_CDKTF_CACHE_DIR: cacheDir() }).status).toBe(0);
    expect(readdirSync(cacheDir())).toEqual([path.basename(cacheFile())]);
    expect(path.basename(cacheFile())).toMatch(new RegExp(`^${process.version.replace(/\./g, "\\.")}-${process.arch}-[0-9a-f]{32}\\.bin$`));
    expect(statSync(cacheFile()).size).toBeGreaterThan(100_000);
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    expect(statSync(cacheFile()).mode & 0o777).toBe(0o600);
  });

  test("is reused, not rewritten, by the next run", () => {
    const before = statSync(cacheFile()).mtimeMs;
    const r = exec(["synth", file(), "--out", path.join(tmp, "reuse")], { GUARDDUTY_CDKTF_CACHE_DIR: cacheDir() });
    expect(r.status).toBe(0);
    expect(statSync(cacheFile()).mtimeMs).toBe(before);
    expect(readdirSync(cacheDir())).toHaveLength(1); // no temporary file left behind
  });

  test("that is corrupt is rejected by V8: the run succeeds and rewrites it", () => {
    writeFileSync(cacheFile(), "not V8 code cache data");
    const out = path.join(tmp, "corrupt");
    const r = exec(["synth", file(), "--out", out], { GUARDDUTY_CDKTF_CACHE_DIR: cacheDir() });
    expect(r.status).toBe(0);
    expect(tree(out).size).toBeGreaterThan(1);
    expect(statSync(cacheFile()).size).toBeGreaterThan(100_000);
  });

  test("that others could have written (group- or world-writable) is never read, only replaced", () => {
    chmodSync(cacheFile(), 0o666);
    const before = statSync(cacheFile()).mtimeMs;
    const r = exec(["validate", file()], { GUARDDUTY_CDKTF_CACHE_DIR: cacheDir() });
    expect(r.status).toBe(0);
    expect(statSync(cacheFile()).mode & 0o777).toBe(0o600); // a fresh file of this run, not the one left there
    expect(statSync(cacheFile()).mtimeMs).not.toBe(before);
  });

  test("is neither read nor written with GUARDDUTY_CDKTF_NO_CACHE=1", () => {
    const dir = path.join(tmp, "cache-off");
    expect(exec(["validate", file()], { GUARDDUTY_CDKTF_CACHE_DIR: dir, GUARDDUTY_CDKTF_NO_CACHE: "1" }).status).toBe(0);
    expect(() => readdirSync(dir)).toThrow(/ENOENT/);
    expect(codeCachePath("x", { GUARDDUTY_CDKTF_NO_CACHE: "1" })).toBeUndefined();
  });

  test("that cannot be written (a file where the directory should be) only costs the time", () => {
    const blocked = path.join(tmp, "not-a-directory");
    copyFileSync(file(), blocked);
    const r = exec(["validate", file()], { GUARDDUTY_CDKTF_CACHE_DIR: blocked });
    expect(r).toMatchObject({ status: 0, stderr: "" });
  });
});

test("fails on a bad estate file with exit 1 from the executable too", () => {
  const bad = path.join(tmp, "bad.json");
  writeFileSync(bad, "{\"name\": 1}");
  const r = exec(["synth", bad, "--out", path.join(tmp, "never")], { GUARDDUTY_CDKTF_NO_CACHE: "1" });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^guardduty-cdktf: refusing .*bad\.json: \d+ problems?:/);
  expect(() => statSync(path.join(tmp, "never"))).toThrow(/ENOENT/);
});
