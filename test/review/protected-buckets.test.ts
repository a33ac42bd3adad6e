/**
 * The review of an estate with protected buckets: each bucket listed with its account, region, prefixes and tagging,
 * the reminder that its own policy must deny reads of objects not found clean, and the bucket in the diagram.
 */
import { buildReview } from "../../modules/review/report";
import { protectedBuckets } from "../../modules/review/protected-buckets";
import { exampleStacks } from "./fixtures";

const WORKLOAD = "555555555555";
const stacks = exampleStacks((raw) => {
  raw.s3MalwareProtection = {
    accounts: [{ accountId: WORKLOAD }],
    buckets: [
      { account: "logArchive", region: "eu-west-1", bucketName: "acme-uploads", objectPrefixes: ["incoming/", "scans/"] },
      { account: WORKLOAD, region: "us-east-1", bucketName: "acme-workload-files", tagging: false },
    ],
  };
});

describe("protected buckets in the review", () => {
  const { markdown, warnings } = buildReview(stacks);

  test("reads every protected bucket from the synthesized plans", () => {
    expect(protectedBuckets(stacks[0].doc)).toEqual([
      {
        address: 'aws_guardduty_malware_protection_plan.estate_malware_protection_333333333333_plan["333333333333/eu-west-1/acme-uploads"]',
        bucketName: "acme-uploads", region: "eu-west-1", providerAlias: "log-archive", accountId: "333333333333",
        objectPrefixes: ["incoming/", "scans/"], tagging: "ENABLED",
        scanRoleArn: "arn:aws:iam::333333333333:role/guardduty-s3-malware-acme-uploads",
      },
      {
        address: `aws_guardduty_malware_protection_plan.estate_malware_protection_${WORKLOAD}_plan["${WORKLOAD}/us-east-1/acme-workload-files"]`,
        bucketName: "acme-workload-files", region: "us-east-1", providerAlias: `account-${WORKLOAD}`, accountId: WORKLOAD,
        objectPrefixes: [], tagging: "DISABLED",
        scanRoleArn: `arn:aws:iam::${WORKLOAD}:role/guardduty-s3-malware-acme-workload-files`,
      },
    ]);
  });

  test("lists each bucket, with the bucket-policy reminder and the statements to add", () => {
    const section = markdown.split("## Buckets scanned by Malware Protection for S3")[1].split("\n## ")[0];
    expect(section).toContain("| acme-uploads | log-archive (333333333333) | eu-west-1 | `incoming/`, `scans/` | ENABLED |");
    expect(section).toContain(`| acme-workload-files | account-${WORKLOAD} (${WORKLOAD}) | us-east-1 | whole bucket | DISABLED |`);
    expect(section).toContain("each bucket's own policy should deny reads of objects whose `GuardDutyMalwareScanStatus` tag is not `NO_THREATS_FOUND`");
    const statements = JSON.parse(section.split("```json\n")[1].split("\n```")[0]).Statement;
    expect(statements.map((s: any) => s.Sid)).toEqual(["NoReadExceptForClean", "OnlyGuardDutyCanTag"]);
    expect(statements[0].Condition.ArnNotEquals["aws:PrincipalArn"]).toBe("arn:aws:iam::333333333333:role/guardduty-s3-malware-acme-uploads");
  });

  test("warns, bucket by bucket, what the reviewer must check", () => {
    expect(warnings).toContain(
      "Protected bucket acme-uploads (eu-west-1): check that its own bucket policy denies reads of objects whose GuardDutyMalwareScanStatus tag is not NO_THREATS_FOUND (not managed by this estate).",
    );
    expect(warnings.find((w) => w.startsWith("Protected bucket acme-workload-files"))).toMatch(/tagging off/);
  });

  test("draws each bucket in the diagram", () => {
    const diagram = markdown.split("```mermaid")[1];
    expect(diagram).toContain('mp_eu_west_1 -->|scan + tag| s3mp_acme_uploads[("s3://acme-uploads<br>log-archive")]');
    expect(diagram).toContain(`mp_us_east_1 -->|scan| s3mp_acme_workload_files[("s3://acme-workload-files<br>account-${WORKLOAD}")]`);
  });

  test("says so when no bucket is protected", () => {
    expect(buildReview(exampleStacks()).markdown).toContain("No bucket is protected by Malware Protection for S3.");
  });
});
