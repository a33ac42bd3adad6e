/**
 * Property-based tests of the estate file as the loader and the command read it (issue 13), over generated estates
 * (test/properties/arbitraries.ts): every generated estate loads, whatever the order of its lists; every mutation
 * (test/properties/mutations.ts: wrong type, out-of-range value, unknown key, cross-field conflict, a key given twice)
 * is refused with its field path, never another error, and through `guardduty-cdktf synth` exits 1 with nothing
 * written. Cheap (no synthesis): hundreds of cases each. Zod and the command only: the cdktn project leaves this
 * file out (jest.config.js), as it does test/config. GD_PROPERTY_RUNS multiplies every count; on a failure
 * fast-check prints the seed, the path and the shrunk estate: rerun it with GD_PROPERTY_SEED=<seed>
 * GD_PROPERTY_PATH=<path> and `-t "<the property's name>"`.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import fc from "fast-check";
import { runCli } from "../../modules/cli/cli";
import { scanJsonText } from "../../modules/config/json-scan";
import { EstateConfigError, parseEstate } from "../../modules/config/load";
import { estateArb, params, reordered } from "./arbitraries";
import { MUTATIONS, keyPaths, textWithDuplicateKey } from "./mutations";

const STACK_TRACE = /^\s+at .+:\d+/m;

/** What `run` throws (undefined when it returns). */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
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
      const error = thrownBy(() => parseEstate(raw, "bad.json"));
      expect(error).toBeInstanceOf(EstateConfigError); // refused, and not by a TypeError or a RangeError
      const problems = (error as EstateConfigError).problems;
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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

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
