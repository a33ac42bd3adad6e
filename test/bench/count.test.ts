import { App } from "cdktf";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { parseEstate } from "../../modules/config/load";
import { EstateStack } from "../../modules/estate/estate-stack";
import { countOutput } from "../../scripts/bench/count";
import { median } from "../../scripts/bench/measure";
import { exampleRaw, splitRaw } from "../estate/fixtures";

function synthInto(raw: unknown): string {
  const outdir = path.join(mkdtempSync(path.join(tmpdir(), "gd-count-")), "out");
  const app = new App({ outdir });
  new EstateStack(app, parseEstate(raw));
  app.synth();
  return outdir;
}

test("counts providers, accounts, resource blocks and for_each instances as npm run synth reports them", () => {
  const counts = countOutput(synthInto(exampleRaw()));
  expect(counts).toMatchObject({ providers: 4, accounts: 4, resourceBlocks: 67, instances: 126, oneProviderPerAccount: true });
  expect(counts.largest).toMatchObject({ stack: "guardduty", instances: 126 });
  expect(counts.bytes).toBeGreaterThan(10_000);
});

test("counts every stack of a split estate and names the largest", () => {
  const counts = countOutput(synthInto(splitRaw({ split: "region" })));
  expect(counts.stacks.map((s) => s.stack).sort()).toEqual(["guardduty-eu-west-1", "guardduty-home", "guardduty-me-south-1", "guardduty-us-east-1"]);
  expect(counts.largest).toMatchObject({ stack: "guardduty-home", dataSources: 1 });
  expect(counts.accounts).toBe(6);
  expect(counts.oneProviderPerAccount).toBe(true);
});

test("median of odd and even counts", () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
});
