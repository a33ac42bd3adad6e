import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketObjectLockConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { findingsBucketPolicy } from "../../modules/export/bucket-policy";
import { FindingsBucket, FindingsBucketProps } from "../../modules/export/findings-bucket";
import { addresses, resources } from "../helpers";
import { ADMIN, BUCKET, DETECTORS, HOME, KEY_ARN, LOG_ARCHIVE, PREFIX } from "./fixtures";
import { exportStack } from "./stack";

function bucketProps(patch: Partial<FindingsBucketProps> = {}) {
  const { stack, logArchive, synth } = exportStack();
  const props: FindingsBucketProps = {
    provider: logArchive, partition: "aws", accountId: LOG_ARCHIVE, region: HOME, bucketName: BUCKET, keyArn: KEY_ARN,
    administratorAccountId: ADMIN, detectors: DETECTORS, ...patch,
  };
  return { stack, props, synth };
}
function synthBucket(patch: Partial<FindingsBucketProps> = {}) {
  const { stack, props, synth } = bucketProps(patch);
  const bucket = new FindingsBucket(stack, "Findings", props);
  return { bucket, doc: synth() };
}
const one = (doc: any, type: { tfResourceType: string }) => {
  const all = Object.values(resources(doc, type));
  expect(all).toHaveLength(1);
  return all[0] as any;
};

describe("secure defaults", () => {
  const { doc } = synthBucket();

  it("pins the addresses of a bucket without options", () => {
    expect(addresses(doc)).toEqual([
      "aws_s3_bucket.findings_bucket",
      "aws_s3_bucket_lifecycle_configuration.findings_lifecycle",
      "aws_s3_bucket_ownership_controls.findings_ownership_controls",
      "aws_s3_bucket_policy.findings_policy",
      "aws_s3_bucket_public_access_block.findings_public_access_block",
      "aws_s3_bucket_server_side_encryption_configuration.findings_encryption",
      "aws_s3_bucket_versioning.findings_versioning",
    ]);
  });

  it("never force-destroys and prevents destroy by default, in the home region", () => {
    const b = one(doc, S3Bucket);
    expect(b).toMatchObject({ bucket: BUCKET, force_destroy: false, lifecycle: { prevent_destroy: true }, region: HOME, provider: "aws.log-archive" });
    expect(b.object_lock_enabled).toBeUndefined();
  });

  it("blocks all public access and disables ACLs", () => {
    expect(one(doc, S3BucketPublicAccessBlock)).toMatchObject({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(one(doc, S3BucketOwnershipControls).rule).toEqual({ object_ownership: "BucketOwnerEnforced" });
  });

  it("versions objects and checks the expected bucket owner", () => {
    expect(one(doc, S3BucketVersioningA)).toMatchObject({ versioning_configuration: { status: "Enabled" }, expected_bucket_owner: LOG_ARCHIVE });
  });

  it("encrypts by default with SSE-KMS, the findings key and an S3 Bucket Key", () => {
    expect(one(doc, S3BucketServerSideEncryptionConfigurationA).rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: KEY_ARN }, bucket_key_enabled: true },
    ]);
  });

  it("keeps findings two years: GLACIER_IR at 90 days, expiry at 730, noncurrent versions 30 days", () => {
    const lifecycle = one(doc, S3BucketLifecycleConfiguration);
    expect(lifecycle.depends_on).toEqual(["aws_s3_bucket_versioning.findings_versioning"]);
    expect(lifecycle.rule).toEqual([
      {
        id: "findings-retention", status: "Enabled", filter: [{ prefix: "AWSLogs/" }],
        transition: [{ days: 90, storage_class: "GLACIER_IR" }], expiration: [{ days: 730 }],
        noncurrent_version_expiration: [{ noncurrent_days: 30 }], abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      },
      { id: "expired-delete-markers", status: "Enabled", filter: [{ prefix: "AWSLogs/" }], expiration: [{ expired_object_delete_marker: true }] },
    ]);
  });

  it("attaches the bucket policy of the builder after the public access block", () => {
    const policy = one(doc, S3BucketPolicy);
    expect(JSON.parse(policy.policy)).toEqual(findingsBucketPolicy({
      partition: "aws", bucketName: BUCKET, keyArn: KEY_ARN, administratorAccountId: ADMIN, detectors: DETECTORS,
    }));
    expect(policy.depends_on).toEqual(["aws_s3_bucket_public_access_block.findings_public_access_block"]);
  });

  it("has no access logging, Object Lock or prefix marker", () => {
    expect(resources(doc, S3BucketLoggingA)).toEqual({});
    expect(resources(doc, S3BucketObjectLockConfigurationA)).toEqual({});
    expect(resources(doc, S3Object)).toEqual({});
  });
});

describe("options", () => {
  it("creates the prefix marker with SSE-KMS and the findings key, after the bucket policy", () => {
    const { bucket, doc } = synthBucket({ prefix: PREFIX });
    expect(one(doc, S3Object)).toMatchObject({
      key: `${PREFIX}/`, content: "", server_side_encryption: "aws:kms", kms_key_id: KEY_ARN, bucket_key_enabled: true,
      depends_on: ["aws_s3_bucket_policy.findings_policy", "aws_s3_bucket_server_side_encryption_configuration.findings_encryption"],
    });
    expect(bucket.prefixMarker).toBeDefined();
  });

  it("scopes lifecycle rules to the findings, so the prefix marker never expires", () => {
    const { doc } = synthBucket({ prefix: PREFIX });
    for (const rule of one(doc, S3BucketLifecycleConfiguration).rule) expect(rule.filter).toEqual([{ prefix: `${PREFIX}/AWSLogs/` }]);
  });

  it("applies a custom lifecycle", () => {
    const { doc } = synthBucket({
      lifecycle: { transitionToGlacierDays: 30, transitionStorageClass: "DEEP_ARCHIVE", expirationDays: 2555, noncurrentVersionExpirationDays: 7 },
    });
    expect(one(doc, S3BucketLifecycleConfiguration).rule[0]).toMatchObject({
      transition: [{ days: 30, storage_class: "DEEP_ARCHIVE" }], expiration: [{ days: 2555 }], noncurrent_version_expiration: [{ noncurrent_days: 7 }],
    });
  });

  it("logs server access to the target bucket, below <bucketName>/ by default", () => {
    const { doc } = synthBucket({ accessLogging: { targetBucket: "acme-s3-access-logs" } });
    expect(one(doc, S3BucketLoggingA)).toMatchObject({ target_bucket: "acme-s3-access-logs", target_prefix: `${BUCKET}/`, expected_bucket_owner: LOG_ARCHIVE });
    const custom = synthBucket({ accessLogging: { targetBucket: "acme-s3-access-logs", targetPrefix: "findings/" } }).doc;
    expect(one(custom, S3BucketLoggingA).target_prefix).toBe("findings/");
  });

  it("enables Object Lock at creation with the default retention", () => {
    const { doc } = synthBucket({ objectLock: { mode: "COMPLIANCE", retentionDays: 400 } });
    expect(one(doc, S3Bucket).object_lock_enabled).toBe(true);
    expect(one(doc, S3BucketObjectLockConfigurationA)).toMatchObject({
      rule: { default_retention: { mode: "COMPLIANCE", days: 400 } },
      depends_on: ["aws_s3_bucket_versioning.findings_versioning"],
    });
  });

  it("adds tags to the bucket", () => {
    const { doc } = synthBucket({ tags: { team: "security" } });
    expect(one(doc, S3Bucket).tags).toEqual({ team: "security" });
  });
});

describe("refusals", () => {
  const build = (patch: Partial<FindingsBucketProps>) => {
    const { stack, props } = bucketProps(patch);
    return () => new FindingsBucket(stack, "Findings", props);
  };

  it.each<[string, string, RegExp]>([
    ["too short", "ab", /bucketName must be 3 to 63 characters long; got "ab" \(2\)/],
    ["uppercase", "Acme-Findings", /bucketName may contain only lowercase letters/],
    ["ending with a hyphen", "acme-findings-", /bucketName must begin and end with a lowercase letter or digit/],
    ["two adjacent periods", "acme..findings", /bucketName must not contain two adjacent periods/],
    ["an IP address", "192.168.5.4", /bucketName must not be formatted as an IP address/],
    ["a reserved prefix", "xn--findings", /bucketName must not start with the reserved prefix "xn--"/],
    ["a reserved suffix", "findings-s3alias", /bucketName must not end with the reserved suffix "-s3alias"/],
  ])("fails on a bucket name %s", (_name, bucketName, message) => {
    expect(build({ bucketName })).toThrow(message);
  });

  it("fails on a prefix with a trailing slash", () => {
    expect(build({ prefix: "guardduty/" })).toThrow(/prefix must not begin or end with "\/".*got "guardduty\/"/);
  });

  it("fails on a prefix with an empty segment", () => {
    expect(build({ prefix: "a//b" })).toThrow(/prefix must not contain empty \("\/\/"\), "\." or "\.\." segments; got "a\/\/b"/);
  });

  it("fails when findings would expire before they are transitioned", () => {
    expect(build({ lifecycle: { transitionToGlacierDays: 400, expirationDays: 400 } }))
      .toThrow(/lifecycle\.expirationDays must be greater than lifecycle\.transitionToGlacierDays \(400\); got 400/);
  });

  it("fails on a storage class outside the Glacier family", () => {
    expect(build({ lifecycle: { transitionStorageClass: "STANDARD_IA" as never } }))
      .toThrow(/lifecycle\.transitionStorageClass must be one of GLACIER_IR, GLACIER, DEEP_ARCHIVE; got "STANDARD_IA"/);
  });

  it("fails on an invalid Object Lock", () => {
    expect(build({ objectLock: { mode: "LEGAL_HOLD" as never, retentionDays: 0 } }))
      .toThrow(/objectLock\.mode must be one of GOVERNANCE, COMPLIANCE; got "LEGAL_HOLD"\n - objectLock\.retentionDays must be an integer between 1 and 36500; got 0/);
  });

  it("fails on access logs written into the findings bucket", () => {
    expect(build({ accessLogging: { targetBucket: BUCKET } })).toThrow(/accessLogging\.targetBucket must be another bucket than the findings bucket/);
  });

  it("fails in an opt-in region", () => {
    expect(build({ region: "af-south-1" })).toThrow(/region must be a region enabled by default, not the opt-in region "af-south-1"/);
  });
});
