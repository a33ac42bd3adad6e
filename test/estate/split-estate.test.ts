/**
 * An estate split into stacks (`stacks` in the estate file) holds exactly the unsplit estate's resources, at the same
 * addresses, in stacks that never read each other's state.
 */
import { Testing } from "cdktf";
import { parseEstate } from "../../modules/config/load";
import { EstateStack } from "../../modules/estate/estate-stack";
import { forEachEntries, resourceInstances } from "../../modules/review/synthesized";
import type { SynthDoc } from "../helpers";
import { splitRaw, synthApp } from "./fixtures";

const SPLITS = {
  region: { split: "region" },
  "region with invited member groups": { split: "region", invitedMemberGroups: 2 },
  "invited member groups": { invitedMemberGroups: 2 },
} as const;

const synthesized = new Map<string, ReturnType<typeof synthApp>>();
/** The example with a `stacks` section, synthesized once per section. */
function synthSplit(stacksSection: Record<string, unknown>): ReturnType<typeof synthApp> {
  const key = JSON.stringify(stacksSection);
  if (!synthesized.has(key)) synthesized.set(key, synthApp(splitRaw(stacksSection)));
  return synthesized.get(key)!;
}

/** Each instance as `terraform plan` shows it, with what places it: provider and region. */
function instances(doc: SynthDoc): string[] {
  return resourceInstances(doc as any).map((i) => `${i.address} ${i.providerAlias} ${i.region}`);
}

/** Every `aws.<alias>` a block of the document uses. */
function providersUsed(doc: SynthDoc): Set<string> {
  const used = new Set<string>();
  for (const section of [doc.resource ?? {}, doc.data ?? {}]) {
    for (const byName of Object.values(section)) for (const body of Object.values<any>(byName)) used.add(body.provider);
  }
  return used;
}

test("split by region: a home stack and a stack per region, the home ordered after the regions it reads, the home region's stack first", () => {
  const { stacks, dependencies } = synthSplit(SPLITS.region);
  expect(Object.keys(stacks).sort()).toEqual(["guardduty-eu-west-1", "guardduty-home", "guardduty-me-south-1", "guardduty-us-east-1"]);
  expect(dependencies).toEqual({
    "guardduty-home": ["guardduty-eu-west-1", "guardduty-me-south-1", "guardduty-us-east-1"],
    "guardduty-eu-west-1": [], "guardduty-me-south-1": ["guardduty-eu-west-1"], "guardduty-us-east-1": ["guardduty-eu-west-1"],
  });
});

test("invited member groups: a stack per region and group, ordered after its region's stack", () => {
  const { stacks, dependencies } = synthSplit(SPLITS["region with invited member groups"]);
  expect(Object.keys(stacks).filter((s) => s.includes("invited")).sort()).toEqual([
    "guardduty-eu-west-1-invited-0", "guardduty-eu-west-1-invited-1", "guardduty-me-south-1-invited-0",
    "guardduty-me-south-1-invited-1", "guardduty-us-east-1-invited-0", "guardduty-us-east-1-invited-1",
  ]);
  expect(dependencies["guardduty-me-south-1-invited-1"]).toEqual(["guardduty-me-south-1"]);
});

const unsplit = synthSplit({});

describe.each(Object.entries(SPLITS))("split: %s", (_, stacksSection) => {
  const split = synthSplit(stacksSection);

  test("no stack reads another's state: no terraform_remote_state, no cross-stack outputs", () => {
    for (const doc of Object.values(split.stacks)) {
      expect(Object.keys(doc.data ?? {})).not.toContain("terraform_remote_state");
      expect(Object.keys(doc.output ?? {}).filter((o) => o.startsWith("cross-stack"))).toEqual([]);
      expect(JSON.stringify(doc)).not.toMatch(/terraform_remote_state|cross-stack-output/);
    }
  });

  test("each stack has one provider per account it uses, and only those", () => {
    for (const [name, doc] of Object.entries(split.stacks)) {
      const providers: any[] = doc.provider?.aws ?? [];
      const accounts = providers.map((p) => p.allowed_account_ids[0]);
      expect({ name, accounts: new Set(accounts).size }).toEqual({ name, accounts: accounts.length });
      expect({ name, used: providersUsed(doc) }).toEqual({ name, used: new Set(providers.map((p) => `aws.${p.alias}`)) });
    }
  });

  test("the stacks hold exactly the unsplit estate's resource instances, each once, at the same address, account and region", () => {
    const all = Object.values(split.stacks).flatMap(instances);
    expect(all.length).toBe(new Set(all).size);
    expect(all.sort()).toEqual(instances(unsplit.stacks.guardduty).sort());
  });

  test("the only additions are data sources: aws_guardduty_detector, and the plan-time checks each stack repeats", () => {
    const checks = ["aws_organizations_organization", "aws_regions"];
    expect(Object.keys(unsplit.stacks.guardduty.data ?? {}).sort()).toEqual(checks);
    for (const doc of Object.values(split.stacks)) {
      expect(Object.keys(doc.data ?? {}).filter((type) => type !== "aws_guardduty_detector" && !checks.includes(type))).toEqual([]);
    }
  });

  test("every stack keeps its own state", () => {
    const paths = Object.values(split.stacks).map((doc) => doc.terraform.backend.local.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

test("the home stack finds each region's administrator detector with the data source, never a reference into another stack", () => {
  const { stacks } = synthSplit(SPLITS.region);
  const home = stacks["guardduty-home"];
  expect(home.data!.aws_guardduty_detector.estate_organization_administrator_detector).toMatchObject({
    provider: "aws.security", region: "${each.key}", for_each: { "eu-west-1": "eu-west-1", "me-south-1": "me-south-1", "us-east-1": "us-east-1" },
  });
  const destinations = home.resource!.aws_guardduty_publishing_destination.estate_export_publishing_destination;
  expect(destinations.for_each["me-south-1"]).toBe('${data.aws_guardduty_detector.estate_organization_administrator_detector["me-south-1"].id}');
  const filters = home.resource!.aws_guardduty_filter.estate_notifications_suppression_filter;
  expect(Object.values<any>(filters.for_each).map((f) => f.detector_id)).toEqual(["eu-west-1", "me-south-1", "us-east-1"].map((r) =>
    `\${data.aws_guardduty_detector.estate_organization_administrator_detector["${r}"].id}`));
  expect(home.resource!.aws_guardduty_detector).toBeUndefined();
});

test("a group stack invites with the region's administrator detector read by the data source; members accept from their own account", () => {
  const { stacks } = synthSplit(SPLITS["region with invited member groups"]);
  const group = stacks["guardduty-us-east-1-invited-1"];
  const invitation = group.resource!.aws_guardduty_member.estate_organization_invited_invitation;
  expect(forEachEntries(invitation.for_each)!.map(([key]) => key)).toEqual(["us-east-1/555566667777"]);
  expect(invitation.detector_id).toBe("${data.aws_guardduty_detector.estate_organization_administrator_detector[each.value.region].id}");
  expect(invitation.provider).toBe("aws.security");
  expect(group.resource!.aws_guardduty_invite_accepter.estate_organization_invited_member_555566667777_accepter)
    .toMatchObject({ provider: "aws.member-555566667777", master_account_id: "222222222222" });
});

test("an adopted detector is imported in its region's stack", () => {
  const raw = splitRaw(SPLITS.region);
  raw.existingDetectorIds = { "me-south-1": "0123456789abcdef0123456789abcdef" };
  const { stacks } = synthApp(raw);
  expect(stacks["guardduty-me-south-1"].import).toEqual([
    { to: 'aws_guardduty_detector.estate_organization_administrator_detector["me-south-1"]', id: "0123456789abcdef0123456789abcdef" },
  ]);
  expect(stacks["guardduty-eu-west-1"].import).toBeUndefined();
});

test("EstateStack is the main stack: the whole estate when unsplit, its part and its siblings when split", () => {
  const whole = new EstateStack(Testing.app(), parseEstate(splitRaw({})));
  expect(whole.estate).toBeDefined();
  expect([whole.part, whole.siblings, whole.stacks]).toEqual([undefined, [], [whole]]);
  const home = new EstateStack(Testing.app(), parseEstate(splitRaw(SPLITS.region)));
  expect(home.node.id).toBe("guardduty-home");
  expect(home.estate).toBeUndefined();
  expect(home.part!.findingsExport).toBeDefined();
  expect(home.siblings.map((s) => s.node.id)).toEqual(["guardduty-eu-west-1", "guardduty-me-south-1", "guardduty-us-east-1"]);
  expect(home.siblings[0].part.organization!.administrator.regions).toEqual(["eu-west-1"]);
});
