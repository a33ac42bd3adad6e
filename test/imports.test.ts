import { spawnSync } from "child_process";
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..");

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (f === "node_modules") return [];
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const SHIPPED = [...tsFiles(path.join(ROOT, "modules")), ...tsFiles(path.join(ROOT, "examples")), path.join(ROOT, "main.ts")];

test("no file imports @cdktf/provider-aws from its root (2.5 s, 500 MB): only lib/<resource> submodules", () => {
  const rootImport = /(from\s+|require\(\s*|import\(\s*)["']@cdktf\/provider-aws["']/;
  const offenders = [...SHIPPED, ...tsFiles(path.join(ROOT, "test"))]
    .filter((f) => f !== __filename && rootImport.test(readFileSync(f, "utf8")));
  expect(offenders).toEqual([]);
});

test("the shipped library never imports the AGPL test-only policy simulator", () => {
  const offenders = SHIPPED.filter((f) => /@cloud-copilot\//.test(readFileSync(f, "utf8")));
  expect(offenders).toEqual([]);
});

test("loading the library does not load the provider package's root index", () => {
  const script =
    "require('./modules/index.ts');" +
    "const roots = Object.keys(require.cache).filter((k) => /@cdktf[\\\\/]provider-aws[\\\\/]lib[\\\\/]index\\.js$/.test(k));" +
    "process.stdout.write(JSON.stringify(roots));";
  const r = spawnSync(process.execPath, ["--require", require.resolve("tsx/cjs"), "-e", script], { cwd: ROOT, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(JSON.parse(r.stdout)).toEqual([]);
});
