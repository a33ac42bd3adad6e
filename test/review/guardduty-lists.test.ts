import { App, Testing } from "cdktf";
import * as ipLists from "../../examples/ip-lists";
import { buildReview } from "../../modules/review/report";
import { guardDutyLists } from "../../modules/review/guardduty-lists";

function exampleStack() {
  const stack = ipLists.build(Testing.app() as App);
  return { stack: stack.node.id, doc: JSON.parse(Testing.synth(stack)) };
}

test("the review lists every GuardDuty list per region, and draws each onto its region's detector", () => {
  const s = exampleStack();
  expect(guardDutyLists([s.doc]).map((l) => `${l.region} ${l.kind} ${l.name} ${l.format} ${l.active}`)).toEqual([
    "eu-west-1 trusted office-egress TXT true",
    "eu-west-1 threat intel-feed STIX true",
    "us-east-1 trusted office-egress TXT true",
    "us-east-1 threat intel-feed STIX true",
  ]);
  const { markdown } = buildReview([s]);
  expect(markdown).toContain("## Trusted IP lists and threat lists, per region");
  expect(markdown).toContain("| us-east-1 | threat | intel-feed | STIX | yes | `s3://example-threat-intel-222222222222/feeds/current.xml` |");
  expect(markdown).toMatch(/\| eu-west-1 \| trusted \| office-egress \| TXT \| yes \| `https:\/\/s3\.amazonaws\.com\/example-guardduty-findings-333333333333\/guardduty-lists\/office-egress-[0-9a-f]{16}\.txt` \|/);
  expect(markdown).toContain("  list_office_egress -->|trusted| det_us_east_1");
  expect(markdown).toContain("  list_intel_feed -->|threat| det_eu_west_1");
});

test("an estate without lists says so", () => {
  expect(buildReview([]).markdown).toContain("No trusted IP list or threat list is configured.");
});
