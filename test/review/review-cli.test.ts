import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { App } from "cdktf";
import { build, EXAMPLE_CONFIG } from "../../examples/organization";
import { readSynthesized } from "../../modules/review/summary";
import { planFor } from "./fixtures";

const ROOT = path.join(__dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "gd-review-"));
const outdir = path.join(dir, "cdktf.out");

beforeAll(() => {
  const app = new App({ outdir });
  build(app, EXAMPLE_CONFIG);
  app.synth();
});

function review(...args: string[]) {
  return spawnSync(process.execPath, [require.resolve("tsx/cli"), "scripts/review.ts", "--dir", outdir, ...args], { cwd: ROOT, encoding: "utf8" });
}

test("npm run review writes and prints the report from cdktf.out", () => {
  const out = path.join(dir, "review.md");
  const r = review("--out", out);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("# GuardDuty estate review");
  expect(readFileSync(out, "utf8")).toContain("## Which severities reach which channel");
});

test("fails loudly (exit 2) on a plan that destroys a detector", () => {
  const stacks = readSynthesized(outdir);
  const plan = path.join(dir, "plan.json");
  writeFileSync(plan, JSON.stringify(planFor(stacks, { 'aws_guardduty_detector.estate_organization_administrator_detector["eu-west-1"]': ["delete"] })));
  const r = review("--plan", plan, "--out", path.join(dir, "review-plan.md"));
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('REFUSED: the plan destroys or replaces aws_guardduty_detector.estate_organization_administrator_detector["eu-west-1"] (delete)');
});

test("fails with a clear message when nothing was synthesized", () => {
  const r = spawnSync(process.execPath, [require.resolve("tsx/cli"), "scripts/review.ts", "--dir", path.join(dir, "nothing")], { cwd: ROOT, encoding: "utf8" });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/no synthesized stacks in .*nothing\/ \(manifest\.json missing\): synthesize first/);
});
