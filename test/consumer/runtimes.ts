/**
 * The two CDK runtimes in the tests. jest.config.js runs every test file twice: in project "cdktf" as written, and in
 * project "cdktn" with "cdktf" mapped to cdktn (and @cdktf/provider-aws/lib/* to @cdktn/provider-aws/lib/*); each
 * project sets the global GUARDDUTY_TEST_RUNTIME. Tests that spawn processes or pack the library, where jest's mapping
 * does not reach, take the runtime's names from here.
 */
import * as path from "path";
import type { CdkRuntime } from "../../modules/topology/runtime";

/** The runtime this jest project runs the library on. */
export const TEST_RUNTIME: CdkRuntime = ((globalThis as Record<string, unknown>).GUARDDUTY_TEST_RUNTIME as CdkRuntime | undefined) ?? "cdktf";

/** The runtime not under test. */
export const OTHER_RUNTIME: CdkRuntime = TEST_RUNTIME === "cdktf" ? "cdktn" : "cdktf";

/** What the library and its consumers are called on one runtime. */
export interface RuntimePackages {
  readonly runtime: CdkRuntime;
  /** The library's package: guardduty-cdktf or guardduty-cdktn. */
  readonly library: string;
  /** The AWS provider package: @cdktf/provider-aws or @cdktn/provider-aws. */
  readonly provider: string;
  /** Where `npm run build` writes the library's package: dist or dist-cdktn. */
  readonly distDir: string;
}

export const PACKAGES: Readonly<Record<CdkRuntime, RuntimePackages>> = {
  cdktf: { runtime: "cdktf", library: "guardduty-cdktf", provider: "@cdktf/provider-aws", distDir: "dist" },
  cdktn: { runtime: "cdktn", library: "guardduty-cdktn", provider: "@cdktn/provider-aws", distDir: "dist-cdktn" },
};

const NODE_MODULES = path.join(__dirname, "..", "..", "node_modules");

/**
 * The other runtime's module ("cdktf" or "cdktn"), loaded by its path so that jest's mapping does not turn it into the
 * runtime under test: an app of the other runtime, to give the library a scope it must refuse.
 */
export function otherRuntimeModule(): typeof import("cdktf") {
  return require(path.join(NODE_MODULES, OTHER_RUNTIME)) as typeof import("cdktf");
}
