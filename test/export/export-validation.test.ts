import { Token } from "cdktf";
import { Construct } from "constructs";
import { exportPropsProblems } from "../../modules/export/export-validation";
import { ADMIN, LOG_ARCHIVE } from "./fixtures";
import { exportDetectors, exportStack, minimalProps } from "./stack";

function problems(patch: Record<string, unknown>) {
  const { stack, security, logArchive } = exportStack();
  return exportPropsProblems(new Construct(stack, "Export"), { ...minimalProps(security, logArchive), ...patch });
}

describe("exportPropsProblems", () => {
  it("finds nothing wrong with the minimal props", () => {
    expect(problems({})).toEqual([]);
  });

  it("accepts a key in another account with its provider", () => {
    const { stack, security, logArchive } = exportStack();
    const props = { ...minimalProps(security, logArchive), keyProvider: security, keyAccountId: ADMIN, keyRegion: "eu-west-1" };
    expect(exportPropsProblems(new Construct(stack, "Export"), props)).toEqual([]);
  });

  it("accepts the key account equal to the bucket account without a key provider", () => {
    expect(problems({ keyAccountId: LOG_ARCHIVE })).toEqual([]);
  });

  it("accepts detectors whose IDs and ARNs are tokens", () => {
    const detectors = ["eu-west-1", "us-east-1"].map((region) => ({
      region, detectorId: Token.asString({ Ref: `id-${region}` }), detectorArn: Token.asString({ Ref: `arn-${region}` }),
    }));
    expect(problems({ detectors })).toEqual([]);
  });

  it("accepts a plain ARN when the detector ID is a token", () => {
    const [d] = exportDetectors(["eu-west-1"]);
    expect(problems({ detectors: [{ ...d, detectorId: Token.asString({ Ref: "id" }) }] })).toEqual([]);
  });

  it("collects every problem, in property order", () => {
    expect(problems({ partition: "aws-iso", bucketAccountId: "1", keyRegion: "us-east-1", detectors: exportDetectors(["eu-west-1", "cn-north-1"]) })).toEqual([
      'partition must be one of aws, aws-us-gov, aws-cn; got "aws-iso"',
      'bucketAccountId must be a 12-digit AWS account ID; got "1"',
      'homeRegion must be a region of partition aws-iso; got "eu-west-1" (partition aws)',
      'keyRegion must equal homeRegion "eu-west-1": GuardDuty requires the bucket and the key in the same region; got "us-east-1"',
      'detectors[0].region must be a region of partition aws-iso; got "eu-west-1" (partition aws)',
      'detectors[1].region must be a region of partition aws-iso; got "cn-north-1" (partition aws-cn)',
    ]);
  });

  it("fails on a detector ARN in the wrong region", () => {
    const [d] = exportDetectors(["eu-west-1"]);
    expect(problems({ detectors: [{ ...d, detectorArn: d.detectorArn.replace("eu-west-1", "us-east-1") }] })).toEqual([
      `detectors[0].detectorArn must be the administrator's detector in eu-west-1 (arn:aws:guardduty:eu-west-1:${ADMIN}:detector/deuwest1); got "${d.detectorArn.replace("eu-west-1", "us-east-1")}"`,
    ]);
  });
});
