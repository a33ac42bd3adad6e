/**
 * The published package, as an existing CDKTF project gets it: packed (`npm pack`, offline), extracted into a
 * fresh project's node_modules, compiled there with a strict tsc and synthesized with node. The project has
 * its own stack and provider and imports only from "guardduty-cdktf". Scenarios live in scenarios.ts.
 *
 * In jest's "cdktn" project the same file tests guardduty-cdktn (dist-cdktn/, scripts/build-cdktn.ts) in a fresh CDK
 * Terrain project that has cdktn and @cdktn/provider-aws only, never cdktf.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  compileConsumer, createConsumer, LINKED_PACKAGES, loadedModules, packLibrary, PACKAGE_NAME, PROVIDER_PACKAGE,
  repositoryPackList, ROOT, synthConsumer, type PackResult,
} from "./consumer-project";
import { runCli } from "../../modules/cli/cli";
import { OTHER_RUNTIME, PACKAGES, TEST_RUNTIME } from "./runtimes";
import { SCENARIOS } from "./scenarios";

/**
 * At most this many module files for `require(<package>)`. Measured: 601 with cdktf (86 of the library, 95 of zod, 42
 * provider submodules, cdktf with its dependencies: archiver, lodash, readable-stream, semver, ...), 366 with cdktn
 * (which zips with fflate). The provider package's root alone is over 2,000.
 */
const MAX_MODULES_LOADED = 700;
/** At most this many of the library's own files: it has about 90. */
const MAX_LIBRARY_FILES = 150;
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
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual([PROVIDER_PACKAGE, TEST_RUNTIME, "constructs"]);
    expect(pkg.dependencies).toEqual({ zod: expect.any(String) });
  });

  test("its peer dependencies admit the versions it is tested with, and constructs as the runtime's own peer range", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(consumer, "node_modules", PACKAGE_NAME, "package.json"), "utf8"));
    const installed = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8"));
    const semver = require(require.resolve("semver", { paths: [path.join(ROOT, "node_modules", "cdktn")] }));
    for (const name of [TEST_RUNTIME, PROVIDER_PACKAGE, "constructs"]) {
      expect([name, semver.satisfies(installed(name).version, pkg.peerDependencies[name])]).toEqual([name, true]);
    }
    if (TEST_RUNTIME === "cdktn") expect(pkg.peerDependencies.constructs).toBe(installed("cdktn").peerDependencies.constructs);
  });

  test("its JavaScript and declarations import the runtime under test only, never the other one", () => {
    const other = new RegExp(`(require\\(|from |import\\()"(${OTHER_RUNTIME}|@${OTHER_RUNTIME}/)`);
    const mine = new RegExp(`(require\\(|from |import\\()"(${TEST_RUNTIME}|@${TEST_RUNTIME}/provider-aws/lib/)`);
    const files = packed.files.filter((f) => /\.(js|d\.ts)$/.test(f) && !f.endsWith(BUNDLE));
    const text = (f: string) => fs.readFileSync(path.join(consumer, "node_modules", PACKAGE_NAME, f), "utf8");
    expect(files.filter((f) => other.test(text(f)))).toEqual([]);
    expect(files.filter((f) => mine.test(text(f))).length).toBeGreaterThan(40);
    const bundle = text(BUNDLE);
    expect(bundle).toContain(`fqn: "${TEST_RUNTIME}.TerraformStack"`);
    expect(bundle).not.toContain(`fqn: "${OTHER_RUNTIME}.TerraformStack"`);
  });

  test("the guardduty-cdktf executable is in the tarball and synthesizes like the library in-process", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(consumer, "node_modules", PACKAGE_NAME, "package.json"), "utf8"));
    expect(pkg.bin).toEqual({ "guardduty-cdktf": "dist/cli/run.js" }); // the same command in both packages
    const bin = pkg.bin["guardduty-cdktf"];
    expect(packed.files).toEqual(expect.arrayContaining([bin, BUNDLE]));
    expect(fs.readFileSync(path.join(consumer, "node_modules", PACKAGE_NAME, bin), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    const estate = path.join(ROOT, "examples", "organization", "estate.json");
    const out = path.join(tmp, "bin-out");
    const r = spawnSync(process.execPath, [path.join(consumer, "node_modules", PACKAGE_NAME, bin), "synth", estate, "--out", out], {
      encoding: "utf8", env: { ...process.env, GUARDDUTY_CDKTF_NO_CACHE: "1" },
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const inProcess = path.join(tmp, "in-process-out");
    expect(runCli(["synth", estate, "--out", inProcess], { out: () => {}, err: () => {} })).toBe(0);
    const stackFile = (dir: string) => fs.readFileSync(path.join(dir, "stacks", "guardduty", "cdk.tf.json"), "utf8");
    expect(stackFile(out)).toBe(stackFile(inProcess));
  });

  // guardduty-cdktn against guardduty-cdktf: the repository's command run by tsx, outside jest's mapping, is cdktf's
  // (in the cdktf project there is nothing to compare: both sides would be cdktf).
  if (TEST_RUNTIME === "cdktn") test(
    "guardduty-cdktn synthesizes the example estate, with an S3 backend, as guardduty-cdktf does but for the version fields",
    () => {
      const raw = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "organization", "estate.json"), "utf8"));
      raw.backend = { type: "s3", bucket: "org-terraform-state", key: "guardduty/terraform.tfstate", region: "eu-west-1" };
      const estate = path.join(tmp, "estate-s3.json");
      fs.writeFileSync(estate, JSON.stringify(raw));
      const synth = (args: string[], out: string, cwd: string) => {
        const r = spawnSync(process.execPath, [...args, "synth", estate, "--out", out], { cwd, encoding: "utf8", env: { ...process.env, GUARDDUTY_CDKTF_NO_CACHE: "1" } });
        if (r.status !== 0) throw new Error(`${args.join(" ")} exited with ${r.status}:\n${r.stderr}`);
        return JSON.parse(fs.readFileSync(path.join(out, "stacks", "guardduty", "cdk.tf.json"), "utf8"));
      };
      const cdktn = synth([path.join(consumer, "node_modules", PACKAGE_NAME, "dist", "cli", "run.js")], path.join(tmp, "cdktn-s3"), consumer);
      const cdktf = synth(["--require", require.resolve("tsx/cjs"), path.join(ROOT, "modules", "cli", "cli.ts")], path.join(tmp, "cdktf-s3"), ROOT);
      const versions = (doc: any) => [doc["//"].metadata.version, doc.terraform.required_providers.aws];
      expect(versions(cdktf)).toEqual(["0.21.0", { source: "aws", version: "6.25.0" }]);
      expect(versions(cdktn)).toEqual(["0.24.0", { source: "hashicorp/aws", version: "6.66.0" }]);
      const withoutVersions = (doc: any) => {
        const copy = JSON.parse(JSON.stringify(doc));
        delete copy["//"].metadata.version;
        delete copy.terraform.required_providers.aws;
        return copy;
      };
      expect(cdktn.terraform.backend.s3).toMatchObject({ bucket: "org-terraform-state", use_lockfile: true, encrypt: true });
      expect(withoutVersions(cdktn)).toEqual(withoutVersions(cdktf));
    },
  );

  test(`the estate file's JSON Schema is reachable as ${PACKAGE_NAME}/estate.schema.json when generated`, () => {
    if (!fs.existsSync(path.join(ROOT, "modules", "config", "estate.schema.json"))) return; // not generated yet: nothing to ship
    expect(packed.files).toContain("modules/config/estate.schema.json");
    const schema = require(require.resolve(`${PACKAGE_NAME}/estate.schema.json`, { paths: [consumer] }));
    expect(schema.type).toBe("object");
  });
});

describe("in a fresh project", () => {
  test("the project has the runtime under test only", () => {
    expect(LINKED_PACKAGES).not.toContain(OTHER_RUNTIME);
    expect(fs.readdirSync(path.join(consumer, "node_modules")).sort()).toEqual(
      [...new Set([...LINKED_PACKAGES.map((p) => p.split("/")[0]), PACKAGE_NAME])].sort(),
    );
  });

  // How long loading takes is the machine's (npm run bench: as a ratio to require("cdktf")); what it loads is ours.
  test(`loading the package never loads the provider package's root, and at most ${MAX_MODULES_LOADED} modules`, () => {
    const loaded = loadedModules(consumer);
    expect(loaded.resolved).toBe(path.join(fs.realpathSync(consumer), "node_modules", PACKAGE_NAME, "dist", "index.js"));
    expect(loaded.providerRoots).toEqual([]);
    // the library loads the resource classes it uses (about 40); a root import loads over 2,000
    expect(loaded.providerSubmodules).toBeGreaterThan(0);
    expect(loaded.providerSubmodules).toBeLessThan(100);
    expect(loaded.modules).toBeLessThanOrEqual(MAX_MODULES_LOADED);
    expect(loaded.byPackage[PACKAGE_NAME]).toBeGreaterThan(0);
    expect(loaded.byPackage[PACKAGE_NAME]).toBeLessThanOrEqual(MAX_LIBRARY_FILES);
    expect(Object.keys(loaded.byPackage).filter((p) => p === OTHER_RUNTIME || p === PACKAGES[OTHER_RUNTIME].provider)).toEqual([]);
  });

  test(`fails at once, naming both runtimes and ${PACKAGES[OTHER_RUNTIME].library}, when given an app of ${OTHER_RUNTIME}`, () => {
    const script = `
const other = require(${JSON.stringify(path.join(ROOT, "node_modules", OTHER_RUNTIME))});
const { Topology } = require(${JSON.stringify(PACKAGE_NAME)});
const stack = new other.TerraformStack(new other.App(), "theirs");
new Topology(stack, "Providers", { partition: "aws", homeRegion: "eu-west-1", accounts: [{ alias: "security", accountId: "222222222222" }] });
`;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: consumer, encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(
      `${PACKAGE_NAME} is built for ${TEST_RUNTIME} (${TEST_RUNTIME === "cdktf" ? "CDK for Terraform" : "CDK Terrain"}), but scope "theirs" ` +
        `belongs to ${OTHER_RUNTIME}`,
    );
    expect(r.stderr).toContain(`install ${PACKAGES[OTHER_RUNTIME].library} instead`);
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
