/**
 * Writes `dist-cdktn/`: the package guardduty-cdktn, this library for CDK Terrain (cdktn, the maintained fork of the
 * archived CDK for Terraform), from the same sources as guardduty-cdktf. `npm run build` runs it after tsc has written
 * dist/; `npm pack ./dist-cdktn` (npm run pack:cdktn) turns it into a tarball. test/consumer builds it into a
 * temporary directory instead.
 *
 * - dist/**\/*.js and .d.ts are copied with their module specifiers rewritten: "cdktf" -> "cdktn" and
 *   "@cdktf/provider-aws/lib/<resource>" -> "@cdktn/provider-aws/lib/<resource>" (cdktn keeps cdktf's API, the
 *   provider its submodule paths and class names). Only specifiers of require/import/export are rewritten; the build
 *   fails if one pointing at cdktf is left, or if none was rewritten.
 * - dist/cli/guardduty-cdktf.js, the bundled command, is bundled afresh against cdktn (scripts/build-cli.ts);
 * - package.json is this repository's with the name, description and cdktn peer dependencies; the estate file's JSON
 *   Schema and a README (what differs, then this repository's README) complete it.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import { buildCli } from "./build-cli";

const ROOT = path.join(__dirname, "..");
/** The package's name. */
export const CDKTN_PACKAGE = "guardduty-cdktn";
/** Where `npm run build` writes it. */
export const CDKTN_DIST = path.join(ROOT, "dist-cdktn");

/** cdktn's own peer range for constructs, and the cdktn and provider versions the sources are tested with. */
export const CDKTN_PEER_DEPENDENCIES: Readonly<Record<string, string>> = {
  "@cdktn/provider-aws": "^25.7.0",
  cdktn: "^0.24.0",
  constructs: ">=10.6.0 <10.8.0",
};

/** A module specifier in compiled JavaScript or a declaration file: require("x"), from "x", import("x"), import "x". */
const SPECIFIER = /(\brequire\(\s*|\bfrom\s*|\bimport\(\s*|\bimport\s+)(["'])([^"']+)\2/g;

/** The cdktn module a cdktf specifier becomes, or undefined when it names something else. */
export function cdktnSpecifier(specifier: string): string | undefined {
  if (specifier === "cdktf") return "cdktn";
  if (specifier.startsWith("@cdktf/provider-aws/lib/")) return `@cdktn/provider-aws/lib/${specifier.slice("@cdktf/provider-aws/lib/".length)}`;
  return undefined;
}

/** Rewrites the cdktf module specifiers of one compiled file; returns the text and how many were rewritten. */
export function rewriteForCdktn(text: string): { text: string; rewritten: number } {
  let rewritten = 0;
  const out = text.replace(SPECIFIER, (whole, head: string, quote: string, specifier: string) => {
    const target = cdktnSpecifier(specifier);
    if (target === undefined) return whole;
    rewritten++;
    return `${head}${quote}${target}${quote}`;
  });
  return { text: out, rewritten };
}

/** The specifiers of a file that still name cdktf or its provider package (must be none after rewriting). */
export function cdktfSpecifiers(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[3]).filter((s) => s === "cdktf" || s.startsWith("cdktf/") || s.startsWith("@cdktf/"));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** guardduty-cdktn's package.json, from this repository's. */
export function cdktnPackageJson(root: Record<string, any>): Record<string, unknown> {
  return {
    name: CDKTN_PACKAGE,
    version: root.version,
    description: "CDK Terrain (cdktn) constructs and app for a complete Amazon GuardDuty estate across AWS accounts and regions: guardduty-cdktf built for cdktn",
    license: root.license,
    keywords: ["cdktn", "cdk-terrain", "terraform", "guardduty", "aws"],
    main: root.main,
    types: root.types,
    bin: root.bin,
    exports: root.exports,
    files: ["dist/", "modules/config/estate.schema.json", "README.md"],
    peerDependencies: { ...CDKTN_PEER_DEPENDENCIES },
    dependencies: root.dependencies,
    engines: root.engines,
  };
}

const README_HEAD = `# guardduty-cdktn

**guardduty-cdktf for CDK Terrain.** This package is built from the same sources as \`guardduty-cdktf\`, for
[CDK Terrain](https://github.com/open-constructs/cdk-terrain) (\`cdktn\`, the community fork of the archived CDK for
Terraform): its peer dependencies are \`cdktn\` ^0.24, \`@cdktn/provider-aws\` ^25.7 and \`constructs\` >=10.6.0 <10.8.0.
It exports the same constructs and functions and ships the same command
(\`npx guardduty-cdktf synth|validate|review\`). Wherever the text below says \`cdktf\`, \`@cdktf/provider-aws\` or
\`guardduty-cdktf\` in code, read \`cdktn\`, \`@cdktn/provider-aws\` and \`guardduty-cdktn\`; \`cdktf.json\`,
\`cdktf.out/\` and the synthesized Terraform JSON stay as they are. A scope from a cdktf app is refused: in a cdktf
project, install \`guardduty-cdktf\`.

\`\`\`sh
npm install guardduty-cdktn cdktn@^0.24 @cdktn/provider-aws@^25.7 constructs@~10.7
\`\`\`

---

`;

/**
 * Makes the guardduty-cdktn package in `outDir` from tsc's output in `compiledDir` (dist/ of tsconfig.build.json):
 * rewritten JavaScript and declarations, the command bundled against cdktn, package.json, schema and README.
 */
export async function buildCdktnPackage(compiledDir: string, outDir: string): Promise<{ files: number; rewritten: number }> {
  rmSync(outDir, { recursive: true, force: true });
  let rewritten = 0;
  let files = 0;
  const leftovers: string[] = [];
  for (const file of filesUnder(compiledDir)) {
    const rel = path.relative(compiledDir, file);
    if (!/\.(js|d\.ts)$/.test(rel) || rel === path.join("cli", "guardduty-cdktf.js")) continue; // the bundle: rebuilt below
    const target = path.join(outDir, "dist", rel);
    mkdirSync(path.dirname(target), { recursive: true });
    const result = rewriteForCdktn(readFileSync(file, "utf8"));
    leftovers.push(...cdktfSpecifiers(result.text).map((s) => `${rel}: ${s}`));
    writeFileSync(target, result.text);
    if (statSync(file).mode & 0o111) chmodSync(target, 0o755);
    rewritten += result.rewritten;
    files++;
  }
  if (leftovers.length > 0) throw new Error(`build-cdktn: modules still naming cdktf after rewriting:\n  ${leftovers.join("\n  ")}`);
  if (rewritten === 0) throw new Error(`build-cdktn: no cdktf import found in ${compiledDir}; is it tsc's output of modules/?`);
  await buildCli(path.join(outDir, "dist", "cli"), "cdktn");
  const rootPkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
  writeFileSync(path.join(outDir, "package.json"), `${JSON.stringify(cdktnPackageJson(rootPkg), null, 2)}\n`);
  const schema = path.join(ROOT, "modules", "config", "estate.schema.json");
  if (existsSync(schema)) {
    mkdirSync(path.join(outDir, "modules", "config"), { recursive: true });
    copyFileSync(schema, path.join(outDir, "modules", "config", "estate.schema.json"));
  }
  writeFileSync(path.join(outDir, "README.md"), README_HEAD + readFileSync(path.join(ROOT, "README.md"), "utf8"));
  return { files, rewritten };
}

if (require.main === module) {
  const compiled = process.argv[2] ?? path.join(ROOT, "dist");
  const out = process.argv[3] ?? CDKTN_DIST;
  buildCdktnPackage(compiled, out).then(
    ({ files, rewritten }) =>
      process.stdout.write(`build-cdktn: ${path.relative(process.cwd(), out) || "."}/ (${CDKTN_PACKAGE}: ${files} files, ${rewritten} imports moved to cdktn)\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
