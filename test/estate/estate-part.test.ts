import { readFileSync } from "fs";
import * as path from "path";
import { TerraformStack, Testing } from "cdktf";
import { parseEstate } from "../../modules/config/load";
import { EstatePart } from "../../modules/estate/estate-part";
import { EstatePartStack } from "../../modules/estate/estate-part-stack";
import { estateTopology } from "../../modules/estate/estate-topology";
import { stackLayout } from "../../modules/estate/stack-layout";
import { exampleRaw, splitRaw, synthApp } from "./fixtures";

test("stacks built by hand from stackLayout are those EstateStack builds", () => {
  const raw = splitRaw({ split: "region", invitedMemberGroups: 2 });
  const config = parseEstate(raw);
  const app = Testing.app();
  const byHand = stackLayout(config).map((plan) => new EstatePartStack(app, config, plan));
  app.synth();
  const { stacks } = synthApp(raw);
  expect(byHand.map((s) => s.node.id).sort()).toEqual(Object.keys(stacks).sort());
  for (const { node } of byHand) {
    expect(JSON.parse(readFileSync(path.join(app.outdir, "stacks", node.id, "cdk.tf.json"), "utf8"))).toEqual(stacks[node.id]);
  }
});

test("the home of an estate without export and notifications holds nothing and reads no detector", () => {
  const raw = { ...exampleRaw(), stacks: { split: "region" } };
  delete raw.export;
  delete raw.notifications;
  const config = parseEstate(raw);
  const stack = new TerraformStack(Testing.app(), "home");
  const [home] = stackLayout(config);
  const part = new EstatePart(stack, "Estate", { config, plan: home, topology: estateTopology(stack, config, home.accountIds) });
  expect([part.organization, part.existingAdministrator, part.findingsExport, part.notifications]).toEqual([undefined, undefined, undefined, undefined]);
  const doc = JSON.parse(Testing.synth(stack));
  expect([doc.resource, doc.data, doc.provider]).toEqual([undefined, undefined, undefined]);
});

test("fails on a plan that needs an account the topology has no provider for", () => {
  const config = parseEstate(splitRaw({ split: "region" }));
  const stack = new TerraformStack(Testing.app(), "x");
  const [, euw1] = stackLayout(config);
  expect(() => new EstatePart(stack, "Estate", { config, plan: euw1, topology: estateTopology(stack, config, [config.accounts.security.id]) }))
    .toThrow(/^no provider for account 444455556666; known accounts: 222222222222$/);
});
