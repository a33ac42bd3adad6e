/**
 * Regions, partitions and GuardDuty service principals: the one place that knows them.
 *
 * Pure data and functions, no cdktf import.
 */

/** An AWS partition. */
export type Partition = "aws" | "aws-us-gov" | "aws-cn";

/** What we know about one region. */
export interface RegionInfo {
  readonly partition: Partition;
  /** True for regions an account must enable before use (opt-in regions, launched after March 2019). */
  readonly optIn: boolean;
}

const COMMERCIAL_DEFAULT = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2",
  "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
  "ca-central-1",
  "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1",
  "sa-east-1",
] as const;

const COMMERCIAL_OPT_IN = [
  "af-south-1",
  "ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
  "ap-southeast-7",
  "ca-west-1",
  "eu-central-2", "eu-south-1", "eu-south-2",
  "il-central-1",
  "me-central-1", "me-south-1",
  "mx-central-1",
] as const;

const GOVCLOUD = ["us-gov-west-1", "us-gov-east-1"] as const;
const CHINA = ["cn-north-1", "cn-northwest-1"] as const;

function entries(regions: readonly string[], partition: Partition, optIn: boolean): Array<[string, RegionInfo]> {
  return regions.map((r) => [r, { partition, optIn }]);
}

/** Every region this library knows, by code. */
export const REGIONS: Readonly<Record<string, RegionInfo>> = Object.freeze(Object.fromEntries([
  ...entries(COMMERCIAL_DEFAULT, "aws", false),
  ...entries(COMMERCIAL_OPT_IN, "aws", true),
  ...entries(GOVCLOUD, "aws-us-gov", false),
  ...entries(CHINA, "aws-cn", false),
]));

/** The 17 commercial regions enabled by default in every account. */
export const DEFAULT_ENABLED_COMMERCIAL_REGIONS: readonly string[] = COMMERCIAL_DEFAULT;

/** Commercial regions an account must opt in to. */
export const OPT_IN_REGIONS: readonly string[] = COMMERCIAL_OPT_IN;

/** True when `region` is a region code this library knows. */
export function isKnownRegion(region: string): boolean {
  return Object.prototype.hasOwnProperty.call(REGIONS, region);
}

function info(region: string): RegionInfo {
  const found = REGIONS[region];
  if (!isKnownRegion(region) || !found) {
    throw new Error(`region must be a known AWS region code (e.g. eu-west-1); got "${region}"`);
  }
  return found;
}

/** The partition of a region: `aws`, `aws-us-gov` or `aws-cn`. */
export function partitionOf(region: string): Partition {
  return info(region).partition;
}

/** True for an opt-in region (e.g. me-south-1). */
export function isOptInRegion(region: string): boolean {
  return info(region).optIn;
}

/** The DNS suffix of service endpoints and principals in a partition. */
export function dnsSuffix(partition: Partition): string {
  return partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

/**
 * A service's regional endpoint host, `<service>.<region>.<dnsSuffix>` (e.g. `s3.eu-west-1.amazonaws.com`): the value
 * of `kms:ViaService` when that service calls KMS on a caller's behalf in `region`.
 */
export function serviceHost(service: string, region: string, partition: Partition): string {
  return `${service}.${region}.${dnsSuffix(partition)}`;
}

/**
 * GuardDuty's service principal as it calls other services from `region`:
 * `guardduty.<region>.amazonaws.com` in opt-in regions, `guardduty.amazonaws.com` elsewhere.
 */
export function guardDutyServicePrincipal(region: string): string {
  return isOptInRegion(region) ? `guardduty.${region}.amazonaws.com` : "guardduty.amazonaws.com";
}

/** The distinct GuardDuty service principals needed for a set of regions, sorted. */
export function guardDutyServicePrincipals(regions: readonly string[]): string[] {
  return [...new Set(regions.map(guardDutyServicePrincipal))].sort();
}

/** The AWS console domain of a partition. */
export function consoleDomain(partition: Partition): string {
  switch (partition) {
    case "aws-us-gov":
      return "console.amazonaws-us-gov.com";
    case "aws-cn":
      return "console.amazonaws.cn";
    default:
      return "console.aws.amazon.com";
  }
}

/** A short, stable code for a region used in aliases and names: `eu-west-1` -> `euw1`. */
export function shortRegion(region: string): string {
  const m = /^([a-z]{2})(?:-(gov|iso[a-z]?))?-([a-z]+)-(\d+)$/.exec(region);
  if (!m) return region.replace(/[^a-z0-9]/g, "");
  const [, geo, special, direction, num] = m;
  const dir = direction.replace("central", "c").replace("north", "n").replace("south", "s")
    .replace("east", "e").replace("west", "w");
  return `${geo}${special ? special : ""}${dir}${num}`;
}

/** ARN builders, partition-correct. */
export const arns = {
  /** `arn:<p>:guardduty:<region>:<account>:detector/<id>` */
  detector(partition: Partition, region: string, accountId: string, detectorId: string): string {
    return `arn:${partition}:guardduty:${region}:${accountId}:detector/${detectorId}`;
  },
  /** Any detector of an account in a region: `.../detector/*` */
  anyDetector(partition: Partition, region: string, accountId: string): string {
    return `arn:${partition}:guardduty:${region}:${accountId}:detector/*`;
  },
  role(partition: Partition, accountId: string, roleName: string): string {
    return `arn:${partition}:iam::${accountId}:role/${roleName}`;
  },
  accountRoot(partition: Partition, accountId: string): string {
    return `arn:${partition}:iam::${accountId}:root`;
  },
  bucket(partition: Partition, bucketName: string): string {
    return `arn:${partition}:s3:::${bucketName}`;
  },
  kmsKey(partition: Partition, region: string, accountId: string, keyId: string): string {
    return `arn:${partition}:kms:${region}:${accountId}:key/${keyId}`;
  },
  eventRule(partition: Partition, region: string, accountId: string, ruleName: string): string {
    return `arn:${partition}:events:${region}:${accountId}:rule/${ruleName}`;
  },
  eventBus(partition: Partition, region: string, accountId: string, busName: string): string {
    return `arn:${partition}:events:${region}:${accountId}:event-bus/${busName}`;
  },
  snsTopic(partition: Partition, region: string, accountId: string, topicName: string): string {
    return `arn:${partition}:sns:${region}:${accountId}:${topicName}`;
  },
  sqsQueue(partition: Partition, region: string, accountId: string, queueName: string): string {
    return `arn:${partition}:sqs:${region}:${accountId}:${queueName}`;
  },
};
