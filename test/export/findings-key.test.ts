import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { FindingsKey, FindingsKeyProps } from "../../modules/export/findings-key";
import { findingsKeyPolicy } from "../../modules/export/key-policy";
import { addresses, resources } from "../helpers";
import { ADMIN, DETECTORS, HOME, LOG_ARCHIVE, READER_ROLE_ARN } from "./fixtures";
import { exportStack } from "./stack";

function keyProps(patch: Partial<FindingsKeyProps> = {}) {
  const { stack, security, synth } = exportStack();
  const props: FindingsKeyProps = {
    provider: security, partition: "aws", accountId: ADMIN, region: HOME, administratorAccountId: ADMIN, detectors: DETECTORS, ...patch,
  };
  return { stack, props, synth };
}
function synthKey(patch: Partial<FindingsKeyProps> = {}) {
  const { stack, props, synth } = keyProps(patch);
  const key = new FindingsKey(stack, "FindingsKey", props);
  const doc = synth();
  return { key, doc, kms: resources(doc, KmsKey).findings_key_key, alias: resources(doc, KmsAlias).findings_key_alias };
}

describe("defaults", () => {
  const { doc, kms, alias } = synthKey();

  it("pins the addresses", () => {
    expect(addresses(doc)).toEqual(["aws_kms_alias.findings_key_alias", "aws_kms_key.findings_key_key"]);
  });

  it("rotates yearly, waits 30 days before deletion and cannot be destroyed by a plan", () => {
    expect(kms).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
  });

  it("lives in the home region of the owning account's provider", () => {
    expect(kms).toMatchObject({ region: HOME, provider: "aws.security" });
    expect(alias).toMatchObject({ region: HOME, provider: "aws.security", target_key_id: "${aws_kms_key.findings_key_key.key_id}" });
  });

  it("is called alias/guardduty-findings-export", () => {
    expect(alias.name).toBe("alias/guardduty-findings-export");
  });

  it("carries the policy of the builder, without reader or marker-writer statements", () => {
    expect(JSON.parse(kms.policy)).toEqual(findingsKeyPolicy({
      partition: "aws", keyAccountId: ADMIN, administratorAccountId: ADMIN, detectors: DETECTORS, bucketRegion: HOME,
    }));
  });
});

describe("options", () => {
  it("names the reader and the marker writer", () => {
    const { kms } = synthKey({ readerPrincipalArns: [READER_ROLE_ARN], prefixWriterAccountId: LOG_ARCHIVE });
    expect(JSON.parse(kms.policy).Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      "EnableKeyAdministration", "AllowGuardDutyGenerateDataKey", "AllowGuardDutyGenerateDataKeyMeSouth1",
      "AllowSiemReaderDecryptThroughS3", "AllowPrefixMarkerUploadThroughS3",
    ]);
  });

  it("takes a custom alias, deletion window, tags and prevent_destroy", () => {
    const { kms, alias } = synthKey({ aliasName: "alias/findings", deletionWindowInDays: 7, preventDestroy: false, tags: { team: "sec" } });
    expect(alias.name).toBe("alias/findings");
    expect(kms).toMatchObject({ deletion_window_in_days: 7, lifecycle: { prevent_destroy: false }, tags: { team: "sec" } });
  });
});

describe("refusals", () => {
  const build = (patch: Partial<FindingsKeyProps>) => {
    const { stack, props } = keyProps(patch);
    return () => new FindingsKey(stack, "FindingsKey", props);
  };

  it("fails on a deletion window under 7 days", () => {
    expect(build({ deletionWindowInDays: 5 })).toThrow(/deletionWindowInDays must be an integer between 7 and 30; got 5/);
  });

  it("fails on an alias in the reserved alias/aws/ namespace", () => {
    expect(build({ aliasName: "alias/aws/guardduty" })).toThrow(/aliasName must not use the reserved "alias\/aws\/" prefix/);
  });

  it("fails on an alias without alias/", () => {
    expect(build({ aliasName: "guardduty" })).toThrow(/aliasName must be "alias\/" followed by letters/);
  });

  it("fails on an opt-in region", () => {
    expect(build({ region: "me-south-1" })).toThrow(/region must be a region enabled by default, not the opt-in region "me-south-1"/);
  });

  it("fails on an unknown region", () => {
    expect(build({ region: "eu-middle-9" })).toThrow(/region must be a known AWS region code \(e\.g\. eu-west-1\); got "eu-middle-9"/);
  });

  it("fails without detectors", () => {
    expect(build({ detectors: [] })).toThrow(/detectors must name at least one administrator detector; got none/);
  });

  it("fails on an invalid account ID", () => {
    expect(build({ accountId: "abc" })).toThrow(/accountId must be a 12-digit AWS account ID; got "abc"/);
  });
});
