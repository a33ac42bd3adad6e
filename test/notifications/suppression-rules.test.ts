import { GuarddutyFilter } from "@cdktf/provider-aws/lib/guardduty-filter";
import { SuppressionRules, SuppressionRulesProps } from "../../modules/notifications/suppression-rules";
import { addresses, resources, testStack } from "../helpers";
import { expectAllReported, foreignProvider } from "../topology/props-error";

const detectors = [
  { region: "eu-west-1", detectorId: "aaaa1111aaaa1111aaaa1111aaaa1111" },
  { region: "us-east-1", detectorId: "${aws_guardduty_detector.admin[\"us-east-1\"].id}" },
];

function build(props: Partial<SuppressionRulesProps> = {}) {
  const t = testStack();
  const s = new SuppressionRules(t.stack, "Suppression", {
    provider: t.provider, regions: ["eu-west-1", "us-east-1"], detectors,
    rules: [
      { name: "scanner-probes", description: "Known scanner", rank: 1, criteria: { type: { equals: ["Recon:EC2/PortProbeUnprotectedPort"] }, "service.action.networkConnectionAction.remoteIpDetails.ipAddressV4": { equals: ["198.51.100.7"] } } },
      { name: "low-in-sandbox", rank: 2, criteria: { accountId: { equals: ["444455556666"] }, severity: { lessThan: 4 } }, regions: ["eu-west-1"] },
    ],
    ...props,
  });
  return { doc: t.synth(), s };
}

test("creates one filter resource, for_each over <region>/<name>", () => {
  const { doc, s } = build();
  expect(addresses(doc)).toEqual(["aws_guardduty_filter.suppression_filter"]);
  expect(s.keys).toEqual(["eu-west-1/low-in-sandbox", "eu-west-1/scanner-probes", "us-east-1/scanner-probes"]);
  expect(Object.keys(resources(doc, GuarddutyFilter).suppression_filter.for_each)).toEqual(s.keys);
});

test("archives in the administrator detector of each region", () => {
  const filter = resources(build().doc, GuarddutyFilter).suppression_filter;
  expect(filter).toMatchObject({ action: "ARCHIVE", region: "${each.value.region}", detector_id: "${each.value.detector_id}", rank: "${each.value.rank}", name: "${each.value.name}" });
  expect(filter.for_each["us-east-1/scanner-probes"]).toMatchObject({ region: "us-east-1", detector_id: detectors[1].detectorId, rank: 1, description: "Known scanner" });
  expect(filter.for_each["eu-west-1/low-in-sandbox"].description).toBeNull();
});

test("writes each criterion with every operator, unset ones null, through a dynamic block keyed by field", () => {
  const filter = resources(build().doc, GuarddutyFilter).suppression_filter;
  expect(filter.for_each["eu-west-1/low-in-sandbox"].criterion).toEqual({
    accountId: { equals: ["444455556666"], not_equals: null, greater_than: null, greater_than_or_equal: null, less_than: null, less_than_or_equal: null },
    severity: { equals: null, not_equals: null, greater_than: null, greater_than_or_equal: null, less_than: "4", less_than_or_equal: null },
  });
  expect(filter.finding_criteria.dynamic.criterion).toMatchObject({ for_each: "${each.value.criterion}", content: { field: "${each.key}", equals: "${each.value.equals}" } });
});

test("applies a rule to every region of the estate unless it names regions", () => {
  expect(build().s.keys.filter((k) => k.endsWith("/scanner-probes"))).toEqual(["eu-west-1/scanner-probes", "us-east-1/scanner-probes"]);
  expect(build().s.keys.filter((k) => k.endsWith("/low-in-sandbox"))).toEqual(["eu-west-1/low-in-sandbox"]);
});

test("fails when a region has no detector ID", () => {
  expect(() => build({ detectors: [detectors[0]] })).toThrow("suppression rule scanner-probes needs the administrator detector ID of us-east-1; got detectors for eu-west-1");
});

test("fails without rules", () => {
  expect(() => build({ rules: [] })).toThrow("rules must list at least one suppression rule; got none");
});

test("fails with every problem at once: a foreign provider and every region a rule lacks a detector for", () => {
  const { app } = testStack();
  expectAllReported(() => build({ provider: foreignProvider(app), detectors: [] }), 'SuppressionRules "test/Suppression"', [
    ["provider", 'provider must be a provider of stack "test"; got provider "foreign" of stack "other"'],
    ["detectors", "suppression rule scanner-probes needs the administrator detector ID of eu-west-1; got detectors for no region"],
    ["detectors", "suppression rule scanner-probes needs the administrator detector ID of us-east-1; got detectors for no region"],
    ["detectors", "suppression rule low-in-sandbox needs the administrator detector ID of eu-west-1; got detectors for no region"],
  ]);
});
