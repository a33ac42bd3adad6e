import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { parseEstate } from "../../modules/config/load";
import { EstateStack } from "../../modules/estate/estate-stack";
import { GuardDutyEstate } from "../../modules/estate/guardduty-estate";
import { FindingsExport } from "../../modules/export/findings-export";
import { FindingNotifications } from "../../modules/notifications/finding-notifications";
import { GuardDutyOrganization } from "../../modules/organization/guardduty-organization";
import { configureBackend, S3LockfileBackend } from "../../modules/topology/backend";
import { assertSameRuntime, LIBRARY_RUNTIME, RUNTIMES, runtimeOf } from "../../modules/topology/runtime";
import { Topology } from "../../modules/topology/topology";
import { exampleRaw } from "../estate/fixtures";
import { minimalProps } from "../export/stack";
import { OTHER_RUNTIME, otherRuntimeModule, PACKAGES, TEST_RUNTIME } from "../consumer/runtimes";

/** An app and a stack of the runtime this library was NOT built for, and a provider in it. */
function foreignStack() {
  const other = otherRuntimeModule();
  const app = new other.App({ outdir: Testing.app().outdir });
  const stack = new other.TerraformStack(app, "foreign");
  return { app, stack, provider: new AwsProvider(stack, "aws", { region: "eu-west-1", alias: "security" }) };
}

/** The refusal: both runtimes named, with what to install instead. */
const REFUSED = new RegExp(
  `${PACKAGES[TEST_RUNTIME].library} is built for ${TEST_RUNTIME} \\(${RUNTIMES[TEST_RUNTIME].title}\\), but .* belongs to ` +
    `${OTHER_RUNTIME} \\(${RUNTIMES[OTHER_RUNTIME].title}\\); one app cannot mix the two runtimes\\. In a ${OTHER_RUNTIME} project ` +
    `install ${PACKAGES[OTHER_RUNTIME].library} instead: npm install ${PACKAGES[OTHER_RUNTIME].library} ${OTHER_RUNTIME} ` +
    `${PACKAGES[OTHER_RUNTIME].provider.replace("/", "\\/")}`,
);

test("the library knows the runtime it runs on: the one this jest project maps \"cdktf\" to", () => {
  expect(LIBRARY_RUNTIME).toBe(TEST_RUNTIME);
});

test("runtimeOf names the runtime of an app, a stack, a provider and a plain construct under them", () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, "mine");
  const provider = new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const plain = new Construct(new Construct(stack, "Outer"), "Inner");
  expect([app, stack, provider, plain].map(runtimeOf)).toEqual([TEST_RUNTIME, TEST_RUNTIME, TEST_RUNTIME, TEST_RUNTIME]);
  const foreign = foreignStack();
  expect([foreign.app, foreign.stack].map(runtimeOf)).toEqual([OTHER_RUNTIME, OTHER_RUNTIME]);
});

test("a tree of plain constructs belongs to no runtime and passes: cdktf's own checks speak there", () => {
  const root = new Construct(undefined as unknown as Construct, "root");
  expect(runtimeOf(new Construct(root, "child"))).toBeUndefined();
  expect(() => assertSameRuntime(root)).not.toThrow();
});

test("fails on a scope of the other runtime, naming both runtimes and the package to install", () => {
  const { stack } = foreignStack();
  expect(() => assertSameRuntime(new Construct(stack, "Mine"))).toThrow(REFUSED);
  expect(() => assertSameRuntime(stack)).toThrow(/scope "foreign" belongs to/);
});

test("fails on a provider of the other runtime's provider package, in a stack of ours", () => {
  const stack = new TerraformStack(Testing.app(), "mine");
  const otherProviderPackage = require(require.resolve(`${PACKAGES[OTHER_RUNTIME].provider}/lib/provider`, { paths: [__dirname] }));
  const foreignProvider = new otherProviderPackage.AwsProvider(stack, "aws", { region: "eu-west-1" });
  expect(runtimeOf(foreignProvider)).toBe(OTHER_RUNTIME);
  expect(() => new FindingNotifications(stack, "Alerts", {
    partition: "aws", homeRegion: "eu-west-1", regions: ["eu-west-1"], accountId: "222222222222", provider: foreignProvider,
    channels: { email: { addresses: ["secops@example.com"] } },
  })).toThrow(/provider "mine\/aws" belongs to/);
});

describe("fails at once on a scope of the other runtime", () => {
  test("fails: Topology", () => {
    const { stack } = foreignStack();
    expect(() => new Topology(stack, "Providers", { partition: "aws", homeRegion: "eu-west-1", accounts: [{ alias: "security", accountId: "222222222222" }] }))
      .toThrow(REFUSED);
    expect(stack.node.tryFindChild("Providers")).toBeUndefined(); // refused before anything was added
  });

  test("fails: GuardDutyOrganization", () => {
    const { stack, provider } = foreignStack();
    expect(() => new GuardDutyOrganization(stack, "GuardDuty", {
      managementProvider: provider, administratorProvider: provider, administratorAccountId: "222222222222", regions: ["eu-west-1"],
    })).toThrow(REFUSED);
  });

  test("fails: FindingsExport", () => {
    const { stack, provider } = foreignStack();
    expect(() => new FindingsExport(stack, "Export", minimalProps(provider, provider))).toThrow(REFUSED);
  });

  test("fails: FindingNotifications", () => {
    const { stack, provider } = foreignStack();
    expect(() => new FindingNotifications(stack, "Alerts", {
      partition: "aws", homeRegion: "eu-west-1", regions: ["eu-west-1"], accountId: "222222222222", provider,
      channels: { email: { addresses: ["secops@example.com"] } },
    })).toThrow(REFUSED);
  });

  test("fails: GuardDutyEstate", () => {
    const { stack } = foreignStack();
    const config = parseEstate(exampleRaw());
    expect(() => new GuardDutyEstate(stack, "Estate", { config, topology: undefined as unknown as Topology })).toThrow(REFUSED);
  });

  test("fails: EstateStack in an app of the other runtime (which would otherwise synthesize a hybrid)", () => {
    const { app } = foreignStack();
    expect(() => new EstateStack(app, parseEstate(exampleRaw()))).toThrow(REFUSED);
    expect(app.node.tryFindChild("guardduty")).toBeUndefined();
  });

  test("fails: configureBackend and S3LockfileBackend", () => {
    const { stack } = foreignStack();
    expect(() => configureBackend(stack as TerraformStack, { type: "local" })).toThrow(REFUSED);
    expect(() => new S3LockfileBackend(stack as TerraformStack, { bucket: "b", key: "k" })).toThrow(REFUSED);
  });
});
