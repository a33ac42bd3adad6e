/**
 * The decommission phases (README "Decommissioning", modules/estate/decommission.ts), synthesized from the bundled
 * example with one listed organization member (with an override) added: what "prepare" changes, what "teardown"
 * keeps out of the state, and the dependency graph that orders Terraform's destroys.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { parseEstate } from "../../modules/config/load";
import { EstateStack } from "../../modules/estate/estate-stack";
import { stackOrder } from "../../modules/estate/decommission-order";
import { stackLayout } from "../../modules/estate/stack-layout";
import { addresses, ACCOUNTS, type SynthDoc } from "../helpers";
import { exampleRaw, splitRaw, synthApp, synthEstate } from "./fixtures";

const LISTED = "777788889999";

/** The example with a listed organization member, in a phase (or running). */
function estate(phase?: "prepare" | "teardown"): any {
  const raw = exampleRaw();
  raw.organizationMembers = [{ accountId: LISTED, email: "m@example.com", protectionPlans: { RDS_LOGIN_EVENTS: false } }];
  return phase ? { ...raw, decommission: phase } : raw;
}

const docs = new Map<string, SynthDoc>();
function doc(phase?: "prepare" | "teardown"): SynthDoc {
  const k = phase ?? "running";
  if (!docs.has(k)) docs.set(k, synthEstate(estate(phase)).doc);
  return docs.get(k)!;
}

const record = (d: SynthDoc) => d.locals!.estate_decommission_phase as { phase: string; destroys: string[]; forgets: string[] };
const resource = (d: SynthDoc, address: string) => {
  const [type, name] = address.split(".");
  return d.resource?.[type]?.[name];
};

/** Direct dependencies of each resource (`type.name`): its depends_on and every `${type.name...}` it references. */
function dependencyGraph(d: SynthDoc): Map<string, Set<string>> {
  const all = new Set(addresses(d));
  const graph = new Map<string, Set<string>>();
  for (const address of all) {
    const body = resource(d, address);
    const deps = new Set<string>(body.depends_on ?? []);
    for (const m of JSON.stringify({ ...body, depends_on: undefined }).matchAll(/\$\{[^}]*?\b(aws_[a-z0-9_]+\.[a-z0-9_]+)/g)) {
      if (all.has(m[1])) deps.add(m[1]);
    }
    graph.set(address, deps);
  }
  return graph;
}

/** Whether `from` depends on `to`, directly or through other resources. */
function dependsOn(graph: Map<string, Set<string>>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const todo = [...(graph.get(from) ?? [])];
  while (todo.length) {
    const next = todo.pop()!;
    if (next === to) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    todo.push(...(graph.get(next) ?? []));
  }
  return false;
}

const ADMIN_DETECTOR = "aws_guardduty_detector.estate_organization_administrator_detector";
const DESIGNATIONS = [
  "aws_guardduty_organization_admin_account.estate_organization_delegation_first_admin_account",
  "aws_guardduty_organization_admin_account.estate_organization_delegation_admin_account",
];
const CONFIGURATION = "aws_guardduty_organization_configuration.estate_organization_auto_enable_configuration";
const LISTED_MEMBERS = "aws_guardduty_member.estate_organization_members_member";
const MANAGEMENT_MEMBER = "aws_guardduty_member.estate_organization_management_account_member";
const MANAGEMENT_DETECTOR = "aws_guardduty_detector.estate_organization_management_account_detector";
const INVITATION = "aws_guardduty_member.estate_organization_invited_invitation";
const ACCEPTER = `aws_guardduty_invite_accepter.estate_organization_invited_member_${ACCOUNTS.invited}_accepter`;
const INVITED_DETECTOR = `aws_guardduty_detector.estate_organization_invited_member_${ACCOUNTS.invited}_detector`;
const FINDINGS_BUCKET = "aws_s3_bucket.estate_export_findings_bucket_bucket";
const FINDINGS_KEY = "aws_kms_key.estate_export_findings_key_key";

describe("prepare: the first applied plan", () => {
  test("the organization and every plan auto-enable NONE, agent management included, in every region", () => {
    const d = doc("prepare");
    expect(Object.values(d.resource!.aws_guardduty_organization_configuration).map((c: any) => c.auto_enable_organization_members)).toEqual(["NONE"]);
    const features = Object.values<any>(d.resource!.aws_guardduty_organization_configuration_feature);
    expect(features.length).toBe(6);
    for (const f of features) {
      expect(f.auto_enable).toBe("NONE");
      for (const a of f.additional_configuration ?? []) expect(a.auto_enable).toBe("NONE");
    }
    expect(features.find((f) => f.name === "RUNTIME_MONITORING").additional_configuration).toHaveLength(3);
  });

  test("listed organization members and the management account are disassociated after auto-enable NONE (invite = false, still prevent_destroy)", () => {
    const d = doc("prepare");
    const features = Object.keys(d.resource!.aws_guardduty_organization_configuration_feature).map((n) => `aws_guardduty_organization_configuration_feature.${n}`);
    for (const address of [LISTED_MEMBERS, MANAGEMENT_MEMBER]) {
      const m = resource(d, address);
      expect(m.invite).toBe(false);
      expect(m.lifecycle).toMatchObject({ ignore_changes: ["email"], prevent_destroy: true });
      // Update of invite true -> false calls DisassociateMembers, refused under ALL: it must follow every NONE.
      expect(m.depends_on).toEqual(expect.arrayContaining([CONFIGURATION, ...features]));
    }
    expect(resource(d, LISTED_MEMBERS).lifecycle.precondition).toEqual(resource(doc(), LISTED_MEMBERS).lifecycle.precondition);
    // running: the same members ignore invite, and are not disassociated
    expect(resource(doc(), LISTED_MEMBERS).invite).toBeUndefined();
    expect(resource(doc(), LISTED_MEMBERS).lifecycle.ignore_changes).toEqual(["invite", "email"]);
  });

  test("publishing destinations, notifications and the listed members' overrides go; the record lists exactly them", () => {
    const running = addresses(doc());
    const prepared = addresses(doc("prepare"));
    const gone = running.filter((a) => !prepared.includes(a));
    expect(prepared.every((a) => running.includes(a))).toBe(true);
    expect(record(doc("prepare"))).toEqual({ phase: "prepare", destroys: gone, forgets: [] });
    expect(gone).toContain("aws_guardduty_publishing_destination.estate_export_publishing_destination");
    expect(gone).toContain("aws_guardduty_member_detector_feature.estate_organization_member_overrides_rds_login_events_disabled");
    expect(gone.filter((a) => !a.includes("_notifications_") && !a.includes("publishing_destination") && !a.includes("member_overrides"))).toEqual([]);
    expect(prepared.filter((a) => a.includes("_notifications_"))).toEqual([]);
    expect(doc("prepare").removed).toBeUndefined();
  });

  test("bucket, key, their policies and settings, detectors, designation and invited members are untouched", () => {
    const kept = addresses(doc("prepare")).filter((a) =>
      a.includes("_export_") || a.startsWith("aws_guardduty_detector") || a.startsWith("aws_guardduty_organization_admin_account") ||
      a.includes("_invited_") || a.startsWith("aws_iam_service_linked_role"));
    expect(kept).toEqual(expect.arrayContaining([FINDINGS_BUCKET, FINDINGS_KEY, ADMIN_DETECTOR, ...DESIGNATIONS, INVITATION, ACCEPTER]));
    for (const a of kept) expect({ a, body: resource(doc("prepare"), a) }).toEqual({ a, body: resource(doc(), a) });
    expect(resource(doc("prepare"), FINDINGS_BUCKET).lifecycle).toEqual({ prevent_destroy: true });
  });
});

describe("teardown: the second applied plan", () => {
  test("nothing of the estate stays in the configuration; providers and backend stay (Terraform needs them to destroy)", () => {
    const d = doc("teardown");
    expect(d.resource).toBeUndefined();
    expect(d.data).toBeUndefined();
    expect(d.import).toBeUndefined();
    expect(d.moved).toBeUndefined();
    expect(d.output).toBeUndefined();
    expect(d.provider).toEqual(doc().provider);
    expect(d.terraform.backend).toEqual(doc().terraform.backend);
  });

  test("the findings export and the malware-protection role leave the state through removed blocks, destroy = false", () => {
    const d = doc("teardown");
    const exported = addresses(doc("prepare")).filter((a) => a.includes("_export_"));
    expect(exported).toEqual(expect.arrayContaining([FINDINGS_BUCKET, FINDINGS_KEY, "aws_s3_bucket_policy.estate_export_findings_bucket_policy"]));
    const slr = "aws_iam_service_linked_role.estate_organization_malware_protection_role";
    expect(d.removed).toEqual([...exported, slr].sort().map((from) => ({ from, lifecycle: { destroy: false } })));
    expect(record(d).forgets).toEqual([...exported, slr].sort());
  });

  test("every resource of the prepared estate is either destroyed or forgotten, never both; bucket and key never destroyed", () => {
    const { destroys, forgets, phase } = record(doc("teardown"));
    expect(phase).toBe("teardown");
    expect([...destroys, ...forgets].sort()).toEqual(addresses(doc("prepare")));
    expect(destroys.filter((a) => forgets.includes(a))).toEqual([]);
    expect(destroys).not.toContain(FINDINGS_BUCKET);
    expect(destroys).not.toContain(FINDINGS_KEY);
    expect(destroys).toEqual(expect.arrayContaining([ADMIN_DETECTOR, ...DESIGNATIONS, LISTED_MEMBERS, MANAGEMENT_MEMBER, INVITATION, ACCEPTER]));
  });
});

/**
 * Terraform destroys what left the configuration in the reverse order of the dependencies the state recorded at the
 * last apply (the prepared estate's): a resource is destroyed before everything it depends on.
 */
describe.each(["running", "prepare"] as const)("the dependency graph the %s estate records orders the teardown", (phase) => {
  const graph = () => dependencyGraph(doc(phase === "running" ? undefined : phase));

  test("members are deleted before the designation is removed, and before the administrator's detector", () => {
    const g = graph();
    for (const member of [LISTED_MEMBERS, MANAGEMENT_MEMBER, INVITATION]) {
      for (const d of DESIGNATIONS) expect({ member, d, before: dependsOn(g, member, d) }).toEqual({ member, d, before: true });
      expect(dependsOn(g, member, ADMIN_DETECTOR)).toBe(true);
    }
    // listed members and the management account through the organization configuration (auto-enable first when created)
    expect(dependsOn(g, LISTED_MEMBERS, CONFIGURATION)).toBe(true);
    expect(dependsOn(g, CONFIGURATION, DESIGNATIONS[1])).toBe(true);
  });

  test("an invited member disassociates itself (accepter) before its invitation is deleted, then its detector goes", () => {
    const g = graph();
    expect(dependsOn(g, ACCEPTER, INVITATION)).toBe(true);
    expect(dependsOn(g, ACCEPTER, INVITED_DETECTOR)).toBe(true);
    expect(dependsOn(g, MANAGEMENT_MEMBER, MANAGEMENT_DETECTOR)).toBe(true);
  });

  test("the designation is removed (other regions first) before the administrator's detector is deleted", () => {
    const g = graph();
    expect(dependsOn(g, DESIGNATIONS[1], DESIGNATIONS[0])).toBe(true);
    expect(dependsOn(g, DESIGNATIONS[0], ADMIN_DETECTOR)).toBe(true);
    expect(dependsOn(g, ADMIN_DETECTOR, LISTED_MEMBERS)).toBe(false);
    expect(dependsOn(g, DESIGNATIONS[0], INVITATION)).toBe(false);
  });
});

describe("a split estate", () => {
  const split = (phase?: "teardown") => ({ ...splitRaw({ split: "region", invitedMemberGroups: 2 }), ...(phase ? { decommission: phase } : {}) });

  test("teardown applies the stacks in the reverse order: invited members, then other regions, then the home region", () => {
    const running = synthApp(split()).dependencies;
    const teardown = synthApp(split("teardown")).dependencies;
    const edges = (deps: Record<string, string[]>) => Object.entries(deps).flatMap(([s, ds]) => ds.map((d) => `${s} after ${d}`)).sort();
    const reversed = Object.entries(running).flatMap(([s, ds]) => ds.map((d) => `${d} after ${s}`)).sort();
    expect(edges(running).length).toBeGreaterThan(0);
    expect(edges(teardown)).toEqual(reversed);
    expect(teardown["guardduty-eu-west-1"]).toEqual(expect.arrayContaining(["guardduty-us-east-1", "guardduty-me-south-1"]));
  });

  test("stackOrder keeps the layout's order when running and in prepare", () => {
    const plans = stackLayout(parseEstate(split()));
    const asLayout = Object.fromEntries(plans.map((p) => [p.name, [...p.dependsOn]]));
    expect(stackOrder(plans)).toEqual(asLayout);
    expect(stackOrder(plans, "prepare")).toEqual(asLayout);
  });

  test("each stack of a split teardown forgets its own export resources only (the home stack)", () => {
    const { stacks } = synthApp(split("teardown"));
    const withRemoved = Object.entries(stacks).filter(([, d]) => d.removed).map(([name]) => name);
    expect(withRemoved.sort()).toEqual(["guardduty-eu-west-1", "guardduty-home"]);
    expect(stacks["guardduty-eu-west-1"].removed).toEqual([
      { from: "aws_iam_service_linked_role.estate_organization_malware_protection_role", lifecycle: { destroy: false } },
    ]);
    for (const d of Object.values(stacks)) expect(d.resource).toBeUndefined();
  });
});

describe("the other sections: IP lists and Malware Protection for S3 stay through prepare, go with the teardown", () => {
  const EXAMPLES = path.join(__dirname, "../../examples");
  const example = (name: string, phase?: "prepare" | "teardown"): SynthDoc => {
    const file = path.join(EXAMPLES, name, "estate.json");
    const raw = JSON.parse(readFileSync(file, "utf8"));
    const config = parseEstate({ ...raw, $schema: undefined, ...(phase ? { decommission: phase } : {}) }, file, { baseDir: path.dirname(file) });
    return JSON.parse(Testing.synth(new EstateStack(Testing.app(), config)));
  };

  test.each([
    ["ip-lists", ["aws_guardduty_ipset", "aws_guardduty_threatintelset"]],
    ["s3-malware-protection", ["aws_guardduty_malware_protection_plan"]],
  ])("%s", (name, types) => {
    const running = example(name);
    const prepared = example(name, "prepare");
    const teardown = record(example(name, "teardown"));
    for (const type of types) {
      const of = (d: SynthDoc) => addresses(d).filter((a) => a.startsWith(`${type}.`));
      expect(of(running).length).toBeGreaterThan(0);
      for (const a of of(running)) {
        expect(resource(prepared, a)).toEqual(resource(running, a));
        expect(teardown.destroys).toContain(a);
      }
    }
  });
});
