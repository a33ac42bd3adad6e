/**
 * The three slips of issue 13, refused before anything is synthesized: a file nested deeper than JSON_DEPTH levels
 * (100,000 arrays deep used to end in a RangeError and a stack trace), a key given twice in one object (JSON.parse
 * kept the last one silently), and more than 50 tags (AWS allows 50 per resource) or tags with characters AWS refuses.
 * Through loadEstate, the CLI's synth and main.ts: exit 1, the field path, nothing written, no stack trace.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { runCli } from "../../modules/cli/cli";
import { MAX_JSON_DEPTH, scanJsonText } from "../../modules/config/json-scan";
import { EstateConfigError, loadEstate } from "../../modules/config/load";

const ROOT = path.resolve(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "examples", "organization", "estate.json");
const STACK_TRACE = /^\s{4}at /m;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "json-slips-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function problemsOf(file: string): readonly string[] {
  try {
    loadEstate(file);
  } catch (e) {
    if (e instanceof EstateConfigError) return e.problems;
    throw e;
  }
  throw new Error("expected EstateConfigError, but the file was accepted");
}

const example = (): any => JSON.parse(readFileSync(EXAMPLE, "utf8"));
const deep = (n: number) => `{"regions": ${"[".repeat(n)}${"]".repeat(n)}}`;
const DUPLICATE = `{\n  "name": "guardduty",\n  "accounts": {},\n  "name": "other"\n}\n`;
const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag-${i}`, "v"]));

describe("fails", () => {
  test("fails on a file nested 100,000 arrays deep, naming the path and line, without a RangeError", () => {
    expect(problemsOf(write("deep.json", deep(100_000)))).toEqual([
      `regions[0][0][0]...: nested more than ${MAX_JSON_DEPTH} levels deep at line 1; an estate file nests objects and lists ` +
        `at most ${MAX_JSON_DEPTH} levels deep; got a level ${MAX_JSON_DEPTH + 1}`,
    ]);
  });

  test("fails on a key given twice in one object, naming the path and both lines", () => {
    expect(problemsOf(write("dup.json", DUPLICATE))).toEqual([
      'name: duplicate key: given at line 2 and again at line 4; a key may appear once in an object (JSON keeps only the last, silently); got "name" twice',
    ]);
  });

  test("fails on a key given twice deep in the file, naming its full path", () => {
    const text = `{"invitedMembers": [{"accountId": "1"}, {"accountId": "2",\n "email": "a@example.com", "email": "b@example.com"}]}`;
    expect(problemsOf(write("dup2.json", text))).toEqual([
      expect.stringMatching(/^invitedMembers\[1\]\.email: duplicate key: given at line 2 and again at line 2;/),
    ]);
  });

  test("fails on 51 tags, the count AWS allows per resource being 50", () => {
    const e = example();
    e.tags = tags(51);
    expect(problemsOf(write("tags.json", JSON.stringify(e)))).toEqual([
      "tags: expected at most 50 tags (AWS allows 50 per resource); got 51 tags",
    ]);
  });

  test("fails on a tag key or value with a character AWS refuses", () => {
    const e = example();
    e.tags = { "owner#1": "security", team: "sec;ops" };
    expect(problemsOf(write("tagchars.json", JSON.stringify(e)))).toEqual([
      expect.stringMatching(/^tags\.owner#1: invalid key: expected a tag key of letters, digits, spaces and _ \. : \/ = \+ - @ only; got "owner#1"$/),
      expect.stringMatching(/^tags\.team: expected a tag value of letters, digits, spaces and _ \. : \/ = \+ - @ only; got "sec;ops"$/),
    ]);
  });

  test.each([
    ["deep", () => deep(100_000), /regions\[0\]\[0\]\[0\]\.\.\.: nested more than 64 levels deep at line 1/],
    ["duplicate", () => DUPLICATE, /name: duplicate key: given at line 2 and again at line 4/],
    ["tags", () => JSON.stringify({ ...example(), tags: tags(60) }), /tags: expected at most 50 tags .*; got 60 tags/],
  ])("fails on the %s file through the CLI's synth: exit 1, nothing written, no stack trace", (name, text, message) => {
    const file = write(`cli-${name}.json`, text());
    const out = path.join(dir, `cli-out-${name}`);
    let err = "";
    const code = runCli(["synth", file, "--out", out], { out: () => undefined, err: (t) => (err += t) });
    expect(code).toBe(1);
    expect(err).toMatch(message);
    expect(err).toContain("Nothing was written.");
    expect(err).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
  });

  test("fails on the deep file through main.ts: exit 1, nothing written, no stack trace", () => {
    const file = write("main-deep.json", deep(100_000));
    const outdir = path.join(dir, "main-out");
    const env: NodeJS.ProcessEnv = { ...process.env, CDKTF_OUTDIR: outdir, GUARDDUTY_CONFIG: file };
    const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["main.ts"], { cwd: ROOT, env, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/regions\[0\]\[0\]\[0\]\.\.\.: nested more than 64 levels deep at line 1/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(outdir)).toBe(false);
  });
});

test("the scan leaves valid files alone: the example, 50 tags, a key repeated in different objects", () => {
  expect(scanJsonText(readFileSync(EXAMPLE, "utf8"))).toEqual([]);
  expect(scanJsonText('{"a": {"name": 1}, "b": {"name": 2}, "c": ["x\\"{[", {"name": 3}]}')).toEqual([]);
  const e = example();
  e.tags = tags(50);
  expect(() => loadEstate(write("fifty.json", JSON.stringify(e)))).not.toThrow();
});

test("the scan leaves text that is not JSON to JSON.parse's message", () => {
  expect(problemsOf(write("broken.json", '{"name": "x",, }'))).toEqual([expect.stringMatching(/^malformed JSON at line 1/)]);
});
