/**
 * The `ipLists` section through the estate: the lists live with the export and notifications (the home of a split
 * estate, reading the administrator's detectors with the data source), and the bucket and key policies grant
 * GuardDuty's role only when a list is uploaded.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { App, Testing } from "cdktf";
import { parseEstate } from "../../modules/config/load";
import { EstateStack } from "../../modules/estate/estate-stack";
import { stackLayout } from "../../modules/estate/stack-layout";
import { parsePolicy } from "../../modules/review/policies";
import { resources, type SynthDoc } from "../helpers";

const DIR = path.join(__dirname, "..", "..", "examples", "ip-lists");
const raw = (): any => JSON.parse(readFileSync(path.join(DIR, "estate.json"), "utf8"));

function synth(estate: unknown): Record<string, SynthDoc> {
  const app: App = Testing.app();
  const main = new EstateStack(app, parseEstate(estate, "estate.json", { baseDir: DIR }));
  return Object.fromEntries(main.stacks.map((s) => [s.node.id, JSON.parse(Testing.synth(s)) as SynthDoc]));
}

test("split by region: the lists are in the home stack, for every region's detector read by the data source", () => {
  const stacks = synth({ ...raw(), stacks: { split: "region" } });
  const home = stacks["guardduty-lists-home"];
  const ipset = Object.values(resources(home, "aws_guardduty_ipset"))[0];
  expect(Object.keys(ipset.for_each).sort()).toEqual(["eu-west-1/office-egress", "us-east-1/office-egress"]);
  expect(ipset.for_each["us-east-1/office-egress"].detector_id).toBe('${data.aws_guardduty_detector.estate_organization_administrator_detector["us-east-1"].id}');
  expect(Object.keys(resources(home, "aws_s3_object"))).toContain("estate_lists_uploads_object");
  for (const region of ["eu-west-1", "us-east-1"]) {
    expect(Object.keys(stacks[`guardduty-lists-${region}`].resource ?? {}).filter((t) => /ipset|threatintelset|s3_object/.test(t))).toEqual([]);
  }
});

test("lists at existing locations only, without export: the home stack reads the detectors and uploads nothing", () => {
  const estate = raw();
  delete estate.export;
  estate.ipLists = estate.ipLists.filter((l: any) => l.location);
  estate.stacks = { split: "region" };
  const config = parseEstate(estate, "estate.json", { baseDir: DIR });
  const home = stackLayout(config)[0];
  expect(home).toMatchObject({ name: "guardduty-lists-home", accountIds: ["222222222222"], dependsOn: ["guardduty-lists-eu-west-1", "guardduty-lists-us-east-1"] });
  const doc = synth(estate)["guardduty-lists-home"];
  expect(Object.keys(doc.resource ?? {})).toEqual(["aws_guardduty_threatintelset"]);
});

test("with an export but no uploaded list, the bucket and key policies grant GuardDuty's role nothing", () => {
  const estate = raw();
  estate.ipLists = estate.ipLists.filter((l: any) => l.location);
  const doc = synth(estate)["guardduty-lists"];
  const sids = [
    ...parsePolicy(Object.values(resources(doc, "aws_s3_bucket_policy"))[0].policy).Statement,
    ...parsePolicy(resources(doc, "aws_kms_key").estate_export_findings_key_key.policy).Statement,
  ].map((s) => s.Sid);
  expect(sids.filter((s) => /GuardDutyLists/.test(s ?? ""))).toEqual([]);
  expect(resources(doc, "aws_s3_object").estate_lists_uploads_object).toBeUndefined();
});
