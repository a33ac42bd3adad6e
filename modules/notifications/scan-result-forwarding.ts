import { Construct } from "constructs";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Partition } from "../topology/regions";
import { providerInStackProblems } from "../topology/topology";
import { accountIdPropProblems, PropProblems } from "../topology/validation";
import { DeadLetterQueues } from "./dead-letter-queues";
import { defaultBusArn } from "./names";
import { RetryOptions } from "./options";
import { busForwarding } from "./regional-forwarding";
import { scanResultForwardingPattern } from "./scan-results";

/** EventBridge target ID of the home bus in the scan-result forwarding rules. */
export const SCAN_FORWARD_TARGET_ID = "home-region-bus";

/** Props of {@link ScanResultForwarding}. */
export interface ScanResultForwardingProps {
  /** Provider of the account whose buckets are protected (any region: every rule sets its own). */
  readonly provider: AwsProvider;
  readonly partition: Partition;
  /** That account (literal: it is in the patterns and the trust policy). */
  readonly accountId: string;
  /** Regions of its protected buckets; the home region of the administrator account is left out by the caller. */
  readonly regions: readonly string[];
  /** The administrator account, whose home-region default bus receives the results. */
  readonly homeAccountId: string;
  readonly homeRegion: string;
  /** Name of the rule, the same in every region. */
  readonly ruleName: string;
  /** Name of the IAM role EventBridge assumes to put the results on the home bus. */
  readonly roleName: string;
  /**
   * Dead-letter queues of the forwarding account, one in each of `regions` (their `senders` must include this rule).
   * @default - no dead-letter queue: an event still undelivered after the retries is dropped
   */
  readonly deadLetterQueues?: DeadLetterQueues;
  /** @default - 24 hours and 185 retries */
  readonly retry?: RetryOptions;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Brings one account's Malware Protection for S3 results with threats found, from each region of its protected
 * buckets, to the default event bus of the administrator account's home region, where the channel rules are. Each rule
 * matches only the events published in its own account and region, which a forwarded event never is on the home bus:
 * each result arrives there once and is never forwarded again. Results without threats are not forwarded.
 *
 * Terraform: `aws_iam_role.<path>_role`, `aws_iam_role_policy.<path>_role_policy`,
 * `aws_cloudwatch_event_rule.<path>_rule["<region>"]`, `aws_cloudwatch_event_target.<path>_target["<region>"]`.
 *
 * @example
 * new ScanResultForwarding(this, "555555555555", {
 *   provider: workloads, partition: "aws", accountId: "555555555555", regions: ["eu-west-1"],
 *   homeAccountId: "222222222222", homeRegion: "eu-west-1",
 *   ruleName: "guardduty-notifications-scan-forward", roleName: "guardduty-notifications-scan-forward",
 * });
 */
export class ScanResultForwarding extends Construct {
  public readonly role: IamRole;
  public readonly rolePolicy: IamRolePolicy;
  /** The forwarding rules, `for_each` over regions. */
  public readonly rule: CloudwatchEventRule;
  /** Their targets (the home bus), `for_each` over regions. */
  public readonly target: CloudwatchEventTarget;

  constructor(scope: Construct, id: string, props: ScanResultForwardingProps) {
    super(scope, id);
    const regions = [...new Set(props.regions)].sort();
    const p = new PropProblems(this).add(providerInStackProblems(this, props.provider));
    p.add(accountIdPropProblems("accountId", props.accountId));
    if (regions.length === 0) p.add("regions", [], "at least one region", "regions must list at least one region; got none");
    if (props.accountId === props.homeAccountId && regions.includes(props.homeRegion)) {
      p.add("regions", props.homeRegion, "regions other than the home region of the administrator account",
        `regions must not include the home region ${props.homeRegion} of the administrator account: its results are matched there natively, forwarding them would notify twice`);
    }
    const missing = props.deadLetterQueues ? regions.filter((r) => !(r in props.deadLetterQueues!.queueArns)) : [];
    if (missing.length > 0) {
      p.add("deadLetterQueues", missing, "a queue in every region", `deadLetterQueues must have a queue in every region; missing ${missing.join(", ")}`);
    }
    p.throwIfAny();
    const description = `Forwards GuardDuty Malware Protection for S3 results with threats found to the default event bus of ${props.homeAccountId} in ${props.homeRegion}`;
    ({ role: this.role, rolePolicy: this.rolePolicy, rule: this.rule, target: this.target } = busForwarding(this, {
      provider: props.provider,
      accountId: props.accountId,
      homeBus: defaultBusArn(props.partition, props.homeRegion, props.homeAccountId),
      patterns: Object.fromEntries(regions.map((r) => [r, scanResultForwardingPattern(props.accountId, r)])),
      roleName: props.roleName,
      roleDescription: description,
      ruleName: props.ruleName,
      ruleDescription: description,
      targetId: SCAN_FORWARD_TARGET_ID,
      retry: props.retry,
      deadLetterQueues: props.deadLetterQueues,
      tags: props.tags,
    }));
  }
}
