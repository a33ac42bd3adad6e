import { mkdtempSync, readdirSync, readFileSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { App } from "cdktf";
import { build } from "../../examples/organization";
import { instanceArgument, resourceInstances } from "../../modules/review/synthesized";
import { interpolations } from "../../modules/review/policies";
import { ACCOUNTS, resources } from "../helpers";
import { EXAMPLE_FILE, exampleRaw, synthEstate } from "./fixtures";

const REGIONS = ["eu-west-1", "me-south-1", "us-east-1"];

test("the example has one provider per account, each pinned to its account and assuming its role", () => {
  const { doc } = synthEstate(exampleRaw());
  const providers = doc.provider!.aws;
  expect(providers.map((p: any) => [p.alias, p.allowed_account_ids[0]])).toEqual([
    ["management", ACCOUNTS.management], ["security", ACCOUNTS.security], ["log-archive", ACCOUNTS.logArchive],
    ["member-444455556666", ACCOUNTS.invited],
  ]);
  expect(providers[0].assume_role[0].role_arn).toBe("arn:aws:iam::111111111111:role/GuardDutyOrganizationDeployer");
  expect(providers[1].assume_role[0].role_arn).toBe("arn:aws:iam::222222222222:role/OrganizationAccountAccessRole");
  expect(providers[3].assume_role[0].role_arn).toBe("arn:aws:iam::444455556666:role/GuardDutyMemberDeployer");
  expect(new Set(providers.map((p: any) => p.region))).toEqual(new Set(["eu-west-1"]));
});

test("every part of the organization core exists in every region", () => {
  const instances = resourceInstances(synthEstate(exampleRaw()).doc as any);
  const regionsOf = (type: string, name?: string) =>
    instances.filter((i) => i.type === type && (!name || i.name === name)).map((i) => i.region).sort();
  expect(regionsOf("aws_guardduty_detector", "estate_organization_administrator_detector")).toEqual(REGIONS);
  expect(regionsOf("aws_guardduty_organization_admin_account")).toEqual(REGIONS);
  expect(regionsOf("aws_guardduty_organization_configuration")).toEqual(REGIONS);
  expect(regionsOf("aws_guardduty_member", "estate_organization_invited_invitation")).toEqual(REGIONS);
  expect(regionsOf("aws_guardduty_member", "estate_organization_management_account_member")).toEqual(REGIONS);
  expect(regionsOf("aws_guardduty_detector", "estate_organization_management_account_detector")).toEqual(REGIONS);
  expect(regionsOf("aws_guardduty_invite_accepter")).toEqual(REGIONS);
  expect(regionsOf("aws_guardduty_detector_feature")).toEqual(REGIONS.flatMap((r) => Array(6).fill(r)).sort());
  expect(regionsOf("aws_guardduty_organization_configuration_feature")).toEqual(REGIONS.flatMap((r) => Array(6).fill(r)).sort());
});

test("the designation comes from the management account, everything else of the core from the administrator", () => {
  const { doc } = synthEstate(exampleRaw());
  expect(resources(doc, "aws_guardduty_organization_admin_account").estate_organization_delegation_admin_account.provider).toBe("aws.management");
  expect(resources(doc, "aws_guardduty_organization_configuration").estate_organization_auto_enable_configuration.provider).toBe("aws.security");
  expect(resources(doc, "aws_guardduty_member").estate_organization_invited_invitation.provider).toBe("aws.security");
});

test("existing detectors are adopted by import blocks", () => {
  const raw = exampleRaw();
  raw.existingDetectorIds = { "eu-west-1": "0123456789abcdef0123456789abcdef" };
  expect(synthEstate(raw).doc.import).toEqual([
    { to: 'aws_guardduty_detector.estate_organization_administrator_detector["eu-west-1"]', id: "0123456789abcdef0123456789abcdef" },
  ]);
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

test("cdktf.out contains no absolute path of this machine", () => {
  const outdir = mkdtempSync(path.join(tmpdir(), "gd-out-"));
  const app = new App({ outdir });
  build(app, EXAMPLE_FILE);
  app.synth();
  const files = filesUnder(outdir);
  expect(files.length).toBeGreaterThan(1);
  for (const f of files) {
    const text = readFileSync(f, "utf8");
    for (const forbidden of [process.cwd(), outdir, tmpdir(), path.dirname(EXAMPLE_FILE)]) expect(text).not.toContain(forbidden);
  }
});

test("Terraform expressions inside strings (policies) keep their quotes unescaped", () => {
  const { text } = synthEstate(exampleRaw());
  const strings: string[] = [];
  JSON.parse(text, (_k, v) => (typeof v === "string" && strings.push(v), v));
  const expressions = strings.flatMap((s) => interpolations(s).map(({ start, end }) => s.slice(start, end)));
  expect(expressions.some((e) => e.includes('["eu-west-1"]'))).toBe(true);
  expect(expressions.filter((e) => e.includes("\\"))).toEqual([]);
});

test("every policy document of the example is JSON once Terraform fills in its references", () => {
  const { doc } = synthEstate(exampleRaw());
  const policies = resourceInstances(doc as any).flatMap((i) =>
    ["policy", "assume_role_policy"].map((name) => instanceArgument(i, name)).filter((p): p is string => typeof p === "string"));
  expect(policies.length).toBeGreaterThan(3);
  for (const p of policies) {
    const rendered = p.replace(/\$\{(?:[^{}"]|"[^"]*")*\}/g, "arn:aws:guardduty:eu-west-1:222222222222:detector/x");
    expect(rendered.trimStart().startsWith("{")).toBe(true);
    expect(() => JSON.parse(rendered)).not.toThrow();
  }
});

test("organization members with plan overrides become member detector features, after their enrolment", () => {
  const raw = exampleRaw();
  raw.organizationMembers = [{ accountId: "123412341234", protectionPlans: { EKS_AUDIT_LOGS: false } }];
  const { doc } = synthEstate(raw);
  const f = resources(doc, "aws_guardduty_member_detector_feature").estate_organization_member_overrides_eks_audit_logs_disabled;
  expect(f).toMatchObject({ provider: "aws.security", name: "EKS_AUDIT_LOGS", status: "DISABLED",
    depends_on: ["aws_guardduty_member.estate_organization_members_member"] });
  const keys = resourceInstances(doc as any)
    .filter((i) => i.type === "aws_guardduty_member_detector_feature" && i.name.includes("member_overrides")).map((i) => i.key);
  expect(keys).toEqual(REGIONS.map((r) => `${r}/123412341234`));
  const members = resourceInstances(doc as any).filter((i) => i.name === "estate_organization_members_member").map((i) => i.key);
  expect(members).toEqual(REGIONS.map((r) => `${r}/123412341234`));
});

test("a plan excluded in a region is left out there for the administrator, the organization and member overrides", () => {
  const raw = exampleRaw();
  raw.protectionPlans.RDS_LOGIN_EVENTS = { enabled: true, excludeRegions: ["me-south-1"] };
  raw.organizationMembers = [{ accountId: "123412341234", protectionPlans: { RDS_LOGIN_EVENTS: false } }];
  const instances = resourceInstances(synthEstate(raw).doc as any);
  const rds = instances.filter((i) => i.name.includes("rds_login_events"));
  expect(rds.length).toBe(8); // detector, organization, member override and invited member features in eu-west-1 and us-east-1
  expect(rds.some((i) => i.region === "me-south-1")).toBe(false);
});

test("the one address the example's earlier version had that moved, the home region's designation, is carried over by a moved block", () => {
  const { doc } = synthEstate(exampleRaw());
  expect(doc.moved).toEqual([{
    from: 'aws_guardduty_organization_admin_account.estate_organization_delegation_admin_account["eu-west-1"]',
    to: 'aws_guardduty_organization_admin_account.estate_organization_delegation_first_admin_account["eu-west-1"]',
  }]);
  const rest = resources(doc, "aws_guardduty_organization_admin_account").estate_organization_delegation_admin_account;
  expect(Object.keys(rest.for_each)).toEqual(["me-south-1", "us-east-1"]);
});
