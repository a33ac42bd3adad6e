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
    const { provider } = props;
    const tags = { ...props.tags };
    const homeBus = defaultBusArn(props.partition, props.homeRegion, props.accountId);
    this.ruleArns = Object.fromEntries(sources.map((r) => [r, ruleArn(props.partition, r, props.accountId, props.ruleName)]));

    this.role = named(
      new IamRole(this, "Role", {
        provider,
        name: props.roleName,
        description: `Forwards GuardDuty findings of every region to the default event bus of ${props.homeRegion}`,
        assumeRolePolicy: jsonDocument(eventBridgeTrustPolicy(props.accountId)),
        tags,
      }),
    );
    this.rolePolicy = named(
      new IamRolePolicy(this, "RolePolicy", {
        provider,
        role: this.role.name,
        name: "put-events-on-home-bus",
        policy: jsonDocument(forwardingPolicy(homeBus)),
      }),
    );

    const regions = mapIterator(
      Object.fromEntries(
        sources.map((r) => [
          r,
          { pattern: jsonDocumentInline(forwardingPattern(r, { minSeverity: props.minSeverity, includeSampleFindings: props.includeSampleFindings })) },
        ]),
      ),
    );
    this.rule = named(
      new CloudwatchEventRule(this, "Rule", {
        provider,
        forEach: regions,
        region: regions.key,
        name: props.ruleName,
        description: `Forwards GuardDuty findings of this region to the default event bus of ${props.homeRegion}`,
        eventPattern: regions.getString("pattern"),
        state: "ENABLED",
        tags,
      }),
    );
    const retry = { ...DEFAULT_RETRY, ...props.retry };
    this.target = named(
      new CloudwatchEventTarget(this, "Target", {
        provider,
        forEach: regions,
        region: regions.key,
        rule: eachKeyAttribute(this.rule.fqn, "name"),
        targetId: FORWARD_TARGET_ID,
        arn: homeBus,
        roleArn: this.role.arn,
        retryPolicy: { maximumEventAgeInSeconds: retry.maximumEventAgeSeconds, maximumRetryAttempts: retry.maximumRetryAttempts },
        deadLetterConfig: { arn: props.deadLetterQueues.arnOfEachRegion() },
      }),
    );
  }
}
