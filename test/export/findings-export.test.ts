import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { GuarddutyPublishingDestination } from "@cdktf/provider-aws/lib/guardduty-publishing-destination";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformIterator, TerraformStack, Testing, Token } from "cdktf";
import { FindingsExport, FindingsExportProps } from "../../modules/export/findings-export";
import { addresses, resources } from "../helpers";
import { ADMIN, BUCKET, LOG_ARCHIVE, PREFIX, SUBJECT_ID } from "./fixtures";
import { exportDetectors, exportStack, minimalProps } from "./stack";
import { PropsError } from "../../modules/topology/validation";

const FULL = (security: AwsProvider, logArchive: AwsProvider): FindingsExportProps => ({
  ...minimalProps(security, logArchive),
  keyProvider: security,
  keyAccountId: ADMIN,
  prefix: PREFIX,
  reader: { type: "google-federation", subjectId: SUBJECT_ID },
  queue: true,
});

function synthExport(props: (s: AwsProvider, l: AwsProvider) => FindingsExportProps) {
  const { stack, security, logArchive, synth } = exportStack();
  const exp = new FindingsExport(stack, "FindingsExport", props(security, logArchive));
  return { exp, doc: synth() };
}

const keyPolicyOf = (doc: ReturnType<typeof synthExport>["doc"]) =>
  JSON.parse(Object.values(resources(doc, KmsKey)).find((k: any) => k.description.startsWith("Encrypts GuardDuty findings")).policy);

describe("Terraform addresses", () => {
  it("pins every address of the full export (key in security, prefix, federated reader, queue)", () => {
    expect(addresses(synthExport(FULL).doc)).toEqual([
      "aws_guardduty_publishing_destination.findings_export_publishing_destination",
      "aws_iam_role.findings_export_siem_reader_role",
      "aws_iam_role_policy.findings_export_siem_reader_access_policy",
      "aws_kms_alias.findings_export_findings_key_alias",
      "aws_kms_alias.findings_export_siem_queue_key_alias",
      "aws_kms_key.findings_export_findings_key_key",
      "aws_kms_key.findings_export_siem_queue_key",
      "aws_s3_bucket.findings_export_findings_bucket_bucket",
      "aws_s3_bucket_lifecycle_configuration.findings_export_findings_bucket_lifecycle",
      "aws_s3_bucket_notification.findings_export_siem_queue_bucket_notification",
      "aws_s3_bucket_ownership_controls.findings_export_findings_bucket_ownership_controls",
      "aws_s3_bucket_policy.findings_export_findings_bucket_policy",
      "aws_s3_bucket_public_access_block.findings_export_findings_bucket_public_access_block",
      "aws_s3_bucket_server_side_encryption_configuration.findings_export_findings_bucket_encryption",
      "aws_s3_bucket_versioning.findings_export_findings_bucket_versioning",
      "aws_s3_object.findings_export_findings_bucket_prefix_marker",
      "aws_sqs_queue.findings_export_siem_queue_dead_letter_queue",
      "aws_sqs_queue.findings_export_siem_queue_queue",
      "aws_sqs_queue_policy.findings_export_siem_queue_policy",
    ]);
  });

  it("adding a region only adds a for_each key, never an address", () => {
    const two = synthExport((s, l) => ({ ...minimalProps(s, l), detectors: exportDetectors(["eu-west-1", "us-east-1"]) })).doc;
    const three = synthExport((s, l) => ({ ...minimalProps(s, l), detectors: exportDetectors(["eu-west-1", "us-east-1", "ap-south-1"]) })).doc;
    expect(addresses(three)).toEqual(addresses(two));
    const keys = (doc: typeof two) =>
      Object.keys(resources(doc, GuarddutyPublishingDestination).findings_export_publishing_destination.for_each).sort();
    expect(keys(two)).toEqual(["eu-west-1", "us-east-1"]);
    expect(keys(three)).toEqual(["ap-south-1", "eu-west-1", "us-east-1"]);
  });
});

describe("publishing destinations", () => {
  const { doc } = synthExport(FULL);
  const dest = resources(doc, GuarddutyPublishingDestination).findings_export_publishing_destination;

  it("is one for_each resource keyed by region, in the administrator account", () => {
    expect(dest.for_each).toEqual({ "eu-west-1": "deuwest1", "us-east-1": "duseast1", "me-south-1": "dmesouth1" });
    expect(dest.region).toBe("${each.key}");
    expect(dest.detector_id).toBe("${each.value}");
    expect(dest.provider).toBe("aws.security");
  });

  it("points every region at the bucket prefix and the one key", () => {
    expect(dest.destination_type).toBe("S3");
    expect(dest.destination_arn).toBe(`arn:aws:s3:::${BUCKET}/${PREFIX}`);
    expect(dest.kms_key_arn).toBe("${aws_kms_key.findings_export_findings_key_key.arn}");
  });

  it("waits for the bucket policy, the key (and its policy) and the prefix marker", () => {
    expect(dest.depends_on).toEqual([
      "aws_s3_bucket_policy.findings_export_findings_bucket_policy",
      "aws_kms_key.findings_export_findings_key_key",
      "aws_s3_object.findings_export_findings_bucket_prefix_marker",
    ]);
  });

  it("accepts detector IDs and ARNs that are tokens of the organization's detectors", () => {
    const { stack, security, logArchive, synth } = exportStack();
    const it = TerraformIterator.fromMap({ "eu-west-1": { region: "eu-west-1" }, "us-east-1": { region: "us-east-1" } });
    const detector = new GuarddutyDetector(stack, "AdminDetector", { provider: security, forEach: it, region: it.key, enable: true });
    const ref = (region: string, attr: string) => Token.asString(`\${${detector.fqn}["${region}"].${attr}}`);
    new FindingsExport(stack, "FindingsExport", {
      ...minimalProps(security, logArchive),
      detectors: ["eu-west-1", "us-east-1"].map((region) => ({ region, detectorId: ref(region, "id"), detectorArn: ref(region, "arn") })),
    });
    const out = synth();
    const statement = keyPolicyOf(out).Statement.find((s: any) => s.Sid === "AllowGuardDutyGenerateDataKey");
    expect(statement.Condition.StringEquals["aws:SourceArn"]).toEqual([
      '${aws_guardduty_detector.AdminDetector["eu-west-1"].arn}',
      '${aws_guardduty_detector.AdminDetector["us-east-1"].arn}',
    ]);
    expect(resources(out, GuarddutyPublishingDestination).findings_export_publishing_destination.for_each["us-east-1"])
      .toBe('${aws_guardduty_detector.AdminDetector["us-east-1"].id}');
  });
});

describe("accounts and regions", () => {
  it("creates the key with the key provider and lets the bucket account encrypt the prefix marker", () => {
    const { doc } = synthExport(FULL);
    expect(resources(doc, KmsKey).findings_export_findings_key_key.provider).toBe("aws.security");
    expect(resources(doc, S3Bucket).findings_export_findings_bucket_bucket.provider).toBe("aws.log-archive");
    expect(resources(doc, IamRole).findings_export_siem_reader_role.provider).toBe("aws.log-archive");
    const policy = keyPolicyOf(doc);
    expect(policy.Statement[0].Principal).toEqual({ AWS: `arn:aws:iam::${ADMIN}:root` });
    expect(policy.Statement.map((s: any) => s.Sid)).toContain("AllowPrefixMarkerUploadThroughS3");
  });

  it("defaults the key to the bucket's provider and account", () => {
    const { doc } = synthExport(minimalProps);
    const key = resources(doc, KmsKey).findings_export_findings_key_key;
    expect(key.provider).toBe("aws.log-archive");
    expect(key.region).toBe("eu-west-1");
    expect(keyPolicyOf(doc).Statement[0].Principal).toEqual({ AWS: `arn:aws:iam::${LOG_ARCHIVE}:root` });
  });

  it("names the reader in the key policy", () => {
    const sids = keyPolicyOf(synthExport(FULL).doc).Statement.map((s: any) => s.Sid);
    expect(sids).toContain("AllowSiemReaderDecryptThroughS3");
  });
});

describe("defaults", () => {
  const { exp, doc } = synthExport(minimalProps);

  it("prevents destroying the bucket and the key", () => {
    expect(resources(doc, S3Bucket).findings_export_findings_bucket_bucket.lifecycle).toEqual({ prevent_destroy: true });
    expect(resources(doc, KmsKey).findings_export_findings_key_key.lifecycle).toEqual({ prevent_destroy: true });
  });

  it("creates no reader, no queue and no prefix marker", () => {
    expect(exp.reader).toBeUndefined();
    expect(exp.notificationQueue).toBeUndefined();
    expect(exp.findingsBucket.prefixMarker).toBeUndefined();
    expect(addresses(doc).filter((a) => /iam|sqs|s3_object|notification/.test(a))).toEqual([]);
  });

  it("exports to the bucket root", () => {
    expect(resources(doc, GuarddutyPublishingDestination).findings_export_publishing_destination.destination_arn).toBe(`arn:aws:s3:::${BUCKET}`);
    expect(doc.output?.findings_export_secops_s3_uri.value).toBe(`s3://${BUCKET}/AWSLogs/${ADMIN}/GuardDuty/`);
  });

  it("outputs what every feed needs, and nothing about readers or queues", () => {
    expect(Object.keys(doc.output ?? {}).sort()).toEqual([
      "findings_export_bucket_arn", "findings_export_key_arn", "findings_export_secops_account_id",
      "findings_export_secops_log_type", "findings_export_secops_region", "findings_export_secops_s3_uri",
    ]);
  });

  it("can turn prevent_destroy off on purpose", () => {
    const off = synthExport((s, l) => ({ ...minimalProps(s, l), preventDestroy: false })).doc;
    expect(resources(off, S3Bucket).findings_export_findings_bucket_bucket.lifecycle).toEqual({ prevent_destroy: false });
    expect(resources(off, KmsKey).findings_export_findings_key_key.lifecycle).toEqual({ prevent_destroy: false });
  });
});

describe("outputs for the SecOps feed form", () => {
  it("carries log type, region, S3 URI, account, role ARN and queue", () => {
    const out = synthExport(FULL).doc.output ?? {};
    expect(out.findings_export_secops_log_type.value).toBe("GUARDDUTY");
    expect(out.findings_export_secops_region.value).toBe("eu-west-1");
    expect(out.findings_export_secops_s3_uri.value).toBe(`s3://${BUCKET}/${PREFIX}/AWSLogs/${ADMIN}/GuardDuty/`);
    expect(out.findings_export_secops_account_id.value).toBe(LOG_ARCHIVE);
    expect(out.findings_export_secops_role_arn.value).toBe("${aws_iam_role.findings_export_siem_reader_role.arn}");
    expect(out.findings_export_secops_queue_url.value).toBe("${aws_sqs_queue.findings_export_siem_queue_queue.url}");
    expect(out.findings_export_secops_queue_arn.value).toBe("${aws_sqs_queue.findings_export_siem_queue_queue.arn}");
    expect(out.findings_export_secops_user_name).toBeUndefined();
  });

  it("outputs the user name of a key-based reader, whose access key is never created", () => {
    const { doc } = synthExport((s, l) => ({ ...minimalProps(s, l), reader: { type: "iam-user", userName: "secops-feed" } }));
    expect(doc.output?.findings_export_secops_user_name.value).toBe("${aws_iam_user.findings_export_siem_reader_user.name}");
    expect(doc.output?.findings_export_secops_role_arn).toBeUndefined();
    expect(addresses(doc).filter((a) => a.startsWith("aws_iam_access_key"))).toEqual([]);
  });
});

describe("refusals", () => {
  function build(patch: Partial<FindingsExportProps>) {
    const { stack, security, logArchive } = exportStack();
    return () => new FindingsExport(stack, "FindingsExport", { ...minimalProps(security, logArchive), ...patch });
  }

  it("fails on an opt-in home region", () => {
    expect(build({ homeRegion: "me-south-1" })).toThrow(/homeRegion must be a region enabled by default, not the opt-in region "me-south-1"/);
  });

  it("fails when the key's region is not the bucket's", () => {
    expect(build({ keyRegion: "us-east-1" })).toThrow(/keyRegion must equal homeRegion "eu-west-1".*got "us-east-1"/);
  });

  it("fails on an invalid bucket name", () => {
    expect(build({ bucketName: "Findings_Bucket" })).toThrow(/bucketName may contain only lowercase letters, digits, "\." and "-"; got "Findings_Bucket"/);
  });

  it("fails on a prefix with a wildcard", () => {
    expect(build({ prefix: "guard*" })).toThrow(/prefix may contain only letters.*got "guard\*"/);
  });

  it("fails on a home region of another partition", () => {
    expect(build({ homeRegion: "us-gov-west-1" })).toThrow(/homeRegion must be a region of partition aws; got "us-gov-west-1"/);
  });

  it("fails on a keyProvider without keyAccountId", () => {
    const { stack, security, logArchive } = exportStack();
    expect(() => new FindingsExport(stack, "FindingsExport", { ...minimalProps(security, logArchive), keyProvider: security }))
      .toThrow(/keyAccountId is required when keyProvider is given/);
  });

  it("fails on a key account without its provider", () => {
    expect(build({ keyAccountId: ADMIN })).toThrow(/keyProvider is required when keyAccountId \(222222222222\) differs from bucketAccountId/);
  });

  it("fails on a provider of another stack", () => {
    const app = new App();
    const other = new TerraformStack(app, "other");
    const foreign = new AwsProvider(other, "aws", { region: "eu-west-1", alias: "foreign" });
    expect(build({ bucketProvider: foreign })).toThrow(/bucketProvider must be a provider of stack "test"; got provider "other\/aws" of stack "other"/);
  });

  it("fails without detectors", () => {
    expect(build({ detectors: [] })).toThrow(/detectors must name the administrator detector of at least one region; got none/);
  });

  it("fails on two detectors in one region", () => {
    expect(build({ detectors: exportDetectors(["eu-west-1", "eu-west-1"]) })).toThrow(/detectors\[1\]\.region must be unique/);
  });

  it("fails on a detector ARN of another account", () => {
    const [d] = exportDetectors(["eu-west-1"]);
    expect(build({ detectors: [{ ...d, detectorArn: d.detectorArn.replace(ADMIN, "999999999999") }] }))
      .toThrow(/detectors\[0\]\.detectorArn must be the administrator's detector in eu-west-1/);
  });

  it("fails on an invalid account ID", () => {
    expect(build({ bucketAccountId: "3333" })).toThrow(/bucketAccountId must be a 12-digit AWS account ID; got "3333"/);
  });

  it("fails on an expiry under a year unless allowed", () => {
    expect(build({ lifecycle: { expirationDays: 180 } })).toThrow(/lifecycle\.expirationDays must be at least 365/);
    expect(build({ lifecycle: { expirationDays: 180, allowExpirationUnder365Days: true } })).not.toThrow();
  });

  it("fails on an invalid reader and queue, listing every problem at once", () => {
    expect(build({
      homeRegion: "me-south-1",
      bucketName: "ab",
      reader: { type: "google-federation", subjectId: "not-a-number" },
      queue: { maxReceiveCount: 0 },
    })).toThrow(/has 4 invalid properties:\n - homeRegion .*\n - bucketName must be 3 to 63 characters.*\n - reader\.subjectId must be the numeric subject ID.*\n - queue\.maxReceiveCount must be an integer between 1 and 1000; got 0/);
  });

  it("reports two bad props as a PropsError with both paths", () => {
    let error: unknown;
    try {
      build({ bucketAccountId: "3333", lifecycle: { expirationDays: 180 } })();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PropsError);
    expect((error as PropsError).problems.map((p) => p.path)).toEqual(["bucketAccountId", "lifecycle.expirationDays"]);
  });
});

describe("synthesis", () => {
  it("synthesizes a full export that passes cdktf validations", () => {
    const { stack, security, logArchive } = exportStack();
    new FindingsExport(stack, "FindingsExport", FULL(security, logArchive));
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});
