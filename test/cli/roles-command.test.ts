/** `guardduty-cdktf roles`: the files it writes for the example estate, and the inputs it refuses (exit 1, nothing written). */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { loadEstate } from "../../modules/config/load";
import { deployRoles } from "../../modules/roles/estate-roles";
import { run } from "./run-cli";

const ESTATE = path.join(__dirname, "..", "..", "examples", "organization", "estate.json");
const ALIASES = ["log-archive", "management", "member-444455556666", "security"];

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "guardduty-roles-"));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const json = (file: string) => JSON.parse(readFileSync(file, "utf8"));

test("writes <alias>.policy.json and <alias>.trust.json for every account of the example, aliases as the providers use them", () => {
  const out = path.join(tmp, "roles");
  const r = run("roles", ESTATE, "--out", out);
  expect(r).toMatchObject({ code: 0, err: "" });
  expect(readdirSync(out).sort()).toEqual(ALIASES.flatMap((a) => [`${a}.policy.json`, `${a}.trust.json`]));
  const roles = deployRoles(loadEstate(ESTATE));
  for (const role of roles) {
    expect(json(path.join(out, `${role.alias}.policy.json`))).toEqual(role.policy);
    expect(json(path.join(out, `${role.alias}.trust.json`))).toEqual(role.trust);
    expect(r.out).toContain(`  ${role.alias} (${role.accountId}): ${path.join(out, `${role.alias}.policy.json`)}, ${role.alias}.trust.json\n`);
  }
  // Only the management role holds the organization actions; only the invited member's the legacy invitation ones.
  expect(JSON.stringify(json(path.join(out, "management.policy.json")))).toContain("guardduty:EnableOrganizationAdminAccount");
  expect(JSON.stringify(json(path.join(out, "security.policy.json")))).not.toContain("guardduty:EnableOrganizationAdminAccount");
  expect(JSON.stringify(json(path.join(out, "member-444455556666.policy.json")))).toContain("guardduty:AcceptInvitation");
  expect(JSON.stringify(json(path.join(out, "security.policy.json")))).not.toContain("guardduty:AcceptInvitation");
});

test("--account writes that account's files only", () => {
  const out = path.join(tmp, "roles");
  expect(run("roles", ESTATE, "--out", out, "--account", "security").code).toBe(0);
  expect(readdirSync(out).sort()).toEqual(["security.policy.json", "security.trust.json"]);
});

test("the trust names deployRoles.trustedPrincipalArn and requires its externalId", () => {
  const file = path.join(tmp, "estate.json");
  writeFileSync(file, JSON.stringify({ ...json(ESTATE), deployRoles: { trustedPrincipalArn: "arn:aws:iam::123456789012:role/ci-deploy", externalId: "guardduty-ci" } }));
  const out = path.join(tmp, "roles");
  expect(run("roles", file, "--out", out, "--account", "log-archive").code).toBe(0);
  expect(json(path.join(out, "log-archive.trust.json"))).toEqual({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/ci-deploy" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "guardduty-ci" } } }],
  });
});

test("without deployRoles the trust is the account's own root", () => {
  const out = path.join(tmp, "roles");
  expect(run("roles", ESTATE, "--out", out, "--account", "security").code).toBe(0);
  expect(json(path.join(out, "security.trust.json")).Statement[0].Principal).toEqual({ AWS: "arn:aws:iam::222222222222:root" });
});

test("fails on an unknown account alias: exit 1, the aliases it knows, nothing written", () => {
  const out = path.join(tmp, "roles");
  const r = run("roles", ESTATE, "--out", out, "--account", "audit");
  expect(r.code).toBe(1);
  expect(r.err).toBe(`guardduty-cdktf: --account: unknown account alias "audit"; expected one of ${ALIASES.join(", ")}\nNothing was written.\n`);
  expect(r.out).toBe("");
  expect(existsSync(out)).toBe(false);
});

test("fails on an estate file that does not validate: exit 1, the field, nothing written", () => {
  const file = path.join(tmp, "estate.json");
  writeFileSync(file, JSON.stringify({ ...json(ESTATE), homeRegion: "mars-1" }));
  const out = path.join(tmp, "roles");
  const r = run("roles", file, "--out", out);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/^guardduty-cdktf: refusing .*homeRegion/s);
  expect(r.err).toMatch(/Nothing was written\.\n$/);
  expect(existsSync(out)).toBe(false);
});

test("fails on a deployRoles principal that is not an IAM ARN: exit 1, nothing written", () => {
  const file = path.join(tmp, "estate.json");
  writeFileSync(file, JSON.stringify({ ...json(ESTATE), deployRoles: { trustedPrincipalArn: "ci-deploy" } }));
  const out = path.join(tmp, "roles");
  const r = run("roles", file, "--out", out);
  expect(r.code).toBe(1);
  expect(r.err).toContain('deployRoles.trustedPrincipalArn: expected an IAM principal ARN, e.g. "arn:aws:iam::111122223333:role/ci-deploy"; got "ci-deploy"');
  expect(existsSync(out)).toBe(false);
});
