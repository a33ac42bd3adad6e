/**
 * Property-based tests of what a generated estate synthesizes (issue 13; test/properties/arbitraries.ts): every
 * stack, byte-identical when its lists are reordered, no absolute path, no JSON null, IAM policies that parse, unique
 * addresses that name their region/account/name rather than a list index, and growth that only adds addresses. A
 * whole estate per case: a few cases each. GD_PROPERTY_RUNS multiplies every count; on a failure fast-check prints
 * the seed, the path and the shrunk estate: rerun it with GD_PROPERTY_SEED=<seed> GD_PROPERTY_PATH=<path> and
 * `-t "<the property's name>"`.
 */
import fc from "fast-check";
import { parsePolicy } from "../../modules/review/policies";
import { resourceInstances } from "../../modules/review/synthesized";
import { synthEstate } from "../estate/fixtures";
import { GROWTH_MEMBER, estateArb, oneStackEstateArb, params, REGION_POOL, reordered } from "./arbitraries";
import { policyTexts, synthStacks } from "./synthesized";

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

describe("synthesis (a whole estate per case: a few estates)", () => {
  test("a valid estate synthesizes (every stack), byte-identical with its lists reordered, no absolute path, no null, policies JSON, addresses name what they are", () => {
    fc.assert(fc.property(estateArb, (raw) => {
      const first = synthStacks(raw);
      // every list reversed, synthesized again: byte-identical (so synthesis is deterministic, and order changes nothing)
      expect(synthStacks(reordered(raw))).toEqual(first);
      for (const [stack, text] of Object.entries(first)) {
        expect({ stack, absolute: /"\/(home|tmp|work|Users|var)\//.test(text) }).toEqual({ stack, absolute: false });
        const doc = JSON.parse(text);
        expect(nullsIn(doc)).toEqual([]); // a JSON null argument; null inside an HCL expression is Terraform's own
        const all = planAddresses(text);
        expect(new Set(all).size).toBe(all.length); // for_each keys unique
        for (const a of all) expect(a).not.toMatch(/\[\d+\]/);
        for (const [at, policy] of policyTexts(doc)) {
          const parsed = parsePolicy(policy); // valid JSON once Terraform renders its interpolations
          expect({ at, version: parsed.Version, statements: parsed.Statement.length > 0 }).toEqual({ at, version: "2012-10-17", statements: true });
          for (const s of parsed.Statement) expect({ at, effect: s.Effect }).toEqual({ at, effect: expect.stringMatching(/^(Allow|Deny)$/) });
        }
      }
    }), params(6));
  });

  type Growth = "region" | "invited member" | "organization member" | "channel" | "suppression rule";
  const GROWTHS: Growth[] = ["region", "invited member", "organization member", "channel", "suppression rule"];

  /** The estate grown by one item of `kind`, and the name the added instances carry; undefined when it has it already. */
  function grow(raw: any, kind: Growth, region: string): { grown: any; added: string } | undefined {
    const grown = JSON.parse(JSON.stringify(raw));
    switch (kind) {
      case "region":
        if (grown.regions.includes(region)) return undefined;
        grown.regions.push(region);
        return { grown, added: region };
      case "invited member":
        (grown.invitedMembers ??= []).push({ accountId: GROWTH_MEMBER, email: "root+grown@example.com" });
        return { grown, added: GROWTH_MEMBER };
      case "organization member":
        (grown.organizationMembers ??= []).push({ accountId: "100000000009" });
        return { grown, added: "100000000009" };
      case "channel":
        if (!grown.notifications) return undefined;
        (grown.notifications.channels.lambda ??= []).push({ name: "grown", functionArn: "arn:aws:lambda:eu-west-1:222222222222:function:grown" });
        return { grown, added: "grown" };
      case "suppression rule":
        if (!grown.notifications) return undefined;
        (grown.notifications.suppressionRules ??= []).push({ name: "grown-rule", rank: 100, criteria: { type: { equals: ["Recon:EC2/Portscan"] } } });
        return { grown, added: "grown-rule" };
    }
  }

  test("growing an estate by one region, member, channel or suppression rule only adds addresses", () => {
    fc.assert(fc.property(oneStackEstateArb, fc.constantFrom(...GROWTHS), fc.constantFrom(...REGION_POOL), (raw, kind, region) => {
      const growth = grow(raw, kind, region);
      fc.pre(growth !== undefined);
      const before = planAddresses(synthEstate(raw).text);
      const after = planAddresses(synthEstate(growth!.grown).text);
      expect(after).toEqual(expect.arrayContaining(before));
      // a keyed instance names what was added; an unkeyed one (e.g. the first cross-region forwarding role) only adds
      for (const a of after.filter((x) => !before.includes(x) && x.includes("["))) expect(a).toContain(growth!.added);
    }), params(8));
  });
});
