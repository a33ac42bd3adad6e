import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { Partition } from "../topology/regions";
import { findingsKeyPolicy } from "./key-policy";
import { aliasNameProblems } from "./names";
import { DetectorRef, PolicyDocument } from "./policy-document";
import { accountIdProblems, homeRegionProblems, integerProblems, providerProblems, throwIfProblems, whenKnown } from "./validate";
import { jsonDocument } from "../topology/hcl-synth";

/** Default alias of the findings key. */
export const DEFAULT_FINDINGS_KEY_ALIAS = "alias/guardduty-findings-export";

/** Properties of {@link FindingsKey}. */
export interface FindingsKeyProps {
  /** Provider of the account that owns the key (log-archive by default, or security). */
  readonly provider: AwsProvider;
  readonly partition: Partition;
  /** Account ID behind `provider`; its root principal administers the key. */
  readonly accountId: string;
  /** Region of the key: the bucket's region, never an opt-in region. Set with the resource `region` argument. */
  readonly region: string;
  /** The GuardDuty administrator account. */
  readonly administratorAccountId: string;
  /** The administrator detectors of every configured region. */
  readonly detectors: readonly DetectorRef[];
  /**
   * Principal ARNs of the SIEM reader (may be tokens of the role or user), allowed to decrypt through S3.
   * @default - no reader can decrypt
   */
  readonly readerPrincipalArns?: readonly string[];
  /**
   * Account that uploads the prefix marker object, when it is not `accountId`.
   * @default - none
   */
  readonly prefixWriterAccountId?: string;
  /**
   * GuardDuty lists are uploaded to the bucket: the administrator's GuardDuty service-linked role may decrypt through
   * S3 (see {@link findingsKeyPolicy}).
   * @default false
   */
  readonly guardDutyListsReader?: boolean;
  /**
   * Alias of the key.
   * @default "alias/guardduty-findings-export"
   */
  readonly aliasName?: string;
  /**
   * Waiting period, in days, between `terraform destroy` (or a deletion request) and the key's deletion.
   * @default 30 - the maximum
   */
  readonly deletionWindowInDays?: number;
  /**
   * Adds `lifecycle { prevent_destroy = true }` to the key, so a plan that would destroy it fails. Set `false`
   * only to tear down a test estate on purpose: findings in the bucket cannot be read without this key.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Tags of the key.
   * @default - none beyond the provider's default tags
   */
  readonly tags?: Record<string, string>;
}

/**
 * The customer managed KMS key that encrypts exported GuardDuty findings, with yearly automatic rotation, the
 * maximum deletion window, `prevent_destroy`, and the policy of {@link findingsKeyPolicy}.
 *
 * Terraform addresses: `aws_kms_key.<path>_key`, `aws_kms_alias.<path>_alias`.
 *
 * @example
 * const key = new FindingsKey(this, "FindingsKey", { provider: logArchive, partition: "aws", accountId: "333333333333",
 *   region: "eu-west-1", administratorAccountId: "222222222222", detectors });
 */
export class FindingsKey extends Construct {
  /** The key. */
  public readonly key: KmsKey;
  /** Its alias. */
  public readonly alias: KmsAlias;
  /** ARN of the key (a token). */
  public readonly keyArn: string;
  /** The key policy, as plain JSON (tokens inside). */
  public readonly policyDocument: PolicyDocument;

  constructor(scope: Construct, id: string, props: FindingsKeyProps) {
    super(scope, id);
    const aliasName = props.aliasName ?? DEFAULT_FINDINGS_KEY_ALIAS;
    const deletionWindowInDays = props.deletionWindowInDays ?? 30;
    throwIfProblems(this, [
      ...providerProblems(this, "provider", props.provider),
      ...accountIdProblems("accountId", props.accountId),
      ...accountIdProblems("administratorAccountId", props.administratorAccountId),
      ...homeRegionProblems("region", props.partition, props.region),
      ...whenKnown(aliasName, (v) => aliasNameProblems("aliasName", v)),
      ...integerProblems("deletionWindowInDays", deletionWindowInDays, 7, 30),
      ...(props.detectors.length === 0 ? ["detectors must name at least one administrator detector; got none"] : []),
    ]);

    this.policyDocument = findingsKeyPolicy({
      partition: props.partition,
      keyAccountId: props.accountId,
      administratorAccountId: props.administratorAccountId,
      detectors: props.detectors,
      bucketRegion: props.region,
      readerPrincipalArns: props.readerPrincipalArns,
      prefixWriterAccountId: props.prefixWriterAccountId,
      guardDutyListsReader: props.guardDutyListsReader,
    });
    this.key = named(
      new KmsKey(this, "Key", {
        provider: props.provider,
        region: props.region,
        description: `Encrypts GuardDuty findings exported by administrator account ${props.administratorAccountId}`,
        enableKeyRotation: true,
        deletionWindowInDays,
        policy: jsonDocument(this.policyDocument),
        tags: props.tags,
        lifecycle: { preventDestroy: props.preventDestroy ?? true },
      }),
    );
    this.alias = named(
      new KmsAlias(this, "Alias", {
        provider: props.provider,
        region: props.region,
        name: aliasName,
        targetKeyId: this.key.keyId,
      }),
    );
    this.keyArn = this.key.arn;
  }
}

