/**
 * Which CDK runtime this library runs on, and a guard against constructs from the other one.
 *
 * guardduty-cdktf is built against CDK for Terraform (`cdktf`, archived by HashiCorp on 2025-12-10); guardduty-cdktn is
 * the same sources built against its community fork CDK Terrain (`cdktn`). Both runtimes share the `constructs`
 * package and the `Symbol.for("cdktf/TerraformStack")` markers, so neither notices a construct of the other: a
 * cdktf-built construct in a cdktn stack fails deep inside synthesis ("_resetResolveDiscoveredProviderFeatureUsage is
 * not a function"), and a cdktf stack in a cdktn app synthesizes silently into a hybrid. What tells them apart is the
 * jsii type information every runtime class carries (`Symbol.for("jsii.rtti")`: `{ fqn: "cdktf.TerraformStack" }` or
 * `{ fqn: "cdktn.TerraformStack" }`, `"@cdktn/provider-aws.provider.AwsProvider"`).
 */
import { TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";

/** A CDK runtime for Terraform. */
export type CdkRuntime = "cdktf" | "cdktn";

/** What each runtime is called, and the package of this library built for it. */
export const RUNTIMES: Readonly<Record<CdkRuntime, { readonly title: string; readonly library: string; readonly provider: string }>> = {
  cdktf: { title: "CDK for Terraform", library: "guardduty-cdktf", provider: "@cdktf/provider-aws" },
  cdktn: { title: "CDK Terrain", library: "guardduty-cdktn", provider: "@cdktn/provider-aws" },
};

const JSII_RTTI = Symbol.for("jsii.rtti");
/** `cdktf.App`, `cdktn.TerraformStack`, `@cdktn/provider-aws.provider.AwsProvider`, ... */
const RUNTIME_FQN = /^(?:@(cdktf|cdktn)\/[^.]+|(cdktf|cdktn))\./;

/** The runtime a class belongs to, from its (inherited) jsii type information; undefined for any other class. */
function runtimeOfClass(ctor: unknown): CdkRuntime | undefined {
  const rtti = (ctor as { [JSII_RTTI]?: { fqn?: unknown } } | undefined)?.[JSII_RTTI];
  const match = typeof rtti?.fqn === "string" ? RUNTIME_FQN.exec(rtti.fqn) : null;
  return match ? ((match[1] ?? match[2]) as CdkRuntime) : undefined;
}

/** The runtime this copy of the library was built against: cdktf for guardduty-cdktf, cdktn for guardduty-cdktn. */
export const LIBRARY_RUNTIME: CdkRuntime = runtimeOfClass(TerraformStack) ?? "cdktf";

/**
 * The runtime a construct belongs to: that of the construct itself when it is a runtime class (a stack, an app, a
 * provider, a resource), else of its nearest such scope. Undefined for a tree of plain constructs.
 */
export function runtimeOf(construct: IConstruct): CdkRuntime | undefined {
  const scopes = construct.node.scopes;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const runtime = runtimeOfClass(scopes[i].constructor);
    if (runtime) return runtime;
  }
  return undefined;
}

/**
 * Refuses a scope (or a provider, or any construct) of the other runtime, before anything is created: this library
 * built for cdktf in a cdktn app, or the reverse. The message names both runtimes and the package to install instead.
 *
 * @example
 * assertSameRuntime(scope); // first line of a construct's constructor
 */
export function assertSameRuntime(construct: IConstruct, what = "scope"): void {
  const theirs = runtimeOf(construct);
  if (theirs === undefined || theirs === LIBRARY_RUNTIME) return;
  const ours = RUNTIMES[LIBRARY_RUNTIME];
  const other = RUNTIMES[theirs];
  throw new Error(
    `${ours.library} is built for ${LIBRARY_RUNTIME} (${ours.title}), but ${what} "${construct.node.path || "(app)"}" belongs to ` +
      `${theirs} (${other.title}); one app cannot mix the two runtimes. In a ${theirs} project install ${other.library} instead: ` +
      `npm install ${other.library} ${theirs} ${other.provider}`,
  );
}
