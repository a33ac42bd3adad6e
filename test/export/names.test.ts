import {
  aliasNameProblems, bucketNameProblems, destinationArn, findingsKeyPrefix, findingsS3Uri, iamNameProblems, isAccountId, keyPrefix,
  prefixMarkerKey, prefixProblems, queueNameProblems, subjectIdProblems,
} from "../../modules/export/names";

describe("S3 bucket names", () => {
  it.each(["abc", "acme-guardduty-findings", "findings.2025.acme", "a".repeat(63), "0-findings-9"])("accepts %s", (name) => {
    expect(bucketNameProblems("bucketName", name)).toEqual([]);
  });

  it.each<[string, RegExp]>([
    ["ab", /3 to 63 characters/],
    ["a".repeat(64), /3 to 63 characters/],
    ["acme_findings", /only lowercase letters, digits/],
    ["-acme", /begin and end with a lowercase letter or digit/],
    ["acme.", /begin and end/],
    ["a..b", /two adjacent periods/],
    ["10.0.0.1", /IP address/],
    ["sthree-findings", /reserved prefix "sthree-"/],
    ["amzn-s3-demo-findings", /reserved prefix "amzn-s3-demo-"/],
    ["findings--ol-s3", /reserved suffix "--ol-s3"/],
    ["findings.mrap", /reserved suffix "\.mrap"/],
    ["findings--x-s3", /reserved suffix "--x-s3"/],
    ["findings--table-s3", /reserved suffix "--table-s3"/],
  ])("fails on %s", (name, message) => {
    const problems = bucketNameProblems("bucketName", name);
    expect(problems.join("\n")).toMatch(message);
    expect(problems.every((p) => p.startsWith("bucketName ") && p.includes(`got "${name}"`))).toBe(true);
  });
});

describe("export prefixes", () => {
  it.each(["guardduty", "security/guardduty", "gd_findings-2025", "a.b"])("accepts %s", (prefix) => {
    expect(prefixProblems("prefix", prefix)).toEqual([]);
  });

  it.each<[string, RegExp]>([
    ["", /1 to 512 characters/],
    ["/guardduty", /must not begin or end with "\/"/],
    ["guardduty/", /must not begin or end with "\/"/],
    ["a//b", /empty \("\/\/"\)/],
    ["a/../b", /"\.\." segments/],
    ["guard*", /may contain only letters/],
    ["guard?", /may contain only letters/],
    ["${aws:username}", /may contain only letters/],
    ["guard duty", /may contain only letters/],
  ])("fails on %j", (prefix, message) => {
    expect(prefixProblems("prefix", prefix).join("\n")).toMatch(message);
  });
});

describe("other names", () => {
  it("knows account IDs", () => {
    expect(isAccountId("123456789012")).toBe(true);
    expect(isAccountId("12345678901")).toBe(false);
    expect(isAccountId("12345678901a")).toBe(false);
  });

  it("checks IAM names, queue names, aliases and subject IDs", () => {
    expect(iamNameProblems("roleName", "secops+reader@acme")).toEqual([]);
    expect(iamNameProblems("roleName", "x".repeat(65))).toHaveLength(1);
    expect(queueNameProblems("queueName", "guardduty-findings_1")).toEqual([]);
    expect(queueNameProblems("queueName", "a.fifo")).toHaveLength(1);
    expect(aliasNameProblems("aliasName", "alias/guardduty/findings")).toEqual([]);
    expect(aliasNameProblems("aliasName", "alias/")).toHaveLength(1);
    expect(subjectIdProblems("subjectId", "113456789012345678901")).toEqual([]);
    expect(subjectIdProblems("subjectId", "abc")).toHaveLength(1);
  });
});

describe("keys, URIs and ARNs of the export", () => {
  it("builds the findings key prefix with and without a prefix", () => {
    expect(keyPrefix(undefined)).toBe("");
    expect(keyPrefix("guardduty")).toBe("guardduty/");
    expect(findingsKeyPrefix("guardduty", "222222222222")).toBe("guardduty/AWSLogs/222222222222/GuardDuty/");
    expect(findingsKeyPrefix(undefined, "222222222222")).toBe("AWSLogs/222222222222/GuardDuty/");
  });

  it("builds the S3 URI the SecOps feed reads", () => {
    expect(findingsS3Uri("acme", "guardduty", "222222222222")).toBe("s3://acme/guardduty/AWSLogs/222222222222/GuardDuty/");
    expect(findingsS3Uri("acme", undefined, "222222222222")).toBe("s3://acme/AWSLogs/222222222222/GuardDuty/");
  });

  it("builds the destination ARN without a trailing slash, in the partition", () => {
    expect(destinationArn("aws", "acme", "guardduty")).toBe("arn:aws:s3:::acme/guardduty");
    expect(destinationArn("aws-us-gov", "acme", undefined)).toBe("arn:aws-us-gov:s3:::acme");
  });

  it("names the prefix marker <prefix>/", () => {
    expect(prefixMarkerKey("security/guardduty")).toBe("security/guardduty/");
  });
});
