/**
 * Properties of what generated estates synthesize, read back the way AWS would act on it:
 * - exactly-once delivery: a finding of any severity from any region, followed through the synthesized rules and
 *   targets by the project's own evaluator (modules/review/routing.ts, event-pattern.ts), reaches each channel whose
 *   threshold and filters it meets exactly once, and no other channel;
 * - the findings export's bucket and key policies, their interpolations rendered as Terraform would, decided by the
 *   IAM simulator (test/export/simulate.ts) on a sample of estates: GuardDuty's principal acting for the estate's
 *   detector of each region may write and encrypt, another account's detector may not, no request without TLS.
 * GD_PROPERTY_RUNS / GD_PROPERTY_SEED / GD_PROPERTY_PATH as in estate.properties.test.ts.
 */
import fc from "fast-check";
import { deliveries, routedRules } from "../../modules/review/routing";
import { SAMPLE_ACCOUNT as EVENT_ACCOUNT } from "./arbitraries";
import { isOptInRegion } from "../../modules/topology/regions";
import { severityThreshold } from "../../modules/notifications/severity";
import { instanceArgument, resourceInstances } from "../../modules/review/synthesized";
import { sampleFindingEvent } from "../../modules/review/event-pattern";
import { synthEstate } from "../estate/fixtures";
import { decide, type Request } from "../export/simulate";
import { ACCOUNTS, GROWTH_MEMBER, estateArb, oneStackEstateArb, params } from "./arbitraries";
import { policyTexts, renderedPolicy, renderReference, synthStacks } from "./synthesized";

jest.setTimeout(300_000);

const SAMPLE = sampleFindingEvent(5).detail as { type: string; accountId: string };
test("the delivery property's filters are drawn around the finding the evaluator follows", () => {
  expect(SAMPLE.accountId).toBe(EVENT_ACCOUNT);
});

interface Filter {
  readonly minSeverity?: string | number;
  readonly findingTypePrefixes?: string[];
  readonly accountIds?: string[];
}

/** Whether a channel with this filter wants the sample finding at `severity` (GuardDuty's documented semantics). */
function wants(f: Filter, severity: number): boolean {
  return severity >= severityThreshold(f.minSeverity as never)
    && (f.findingTypePrefixes === undefined || f.findingTypePrefixes.some((p) => SAMPLE.type.startsWith(p)))
    && (f.accountIds === undefined || f.accountIds.includes(SAMPLE.accountId));
}

/** Each configured channel as routing.ts names what finally receives a finding, with its filter. */
function channelsOf(notifications: any): Array<[string, Filter]> {
  const c = notifications.channels;
  const out: Array<[string, Filter]> = [];
  for (const a of c.email?.addresses ?? []) out.push([`email ${a}`, c.email]);
  for (const s of c.slack ?? []) out.push([`Slack ${s.workspaceId}/${s.channelId}`, s]);
  for (const t of c.teams ?? []) out.push([`Teams ${t.teamId}/${t.channelId}`, t]);
  for (const l of c.lambda ?? []) out.push([`Lambda ${l.functionArn.split(":").slice(6).join(":")}`, l]);
  for (const w of c.webhooks ?? []) out.push([`webhook ${w.endpoint}`, w]);
  for (const t of c.targets ?? []) {
    const name = t.arn.split(":").pop();
    out.push([/^arn:aws:sns:/.test(t.arn) ? `SNS topic ${name} (no subscription in this stack)` : `target ${t.arn}`, t]);
  }
  return out;
}

/** The severities worth following for a set of channels: each threshold, just below it, and the ends of the scale. */
function severitiesFor(channels: Array<[string, Filter]>): number[] {
  const points = new Set([1, 10]);
  for (const [, f] of channels) {
    const t = severityThreshold(f.minSeverity as never);
    points.add(t);
    if (t > 1) points.add(Math.round((t - 0.1) * 10) / 10);
  }
  return [...points].sort((a, b) => a - b);
}

test("a finding of any severity from any region reaches each channel whose threshold and filters it meets exactly once, and no other", () => {
  const withNotifications = estateArb.filter((raw) => raw.notifications !== undefined);
  fc.assert(fc.property(withNotifications, (raw) => {
    // every stack's rules: with stacks.split "region" the regions' forwarding and the home rules are in different stacks
    const rules = Object.values(synthStacks(raw)).flatMap((text) => routedRules(JSON.parse(text)));
    const channels = channelsOf(raw.notifications);
    for (const region of raw.regions as string[]) {
      for (const severity of severitiesFor(channels)) {
        const expected = Object.fromEntries(channels.filter(([, f]) => wants(f, severity)).map(([label]) => [label, 1]));
        expect({ region, severity, arrivals: Object.fromEntries(deliveries(rules, region, severity)) }).toEqual({ region, severity, arrivals: expected });
      }
    }
  }), params(8));
});

const GD_GLOBAL = "guardduty.amazonaws.com";
/** GuardDuty's service principal in a region (opt-in regions have their own). */
const guardDutyIn = (region: string) => (isOptInRegion(region) ? `guardduty.${region}.amazonaws.com` : GD_GLOBAL);

test("the findings bucket and key let GuardDuty write for the estate's detectors only, and only over TLS (IAM simulator, a sample of estates)", async () => {
  const withExport = oneStackEstateArb.filter((raw) => raw.export !== undefined);
  await fc.assert(fc.asyncProperty(withExport, async (raw) => {
    const doc = synthEstate(raw).doc as any;
    const instances = resourceInstances(doc);
    const destinations = instances.filter((i) => i.type === "aws_guardduty_publishing_destination");
    expect(destinations.map((d) => d.key).sort()).toEqual([...raw.regions].sort());
    const bucketPolicy = instances.find((i) => i.type === "aws_s3_bucket_policy")!;
    const [bucketPolicyText] = [...policyTexts(doc)].find(([at]) => at.startsWith(`${bucketPolicy.address}.`))!.slice(1);
    const bucketDoc = renderedPolicy(doc, bucketPolicyText);
    const bucketAccount = raw.export.bucketAccount === "security" ? ACCOUNTS.security : ACCOUNTS.logArchive;
    const keyAccount = (raw.export.keyAccount ?? raw.export.bucketAccount) === "security" ? ACCOUNTS.security : ACCOUNTS.logArchive;
    for (const d of destinations) {
      const region = d.key!;
      const keyArn = renderReference(doc, String(instanceArgument(d, "kms_key_arn")));
      const key = instances.find((i) => i.type === "aws_kms_key" && `\${aws_kms_key.${i.name}.arn}` === instanceArgument(d, "kms_key_arn"))!;
      const keyDoc = renderedPolicy(doc, String(instanceArgument(key, "policy")));
      const detectorArn = renderReference(doc, `\${aws_guardduty_detector.${detectorName(doc)}["${region}"].arn}`);
      const destination = String(instanceArgument(d, "destination_arn"));
      const object = `${destination}/AWSLogs/${ACCOUNTS.security}/GuardDuty/${region}/2026/12/02/5f0e.jsonl.gz`;
      const ours = { "aws:SourceAccount": ACCOUNTS.security, "aws:SourceArn": detectorArn };
      const theirs = { "aws:SourceAccount": GROWTH_MEMBER, "aws:SourceArn": detectorArn.replace(ACCOUNTS.security, GROWTH_MEMBER) };
      const sse = { "s3:x-amz-server-side-encryption": "aws:kms", "s3:x-amz-server-side-encryption-aws-kms-key-id": keyArn };
      const put = (context: Record<string, string>): Request => ({
        principal: guardDutyIn(region), action: "s3:PutObject", resource: object, resourceAccount: bucketAccount, context, resourcePolicy: bucketDoc,
      });
      const dataKey = (context: Record<string, string>): Request => ({
        principal: guardDutyIn(region), action: "kms:GenerateDataKey", resource: keyArn, resourceAccount: keyAccount, context, resourcePolicy: keyDoc,
      });
      const decisions = {
        put: await decide(put({ ...ours, ...sse })),
        dataKey: await decide(dataKey(ours)),
        putForAnotherAccount: await decide(put({ ...theirs, ...sse })),
        dataKeyForAnotherAccount: await decide(dataKey(theirs)),
        putWithoutTls: await decide(put({ ...ours, ...sse, "aws:SecureTransport": "false" })),
        putWithAnotherKey: await decide(put({ ...ours, ...sse, "s3:x-amz-server-side-encryption-aws-kms-key-id": keyArn.replace(/key\/.{8}/, "key/deadbeef") })),
      };
      expect({ region, decisions }).toEqual({
        region,
        decisions: {
          put: "Allowed", dataKey: "Allowed", putForAnotherAccount: "ImplicitlyDenied", dataKeyForAnotherAccount: "ImplicitlyDenied",
          putWithoutTls: "ExplicitlyDenied", putWithAnotherKey: "ExplicitlyDenied",
        },
      });
    }
  }), params(6));
});

/** The administrator detectors' resource name in a one-stack estate. */
function detectorName(doc: any): string {
  const names = Object.keys(doc.resource.aws_guardduty_detector).filter((n) => /administrator/.test(n));
  expect(names).toHaveLength(1);
  return names[0];
}

test("each notification topic lets only the estate's own rules that target it publish, and only over TLS (IAM simulator, a sample of estates)", async () => {
  const withTopics = oneStackEstateArb.filter((raw) => ["email", "slack", "teams"].some((k) => raw.notifications?.channels[k] !== undefined));
  await fc.assert(fc.asyncProperty(withTopics, async (raw) => {
    const doc = synthEstate(raw).doc as any;
    const rules = routedRules(doc);
    const topics = resourceInstances(doc).filter((i) => i.type === "aws_sns_topic");
    expect(topics.length).toBeGreaterThan(0);
    for (const topic of topics) {
      const topicArn = `arn:aws:sns:${topic.region}:${ACCOUNTS.security}:${String(instanceArgument(topic, "name"))}`;
      const publishers = rules.filter((r) => r.targets.some((t) => t.arn === topicArn || t.arn === `\${aws_sns_topic.${topic.name}.arn}`))
        .map((r) => `arn:aws:events:${r.region}:${ACCOUNTS.security}:rule/${r.name}`);
      expect({ topicArn, publishers: publishers.length > 0 }).toEqual({ topicArn, publishers: true });
      const policy = renderedPolicy(doc, String(instanceArgument(topic, "policy")));
      const publish = (sourceArn: string, extra: Record<string, string> = {}) => decide({
        principal: "events.amazonaws.com", action: "sns:Publish", resource: topicArn, resourceAccount: ACCOUNTS.security,
        context: { "aws:SourceArn": sourceArn, "aws:SourceAccount": sourceArn.split(":")[4], ...extra }, resourcePolicy: policy,
      });
      for (const rule of publishers) {
        const decisions = {
          ours: await publish(rule),
          sameNameInAnotherAccount: await publish(rule.replace(ACCOUNTS.security, GROWTH_MEMBER)),
          anotherRuleOfTheAccount: await publish(rule.replace(/rule\/.*$/, "rule/someone-elses-rule")),
          withoutTls: await publish(rule, { "aws:SecureTransport": "false" }),
        };
        expect({ topicArn, rule, decisions }).toEqual({
          topicArn, rule,
          decisions: { ours: "Allowed", sameNameInAnotherAccount: "ImplicitlyDenied", anotherRuleOfTheAccount: "ImplicitlyDenied", withoutTls: "ExplicitlyDenied" },
        });
      }
    }
  }), params(6));
});
