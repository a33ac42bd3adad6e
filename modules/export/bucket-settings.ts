/**
 * Settings of the findings bucket that users tune: lifecycle, server access logging and Object Lock, with their
 * defaults and validation rules.
 */
import { bucketNameProblems, prefixProblems } from "./names";
import { integerProblems, isKnown, oneOfProblems, whenKnown } from "./validate";

/** Storage classes findings may move to: the Glacier family. */
export type GlacierStorageClass = "GLACIER_IR" | "GLACIER" | "DEEP_ARCHIVE";
const GLACIER_CLASSES: readonly GlacierStorageClass[] = ["GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"];

/** The least time findings are kept unless {@link FindingsLifecycle.allowExpirationUnder365Days} is set. */
export const MIN_RETENTION_DAYS = 365;

/** Lifecycle of the exported findings (objects below `<prefix>/AWSLogs/`; the prefix marker never expires). */
export interface FindingsLifecycle {
  /**
   * Days after creation when findings move to {@link transitionStorageClass}. S3 by default does not move
   * objects smaller than 128 KB, so small finding files may stay in S3 Standard.
   * @default 90
   */
  readonly transitionToGlacierDays?: number;
  /**
   * Storage class of the transition. `GLACIER_IR` keeps objects readable by the SIEM at once; `GLACIER` and
   * `DEEP_ARCHIVE` need a restore before anyone can read them.
   * @default "GLACIER_IR"
   */
  readonly transitionStorageClass?: GlacierStorageClass;
  /**
   * Days after creation when findings expire (become noncurrent versions). Must be at least 365 unless
   * {@link allowExpirationUnder365Days} is set, and greater than {@link transitionToGlacierDays}.
   * @default 730 - two years
   */
  readonly expirationDays?: number;
  /**
   * Days a noncurrent version (an expired or overwritten finding) is kept before it is deleted for good.
   * @default 30
   */
  readonly noncurrentVersionExpirationDays?: number;
  /**
   * Allows {@link expirationDays} under 365. Keep `false` unless a retention rule of your own requires less.
   * @default false
   */
  readonly allowExpirationUnder365Days?: boolean;
}

/** Server access logging of the findings bucket. */
export interface FindingsAccessLogging {
  /**
   * Bucket receiving the access logs: same region as the findings bucket, another bucket, encrypted with SSE-S3
   * (S3 cannot deliver access logs to an SSE-KMS bucket), with a policy allowing `logging.s3.amazonaws.com`.
   */
  readonly targetBucket: string;
  /**
   * Key prefix of the log objects in the target bucket.
   * @default "<bucketName>/"
   */
  readonly targetPrefix?: string;
}

/** Object Lock modes. */
export type ObjectLockMode = "GOVERNANCE" | "COMPLIANCE";
const OBJECT_LOCK_MODES: readonly ObjectLockMode[] = ["GOVERNANCE", "COMPLIANCE"];

/**
 * Object Lock default retention. Object Lock can only be enabled when the bucket is created: adding it later
 * replaces the bucket (which `preventDestroy` stops).
 */
export interface FindingsObjectLock {
  /** `GOVERNANCE` (users with `s3:BypassGovernanceRetention` may delete early) or `COMPLIANCE` (nobody may). */
  readonly mode: ObjectLockMode;
  /** Days each new finding version is protected from deletion and overwrite. */
  readonly retentionDays: number;
}

/** The lifecycle with every default applied. */
export function resolveLifecycle(lifecycle: FindingsLifecycle | undefined): Required<FindingsLifecycle> {
  return {
    transitionToGlacierDays: lifecycle?.transitionToGlacierDays ?? 90,
    transitionStorageClass: lifecycle?.transitionStorageClass ?? "GLACIER_IR",
    expirationDays: lifecycle?.expirationDays ?? 730,
    noncurrentVersionExpirationDays: lifecycle?.noncurrentVersionExpirationDays ?? 30,
    allowExpirationUnder365Days: lifecycle?.allowExpirationUnder365Days ?? false,
  };
}

/** Problems of a lifecycle (after defaults), with property names below `property`. */
export function lifecycleProblems(property: string, lifecycle: FindingsLifecycle | undefined): string[] {
  const l = resolveLifecycle(lifecycle);
  const out = [
    ...integerProblems(`${property}.transitionToGlacierDays`, l.transitionToGlacierDays, 1, 36500),
    ...oneOfProblems(`${property}.transitionStorageClass`, l.transitionStorageClass, GLACIER_CLASSES),
    ...integerProblems(`${property}.expirationDays`, l.expirationDays, 1, 36500),
    ...integerProblems(`${property}.noncurrentVersionExpirationDays`, l.noncurrentVersionExpirationDays, 1, 36500),
  ];
  if (isKnown(l.expirationDays) && l.expirationDays < MIN_RETENTION_DAYS && !l.allowExpirationUnder365Days) {
    out.push(
      `${property}.expirationDays must be at least ${MIN_RETENTION_DAYS} (findings are kept a year), or set ` +
        `${property}.allowExpirationUnder365Days: true; got ${l.expirationDays}`,
    );
  }
  if (isKnown(l.expirationDays) && isKnown(l.transitionToGlacierDays) && l.expirationDays <= l.transitionToGlacierDays) {
    out.push(
      `${property}.expirationDays must be greater than ${property}.transitionToGlacierDays (${l.transitionToGlacierDays}); ` +
        `got ${l.expirationDays}`,
    );
  }
  return out;
}

/** Problems of an access-logging setting of bucket `bucketName`. */
export function accessLoggingProblems(property: string, bucketName: string, logging: FindingsAccessLogging | undefined): string[] {
  if (!logging) return [];
  const out = whenKnown(logging.targetBucket, (v) => bucketNameProblems(`${property}.targetBucket`, v));
  if (isKnown(logging.targetBucket) && logging.targetBucket === bucketName) {
    out.push(`${property}.targetBucket must be another bucket than the findings bucket (logs would log themselves); got "${bucketName}"`);
  }
  if (logging.targetPrefix !== undefined && isKnown(logging.targetPrefix) && logging.targetPrefix !== "") {
    out.push(...prefixProblems(`${property}.targetPrefix`, logging.targetPrefix.replace(/\/$/, "")));
  }
  return out;
}

/** Problems of an Object Lock setting. */
export function objectLockProblems(property: string, objectLock: FindingsObjectLock | undefined): string[] {
  if (!objectLock) return [];
  return [
    ...oneOfProblems(`${property}.mode`, objectLock.mode, OBJECT_LOCK_MODES),
    ...integerProblems(`${property}.retentionDays`, objectLock.retentionDays, 1, 36500),
  ];
}
