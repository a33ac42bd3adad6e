import { App, Lazy, TerraformStack, Testing } from "cdktf";
import { AdministratorDetectors } from "../../modules/organization/administrator-detectors";
import { OrganizationLookup } from "../../modules/organization/organization-lookup";
import { OrganizationMembers } from "../../modules/organization/organization-members";
import { oneOfPropProblems, PropProblems, regionsProblems } from "../../modules/topology/validation";
import { orgStack, REGIONS } from "../organization/fixtures";
import { propsError as thrown } from "./props-error";

test("one problem without an owner throws exactly its message", () => {
  expect(() => new PropProblems().add(regionsProblems("regions", [])).throwIfAny()).toThrow(new Error("regions must list at least one region; got []"));
  const p = new PropProblems();
  expect(p.check("size", 0, false, "a positive integer")).toBe(false);
  const e = thrown(() => p.throwIfAny());
  expect(e.message).toBe("size must be a positive integer; got 0");
  expect(e.problems).toEqual([{ path: "size", value: 0, allowed: "a positive integer", message: "size must be a positive integer; got 0" }]);
});

test("several problems are listed at once, with a construct owner's header", () => {
  const stack = new TerraformStack(Testing.app() as App, "s");
  const p = new PropProblems(stack);
  p.check("a", "x", true, "anything");
  p.add("b", "y", "one of z");
  p.capture(() => new PropProblems().add(regionsProblems("regions", ["mars-1"])).throwIfAny());
  expect(() => p.throwIfAny()).toThrow(
    new Error('TerraformStack "s" has 2 invalid properties:\n - b must be one of z; got "y"\n - regions must contain known AWS region codes (e.g. eu-west-1); got "mars-1"'),
  );
  expect(() => new PropProblems().throwIfAny()).not.toThrow();
});

test("OrganizationMembers with two bad props reports both", () => {
  const ctx = orgStack();
  const admin = new AdministratorDetectors(ctx.stack, "Admin", { provider: ctx.security, regions: REGIONS });
  const organization = new OrganizationLookup(ctx.stack, "Lookup", { managementProvider: ctx.management });
  const e = thrown(() => new OrganizationMembers(ctx.stack, "Members", {
    provider: ctx.security, administratorDetector: admin.detector, regions: ["eu-west-1", "mars-1"], members: [{ accountId: "1234" }], organization,
  }));
  expect(e.problems.map((x) => [x.path, x.value])).toEqual([["regions", "mars-1"], ["members[].accountId", "1234"]]);
  expect(e.message).toMatch(/has 2 invalid properties/);
});

test("a throw-first check is collected with its message; oneOfPropProblems lets tokens pass", () => {
  const p = new PropProblems("Thing").capture(() => {
    throw new Error("size must be positive; got 0");
  });
  expect(p.problems).toEqual([{ path: "size", value: undefined, allowed: "", message: "size must be positive; got 0" }]);
  expect(oneOfPropProblems("mode", Lazy.stringValue({ produce: () => "C" }), ["A", "B"])).toEqual([]);
  expect(oneOfPropProblems("mode", "C", ["A", "B"])).toEqual([{ path: "mode", value: "C", allowed: "one of A, B", message: 'mode must be one of A, B; got "C"' }]);
});
