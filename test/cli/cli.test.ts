/**
 * The `guardduty-cdktf` command in-process (modules/cli/cli.ts): its usage errors, `validate`, the refusal of a bad
 * estate file before anything is written, and `synth` writing every stack of the estate.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT_USAGE, runCli } from "../../modules/cli/cli";

const ESTATE = path.join(__dirname, "..", "..", "examples", "organization", "estate.json");

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "guardduty-cli-"));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the command, capturing what it prints. */
function run(...args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

test("synth writes every stack of the estate into --out and names each file", () => {
  const outdir = path.join(tmp, "out");
  const r = run("synth", ESTATE, "--out", outdir);
  expect(r).toMatchObject({ code: 0, err: "" });
  const doc = JSON.parse(readFileSync(path.join(outdir, "stacks", "guardduty", "cdk.tf.json"), "utf8"));
  expect(Object.keys(doc.resource)).toContain("aws_guardduty_detector");
  expect(r.out).toBe(`synthesized 1 stack into ${outdir}:\n  guardduty: ${path.join(outdir, "stacks", "guardduty", "cdk.tf.json")}\n`);
});

test("synth of a split estate lists each stack", () => {
  const config = JSON.parse(readFileSync(ESTATE, "utf8"));
  const file = path.join(tmp, "split.json");
  writeFileSync(file, JSON.stringify({ ...config, stacks: { split: "region" } }));
  const r = run("synth", file, "--out", path.join(tmp, "out"));
  expect(r.code).toBe(0);
  const listed = r.out.split("\n").slice(1).filter(Boolean).map((l) => l.trim().split(":")[0]);
  expect(listed.length).toBeGreaterThan(1);
  for (const stack of listed) expect(existsSync(path.join(tmp, "out", "stacks", stack, "cdk.tf.json"))).toBe(true);
});

test("synth writes to cdktf.out by default", () => {
  const cwd = process.cwd();
  process.chdir(tmp);
  try {
    expect(run("synth", ESTATE).code).toBe(0);
  } finally {
    process.chdir(cwd);
  }
  expect(existsSync(path.join(tmp, "cdktf.out", "stacks", "guardduty", "cdk.tf.json"))).toBe(true);
});

test("validate checks the file and writes nothing", () => {
  const cwd = process.cwd();
  process.chdir(tmp);
  try {
    expect(run("validate", ESTATE)).toEqual({ code: 0, out: `${ESTATE}: valid\n`, err: "" });
  } finally {
    process.chdir(cwd);
  }
  expect(existsSync(path.join(tmp, "cdktf.out"))).toBe(false);
});

test("review prints the report of what synth wrote and writes it to --out", () => {
  const outdir = path.join(tmp, "out");
  expect(run("synth", ESTATE, "--out", outdir).code).toBe(0);
  const file = path.join(tmp, "report.md");
  const r = run("review", "--dir", outdir, "--out", file);
  expect(r).toMatchObject({ code: 0, err: "" });
  expect(r.out).toContain("# GuardDuty estate review");
  expect(r.out).toMatch(new RegExp(`\\(written to ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\)\n$`));
  expect(readFileSync(file, "utf8")).toContain("## Which severities reach which channel");
});

test("--help prints the usage", () => {
  const r = run("--help");
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/guardduty-cdktf synth <estate.json> \[--out <dir>\]/);
});

describe("fails", () => {
  test("fails on a bad estate file with every problem, exit 1, nothing written", () => {
    const file = path.join(tmp, "bad.json");
    writeFileSync(file, JSON.stringify({ name: "org", accounts: { management: "12" }, homeRegion: "mars-1", regions: [] }));
    const outdir = path.join(tmp, "out");
    const r = run("synth", file, "--out", outdir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^guardduty-cdktf: refusing .*bad\.json: \d+ problems:/);
    expect(r.err).toMatch(/accounts\.management: .*got "12"/);
    expect(r.err).toMatch(/homeRegion: .*got "mars-1"/);
    expect(r.err).toMatch(/Nothing was written\.\n$/);
    expect(existsSync(outdir)).toBe(false);
  });

  test("fails on a plan that is not JSON with exit 1, naming the file and what is expected", () => {
    const outdir = path.join(tmp, "out");
    expect(run("synth", ESTATE, "--out", outdir).code).toBe(0);
    const plan = path.join(tmp, "plan.txt");
    writeFileSync(plan, "Plan: 3 to add, 0 to change, 0 to destroy.");
    const r = run("review", "--dir", outdir, "--plan", plan, "--out", path.join(tmp, "r.md"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^guardduty-cdktf: cannot read the plan .*plan\.txt: .*\nexpected the JSON of a saved plan: terraform show -json tfplan > plan\.json\n$/);
  });

  test("fails on review of a directory without synthesized stacks with exit 1", () => {
    const r = run("review", "--dir", path.join(tmp, "nothing"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no synthesized stacks in .*nothing\/ \(manifest\.json missing\): synthesize first/);
  });

  test("fails on a missing file with exit 1", () => {
    const r = run("validate", path.join(tmp, "missing.json"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/missing\.json/);
  });

  test.each([
    [[], "a command is required"],
    [["deploy", ESTATE], 'unknown command "deploy"; expected synth, validate, roles, review'],
    [["synth"], "synth takes one estate file; got none"],
    [["synth", "a.json", "b.json"], 'synth takes one estate file; got "a.json", "b.json"'],
    [["synth", ESTATE, "--out"], "--out needs a value"],
    [["review", ESTATE], 'review takes no file; got "' + ESTATE + '"'],
    [["review", "--plan"], "--plan needs a value"],
    [["synth", ESTATE, "--force"], 'unknown option "--force" for synth'],
    [["validate", ESTATE, "--out", "x"], 'unknown option "--out" for validate'],
  ])("fails on the command line %j with exit 64 and the usage", (args, message) => {
    const r = run(...(args as string[]));
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toBe(`guardduty-cdktf: ${message}\n${run("--help").out}`);
    expect(r.out).toBe("");
  });
});
