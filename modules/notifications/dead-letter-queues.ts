import { Token } from "cdktf";
import { Construct } from "constructs";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { named } from "../topology/addresses";
import { eachKeyAttribute, instanceAttribute, mapIterator } from "../topology/for-each";
import { Partition, arns } from "../topology/regions";
import { DEFAULT_DEAD_LETTER_RETENTION_DAYS } from "./options";
import { providerInStackProblems } from "../topology/topology";
import { PropProblems } from "../topology/validation";
import { deadLetterQueuePolicy } from "./resource-policies";
import { jsonDocumentInline } from "../topology/hcl-synth";

/** Props of `DeadLetterQueues`. */
export interface DeadLetterQueuesProps {
  /** Provider of the administrator account (any region: each queue sets its own). */
  readonly provider: AwsProvider;
  readonly partition: Partition;
  /** The administrator account. */
  readonly accountId: string;
  /** Queue name, the same in every region. */
  readonly queueName: string;
  /** Region -> ARNs of the rules of that region that may send to its queue. One queue per key. */
  readonly senders: Readonly<Record<string, readonly string[]>>;
  /**
   * Days a dead letter is kept, 1 to 14.
   * @default 14
   */
  readonly retentionDays?: number;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * One encrypted SQS dead-letter queue per region (EventBridge requires the queue in the rule's region), where
 * EventBridge writes an event it could not deliver after its retries, with the error. Encrypted with SQS-managed keys
 * (SSE-SQS): EventBridge can write to it without a key grant, so a key policy mistake cannot silently lose the dead
 * letters themselves. Its policy admits only the given rules, over TLS.
 *
 * Terraform: `aws_sqs_queue.<path>_queue["<region>"]`.
 */
export class DeadLetterQueues extends Construct {
  /** The queues, one resource with `for_each` over regions. */
  public readonly queue: SqsQueue;
  /** Queue ARNs by region, known before apply. */
  public readonly queueArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: DeadLetterQueuesProps) {
    super(scope, id);
    const days = props.retentionDays ?? DEFAULT_DEAD_LETTER_RETENTION_DAYS;
    const p = new PropProblems(this).add(providerInStackProblems(this, props.provider));
    p.check("retentionDays", days, Token.isUnresolved(days) || (Number.isInteger(days) && days >= 1 && days <= 14), "an integer from 1 to 14");
    p.throwIfAny();
    const queueArns: Record<string, string> = {};
    const entries: Record<string, Record<string, unknown>> = {};
    for (const [region, senders] of Object.entries(props.senders)) {
      const arn = arns.sqsQueue(props.partition, region, props.accountId, props.queueName);
      queueArns[region] = arn;
      entries[region] = { policy: jsonDocumentInline(deadLetterQueuePolicy({ queueArn: arn, senderRuleArns: senders })) };
    }
    this.queueArns = queueArns;
    const regions = mapIterator(entries);
    this.queue = named(
      new SqsQueue(this, "Queue", {
        provider: props.provider,
        forEach: regions,
        region: regions.key,
        name: props.queueName,
        sqsManagedSseEnabled: true,
        messageRetentionSeconds: days * 86400,
        policy: regions.getString("policy"),
        tags: { ...props.tags },
      }),
    );
  }

  /** `${aws_sqs_queue.<name>["<region>"].arn}`: the queue of `region`, as a reference that orders creation. */
  public arnOf(region: string): string {
    if (!(region in this.queueArns)) throw new Error(`no dead-letter queue in region "${region}"; have ${Object.keys(this.queueArns).join(", ")}`);
    return instanceAttribute(this.queue.fqn, region, "arn");
  }

  /** `${aws_sqs_queue.<name>[each.key].arn}`: inside a `for_each` keyed by region. */
  public arnOfEachRegion(): string {
    return eachKeyAttribute(this.queue.fqn, "arn");
  }
}
