import { Construct } from "constructs";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudwatchEventBusPolicy } from "@cdktf/provider-aws/lib/cloudwatch-event-bus-policy";
import { Token } from "cdktf";
import { named } from "../topology/addresses";
import { providerInStackProblems } from "../topology/topology";
import { PropProblems } from "../topology/validation";
import { accountIdIssue } from "./channel-checks";
import { jsonDocument } from "../topology/hcl-synth";
import { Partition } from "../topology/regions";
import { NotificationChannels } from "./channels";
import { DeadLetterQueues } from "./dead-letter-queues";
import { PlannedRule } from "./delivery-plan";
import { defaultBusArn, NotificationNames } from "./names";
import { NotificationRules } from "./notification-rules";
import { RetryOptions } from "./options";
import { ScanResultForwarding } from "./scan-result-forwarding";
import {
  homeBusPolicy, scanResultChatTransformer, scanResultEmailTransformer, scanResultWebhookTransformer,
} from "./scan-results";
import { TargetSpec } from "./target-deliveries";

/** An account holding buckets protected by Malware Protection for S3, and the regions of those buckets. */
export interface ScanResultSource {
  /** The buckets' account (literal: it keys addresses). */
  readonly accountId: string;
  /** Regions of its protected buckets (literal codes). */
  readonly regions: readonly string[];
  /** That account's provider. */
  readonly provider: AwsProvider;
}

/** Props of {@link ScanResultNotifications}; built by FindingNotifications from its own plan. */
export interface ScanResultNotificationsProps {
  /** Provider of the administrator account. */
  readonly provider: AwsProvider;
  readonly partition: Partition;
  /** The administrator account. */
  readonly accountId: string;
  readonly homeRegion: string;
  /** The home-region scan-result rules (`planScanResultRules`). */
  readonly rules: readonly PlannedRule[];
  /** The findings deliveries by target key: the same targets, with scan-result messages instead of finding ones. */
  readonly targets: Readonly<Record<string, TargetSpec>>;
  readonly channels: NotificationChannels;
  readonly sources: readonly ScanResultSource[];
  readonly names: NotificationNames;
  /** The dead-letter queues: the home region's for the rules, and one in each region where the administrator account forwards. */
  readonly deadLetterQueues: DeadLetterQueues;
  /** @default - 24 hours and 185 retries */
  readonly retry?: RetryOptions;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Malware Protection for S3 results with threats found, delivered to the channels of the findings: the home-region
 * rules (`Rules`), the forwarding from each bucket account and region (`<accountId>`, see ScanResultForwarding), and
 * the policy of the home bus that lets the other accounts put those results on it (`BusPolicy`: the one policy of
 * that bus, which this module then owns).
 *
 * Terraform: below `<path>`: `rules_<ruleKey>` and their targets, `<accountId>_rule["<region>"]`, ...,
 * `aws_cloudwatch_event_bus_policy.<path>_bus_policy`.
 */
export class ScanResultNotifications extends Construct {
  public readonly rules: NotificationRules;
  /** Forwarding by source account. */
  public readonly forwarding: Readonly<Record<string, ScanResultForwarding>>;
  /** The home bus's policy, when an account other than the administrator's forwards. */
  public readonly busPolicy?: CloudwatchEventBusPolicy;

  constructor(scope: Construct, id: string, props: ScanResultNotificationsProps) {
    super(scope, id);
    const { provider, partition, accountId, homeRegion, channels, names } = props;
    const tags = { ...props.tags };
    const targets = Object.fromEntries(Object.entries(props.targets).map(([key, spec]) => [key, { ...spec, ...scanMessage(key, channels) }]));
    this.rules = new NotificationRules(this, "Rules", {
      provider, region: homeRegion, rules: props.rules, targets, deadLetterQueueArn: props.deadLetterQueues.arnOf(homeRegion),
      lambdaStatementId: names.lambdaStatementId, retry: props.retry, tags,
    });
    const forwarding: Record<string, ScanResultForwarding> = {};
    for (const source of [...props.sources].sort((a, b) => (a.accountId < b.accountId ? -1 : 1))) {
      const regions = source.regions.filter((r) => source.accountId !== accountId || r !== homeRegion);
      if (regions.length === 0) continue;
      forwarding[source.accountId] = new ScanResultForwarding(this, source.accountId, {
        provider: source.provider, partition, accountId: source.accountId, regions, homeAccountId: accountId, homeRegion,
        ruleName: names.scanForwardRule, roleName: names.scanForwardRole, retry: props.retry, tags,
        // Only the administrator account has dead-letter queues; other accounts' forwarding retries for a day, then drops.
        ...(source.accountId === accountId ? { deadLetterQueues: props.deadLetterQueues } : {}),
      });
    }
    this.forwarding = forwarding;
    const others = Object.keys(forwarding).filter((a) => a !== accountId);
    if (others.length > 0) {
      this.busPolicy = named(new CloudwatchEventBusPolicy(this, "BusPolicy", {
        provider,
        region: homeRegion,
        eventBusName: "default",
        policy: jsonDocument(homeBusPolicy(partition, defaultBusArn(partition, homeRegion, accountId), others)),
      }));
    }
  }
}

/** The scan-result message of a target: email, chat and webhook get their own; Lambda and targets the raw event. */
function scanMessage(key: string, channels: NotificationChannels): Pick<TargetSpec, "inputTransformer"> {
  if (key === "email") return { inputTransformer: scanResultEmailTransformer() };
  if (key.startsWith("slack-") || key.startsWith("teams-")) return { inputTransformer: scanResultChatTransformer() };
  if (key.startsWith("webhook-")) {
    const webhook = (channels.webhooks ?? []).find((w) => `webhook-${w.name}` === key);
    return { inputTransformer: scanResultWebhookTransformer({ includeFullEvent: webhook?.includeFullEvent }) };
  }
  return {};
}

/** Regions where the administrator account forwards its own buckets' scan results: its source regions but home. */
export function ownScanForwardRegions(accountId: string, homeRegion: string, sources: readonly ScanResultSource[]): string[] {
  const own = sources.filter((x) => x.accountId === accountId).flatMap((x) => x.regions);
  return [...new Set(own)].filter((r) => r !== homeRegion).sort();
}

/** Adds to `p` the problems of FindingNotifications' `malwareScanResults` and `scanResultSources`. */
export function checkScanResultSources(p: PropProblems, scope: Construct, malwareScanResults: boolean, sources: readonly ScanResultSource[]): void {
  if (malwareScanResults && sources.length === 0) {
    p.add("scanResultSources", [], "the accounts and regions of the protected buckets",
      "scanResultSources must list the accounts and regions of the buckets protected by Malware Protection for S3 when malwareScanResults is true; got none");
  }
  if (!malwareScanResults && sources.length > 0) {
    p.add("scanResultSources", sources.map((x) => x.accountId), "nothing unless malwareScanResults is true",
      "scanResultSources is only used with malwareScanResults: true; set it or leave scanResultSources out");
  }
  for (const [i, source] of sources.entries()) {
    p.add(providerInStackProblems(scope, source.provider));
    const issue = Token.isUnresolved(source.accountId) ? "a token" : accountIdIssue(source.accountId, `scanResultSources[${i}].accountId`);
    if (issue) p.add(`scanResultSources[${i}].accountId`, source.accountId, "a literal 12-digit AWS account ID", issue === "a token" ? `scanResultSources[${i}].accountId must be a literal account ID; got a token` : issue);
    if (source.regions.length === 0 || source.regions.some((r) => Token.isUnresolved(r))) {
      p.add(`scanResultSources[${i}].regions`, source.regions, "literal region codes, at least one", `scanResultSources[${i}].regions must list literal region codes; got ${JSON.stringify(source.regions)}`);
    }
  }
}
