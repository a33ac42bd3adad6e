import { guardDutyWriters, oneOrMany, pascalRegion, policyDocument } from "../../modules/export/policy-document";
import { detectorArn } from "./fixtures";

describe("GuardDuty writers", () => {
  it("gives default regions to the global principal and each opt-in region its own, global first", () => {
    const writers = guardDutyWriters(["me-south-1", "eu-west-1", "af-south-1", "us-east-1"].map((region) => ({ region, detectorArn: detectorArn(region) })));
    expect(writers).toEqual([
      { principal: "guardduty.amazonaws.com", sidSuffix: "", sourceArns: [detectorArn("eu-west-1"), detectorArn("us-east-1")] },
      { principal: "guardduty.af-south-1.amazonaws.com", sidSuffix: "AfSouth1", sourceArns: [detectorArn("af-south-1")] },
      { principal: "guardduty.me-south-1.amazonaws.com", sidSuffix: "MeSouth1", sourceArns: [detectorArn("me-south-1")] },
    ]);
  });

  it("has no global writer when every region is opt-in", () => {
    expect(guardDutyWriters([{ region: "il-central-1", detectorArn: "x" }]).map((w) => w.principal)).toEqual(["guardduty.il-central-1.amazonaws.com"]);
  });

  it("fails on an unknown region", () => {
    expect(() => guardDutyWriters([{ region: "mars-1", detectorArn: "x" }])).toThrow(/region must be a known AWS region code/);
  });
});

describe("helpers", () => {
  it("turns regions into statement-id suffixes", () => {
    expect(pascalRegion("ap-southeast-7")).toBe("ApSoutheast7");
  });

  it("keeps one value as a string and several as a list", () => {
    expect(oneOrMany(["a"])).toBe("a");
    expect(oneOrMany(["a", "b"])).toEqual(["a", "b"]);
  });

  it("wraps statements in a 2012-10-17 document", () => {
    expect(policyDocument([])).toEqual({ Version: "2012-10-17", Statement: [] });
  });
});
