/**
 * scripts/build-cdktn.ts: how guardduty-cdktn's files are made from tsc's output. The package as a whole is tested
 * packed and installed (test/consumer, jest's cdktn project); these are its rules on single lines.
 */
import { cdktfSpecifiers, cdktnPackageJson, CDKTN_PEER_DEPENDENCIES, rewriteForCdktn } from "../../scripts/build-cdktn";

test("moves require, import and export specifiers of cdktf and provider submodules to cdktn", () => {
  const js = [
    'const cdktf_1 = require("cdktf");',
    'const s3_bucket_1 = require("@cdktf/provider-aws/lib/s3-bucket");',
    'import { App } from "cdktf";',
    'export { TerraformStack } from "cdktf";',
    'type S = import("cdktf").TerraformStack;',
    'import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";',
  ].join("\n");
  const { text, rewritten } = rewriteForCdktn(js);
  expect(rewritten).toBe(6);
  expect(text.split("\n")).toEqual([
    'const cdktf_1 = require("cdktn");',
    'const s3_bucket_1 = require("@cdktn/provider-aws/lib/s3-bucket");',
    'import { App } from "cdktn";',
    'export { TerraformStack } from "cdktn";',
    'type S = import("cdktn").TerraformStack;',
    'import type { AwsProvider } from "@cdktn/provider-aws/lib/provider";',
  ]);
  expect(cdktfSpecifiers(text)).toEqual([]);
});

test("leaves strings that are not module specifiers, and other packages, as they are", () => {
  const js = [
    'const runtime = "cdktf";',
    'const outdir = "cdktf.out";',
    'export type CdkRuntime = "cdktf" | "cdktn";',
    'const constructs_1 = require("constructs");',
    'const zod_1 = require("zod");',
    "// see require(\"cdktf\") in the docs",
  ].join("\n");
  const { text, rewritten } = rewriteForCdktn(js);
  expect(text.split("\n").slice(0, 5)).toEqual(js.split("\n").slice(0, 5));
  expect(rewritten).toBe(1); // the comment's require("cdktf") is rewritten too: harmless, and never a leftover
});

test("fails to move a root import of the provider package: it is reported as left over (the build then fails)", () => {
  const root = ["@cdktf", "provider-aws"].join("/"); // spelled out, test/imports.test.ts would take this file for a root import
  const { text, rewritten } = rewriteForCdktn(`const aws = require("${root}");`);
  expect(rewritten).toBe(0);
  expect(cdktfSpecifiers(text)).toEqual([root]);
});

test("package.json: guardduty-cdktn with cdktn's peer dependencies, the same entry points and command", () => {
  const root = require("../../package.json");
  const pkg = cdktnPackageJson(root) as Record<string, any>;
  expect(pkg.name).toBe("guardduty-cdktn");
  expect(pkg.peerDependencies).toEqual(CDKTN_PEER_DEPENDENCIES);
  expect(pkg.peerDependencies.constructs).toBe(require("cdktn/package.json").peerDependencies.constructs);
  expect([pkg.main, pkg.types, pkg.bin, pkg.exports, pkg.dependencies]).toEqual([root.main, root.types, root.bin, root.exports, root.dependencies]);
  expect(pkg).not.toHaveProperty("scripts"); // npm pack ./dist-cdktn runs no build
  expect(pkg).not.toHaveProperty("devDependencies");
});
