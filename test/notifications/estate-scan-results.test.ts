/**
 * `notifications.malwareScanResults` in the estate: the forwarding of each bucket account and region is derived from
 * the `s3MalwareProtection` section, lives under the notifications wiring (so a decommission "prepare", which removes
 * the notifications, removes it all), and the review's routing follows each bucket's threats found to each channel once.
 */
import { routedRules, scanResultDeliveries } from "../../modules/review/routing";
import { addresses, ACCOUNTS } from "../helpers";
import { exampleRaw, synthApp, synthEstate } from "../estate/fixtures";

const WORKLOAD = "555555555555";

/** The bundled example with buckets in the security account (home and another region), log archive and a workload account. */
function raw(extra: Record<string, unknown> = {}): any {
  const r = exampleRaw();
  r.notifications = { ...r.notifications, malwareScanResults: true };
  r.s3MalwareProtection = {
    accounts: [{ accountId: WORKLOAD }],
    buckets: [
      { account: "security", region: r.homeRegion, bucketName: "acme-security-drop" },
      { account: "security", region: r.regions.find((x: string) => x !== r.homeRegion), bucketName: "acme-security-drop-2" },
      { account: "logArchive", region: r.homeRegion, bucketName: "acme-uploads" },
      { account: WORKLOAD, region: r.regions.find((x: string) => x !== r.homeRegion), bucketName: "acme-workload-files" },
    ],
  };
  return { ...r, ...extra };
}

test("each bucket account forwards from its buckets' regions on its own provider; the home region of the security account does not", () => {
  const { doc } = synthEstate(raw());
  const rules = doc.resource!.aws_cloudwatch_event_rule;
  const forward = Object.entries<any>(rules).filter(([name]) => /scan_results_\d+_rule$/.test(name));
  const r = raw();
  const other = r.regions.find((x: string) => x !== r.homeRegion);
  expect(Object.fromEntries(forward.map(([name, v]) => [name, { provider: v.provider, regions: Object.keys(v.for_each) }]))).toEqual({
    [`estate_notifications_scan_results_${ACCOUNTS.security}_rule`]: { provider: "aws.security", regions: [other] },
    [`estate_notifications_scan_results_${ACCOUNTS.logArchive}_rule`]: { provider: "aws.log-archive", regions: [r.homeRegion] },
    [`estate_notifications_scan_results_${WORKLOAD}_rule`]: { provider: `aws.account-${WORKLOAD}`, regions: [other] },
  });
  const policy = JSON.parse(doc.resource!.aws_cloudwatch_event_bus_policy.estate_notifications_scan_results_bus_policy.policy);
  expect(policy.Statement[0].Principal.AWS).toEqual([`arn:aws:iam::${ACCOUNTS.logArchive}:root`, `arn:aws:iam::${WORKLOAD}:root`]);
});

test("the review follows threats found in every bucket to each channel once, and clean results nowhere", () => {
  const { doc } = synthEstate(raw());
  const rules = routedRules(doc as any);
  const r = raw();
  const other = r.regions.find((x: string) => x !== r.homeRegion);
  const sources: Array<[string, string]> = [[ACCOUNTS.security, r.homeRegion], [ACCOUNTS.security, other], [ACCOUNTS.logArchive, r.homeRegion], [WORKLOAD, other]];
  for (const [account, region] of sources) {
    const d = scanResultDeliveries(rules, account, region);
    expect(d.size).toBeGreaterThan(0);
    expect({ account, region, times: [...new Set(d.values())] }).toEqual({ account, region, times: [1] });
    expect(scanResultDeliveries(rules, account, region, "NO_THREATS_FOUND").size).toBe(0);
  }
});

test("without malwareScanResults nothing of it is synthesized", () => {
  const r = raw();
  delete r.notifications.malwareScanResults;
  expect(addresses(synthEstate(r).doc).filter((a) => /scan_results|malware_1/.test(a))).toEqual([]);
});

test("decommission prepare removes the scan-result notifications with the notifications, and keeps the plans", () => {
  const prepared = synthEstate(raw({ decommission: "prepare" })).doc;
  const all = addresses(prepared);
  expect(all.filter((a) => a.includes("notifications"))).toEqual([]);
  expect(all.filter((a) => a.startsWith("aws_guardduty_malware_protection_plan."))).toHaveLength(3);
  const destroys = (prepared.locals!.estate_decommission_phase as { destroys: string[] }).destroys;
  expect(destroys).toEqual(expect.arrayContaining([
    "aws_cloudwatch_event_bus_policy.estate_notifications_scan_results_bus_policy",
    `aws_cloudwatch_event_rule.estate_notifications_scan_results_${WORKLOAD}_rule`,
    "aws_cloudwatch_event_rule.estate_notifications_scan_results_rules_malware_1",
  ]));
});

test("split by region, the home stack holds all of it, at the same addresses as unsplit", () => {
  const { stacks } = synthApp(raw({ stacks: { split: "region" } }));
  const scan = (a: string) => /scan_results/.test(a);
  const holding = Object.entries(stacks).filter(([, d]) => addresses(d).some(scan)).map(([name]) => name);
  expect(holding).toEqual(["guardduty-home"]);
  expect(addresses(stacks["guardduty-home"]).filter(scan)).toEqual(addresses(synthEstate(raw()).doc).filter(scan));
});
