import { ExportConfig, exportConfigIssues, exportConfigSchema, exportHomeRegion } from "../../modules/config/export-schema";
import { ACCOUNTS } from "../helpers";

const ESTATE = {
  regions: ["eu-west-1", "us-east-1", "me-south-1"],
  accountIds: [ACCOUNTS.management, ACCOUNTS.security, ACCOUNTS.logArchive],
  partition: "aws",
};

/** The section recommended for the bundled example. */
const EXAMPLE = {
  bucketName: "acme-guardduty-findings",
  prefix: "guardduty",
  homeRegion: "eu-west-1",
  bucketAccount: "logArchive",
  keyAccount: "logArchive",
  lifecycle: { transitionToGlacierDays: 90, expirationDays: 730 },
  siemReader: { type: "google-federation", subjectId: "113456789012345678901" },
  sqsQueue: true,
};

/** The messages of a failed parse. */
function messages(input: unknown): string[] {
  const result = exportConfigSchema.safeParse(input);
  if (result.success) throw new Error("expected the section to be refused");
  return result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("valid sections", () => {
  it("accepts the recommended example section", () => {
    const cfg = exportConfigSchema.parse(EXAMPLE);
    expect(cfg.siemReader).toEqual({ type: "google-federation", subjectId: "113456789012345678901" });
    expect(exportConfigIssues(cfg, ESTATE)).toEqual([]);
  });

  it("applies the defaults: bucket in logArchive, prevent_destroy, no queue", () => {
    const cfg = exportConfigSchema.parse({ bucketName: "acme-guardduty-findings", homeRegion: "eu-west-1" });
    expect(cfg).toEqual({ bucketName: "acme-guardduty-findings", homeRegion: "eu-west-1", bucketAccount: "logArchive", preventDestroy: true, sqsQueue: false });
    expect(cfg.keyAccount).toBeUndefined();
    expect(cfg.siemReader).toBeUndefined();
    expect(exportConfigIssues(cfg, ESTATE)).toEqual([]);
  });

  it("defaults the home region to the estate's", () => {
    const cfg = exportConfigSchema.parse({ bucketName: "acme-guardduty-findings" });
    expect(exportHomeRegion(cfg, { homeRegion: "eu-west-1" })).toBe("eu-west-1");
    expect(exportConfigIssues(cfg, { ...ESTATE, homeRegion: "eu-west-1" })).toEqual([]);
    expect(exportConfigIssues(cfg, { ...ESTATE, homeRegion: "me-south-1" }).map((i) => i.path)).toEqual([["homeRegion"]]);
  });

  it("fails without a home region in the section or the estate", () => {
    expect(exportConfigIssues(exportConfigSchema.parse({ bucketName: "acme-guardduty-findings" }), ESTATE)).toEqual([{
      path: ["homeRegion"], message: "homeRegion is required when the estate has no homeRegion (the region of the findings bucket and key); got nothing",
    }]);
  });

  it("accepts every option", () => {
    const cfg = exportConfigSchema.parse({
      ...EXAMPLE,
      bucketAccount: ACCOUNTS.logArchive,
      keyAccount: "security",
      keyAliasName: "alias/guardduty-findings",
      lifecycle: { transitionToGlacierDays: 30, transitionStorageClass: "DEEP_ARCHIVE", expirationDays: 2555, noncurrentVersionExpirationDays: 7 },
      accessLogging: { targetBucket: "acme-s3-access-logs", targetPrefix: "guardduty-findings/" },
      objectLock: { mode: "COMPLIANCE", retentionDays: 365 },
      preventDestroy: false,
      siemReader: { type: "iam-user", userName: "secops-feed" },
      sqsQueue: { queueName: "secops", messageRetentionSeconds: 345600, visibilityTimeoutSeconds: 60, maxReceiveCount: 10 },
    });
    expect(exportConfigIssues(cfg, ESTATE)).toEqual([]);
  });
});

describe("refused values", () => {
  it.each<[string, unknown, string]>([
    ["an unknown key", { ...EXAMPLE, bucket: "x" }, ': export has unknown key(s) bucket; allowed: bucketName, prefix, homeRegion, bucketAccount, keyAccount, keyAliasName, lifecycle, accessLogging, objectLock, preventDestroy, siemReader, sqsQueue'],
    ["a section that is not an object", "acme", ': export must be an object with keys bucketName, prefix, homeRegion, bucketAccount, keyAccount, keyAliasName, lifecycle, accessLogging, objectLock, preventDestroy, siemReader, sqsQueue; got "acme"'],
    ["a missing bucket name", { homeRegion: "eu-west-1" }, "bucketName: bucketName must be an S3 bucket name; got nothing"],
    ["a region that is not a string", { ...EXAMPLE, homeRegion: 1 }, 'homeRegion: homeRegion must be an AWS region code such as "eu-west-1"; got 1'],
    ["an invalid bucket name", { ...EXAMPLE, bucketName: "Acme" }, 'bucketName: bucketName may contain only lowercase letters, digits, "." and "-"; got "Acme"'],
    ["a prefix with a trailing slash", { ...EXAMPLE, prefix: "guardduty/" }, 'prefix: prefix must not begin or end with "/" (write "guardduty", not "guardduty/"); got "guardduty/"'],
    ["an unknown region", { ...EXAMPLE, homeRegion: "europe" }, 'homeRegion: homeRegion must be a known AWS region code such as "eu-west-1"; got "europe"'],
    ["an invalid account reference", { ...EXAMPLE, bucketAccount: "archive" }, 'bucketAccount: bucketAccount must be "logArchive", "security" or a 12-digit account ID; got "archive"'],
    ["a numeric account", { ...EXAMPLE, keyAccount: 222222222222 }, 'keyAccount: keyAccount must be "logArchive", "security" or a 12-digit account ID; got 222222222222'],
    ["an unknown lifecycle key", { ...EXAMPLE, lifecycle: { expireDays: 400 } }, "lifecycle: lifecycle has unknown key(s) expireDays; allowed: transitionToGlacierDays, transitionStorageClass, expirationDays, noncurrentVersionExpirationDays, allowExpirationUnder365Days"],
    ["fractional days", { ...EXAMPLE, lifecycle: { expirationDays: 400.5 } }, "lifecycle.expirationDays: lifecycle.expirationDays must be an integer between 1 and 36500; got 400.5"],
    ["an unknown storage class", { ...EXAMPLE, lifecycle: { transitionStorageClass: "STANDARD_IA" } }, 'lifecycle.transitionStorageClass: lifecycle.transitionStorageClass must be one of GLACIER_IR, GLACIER, DEEP_ARCHIVE; got "STANDARD_IA"'],
    ["an Object Lock mode", { ...EXAMPLE, objectLock: { mode: "governance", retentionDays: 30 } }, 'objectLock.mode: objectLock.mode must be GOVERNANCE or COMPLIANCE; got "governance"'],
    ["an Object Lock without retention", { ...EXAMPLE, objectLock: { mode: "GOVERNANCE" } }, "objectLock.retentionDays: objectLock.retentionDays must be an integer between 1 and 36500; got nothing"],
    ["an access-logging bucket name", { ...EXAMPLE, accessLogging: { targetBucket: "a" } }, 'accessLogging.targetBucket: accessLogging.targetBucket must be 3 to 63 characters long; got "a" (1)'],
    ["an unknown reader type", { ...EXAMPLE, siemReader: { type: "access-key" } }, 'siemReader.type: siemReader.type must be "google-federation" or "iam-user"; got "access-key"'],
    ["a non-numeric subject ID", { ...EXAMPLE, siemReader: { type: "google-federation", subjectId: "sa@example.com" } }, 'siemReader.subjectId: siemReader.subjectId must be the numeric subject ID shown in the Google SecOps feed form (digits only); got "sa@example.com"'],
    ["a reader key of the other type", { ...EXAMPLE, siemReader: { type: "iam-user", userName: "feed", subjectId: "1" } }, "siemReader: siemReader (iam-user) has unknown key(s) subjectId; allowed: type, userName"],
    ["an invalid user name", { ...EXAMPLE, siemReader: { type: "iam-user", userName: "secops feed" } }, 'siemReader.userName: siemReader.userName must be 1 to 64 characters of letters, digits and + = , . @ _ -; got "secops feed"'],
    ["a queue given as a string", { ...EXAMPLE, sqsQueue: "yes" }, 'sqsQueue: sqsQueue must be true, false or an object with keys queueName, messageRetentionSeconds, visibilityTimeoutSeconds, maxReceiveCount; got "yes"'],
    ["a queue name too long for its dead-letter queue", { ...EXAMPLE, sqsQueue: { queueName: "q".repeat(77) } }, `sqsQueue.queueName: sqsQueue.queueName must be at most 76 characters (the dead-letter queue appends "-dlq"); got "${"q".repeat(77)}" (77)`],
    ["preventDestroy as a string", { ...EXAMPLE, preventDestroy: "yes" }, 'preventDestroy: preventDestroy must be true or false; got "yes"'],
    ["a key alias in alias/aws/", { ...EXAMPLE, keyAliasName: "alias/aws/s3" }, 'keyAliasName: keyAliasName must not use the reserved "alias/aws/" prefix; got "alias/aws/s3"'],
  ])("fails on %s", (_name, input, expected) => {
    expect(messages(input)).toContain(expected);
  });
});

describe("cross-field issues", () => {
  const parse = (patch: Record<string, unknown>): ExportConfig => exportConfigSchema.parse({ ...EXAMPLE, ...patch });

  it("fails on an opt-in home region", () => {
    expect(exportConfigIssues(parse({ homeRegion: "me-south-1" }), ESTATE)).toEqual([{
      path: ["homeRegion"],
      message: 'homeRegion must be a region enabled by default, not the opt-in region "me-south-1": GuardDuty cannot export findings of other regions to a bucket in an opt-in region',
    }]);
  });

  it("fails on a home region of another partition", () => {
    expect(exportConfigIssues(parse({ homeRegion: "us-gov-west-1" }), ESTATE)).toEqual([{
      path: ["homeRegion"], message: 'homeRegion must be a region of the estate\'s partition aws; got "us-gov-west-1" (partition aws-us-gov)',
    }]);
  });

  it("fails on accounts the estate does not know", () => {
    const issues = exportConfigIssues(parse({ bucketAccount: "999999999999", keyAccount: "888888888888" }), ESTATE);
    expect(issues.map((i) => i.path)).toEqual([["bucketAccount"], ["keyAccount"]]);
    expect(issues[1].message).toBe(
      `keyAccount must be "logArchive", "security" or an account of the estate (${ESTATE.accountIds.join(", ")}); got "888888888888"`,
    );
  });

  it("fails on an expiry under a year unless allowed, and on an expiry before the transition", () => {
    expect(exportConfigIssues(parse({ lifecycle: { expirationDays: 200 } }), ESTATE).map((i) => i.message)).toEqual([
      "lifecycle.expirationDays must be at least 365 (findings are kept a year), or set lifecycle.allowExpirationUnder365Days: true; got 200",
    ]);
    expect(exportConfigIssues(parse({ lifecycle: { expirationDays: 200, allowExpirationUnder365Days: true } }), ESTATE)).toEqual([]);
    expect(exportConfigIssues(parse({ lifecycle: { transitionToGlacierDays: 800, expirationDays: 730 } }), ESTATE).map((i) => i.message)).toEqual([
      "lifecycle.expirationDays must be greater than lifecycle.transitionToGlacierDays (800); got 730",
    ]);
  });

  it("fails on access logs written into the findings bucket", () => {
    expect(exportConfigIssues(parse({ accessLogging: { targetBucket: EXAMPLE.bucketName } }), ESTATE)).toEqual([{
      path: ["accessLogging", "targetBucket"],
      message: 'accessLogging.targetBucket must be another bucket than bucketName (logs would log themselves); got "acme-guardduty-findings"',
    }]);
  });
});
