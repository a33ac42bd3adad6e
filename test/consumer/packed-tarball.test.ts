/**
 * The published package, as an existing CDKTF project gets it: packed (`npm pack`, offline), extracted into a
 * fresh project's node_modules, compiled there with a strict tsc and synthesized with node. The project has
 * its own stack and provider and imports only from "guardduty-cdktf". Scenarios live in scenarios.ts.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  compileConsumer, createConsumer, measureLoad, median, packLibrary, PACKAGE_NAME, repositoryPackList, ROOT,
  synthConsumer, type PackResult,
} from "./consumer-project";
import { runCli } from "../../modules/cli/cli";
import { SCENARIOS } from "./scenarios";

jest.setTimeout(120_000);

/** Loading the package (with cdktf, constructs, zod and the provider submodules it uses) costs about 200 ms. */
const LOAD_BUDGET_MS = 300;
/** The bundled command (scripts/build-cli.ts): JavaScript without declarations, run by dist/cli/run.js. */
const BUNDLE = "dist/cli/guardduty-cdktf.js";
/** What the tarball may hold: compiled modules, the bundled command, the estate file's JSON Schema, and npm's own files. */
const SHIPPED = /^(dist\/.+\.(js|d\.ts)|modules\/config\/estate\.schema\.json|package\.json|README\.md|LICENSE)$/;

let tmp: string;
let packed: PackResult & { tarball: string };
let consumer: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "guardduty-cdktf-consumer-"));
  packed = await packLibrary(tmp);
  consumer = createConsumer(tmp, packed.tarball, SCENARIOS);
  compileConsumer(consumer);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("npm pack of this repository", () => {
  test("ships no tests, examples, scripts, app, node_modules, cdktf.out or test results", () => {
    const { files } = repositoryPackList();
    expect(files).toContain("package.json");
    expect(files.filter((f) => !SHIPPED.test(f))).toEqual([]);
    expect(files.filter((f) => /^(test|examples|scripts|node_modules|cdktf\.out)\/|^main\.ts$|^jest-result\.json$|\.test\./.test(f))).toEqual([]);
  });

  test("the tarball holds the compiled modules, with declarations, and nothing else", () => {
    expect(packed.files.filter((f) => !SHIPPED.test(f))).toEqual([]);
    expect(packed.files).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "package.json"]));
    const modules = fs.readdirSync(path.join(ROOT, "modules"))
      .filter((d) => fs.statSync(path.join(ROOT, "modules", d)).isDirectory())
      .filter((d) => fs.readdirSync(path.join(ROOT, "modules", d)).some((f) => f.endsWith(".ts")));
    const compiled = new Set(packed.files.filter((f) => f.startsWith("dist/")).map((f) => f.split("/")[1]));
    expect([...compiled].filter((d) => !d.includes(".")).sort()).toEqual(modules.sort());
    const js = packed.files.filter((f) => f.endsWith(".js")).map((f) => f.replace(/\.js$/, ""));
    expect(js.filter((f) => !packed.files.includes(`${f}.d.ts`))).toEqual([BUNDLE.replace(/\.js$/, "")]);
  });

  test("main, types and exports point at files in the tarball", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(consumer, "node_modules", PACKAGE_NAME, "package.json"), "utf8"));
    expect(pkg.name).toBe(PACKAGE_NAME);
    const dot = pkg.exports["."];
    const targets = [pkg.main, pkg.types, dot.types, dot.require, dot.default, pkg.exports["./package.json"]];
    expect(targets.map((t: string) => t.replace(/^\.\//, "")).filter((t: string) => !packed.files.includes(t))).toEqual([]);
    expect(Object.keys(dot)[0]).toBe("types"); // TypeScript takes the first matching condition
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(["@cdktf/provider-aws", "cdktf", "constructs"]);
    expect(pkg.dependencies).toEqual({ zod: expect.any(String) });
  });

  test("the guardduty-cdktf executable is in the tarball and synthesizes like the library in-process", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(consumer, "node_modules", PACKAGE_NAME, "package.json"), "utf8"));
    expect(pkg.bin).toEqual({ [PACKAGE_NAME]: "dist/cli/run.js" });
    expect(packed.files).toEqual(expect.arrayContaining([pkg.bin[PACKAGE_NAME], BUNDLE]));
    expect(fs.readFileSync(path.join(consumer, "node_modules", PACKAGE_NAME, pkg.bin[PACKAGE_NAME]), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    const estate = path.join(ROOT, "examples", "organization", "estate.json");
    const out = path.join(tmp, "bin-out");
    const r = spawnSync(process.execPath, [path.join(consumer, "node_modules", PACKAGE_NAME, pkg.bin[PACKAGE_NAME]), "synth", estate, "--out", out], {
      encoding: "utf8", env: { ...process.env, GUARDDUTY_CDKTF_NO_CACHE: "1" },
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const inProcess = path.join(tmp, "in-process-out");
    expect(runCli(["synth", estate, "--out", inProcess], { out: () => {}, err: () => {} })).toBe(0);
    const stackFile = (dir: string) => fs.readFileSync(path.join(dir, "stacks", "guardduty", "cdk.tf.json"), "utf8");
    expect(stackFile(out)).toBe(stackFile(inProcess));
  });

  test("the estate file's JSON Schema is reachable as guardduty-cdktf/estate.schema.json when generated", () => {
    if (!fs.existsSync(path.join(ROOT, "modules", "config", "estate.schema.json"))) return; // not generated yet: nothing to ship
    expect(packed.files).toContain("modules/config/estate.schema.json");
    const schema = require(require.resolve(`${PACKAGE_NAME}/estate.schema.json`, { paths: [consumer] }));
    expect(schema.type).toBe("object");
  });
});

describe("in a fresh project", () => {
  test(`loading the package costs under ${LOAD_BUDGET_MS} ms and never the provider package's root`, () => {
    const samples = measureLoad(consumer, 7);
    expect(samples[0].resolved).toBe(path.join(fs.realpathSync(consumer), "node_modules", PACKAGE_NAME, "dist", "index.js"));
    expect(samples.flatMap((s) => s.providerRoots)).toEqual([]);
    // the library loads the resource classes it uses (about 40); a root import loads over 2,000
    expect(samples[0].providerSubmodules).toBeLessThan(100);
    // the fastest of 7 runs: other jest workers share the 2 cores and only ever add time, so the minimum is the
    // load's own cost (a root provider import takes over 6 s and fails this by far)
    const ms = Math.min(...samples.map((s) => s.ms));
    if (ms >= LOAD_BUDGET_MS) {
      throw new Error(`require("${PACKAGE_NAME}") took ${Math.round(ms)} ms (fastest of ${samples.map((s) => Math.round(s.ms)).join(", ")}; median ${Math.round(median(samples.map((s) => s.ms)))}); budget ${LOAD_BUDGET_MS} ms`);
    }
  });

  test.each(SCENARIOS.map((s) => [s.title, s] as const))("%s", (_title, scenario) => {
    const result = synthConsumer(consumer, scenario.name);
    if (scenario.fails) {
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(scenario.fails);
      return;
    }
    if (result.status !== 0) throw new Error(`${scenario.name} exited with ${result.status}:\n${result.stderr}`);
    scenario.check?.(result.stacks);
  });
});
