import {
  arns, consoleDomain, DEFAULT_ENABLED_COMMERCIAL_REGIONS, guardDutyServicePrincipal, guardDutyServicePrincipals,
  isKnownRegion, isOptInRegion, OPT_IN_REGIONS, partitionOf, shortRegion,
} from "../../modules/topology/regions";

test("knows the 17 default-enabled commercial regions, none opt-in", () => {
  expect(DEFAULT_ENABLED_COMMERCIAL_REGIONS).toHaveLength(17);
  for (const r of DEFAULT_ENABLED_COMMERCIAL_REGIONS) expect(isOptInRegion(r)).toBe(false);
});

test("opt-in regions use GuardDuty's regional service principal", () => {
  expect(OPT_IN_REGIONS).toContain("me-south-1");
  expect(guardDutyServicePrincipal("me-south-1")).toBe("guardduty.me-south-1.amazonaws.com");
  expect(guardDutyServicePrincipal("eu-west-1")).toBe("guardduty.amazonaws.com");
  expect(guardDutyServicePrincipals(["us-east-1", "me-south-1", "eu-west-1", "af-south-1"])).toEqual([
    "guardduty.af-south-1.amazonaws.com", "guardduty.amazonaws.com", "guardduty.me-south-1.amazonaws.com",
  ]);
});

test("partitions and console domains are correct for aws, aws-us-gov and aws-cn", () => {
  expect(partitionOf("eu-west-1")).toBe("aws");
  expect(partitionOf("us-gov-west-1")).toBe("aws-us-gov");
  expect(partitionOf("cn-north-1")).toBe("aws-cn");
  expect(consoleDomain("aws")).toBe("console.aws.amazon.com");
  expect(consoleDomain("aws-us-gov")).toBe("console.amazonaws-us-gov.com");
  expect(consoleDomain("aws-cn")).toBe("console.amazonaws.cn");
});

test("ARNs carry the partition", () => {
  expect(arns.detector("aws-us-gov", "us-gov-west-1", "111122223333", "abc")).toBe("arn:aws-us-gov:guardduty:us-gov-west-1:111122223333:detector/abc");
  expect(arns.role("aws-cn", "111122223333", "R")).toBe("arn:aws-cn:iam::111122223333:role/R");
  expect(arns.bucket("aws", "b")).toBe("arn:aws:s3:::b");
});

test("short region codes are stable and distinct", () => {
  expect(shortRegion("eu-west-1")).toBe("euw1");
  expect(shortRegion("me-south-1")).toBe("mes1");
  expect(shortRegion("us-gov-west-1")).toBe("usgovw1");
  const all = [...DEFAULT_ENABLED_COMMERCIAL_REGIONS, ...OPT_IN_REGIONS].map(shortRegion);
  expect(new Set(all).size).toBe(all.length);
});

test("fails on an unknown region code, naming it", () => {
  expect(isKnownRegion("eu-wst-1")).toBe(false);
  expect(() => partitionOf("eu-wst-1")).toThrow(/known AWS region code.*got "eu-wst-1"/);
});
