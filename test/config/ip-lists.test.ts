/**
 * The `ipLists` section with real files: each list file is read relative to the estate file when the estate is
 * loaded, and a missing, empty, oversized or malformed file is refused with the list's path, the file and the line,
 * before anything is written (the app exits 1 and writes nothing).
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { EstateConfigError, loadEstate } from "../../modules/config/load";
import { ACCOUNTS } from "../helpers";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "estate-lists-"));
  mkdirSync(path.join(dir, "lists"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function estate(ipLists: unknown[]): Record<string, unknown> {
  return {
    accounts: { management: { id: ACCOUNTS.management }, security: { id: ACCOUNTS.security }, logArchive: { id: ACCOUNTS.logArchive } },
    homeRegion: "eu-west-1",
    regions: ["eu-west-1", "us-east-1"],
    export: { bucketName: "acme-guardduty-findings" },
    ipLists,
  };
}

/** Writes `files` (relative to the temporary dir) and the estate file, and loads it. */
function load(ipLists: unknown[], files: Record<string, string | Buffer> = {}, name = "estate.json") {
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(estate(ipLists)));
  return loadEstate(file);
}

function problems(ipLists: unknown[], files: Record<string, string | Buffer> = {}): readonly string[] {
  try {
    load(ipLists, files);
  } catch (e) {
    if (e instanceof EstateConfigError) return e.problems;
    throw e;
  }
  throw new Error("expected EstateConfigError, but the estate was accepted");
}

const trusted = (file: string, format = "TXT") => ({ name: "office", kind: "trusted", format, file });

describe("an estate with lists", () => {
  test("reads each local file relative to the estate file, sorts the lists by name and activates them by default", () => {
    const config = load(
      [trusted("lists/office.txt"), { name: "feed", kind: "threat", format: "STIX", location: "s3://acme-intel/feeds/stix.xml", activate: false }],
      { "lists/office.txt": "# office egress\n203.0.113.10\n198.51.100.0/24\n\n2001:db8::/32\n" },
    );
    expect(config.ipLists).toEqual([
      { name: "feed", kind: "threat", format: "STIX", activate: false, source: { type: "location", location: "s3://acme-intel/feeds/stix.xml" } },
      {
        name: "office", kind: "trusted", format: "TXT", activate: true,
        source: { type: "file", file: "lists/office.txt", content: "# office egress\n203.0.113.10\n198.51.100.0/24\n\n2001:db8::/32\n" },
      },
    ]);
  });

  test("without lists, the resolved estate has no ipLists", () => {
    expect(load([]).ipLists).toBeUndefined();
  });
});

describe("every bad list file is refused with the list's path, the file and what is wrong", () => {
  test("fails on a file that does not exist", () => {
    expect(problems([trusted("lists/missing.txt")])).toEqual([
      `ipLists[0].file: cannot read the list file (relative to ${dir}): ENOENT; got "lists/missing.txt"`,
    ]);
  });

  test("fails on an empty file", () => {
    expect(problems([trusted("lists/empty.txt")], { "lists/empty.txt": "" })).toEqual([
      'ipLists[0].file: expected a list file with at least one entry; the file is empty; got "lists/empty.txt"',
    ]);
  });

  test("fails on a TXT file of comments only", () => {
    expect(problems([trusted("lists/comments.txt")], { "lists/comments.txt": "# nothing yet\n\n" })).toEqual([
      'ipLists[0].file: expected a list file with at least one entry; the file holds only blank and comment lines; got "lists/comments.txt"',
    ]);
  });

  test("fails on TXT lines that are not addresses, naming the file, each line and its text", () => {
    const text = "203.0.113.10\n10.0.0.300\n198.51.100.0/33\nexample.com\n2001:db8::/32\n";
    expect(problems([trusted("lists/bad.txt")], { "lists/bad.txt": text })).toEqual([
      'ipLists[0].file: lists/bad.txt line 2 is not an IPv4/IPv6 address or CIDR range (one per line); got "10.0.0.300"',
      'ipLists[0].file: lists/bad.txt line 3 is not an IPv4/IPv6 address or CIDR range (one per line); got "198.51.100.0/33"',
      'ipLists[0].file: lists/bad.txt line 4 is not an IPv4/IPv6 address or CIDR range (one per line); got "example.com"',
    ]);
  });

  test("fails on a trusted TXT list of more than 2000 entries (a threat list may hold them)", () => {
    const lines = Array.from({ length: 2001 }, (_, n) => `10.${n >> 8}.${n & 255}.1`).join("\n");
    expect(problems([trusted("lists/big.txt")], { "lists/big.txt": lines })).toEqual([
      'ipLists[0].file: a trusted list holds at most 2000 IP addresses and CIDR ranges (GuardDuty quota); lists/big.txt has 2001; got "lists/big.txt"',
    ]);
    expect(load([{ ...trusted("lists/big.txt"), kind: "threat" }]).ipLists).toHaveLength(1);
  });

  test("fails on a file over 35 MB, whatever its format", () => {
    expect(problems([trusted("lists/huge.xml", "STIX")], { "lists/huge.xml": Buffer.alloc(35_000_001, 32) })).toEqual([
      'ipLists[0].file: expected a list file of at most 35000000 bytes (GuardDuty\'s 35 MB); lists/huge.xml is 35000001 bytes; got "lists/huge.xml"',
    ]);
  });

  test("fails on a directory given as the file", () => {
    expect(problems([trusted("lists")])).toEqual([
      `ipLists[0].file: expected a list file; lists is not a file (relative to ${dir}); got "lists"`,
    ]);
  });

  test("reports the file problems together with the estate's other problems", () => {
    const all = problems([trusted("lists/missing.txt"), { ...trusted("lists/missing.txt"), name: "vpn" }]);
    expect(all.map((p) => p.slice(0, p.indexOf(": ")))).toEqual(["ipLists[1].kind", "ipLists[0].file", "ipLists[1].file"]);
  });
});

test("the app refuses an estate whose list file is malformed: exit 1, the problem on stderr, nothing written", () => {
  const root = path.resolve(__dirname, "..", "..");
  writeFileSync(path.join(dir, "lists", "typo.txt"), "203.0.113.10\n203.0.113.1O\n");
  const file = path.join(dir, "typo.json");
  writeFileSync(file, JSON.stringify(estate([trusted("lists/typo.txt")])));
  const outdir = path.join(dir, "out");
  const env: NodeJS.ProcessEnv = { ...process.env, CDKTF_OUTDIR: outdir, GUARDDUTY_CONFIG: file };
  const run = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["main.ts"], { cwd: root, env, encoding: "utf8" });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`guardduty-cdktf: refusing ${file}: 1 problem:`);
  expect(run.stderr).toContain('  - ipLists[0].file: lists/typo.txt line 2 is not an IPv4/IPv6 address or CIDR range (one per line); got "203.0.113.1O"');
  expect(run.stderr).toContain("Nothing was written.");
  expect(existsSync(outdir)).toBe(false);
});
