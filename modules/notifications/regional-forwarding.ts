import { Construct } from "constructs";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { named } from "../topology/addresses";
import { eachKeyAttribute, mapIterator } from "../topology/for-each";
import { Partition } from "../topology/regions";
import { DeadLetterQueues } from "./dead-letter-queues";
import { forwardingPattern } from "./finding-pattern";
import { defaultBusArn, ruleArn } from "./names";
import { DEFAULT_RETRY, RetryOptions } from "./options";
import { providerInStackProblems } from "../topology/topology";
import { PropProblems } from "../topology/validation";
import { eventBridgeTrustPolicy, forwardingPolicy } from "./role-policies";
import { jsonDocument, jsonDocumentInline } from "../topology/hcl-synth";

/** EventBridge target ID of the home bus in the forwarding rules. */
export const FORWARD_TARGET_ID = "home-region-bus";

/** Props of `RegionalForwarding`. */
export interface RegionalForwardingProps {
  /** Provider of the administrator account (any region: every resource sets its own). */
  readonly provider: AwsProvider;
  readonly partition: Partition;
  /** The administrator account. */
  readonly accountId: string;
  /** Where findings are forwarded to (its default event bus). */
  readonly homeRegion: string;
  /** Regions whose findings are forwarded: every region of the estate but the home region. */
  readonly sourceRegions: readonly string[];
  /** Name of the rule, the same in every source region. */
  readonly ruleName: string;
  /** Name of the IAM role EventBridge assumes to put events on the home bus. */
  readonly roleName: string;
  /** Lowest severity any channel wants. */
  readonly minSeverity: number;
  /** @default false */
  readonly includeSampleFindings?: boolean;
  /** The dead-letter queues; must have one in every source region. */
  readonly deadLetterQueues: DeadLetterQueues;
  /** @default - 24 hours and 185 retries */
  readonly retry?: RetryOptions;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Brings the GuardDuty findings of every non-home region to the home region's default event bus, so that the channel
 * rules, which exist only in the home region, see the findings of every region exactly once:
 * - a finding of the home region is matched there natively (no forwarding rule in the home region);
 * - a finding of another region is matched by that region's forwarding rule and put once on the home bus;
 * - a forwarded event keeps its original `region`, and each forwarding rule matches only events of its own region, so
 *   nothing is forwarded twice or in a loop.
 * Rules are regional, so each source region has its rule and target (`for_each` over regions, resource-level
 * `region`), with a retry policy and the dead-letter queue of that region.
 *
 * Terraform: `aws_cloudwatch_event_rule.<path>_rule["<region>"]`, `aws_cloudwatch_event_target.<path>_target["<region>"]`,
 * `aws_iam_role.<path>_role`, `aws_iam_role_policy.<path>_role_policy`.
 */
export class RegionalForwarding extends Construct {
  public readonly role: IamRole;
  public readonly rolePolicy: IamRolePolicy;
  /** The forwarding rules, `for_each` over source regions. */
  public readonly rule: CloudwatchEventRule;
  /** Their targets (the home bus), `for_each` over source regions. */
  public readonly target: CloudwatchEventTarget;
  /** Rule ARNs by source region, known before apply. */
  public readonly ruleArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: RegionalForwardingProps) {
    super(scope, id);
    const sources = [...new Set(props.sourceRegions)].sort();
    const p = new PropProblems(this).add(providerInStackProblems(this, props.provider));
    if (sources.length === 0) {
      p.add("sourceRegions", [], "at least one region besides the home region", "sourceRegions must list at least one region besides the home region; got none");
    }
    if (sources.includes(props.homeRegion)) {
      p.add("sourceRegions", props.homeRegion, "regions other than the home region",
        `sourceRegions must not include the home region ${props.homeRegion}: its findings are matched natively, forwarding them would notify twice`);
    }
    const missing = sources.filter((r) => !(r in props.deadLetterQueues.queueArns));
    if (missing.length > 0) {
      p.add("deadLetterQueues", missing, "a queue in every source region", `deadLetterQueues must have a queue in every source region; missing ${missing.join(", ")}`);
    }
    p.throwIfAny();
    const homeBus = defaultBusArn(props.partition, props.homeRegion, props.accountId);
    this.ruleArns = Object.fromEntries(sources.map((r) => [r, ruleArn(props.partition, r, props.accountId, props.ruleName)]));
    const patternOf = (r: string) => forwardingPattern(r, { minSeverity: props.minSeverity, includeSampleFindings: props.includeSampleFindings });
    ({ role: this.role, rolePolicy: this.rolePolicy, rule: this.rule, target: this.target } = busForwarding(this, {
      provider: props.provider,
      accountId: props.accountId,
      homeBus,
      patterns: Object.fromEntries(sources.map((r) => [r, patternOf(r)])),
      roleName: props.roleName,
      roleDescription: `Forwards GuardDuty findings of every region to the default event bus of ${props.homeRegion}`,
      ruleName: props.ruleName,
      ruleDescription: `Forwards GuardDuty findings of this region to the default event bus of ${props.homeRegion}`,
      targetId: FORWARD_TARGET_ID,
      retry: props.retry,
      deadLetterQueues: props.deadLetterQueues,
      tags: props.tags,
    }));
  }
}

/** What {@link busForwarding} builds from: the rules' patterns by region, and where and as whom they forward. */
export interface BusForwardingInput {
  readonly provider: AwsProvider;
  /** The account of the rules (the role trusts EventBridge for it only). */
  readonly accountId: string;
  /** ARN of the event bus the rules put their events on. */
  readonly homeBus: string;
  /** The event pattern of each region's rule, by region. */
  readonly patterns: Readonly<Record<string, unknown>>;
  readonly roleName: string;
  readonly roleDescription: string;
  readonly ruleName: string;
  readonly ruleDescription: string;
  readonly targetId: string;
  readonly retry?: RetryOptions;
  /** With a queue in every region of `patterns`. @default - no dead-letter queue */
  readonly deadLetterQueues?: DeadLetterQueues;
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The resources every forwarding to an event bus is made of (RegionalForwarding, ScanResultForwarding), below
 * `scope`: the role EventBridge assumes (`Role`, trust for `accountId`), its `events:PutEvents` policy on the bus
 * (`RolePolicy`), and per region of `patterns` a rule (`Rule`) and its target (`Target`, the bus, with the retry
 * policy and the region's dead-letter queue), `for_each` over the regions with the resource-level `region`.
 */
export function busForwarding(scope: Construct, input: BusForwardingInput) {
  const { provider } = input;
  const tags = { ...input.tags };
  const role = named(new IamRole(scope, "Role", {
    provider,
    name: input.roleName,
    description: input.roleDescription,
    assumeRolePolicy: jsonDocument(eventBridgeTrustPolicy(input.accountId)),
    tags,
  }));
  const rolePolicy = named(new IamRolePolicy(scope, "RolePolicy", {
    provider,
    role: role.name,
    name: "put-events-on-home-bus",
    policy: jsonDocument(forwardingPolicy(input.homeBus)),
  }));
  const regions = mapIterator(Object.fromEntries(Object.entries(input.patterns).map(([r, pattern]) => [r, { pattern: jsonDocumentInline(pattern) }])));
  const rule = named(new CloudwatchEventRule(scope, "Rule", {
    provider,
    forEach: regions,
    region: regions.key,
    name: input.ruleName,
    description: input.ruleDescription,
    eventPattern: regions.getString("pattern"),
    state: "ENABLED",
    tags,
  }));
  const retry = { ...DEFAULT_RETRY, ...input.retry };
  const target = named(new CloudwatchEventTarget(scope, "Target", {
    provider,
    forEach: regions,
    region: regions.key,
    rule: eachKeyAttribute(rule.fqn, "name"),
    targetId: input.targetId,
    arn: input.homeBus,
    roleArn: role.arn,
    retryPolicy: { maximumEventAgeInSeconds: retry.maximumEventAgeSeconds, maximumRetryAttempts: retry.maximumRetryAttempts },
    deadLetterConfig: input.deadLetterQueues && { arn: input.deadLetterQueues.arnOfEachRegion() },
  }));
  return { role, rolePolicy, rule, target };
}
