import { findingsAccess } from "../../modules/review/findings-access";
import { exampleStacks } from "./fixtures";

test("finds the findings bucket and key from the publishing destinations and summarizes their policies", () => {
  const [a] = findingsAccess(exampleStacks()[0].doc);
  expect(a).toMatchObject({
    bucketName: "example-guardduty-findings-333333333333", prefix: "guardduty",
    bucketProvider: "log-archive", keyProvider: "security", destinationProviders: ["security"],
    regions: ["eu-west-1", "me-south-1", "us-east-1"], preventDestroy: { bucket: true, key: true }, prefixObject: true,
  });
  expect(a.bucketStatements.some((s) => s.startsWith("Allow service guardduty.me-south-1.amazonaws.com: ") && s.includes("s3:PutObject"))).toBe(true);
  expect(a.bucketStatements).toContain(
    "Deny anyone (*): s3:* on arn:aws:s3:::example-guardduty-findings-333333333333, arn:aws:s3:::example-guardduty-findings-333333333333/* if aws:SecureTransport Bool false");
  expect(a.keyStatements.some((s) => s.includes("kms:GenerateDataKey") && s.includes("aws:SourceAccount StringEquals 222222222222"))).toBe(true);
  expect(a.identityGrants.every((g) => g.startsWith("role guardduty-findings-secops-reader (assumed by federated accounts.google.com"))).toBe(true);
  expect(a.identityGrants.some((g) => g.includes("s3:GetObject"))).toBe(true);
  expect(a.identityGrants.some((g) => /s3:(Put|Delete)/.test(g))).toBe(false);
});

test("without an export there is nothing to summarize", () => {
  expect(findingsAccess(exampleStacks((raw) => delete raw.export)[0].doc)).toEqual([]);
});

test("notices a turned-off prevent_destroy", () => {
  const [a] = findingsAccess(exampleStacks((raw) => (raw.export.preventDestroy = false))[0].doc);
  expect(a.preventDestroy).toEqual({ bucket: false, key: false });
});
