import { App, TerraformStack, Testing } from "cdktf";
import { AdministratorDetectors } from "../../modules/organization/administrator-detectors";
import { OrganizationLookup } from "../../modules/organization/organization-lookup";
import { OrganizationMembers } from "../../modules/organization/organization-members";
import { assertRegions, PropProblems, PropsError } from "../../modules/topology/validation";
import { orgStack, REGIONS } from "../organization/fixtures";

function thrown(f: () => void): PropsError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PropsError);
    return e as PropsError;
  }
  throw new Error("did not throw");
}

test("one problem without an owner throws exactly its message; the assert* wrappers keep theirs", () => {
  expect(() => assertRegions("regions", [])).toThrow(new Error("regions must list at least one region; got []"));
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
  p.capture(() => assertRegions("regions", ["mars-1"]));
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
