/**
 * Property-based tests of the estate file and what it synthesizes (issue 13), over generated estates
 * (test/properties/arbitraries.ts). Cheap properties (the loader, the JSON scan) run hundreds of cases; those that
 * synthesize a whole estate run a few. GD_PROPERTY_RUNS multiplies every count; on a failure fast-check prints the
 * seed, the path and the shrunk estate: rerun it with GD_PROPERTY_SEED=<seed> GD_PROPERTY_PATH=<path>.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import fc from "fast-check";
import { runCli } from "../../modules/cli/cli";
import { scanJsonText } from "../../modules/config/json-scan";
import { EstateConfigError, parseEstate } from "../../modules/config/load";
import { resourceInstances } from "../../modules/review/synthesized";
import { synthEstate } from "../estate/fixtures";
import { GROWTH_MEMBER, estateArb, oneStackEstateArb, params, REGION_POOL, reordered } from "./arbitraries";
import { MUTATIONS, textWithDuplicateKey, keyPaths } from "./mutations";
import { parsePolicy } from "../../modules/review/policies";
import { policyTexts, synthStacks } from "./synthesized";

const planAddresses = (text: string) => resourceInstances(JSON.parse(text)).map((i) => i.address);
const STACK_TRACE = /^\s+at .+:\d+/m;

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

/** The problems of an estate that must be refused (the test fails if it is accepted or fails otherwise). */
function problemsOf(raw: unknown): readonly string[] {
  try {
    parseEstate(raw, "bad.json");
  } catch (e) {
    if (e instanceof EstateConfigError) return e.problems;
    throw e;
  }
  throw new Error("the mutated estate was accepted");
}

describe("the loader (cheap: hundreds of estates)", () => {
  test("every generated estate is valid, and reordering its lists changes nothing", () => {
    fc.assert(fc.property(estateArb, (raw) => {
      const a = parseEstate(raw);
      const b = parseEstate(reordered(raw));
      expect(b.homeRegion).toBe("eu-west-1");
      expect([...b.regions].sort()).toEqual([...a.regions].sort());
    }), params(300));
  });

  test("a mutation that makes an estate invalid is refused with its field path, never another error", () => {
    fc.assert(fc.property(estateArb, fc.constantFrom(...MUTATIONS), (raw, mutation) => {
      const path = mutation.mutate(raw);
      const problems = problemsOf(raw);
      expect(problems.some((p) => p.startsWith(`${path}: `))).toBe(true);
      for (const p of problems) expect(p).not.toMatch(STACK_TRACE);
    }), params(400));
  });

  test("a key given twice anywhere in the file is refused at its path, before JSON.parse keeps the last silently", () => {
    fc.assert(fc.property(estateArb.chain((raw) => fc.tuple(fc.constant(raw), fc.constantFrom(...keyPaths(raw)))), ([raw, at]) => {
      const { text, path } = textWithDuplicateKey(raw, at);
      const problems = scanJsonText(text);
      expect(problems).toEqual([expect.stringMatching(new RegExp(`^${escape(path)}: duplicate key: given at line \\d+ and again at line \\d+;`))]);
      expect(scanJsonText(JSON.stringify(raw, null, 2))).toEqual([]);
    }), params(300));
  });
});

describe("the CLI (in-process: a sample of mutated files)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "gd-properties-cli-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A mutated estate as file text: a mutation of the object, or a key given twice in the text. */
  const mutatedFile = fc.oneof(
    fc.tuple(estateArb, fc.constantFrom(...MUTATIONS)).map(([raw, m]) => {
      const at = m.mutate(raw);
      return { text: JSON.stringify(raw, null, 2), path: at, what: m.name };
    }),
    estateArb.chain((raw) => fc.constantFrom(...keyPaths(raw)).map((at) => ({ ...textWithDuplicateKey(raw, at), what: "a key twice" }))),
  );

  test("guardduty-cdktf synth of a mutated estate exits 1, names the field path on stderr, never a stack trace, writes nothing", () => {
    let n = 0;
    fc.assert(fc.property(mutatedFile, ({ text, path: at }) => {
      const file = path.join(dir, `estate-${n}.json`);
      const out = path.join(dir, `out-${n++}`);
      writeFileSync(file, text);
      let stdout = "";
      let stderr = "";
      const code = runCli(["synth", file, "--out", out], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
      expect({ code, stdout, named: stderr.includes(`  - ${at}: `), trace: STACK_TRACE.test(stderr), written: existsSync(out) })
        .toEqual({ code: 1, stdout: "", named: true, trace: false, written: false });
      expect(stderr).toMatch(/Nothing was written\.\n$/);
    }), params(100));
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
    }), params(8));
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
    }), params(10));
  });
});
