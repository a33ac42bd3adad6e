/**
 * The app as a user runs it (`tsx main.ts`): a bad config is refused with every problem listed, no stack trace
 * and nothing written; the example synthesizes and prints a summary; adjustments are printed as warnings.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { filesUnder } from "../helpers";

const ROOT = path.resolve(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const EXAMPLE = path.join(ROOT, "examples", "organization", "estate.json");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "estate-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs main.ts from the project root with GUARDDUTY_CONFIG (unset when undefined) and a temporary CDKTF_OUTDIR. */
function runMain(config: string | undefined, outdir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, CDKTF_OUTDIR: outdir };
  delete env.GUARDDUTY_CONFIG;
  if (config !== undefined) env.GUARDDUTY_CONFIG = config;
  const r = spawnSync(TSX, ["main.ts"], { cwd: ROOT, env, encoding: "utf8" }); // no time limit: a loaded machine is no failure
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const STACK_TRACE = /^\s{4}at /m;

describe("a config with several problems", () => {
  let file: string;
  let outdir: string;
  let run: ReturnType<typeof runMain>;
  beforeAll(() => {
    const estate = JSON.parse(readFileSync(EXAMPLE, "utf8"));
    estate.accounts.security.id = 222222222222;
    estate.regions = ["eu-west-1", "eu-wst-1"];
    estate.findingPublishingFrequency = "5m";
    estate.invitedMembers[0].findingPublishingFrequency = "ONE_HOUR";
    estate.secruity = {};
    file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(estate, null, 2));
    outdir = path.join(dir, "out-bad");
    run = runMain(file, outdir);
  });

  test("fails with exit code 1 and every problem on stderr", () => {
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`guardduty-cdktf: refusing ${file}: 5 problems:`);
    for (const problem of [
      "  - accounts.security.id: expected a 12-digit AWS account ID as a string",
      '  - regions[1]: expected a known AWS region code (e.g. eu-west-1, us-east-1, me-south-1; 38 known); got "eu-wst-1"',
      '  - findingPublishingFrequency: expected one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS; got "5m"',
      "  - invitedMembers[0].findingPublishingFrequency: not allowed on a member: the administrator's findingPublishingFrequency is imposed",
      "  - secruity: unknown key; allowed keys: $schema, name, accounts,",
    ]) {
      expect(run.stderr).toContain(problem);
    }
    expect(run.stderr).toContain("Nothing was written.");
  });

  test("fails without a stack trace", () => {
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  test("fails without writing any file to the outdir", () => {
    expect(filesUnder(outdir)).toEqual([]);
  });

  // `new App()` creates <outdir>/stacks/: main.ts validates the config before it creates the App.
  test("fails without creating the outdir", () => {
    expect(existsSync(outdir)).toBe(false);
  });
});

test("fails on malformed JSON with its line and column, and writes nothing", () => {
  const file = path.join(dir, "malformed.json");
  writeFileSync(file, '{\n  "regions": ["eu-west-1",]\n}\n');
  const outdir = path.join(dir, "out-malformed");

  const { status, stderr } = runMain(file, outdir);

  expect(status).toBe(1);
  expect(stderr).toMatch(/ {2}- malformed JSON at line 2, column 27: .+; got "]"/);
  expect(stderr).not.toMatch(STACK_TRACE);
  expect(filesUnder(outdir)).toEqual([]);
});

test("the example synthesizes and prints a summary of stacks, accounts and regions", () => {
  const outdir = path.join(dir, "out-good");

  const { status, stdout, stderr } = runMain(undefined, outdir);

  expect({ status, stderr }).toEqual({ status: 0, stderr: "" });
  expect(stdout).toContain(`Synthesized 1 stack into ${outdir}/`);
  expect(stdout).toMatch(/^stack guardduty: \d+ resource instances in \d+ blocks$/m);
  expect(stdout).toContain("accounts (one provider each): management=111111111111, security=222222222222, log-archive=333333333333");
  expect(stdout).toContain("regions: eu-west-1, me-south-1, us-east-1");
  expect(filesUnder(outdir)).toEqual(expect.arrayContaining(["manifest.json", path.join("stacks", "guardduty", "cdk.tf.json")]));
});

test("prints what the file asks that was adjusted as warnings on stderr, and still synthesizes", () => {
  const estate = JSON.parse(readFileSync(EXAMPLE, "utf8"));
  estate.organizationMembers = [{ accountId: "123412341234", protectionPlans: { S3_DATA_EVENTS: true, EKS_AUDIT_LOGS: false } }];
  const file = path.join(dir, "pointless-override.json");
  writeFileSync(file, JSON.stringify(estate, null, 2));
  const outdir = path.join(dir, "out-warning");

  const { status, stderr } = runMain(file, outdir);

  expect({ status, stderr }).toEqual({
    status: 0,
    stderr: "guardduty-cdktf: warning: organizationMembers[0].protectionPlans.S3_DATA_EVENTS: true is what auto-enable ALL " +
      "already gives every member; the override is dropped\n",
  });
  expect(filesUnder(outdir)).toEqual(expect.arrayContaining([path.join("stacks", "guardduty", "cdk.tf.json")]));
});
