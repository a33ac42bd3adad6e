import { EstateConfigError, parseEstate } from "../../modules/config/load";
import { invitedMemberGroup, stackBackend, stackLayout } from "../../modules/estate/stack-layout";
import { ACCOUNTS } from "../helpers";
import { exampleRaw, splitRaw } from "./fixtures";

const MEMBERS = ["444455556666", "555566667777", "666677778888"];
const layout = (raw: unknown) => stackLayout(parseEstate(raw));
const names = (raw: unknown) => layout(raw).map((s) => s.name);

function problemsOf(raw: unknown): readonly string[] {
  try {
    parseEstate(raw);
  } catch (e) {
    if (e instanceof EstateConfigError) return e.problems;
    throw e;
  }
  throw new Error("expected EstateConfigError, but the config was accepted");
}

describe("the stacks section of the estate file", () => {
  test("defaults to one stack with invited members beside the core: split none, no groups", () => {
    expect(parseEstate(exampleRaw()).stacks).toEqual({ split: "none" });
    const [only, ...others] = layout(exampleRaw());
    expect(others).toEqual([]);
    expect(only).toEqual({
      name: "guardduty", regions: ["eu-west-1", "me-south-1", "us-east-1"], core: true, invitedAccountIds: ["444455556666"], home: true,
      accountIds: [ACCOUNTS.management, ACCOUNTS.security, ACCOUNTS.logArchive, ACCOUNTS.invited], dependsOn: [],
    });
  });

  test("keeps what the file says", () => {
    expect(parseEstate(splitRaw({ split: "region", invitedMemberGroups: 2 })).stacks).toEqual({ split: "region", invitedMemberGroups: 2 });
  });

  test("fails on an unknown split, a group count that is not a whole number from 1, and an unknown key", () => {
    expect(problemsOf(splitRaw({ split: "account" }))).toEqual(['stacks.split: expected "none" or "region"; got "account"']);
    for (const groups of [0, 1.5, "2"]) {
      expect(problemsOf(splitRaw({ invitedMemberGroups: groups })))
        .toEqual([`stacks.invitedMemberGroups: expected a whole number of groups, at least 1; got ${JSON.stringify(groups)}`]);
    }
    expect(problemsOf(splitRaw({ splitBy: "region" })))
      .toEqual(['stacks.splitBy: unknown key; allowed keys: split, invitedMemberGroups; got "region"']);
  });

  test("fails on more groups than invited members", () => {
    expect(problemsOf(splitRaw({ invitedMemberGroups: 4 }))).toEqual([
      "stacks.invitedMemberGroups: must be at most the number of invitedMembers (3): more groups than members always leaves a group empty; got 4",
    ]);
    const none = { ...exampleRaw(), invitedMembers: [], stacks: { invitedMemberGroups: 1 } };
    expect(problemsOf(none)).toEqual([expect.stringMatching(/^stacks\.invitedMemberGroups: must be at most the number of invitedMembers \(0\)/)]);
  });
});

describe("stackLayout", () => {
  test("split by region: the home stack first, then one stack per region with that region's core and invited members", () => {
    const stacks = layout(splitRaw({ split: "region" }));
    expect(stacks.map((s) => s.name)).toEqual(["guardduty-home", "guardduty-eu-west-1", "guardduty-me-south-1", "guardduty-us-east-1"]);
    const [home, euw1] = stacks;
    expect(home).toEqual({
      name: "guardduty-home", regions: ["eu-west-1", "me-south-1", "us-east-1"], core: false, invitedAccountIds: [], home: true,
      accountIds: [ACCOUNTS.security, ACCOUNTS.logArchive], dependsOn: ["guardduty-eu-west-1", "guardduty-me-south-1", "guardduty-us-east-1"],
    });
    expect(euw1).toEqual({
      name: "guardduty-eu-west-1", regions: ["eu-west-1"], core: true, invitedAccountIds: MEMBERS, home: false,
      accountIds: [ACCOUNTS.management, ACCOUNTS.security, ...MEMBERS], dependsOn: [],
    });
  });

  test("invited member groups: a stack per region and group, after its region's core, with only its group's providers", () => {
    const stacks = layout(splitRaw({ split: "region", invitedMemberGroups: 2 }));
    expect(stacks.map((s) => s.name)).toEqual([
      "guardduty-home", "guardduty-eu-west-1", "guardduty-me-south-1", "guardduty-us-east-1",
      "guardduty-eu-west-1-invited-0", "guardduty-me-south-1-invited-0", "guardduty-us-east-1-invited-0",
      "guardduty-eu-west-1-invited-1", "guardduty-me-south-1-invited-1", "guardduty-us-east-1-invited-1",
    ]);
    const byName = Object.fromEntries(stacks.map((s) => [s.name, s]));
    expect(byName["guardduty-us-east-1"]).toMatchObject({ core: true, invitedAccountIds: [], accountIds: [ACCOUNTS.management, ACCOUNTS.security] });
    expect(byName["guardduty-us-east-1-invited-0"]).toEqual({
      name: "guardduty-us-east-1-invited-0", regions: ["us-east-1"], core: false, invitedAccountIds: ["444455556666", "666677778888"],
      home: false, accountIds: [ACCOUNTS.security, "444455556666", "666677778888"], dependsOn: ["guardduty-us-east-1"],
    });
    expect(byName["guardduty-us-east-1-invited-1"].invitedAccountIds).toEqual(["555566667777"]);
  });

  test("invited member groups without a region split: the main stack keeps its name, each group gets every region", () => {
    const stacks = layout(splitRaw({ invitedMemberGroups: 2 }));
    expect(stacks.map((s) => s.name)).toEqual(["guardduty", "guardduty-invited-0", "guardduty-invited-1"]);
    expect(stacks[0]).toMatchObject({ core: true, home: true, invitedAccountIds: [], accountIds: [ACCOUNTS.management, ACCOUNTS.security, ACCOUNTS.logArchive] });
    expect(stacks[1]).toMatchObject({ regions: ["eu-west-1", "me-south-1", "us-east-1"], core: false, dependsOn: ["guardduty"] });
  });

  test("a member's group is its account ID modulo the group count: adding a member never moves another", () => {
    expect(invitedMemberGroup("444455556666", 2)).toBe(0);
    expect(invitedMemberGroup("555566667777", 2)).toBe(1);
    expect(invitedMemberGroup("999999999999", 7)).toBe(999999999999 % 7);
    const groupsOf = (raw: any) => Object.fromEntries(layout(raw).filter((s) => s.name.includes("invited")).map((s) => [s.name, s.invitedAccountIds]));
    const before = groupsOf(splitRaw({ invitedMemberGroups: 2 }));
    const more = splitRaw({ invitedMemberGroups: 2 });
    more.invitedMembers.unshift({ accountId: "100000000001", email: "root+new@example.com" });
    const after = groupsOf(more);
    expect(after["guardduty-invited-0"]).toEqual(before["guardduty-invited-0"]);
    expect(after["guardduty-invited-1"]).toEqual(["100000000001", ...before["guardduty-invited-1"]]);
  });

  test("a group no account falls into has no stack", () => {
    const raw = splitRaw({ invitedMemberGroups: 3 }); // all three account IDs are multiples of 3
    expect(names(raw)).toEqual(["guardduty", "guardduty-invited-0"]);
  });

  test("the home stack needs the export's bucket and key accounts and waits for nothing when it reads no detector", () => {
    const raw = splitRaw({ split: "region" });
    raw.export.keyAccount = "logArchive";
    expect(layout(raw)[0].accountIds).toEqual([ACCOUNTS.security, ACCOUNTS.logArchive]);
    delete raw.export;
    delete raw.notifications;
    expect(layout(raw)[0]).toMatchObject({ name: "guardduty-home", accountIds: [], dependsOn: [] });
  });
});

describe("stackBackend", () => {
  const config = (backend: unknown, stacks: unknown = { split: "region" }) => parseEstate({ ...exampleRaw(), backend, stacks });

  test("the main stack of an unsplit estate keeps the configured backend", () => {
    const c = config({ type: "local", path: "state/gd.tfstate" }, { invitedMemberGroups: 1 });
    expect(stackBackend(c, "guardduty")).toEqual({ type: "local", path: "state/gd.tfstate" });
  });

  test("every other stack puts its state beside the configured one, suffixed with its part of the name", () => {
    expect(stackBackend(config({ type: "local", path: "state/gd.tfstate" }), "guardduty-eu-west-1"))
      .toEqual({ type: "local", path: "state/gd.eu-west-1.tfstate" });
    expect(stackBackend(config({ type: "local", path: "state/gd" }), "guardduty-home")).toEqual({ type: "local", path: "state/gd.home" });
    expect(stackBackend(config({ type: "local" }), "guardduty-home")).toEqual({ type: "local" }); // terraform.guardduty-home.tfstate
    const s3 = config({ type: "s3", bucket: "estate-state", key: "guardduty/terraform.tfstate", region: "eu-west-1" });
    expect(stackBackend(s3, "guardduty-us-east-1-invited-0"))
      .toMatchObject({ type: "s3", bucket: "estate-state", key: "guardduty/terraform.us-east-1-invited-0.tfstate" });
  });
});
