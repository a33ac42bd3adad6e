/**
 * Property-based tests of the estate file and what it synthesizes (issue 13), over generated estates
 * (test/properties/arbitraries.ts). Cheap properties (the loader) run hundreds of cases; those that synthesize a
 * whole estate run a few. GD_PROPERTY_RUNS multiplies every count; on a failure fast-check prints the seed and path
 * of the shrunk case: rerun it with GD_PROPERTY_SEED=<seed> GD_PROPERTY_PATH=<path>.
 */
import fc from "fast-check";
import { EstateConfigError, parseEstate } from "../../modules/config/load";
import { resourceInstances } from "../../modules/review/synthesized";
import { synthEstate } from "../estate/fixtures";
import { estateArb, params, REGION_POOL, reordered } from "./arbitraries";

const planAddresses = (text: string) => resourceInstances(JSON.parse(text)).map((i) => i.address);

jest.setTimeout(300_000);

/** Paths of JSON null values in a document, without recursion limits mattering (documents are shallow). */
function nullsIn(doc: unknown): string[] {
  const found: string[] = [];
  const todo: Array<[unknown, string]> = [[doc, ""]];
  while (todo.length > 0) {
    const [v, at] = todo.pop()!;
    if (v === null) found.push(at);
    else if (at.endsWith("/for_each")) continue; // a for_each map's null is an omitted argument, read as each.value
    else if (typeof v === "object") for (const [k, x] of Object.entries(v as object)) todo.push([x, `${at}/${k}`]);
  }
  return found;
}

describe("the loader (cheap: hundreds of estates)", () => {
  test("every generated estate is valid, and reordering its lists changes nothing", () => {
    fc.assert(fc.property(estateArb, (raw) => {
      expect(parseEstate(reordered(raw))).toEqual(expect.objectContaining({ homeRegion: "eu-west-1" }));
      const a = parseEstate(raw);
      const b = parseEstate(reordered(raw));
      expect([...b.regions].sort()).toEqual([...a.regions].sort());
    }), params(300));
  });

  type Mutation = [string, (raw: any) => void, RegExp];
  const MUTATIONS: Mutation[] = [
    ["wrong type", (r) => (r.regions = "eu-west-1"), /^regions: /],
    ["out of range", (r) => (r.export ? (r.export.lifecycle.expirationDays = -1) : (r.findingPublishingFrequency = "5m")), /^(export\.lifecycle\.expirationDays|findingPublishingFrequency): /],
    ["unknown key", (r) => (r.secruity = {}), /^secruity: unknown key/],
    ["a member without email", (r) => (r.invitedMembers = [{ accountId: "444455556666" }]), /^invitedMembers\[0\]\.email: required/],
    ["too many tags", (r) => (r.tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"]))), /^tags: expected at most 50 tags/],
    ["a region twice", (r) => r.regions.push(r.regions[0]), /^regions/],
  ];

  test("a mutation that makes an estate invalid is refused with its field path, never another error", () => {
    fc.assert(fc.property(estateArb, fc.constantFrom(...MUTATIONS), (raw, [, mutate, path]) => {
      mutate(raw);
      let error: unknown;
      try {
        parseEstate(raw, "bad.json");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(EstateConfigError);
      expect((error as EstateConfigError).problems.some((p) => path.test(p))).toBe(true);
    }), params(300));
  });
});

describe("synthesis (a whole estate per case: a few estates)", () => {
  test("a valid estate synthesizes, twice byte-identical, no absolute path, no null, addresses name what they are", () => {
    fc.assert(fc.property(estateArb, (raw) => {
      const first = synthEstate(raw).text;
      expect(synthEstate(raw).text).toBe(first);
      expect(first).not.toMatch(/"\/(home|tmp|work|Users|var)\//);
      expect(nullsIn(JSON.parse(first))).toEqual([]); // a JSON null argument; null inside an HCL expression is Terraform's own
      const all = planAddresses(first);
      expect(new Set(all).size).toBe(all.length); // for_each keys unique
      for (const a of all) expect(a).not.toMatch(/\[\d+\]/);
      expect(synthEstate(reordered(raw)).text).toBe(first); // reordering lists changes nothing
    }), params(20));
  });

  test("growing an estate by one region or one member only adds addresses", () => {
    fc.assert(fc.property(estateArb, fc.constantFrom(...REGION_POOL), fc.boolean(), (raw, region, byRegion) => {
      const before = planAddresses(synthEstate(raw).text);
      const grown = JSON.parse(JSON.stringify(raw));
      let added: string;
      if (byRegion) {
        fc.pre(!grown.regions.includes(region));
        grown.regions.push(region);
        added = region;
      } else {
        fc.pre(!(grown.invitedMembers ?? []).some((m: any) => m.accountId === "999988887777"));
        (grown.invitedMembers ??= []).push({ accountId: "999988887777", email: "root+grown@example.com" });
        added = "999988887777";
      }
      const after = planAddresses(synthEstate(grown).text);
      expect(after).toEqual(expect.arrayContaining(before));
      // a keyed instance names what was added; an unkeyed one (e.g. the first cross-region forwarding role) only adds
      for (const a of after.filter((x) => !before.includes(x) && x.includes("["))) expect(a).toContain(added);
    }), params(15));
  });
});
