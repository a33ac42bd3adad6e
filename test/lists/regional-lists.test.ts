import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { FindingsExport } from "../../modules/export/findings-export";
import { GuardDutyLists } from "../../modules/lists/guardduty-lists";
import { ListUploads } from "../../modules/lists/list-uploads";
import { ThreatIntelSets } from "../../modules/lists/threat-intel-sets";
import { TrustedIpLists } from "../../modules/lists/trusted-ip-lists";
import { exportStack, minimalProps } from "../export/stack";
import { resources, testStack } from "../helpers";

const DETECTORS = [
  { region: "eu-west-1", detectorId: "d1" },
  { region: "us-east-1", detectorId: "d2" },
];
const OFFICE = { name: "office", format: "TXT" as const, location: "https://s3.amazonaws.com/acme-lists/office.txt" };
const feed = (name: string) => ({ name, format: "STIX" as const, location: `s3://acme-intel/${name}.xml` });

const keysOf = (block: { for_each: Record<string, unknown> }) => Object.keys(block.for_each).sort();

describe("TrustedIpLists (and the checks both kinds share)", () => {
  test("one ipset per region and list, from the administrator's provider, activated by default", () => {
    const { stack, provider, synth } = testStack();
    new TrustedIpLists(stack, "Trusted", { provider, detectors: DETECTORS, lists: [OFFICE] });
    const ipset = resources(synth(), "aws_guardduty_ipset").trusted_ip_set;
    expect(keysOf(ipset)).toEqual(["eu-west-1/office", "us-east-1/office"]);
    expect(ipset.for_each["us-east-1/office"]).toEqual({ region: "us-east-1", detector_id: "d2", name: "office", format: "TXT", location: OFFICE.location, activate: true });
    expect(ipset).toMatchObject({ provider: "aws.security", region: "${each.value.region}", detector_id: "${each.value.detector_id}", activate: "${each.value.activate}" });
  });

  test("a deactivated list stays, inactive", () => {
    const { stack, provider, synth } = testStack();
    new TrustedIpLists(stack, "Trusted", { provider, detectors: DETECTORS, lists: [{ ...OFFICE, activate: false }] });
    expect(resources(synth(), "aws_guardduty_ipset").trusted_ip_set.for_each["eu-west-1/office"].activate).toBe(false);
  });

  test("fails on a second trusted list: AWS allows one per account and Region", () => {
    const { stack, provider } = testStack();
    expect(() => new TrustedIpLists(stack, "Trusted", { provider, detectors: DETECTORS, lists: [OFFICE, { ...OFFICE, name: "vpn" }] }))
      .toThrow(/lists must be 1 to 1 trusted list \(GuardDuty's quota per account and Region\); got 2/);
  });

  test("fails with every problem at once: name, format, location, duplicate, region", () => {
    const { stack, provider } = testStack();
    let message = "";
    try {
      new ThreatIntelSets(stack, "Threat", {
        provider,
        detectors: [...DETECTORS, { region: "eu-wst-1", detectorId: "d3" }],
        lists: [{ ...feed("ab"), name: "a b", format: "CSV" as never }, { ...feed("x"), location: "ftp://acme/x" }, feed("x")],
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split("\n")).toEqual([
      'ThreatIntelSets "test/Threat" has 5 invalid properties:',
      ' - detectors[].region must contain known AWS region codes (e.g. eu-west-1); got "eu-wst-1"',
      ' - lists[0].name must be 1 to 300 letters, digits, "-" and "_"; got "a b"',
      ' - lists[0].format must be one of TXT, STIX, OTX_CSV, ALIEN_VAULT, FIRE_EYE, PROOF_POINT; got "CSV"',
      ' - lists[2].name must be unique (GuardDuty names are unique per account and Region); got "x"',
      ' - lists[1].location must be an https:// or s3:// location of at most 300 characters; got "ftp://acme/x"',
    ]);
  });

  test("fails on a provider of another stack", () => {
    const { app, stack } = testStack();
    const other = new AwsProvider(new TerraformStack(app, "other"), "aws", { region: "eu-west-1" });
    expect(() => new TrustedIpLists(stack, "Trusted", { provider: other, detectors: DETECTORS, lists: [OFFICE] })).toThrow(/provider/);
  });
});

describe("ThreatIntelSets", () => {
  test("six lists in every region; adding a list only adds addresses", () => {
    const five = testStack();
    new ThreatIntelSets(five.stack, "Threat", { provider: five.provider, detectors: DETECTORS, lists: ["a", "b", "c", "d", "e"].map(feed) });
    const six = testStack();
    new ThreatIntelSets(six.stack, "Threat", { provider: six.provider, detectors: DETECTORS, lists: ["a", "b", "c", "d", "e", "f"].map(feed) });
    const before = keysOf(resources(five.synth(), "aws_guardduty_threatintelset").threat_threat_intel_set);
    const after = keysOf(resources(six.synth(), "aws_guardduty_threatintelset").threat_threat_intel_set);
    expect(after).toEqual([...before, "eu-west-1/f", "us-east-1/f"].sort());
  });

  test("fails on a seventh threat list", () => {
    const { stack, provider } = testStack();
    expect(() => new ThreatIntelSets(stack, "Threat", { provider, detectors: DETECTORS, lists: ["a", "b", "c", "d", "e", "f", "g"].map(feed) }))
      .toThrow(/lists must be 1 to 6 threat lists \(GuardDuty's quota per account and Region\); got 7/);
  });
});

describe("ListUploads", () => {
  test("uploads each file's text by name, SSE-KMS with the key, at a content-addressed key; template syntax is escaped", () => {
    const { stack, provider, synth } = testStack();
    const uploads = new ListUploads(stack, "Uploads", {
      provider, region: "eu-west-1", bucketName: "acme-findings", keyArn: "arn:aws:kms:eu-west-1:333333333333:key/k",
      files: [{ name: "feed", format: "STIX", content: "<x a=\"${b}\" c=\"%{d}\"/>" }],
    });
    const object = resources(synth(), "aws_s3_object").uploads_object;
    expect(object).toMatchObject({ bucket: "acme-findings", server_side_encryption: "aws:kms", kms_key_id: "arn:aws:kms:eu-west-1:333333333333:key/k", region: "eu-west-1" });
    expect(object.for_each.feed).toEqual({ key: uploads.objectKeys.feed, content: "<x a=\"$${b}\" c=\"%%{d}\"/>" });
    expect(uploads.objectKeys.feed).toMatch(/^guardduty-lists\/feed-[0-9a-f]{16}\.xml$/);
  });

  test("fails on an empty file and a duplicate name", () => {
    const { stack, provider } = testStack();
    expect(() => new ListUploads(stack, "Uploads", {
      provider, region: "eu-west-1", bucketName: "acme-findings", keyArn: "k",
      files: [{ name: "a", format: "TXT", content: "" }, { name: "a", format: "TXT", content: "10.0.0.1" }],
    })).toThrow(/files\[1\]\.name must be unique \(GuardDuty names are unique per account and Region\); got "a"\n - files\[0\]\.content must be 1 to 35000000 bytes \(GuardDuty's 35 MB\); got "0 bytes"/);
  });
});

describe("GuardDutyLists", () => {
  test("a kind without lists creates nothing; existing locations are given to GuardDuty as they are", () => {
    const { stack, provider, synth } = testStack();
    const lists = new GuardDutyLists(stack, "Lists", {
      partition: "aws", administratorProvider: provider, detectors: DETECTORS,
      lists: [{ name: "feed", kind: "threat", format: "STIX", location: "s3://acme-intel/feed.xml" }],
    });
    expect(lists.trusted).toBeUndefined();
    expect(lists.uploads).toBeUndefined();
    const doc = synth();
    expect(Object.keys(doc.resource ?? {})).toEqual(["aws_guardduty_threatintelset"]);
    expect(resources(doc, "aws_guardduty_threatintelset").lists_threat_threat_intel_set.for_each["eu-west-1/feed"].location).toBe("s3://acme-intel/feed.xml");
  });

  test("fails on a local file without an upload target, and on a list with two sources", () => {
    const { stack, provider } = testStack();
    expect(() => new GuardDutyLists(stack, "Lists", {
      partition: "aws", administratorProvider: provider, detectors: DETECTORS,
      lists: [
        { name: "office", kind: "trusted", format: "TXT", file: { content: "10.0.0.1\n" } },
        { name: "feed", kind: "threat", format: "STIX", file: { content: "<x/>" }, location: "s3://acme-intel/feed.xml" },
      ],
    })).toThrow(/lists\[1\] must be a list with exactly one of file and location; got "feed"\n - upload must be given when a list has a file/);
  });

  test("uploaded lists are read after their upload, from the uploaded object's location", () => {
    const { stack, provider, synth } = testStack();
    const lists = new GuardDutyLists(stack, "Lists", {
      partition: "aws", administratorProvider: provider, detectors: DETECTORS,
      lists: [{ name: "office", kind: "trusted", format: "TXT", file: { content: "10.0.0.1\n", fileName: "office.txt" } }],
      upload: { provider, region: "eu-west-1", bucketName: "acme-findings", keyArn: "arn:aws:kms:eu-west-1:333333333333:key/k" },
    });
    const ipset = resources(synth(), "aws_guardduty_ipset").lists_trusted_ip_set;
    expect(ipset.depends_on).toEqual(["aws_s3_object.lists_uploads_object"]);
    expect(ipset.for_each["eu-west-1/office"].location).toBe(`https://s3.amazonaws.com/acme-findings/${lists.uploads!.objectKeys.office}`);
    expect(lists.locations.office).toMatch(/^https:\/\/s3\.amazonaws\.com\/acme-findings\/guardduty-lists\/office-[0-9a-f]{16}\.txt$/);
  });
});

test("the constructs synthesize with validations on", () => {
  const { stack, provider } = testStack();
  new TrustedIpLists(stack, "Trusted", { provider, detectors: DETECTORS, lists: [OFFICE] });
  expect(() => Testing.synth(stack, true)).not.toThrow();
});

describe("FindingsExport with GuardDuty lists", () => {
  test("fails on a lists prefix without its trailing slash", () => {
    const { stack, security, logArchive } = exportStack();
    expect(() => new FindingsExport(stack, "Export", { ...minimalProps(security, logArchive), guardDutyListsPrefix: "guardduty-lists" }))
      .toThrow(/guardDutyListsPrefix must end with "\/" \(e\.g\. "guardduty-lists\/"\); got "guardduty-lists"/);
  });

  test("with a lists prefix, the bucket account may encrypt its uploads with the key of another account", () => {
    const { stack, security, logArchive, synth } = exportStack();
    new FindingsExport(stack, "Export", {
      ...minimalProps(security, logArchive), keyProvider: security, keyAccountId: "222222222222", guardDutyListsPrefix: "guardduty-lists/",
    });
    const policy = JSON.parse(Object.values(resources(synth(), "aws_kms_key"))[0].policy);
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(expect.arrayContaining(["AllowPrefixMarkerUploadThroughS3", "AllowGuardDutyListsDecryptThroughS3"]));
  });
});
