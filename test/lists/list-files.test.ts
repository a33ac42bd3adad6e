import {
  GUARDDUTY_LIST_FORMATS, LIST_LIMITS, guardDutyServiceLinkedRoleArn, isIpOrCidr, listLocation, listNameProblems, listObjectKey,
  parseS3Uri, readTxtList,
} from "../../modules/lists/list-files";

describe("list files", () => {
  test("AWS's limits, as the GuardDuty User Guide gives them", () => {
    expect(LIST_LIMITS.listsPerRegion).toEqual({ trusted: 1, threat: 6 });
    expect(LIST_LIMITS.entriesPerList).toEqual({ trusted: 2000, threat: 250_000 });
    expect(LIST_LIMITS.maxFileBytes).toBe(35_000_000);
    expect(GUARDDUTY_LIST_FORMATS).toEqual(["TXT", "STIX", "OTX_CSV", "ALIEN_VAULT", "FIRE_EYE", "PROOF_POINT"]);
  });

  test.each(["203.0.113.10", "198.51.100.0/24", "0.0.0.0/0", "2001:db8::1", "2001:db8::/32", "::/0"])("accepts %s", (entry) => {
    expect(isIpOrCidr(entry)).toBe(true);
  });

  test.each(["10.0.0.300", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/8/8", "example.com", "10.0.0.0 /8", "10.0.0.0/-1"])(
    "fails on %s", (entry) => {
      expect(isIpOrCidr(entry)).toBe(false);
    },
  );

  test("a TXT list counts its entries and names its bad lines, skipping blanks and comments", () => {
    expect(readTxtList("# egress\r\n203.0.113.10\r\n\r\n  198.51.100.0/24  \r\nbad\r\n")).toEqual({ entries: 2, bad: [{ line: 5, text: "bad" }] });
  });

  test("names: letters, digits, - and _", () => {
    expect(listNameProblems("name", "office_egress-2")).toEqual([]);
    expect(listNameProblems("name", "office egress")).toEqual(['name must be 1 to 300 letters, digits, "-" and "_"; got "office egress"']);
    expect(listNameProblems("name", "")).toHaveLength(1);
    expect(listNameProblems("name", "a".repeat(301))).toHaveLength(1);
  });

  test("an uploaded list's key changes with its content (so GuardDuty re-reads it) and keeps the file's extension", () => {
    const key = listObjectKey("office", "TXT", "203.0.113.10\n", "lists/office.txt");
    expect(key).toMatch(/^guardduty-lists\/office-[0-9a-f]{16}\.txt$/);
    expect(listObjectKey("office", "TXT", "203.0.113.10\n", "lists/office.txt")).toBe(key);
    expect(listObjectKey("office", "TXT", "203.0.113.11\n", "lists/office.txt")).not.toBe(key);
    expect(listObjectKey("feed", "STIX", "<stix/>")).toMatch(/^guardduty-lists\/feed-[0-9a-f]{16}\.xml$/);
  });

  test("locations: the global path-style URL in aws, the regional one elsewhere", () => {
    expect(listLocation("aws", "eu-west-1", "acme", "guardduty-lists/a.txt")).toBe("https://s3.amazonaws.com/acme/guardduty-lists/a.txt");
    expect(listLocation("aws-cn", "cn-north-1", "acme", "a.txt")).toBe("https://s3.cn-north-1.amazonaws.com.cn/acme/a.txt");
    expect(parseS3Uri("s3://acme-intel/feeds/stix.xml")).toEqual({ bucket: "acme-intel", key: "feeds/stix.xml" });
    expect(parseS3Uri("s3://acme-intel/")).toBeUndefined();
    expect(parseS3Uri("https://acme-intel.s3.amazonaws.com/x")).toBeUndefined();
  });

  test("the service-linked role that reads the lists", () => {
    expect(guardDutyServiceLinkedRoleArn("aws", "222222222222"))
      .toBe("arn:aws:iam::222222222222:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty");
  });
});
