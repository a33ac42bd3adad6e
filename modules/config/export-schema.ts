/**
 * The `export` section of the estate file: where GuardDuty findings of every region are exported, and who reads
 * them. `exportConfigSchema` checks each value on its own; `exportConfigIssues` checks what depends on other
 * values or on the rest of the estate.
 *
 * Pure (zod and plain functions), no cdktf import.
 */
import { z } from "zod";
import { ruled, show, strict } from "./section-schema";
import { isKnownRegion, isOptInRegion, partitionOf } from "../topology/regions";
import {
  aliasNameProblems, bucketNameProblems, iamNameProblems, isAccountId, prefixProblems, queueNameProblems, subjectIdProblems,
} from "../export/names";

/** The least retention of findings, in days, unless `lifecycle.allowExpirationUnder365Days` is set. */
const MIN_RETENTION_DAYS = 365;

function integer(name: string, min: number, max: number) {
  const message = (iss: { input?: unknown }) => `${name} must be an integer between ${min} and ${max}; got ${show(iss.input)}`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

function boolean(name: string) {
  return z.boolean({ error: (iss) => `${name} must be true or false; got ${show(iss.input)}` });
}

/** `logArchive`, `security`, or a 12-digit account ID. */
function accountRef(name: string) {
  return z
    .string({ error: (iss) => `${name} must be "logArchive", "security" or a 12-digit account ID; got ${show(iss.input)}` })
    .refine((v) => v === "logArchive" || v === "security" || isAccountId(v), {
      error: (iss) => `${name} must be "logArchive", "security" or a 12-digit account ID; got ${show(iss.input)}`,
    });
}

const lifecycleSchema = strict("lifecycle", {
  transitionToGlacierDays: integer("lifecycle.transitionToGlacierDays", 1, 36500).optional(),
  transitionStorageClass: z
    .enum(["GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"], {
      error: (iss) => `lifecycle.transitionStorageClass must be one of GLACIER_IR, GLACIER, DEEP_ARCHIVE; got ${show(iss.input)}`,
    })
    .optional(),
  expirationDays: integer("lifecycle.expirationDays", 1, 36500).optional(),
  noncurrentVersionExpirationDays: integer("lifecycle.noncurrentVersionExpirationDays", 1, 36500).optional(),
  allowExpirationUnder365Days: boolean("lifecycle.allowExpirationUnder365Days").optional(),
});

const accessLoggingSchema = strict("accessLogging", {
  targetBucket: ruled("accessLogging.targetBucket", "an S3 bucket name", bucketNameProblems),
  targetPrefix: z
    .string({ error: (iss) => `accessLogging.targetPrefix must be a key prefix such as "s3-access/"; got ${show(iss.input)}` })
    .superRefine((value, ctx) => {
      const bare = value.replace(/\/$/, "");
      if (bare === "") return;
      for (const message of prefixProblems("accessLogging.targetPrefix", bare)) ctx.addIssue({ code: "custom", message });
    })
    .optional(),
});

const objectLockSchema = strict("objectLock", {
  mode: z.enum(["GOVERNANCE", "COMPLIANCE"], {
    error: (iss) => `objectLock.mode must be GOVERNANCE or COMPLIANCE; got ${show(iss.input)}`,
  }),
  retentionDays: integer("objectLock.retentionDays", 1, 36500),
});

const googleFederationSchema = strict("siemReader (google-federation)", {
  type: z.literal("google-federation"),
  subjectId: ruled("siemReader.subjectId", "the numeric subject ID of the SecOps feed", subjectIdProblems),
  roleName: ruled("siemReader.roleName", "an IAM role name", iamNameProblems).optional(),
});

const iamUserSchema = strict("siemReader (iam-user)", {
  type: z.literal("iam-user"),
  userName: ruled("siemReader.userName", "an IAM user name", iamNameProblems),
});

const siemReaderSchema = z.discriminatedUnion("type", [googleFederationSchema, iamUserSchema], {
  error: (iss) => {
    const type = (iss.input as { type?: unknown } | undefined)?.type;
    return `siemReader.type must be "google-federation" or "iam-user"; got ${show(type ?? iss.input)}`;
  },
});

const sqsQueueOptionsSchema = strict("sqsQueue", {
  queueName: ruled("sqsQueue.queueName", "an SQS queue name", (property, value) => [
    ...queueNameProblems(property, value),
    ...(value.length > 76 && value.length <= 80
      ? [`${property} must be at most 76 characters (the dead-letter queue appends "-dlq"); got "${value}" (${value.length})`]
      : []),
  ]).optional(),
  messageRetentionSeconds: integer("sqsQueue.messageRetentionSeconds", 60, 1209600).optional(),
  visibilityTimeoutSeconds: integer("sqsQueue.visibilityTimeoutSeconds", 0, 43200).optional(),
  maxReceiveCount: integer("sqsQueue.maxReceiveCount", 1, 1000).optional(),
});

/**
 * Schema of the estate file's `export` section. Unknown keys are errors; every message names the property, the
 * value received and what is allowed.
 *
 * @example
 * exportConfigSchema.parse({ bucketName: "acme-guardduty-findings", prefix: "guardduty", homeRegion: "eu-west-1",
 *   siemReader: { type: "google-federation", subjectId: "113456789012345678901" }, sqsQueue: true });
 */
export const exportConfigSchema = strict("export", {
  /** Globally unique name of the findings bucket (S3 naming rules). */
  bucketName: ruled("bucketName", "an S3 bucket name", bucketNameProblems),
  /** A "folder" for the findings, without leading or trailing "/". @default - the bucket root */
  prefix: ruled("prefix", 'a key prefix such as "guardduty"', prefixProblems).optional(),
  /** Region of the bucket and key: a region enabled by default. @default - the estate's homeRegion */
  homeRegion: z
    .string({ error: (iss) => `homeRegion must be an AWS region code such as "eu-west-1"; got ${show(iss.input)}` })
    .refine(isKnownRegion, { error: (iss) => `homeRegion must be a known AWS region code such as "eu-west-1"; got ${show(iss.input)}` })
    .optional(),
  /** Account of the bucket, the reader and the queue. @default "logArchive" */
  bucketAccount: accountRef("bucketAccount").default("logArchive"),
  /** Account of the key. @default - the bucket's account */
  keyAccount: accountRef("keyAccount").optional(),
  /** Alias of the findings key. @default "alias/guardduty-findings-export" */
  keyAliasName: ruled("keyAliasName", 'a KMS alias such as "alias/guardduty-findings"', aliasNameProblems).optional(),
  /** @default - GLACIER_IR after 90 days, expiry after 730 days, noncurrent versions deleted after 30 days */
  lifecycle: lifecycleSchema.optional(),
  /** @default - no server access logging */
  accessLogging: accessLoggingSchema.optional(),
  /** @default - no Object Lock */
  objectLock: objectLockSchema.optional(),
  /** `prevent_destroy` on the bucket and key. @default true */
  preventDestroy: boolean("preventDestroy").default(true),
  /** @default - no SIEM reader */
  siemReader: siemReaderSchema.optional(),
  /** An SQS queue notified of new findings (`true`, or options). @default false */
  sqsQueue: z
    .union([z.boolean(), sqsQueueOptionsSchema], {
      error: (iss) => `sqsQueue must be true, false or an object with keys queueName, messageRetentionSeconds, visibilityTimeoutSeconds, maxReceiveCount; got ${show(iss.input)}`,
    })
    .default(false),
});

/** The `export` section after parsing (defaults applied). */
export type ExportConfig = z.infer<typeof exportConfigSchema>;

/** What {@link exportConfigIssues} needs to know of the rest of the estate. */
export interface ExportEstate {
  /** The regions GuardDuty is configured in. */
  readonly regions: string[];
  /** The account IDs of the estate (management, security, log-archive, members). */
  readonly accountIds: string[];
  /** The estate's partition: `aws`, `aws-us-gov` or `aws-cn`. */
  readonly partition: string;
  /** The estate's home region, used when the section has none. */
  readonly homeRegion?: string;
}

/** The region of the findings bucket and key: the section's `homeRegion`, else the estate's. */
export function exportHomeRegion(cfg: ExportConfig, estate: Pick<ExportEstate, "homeRegion">): string | undefined {
  return cfg.homeRegion ?? estate.homeRegion;
}

/** One cross-field problem, with its path inside the `export` section. */
export interface ExportConfigIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * Checks of the `export` section that depend on several values or on the estate: the home region (present,
 * defaulting to the estate's; in the partition; not opt-in), the accounts (known to the estate), the lifecycle (at least a year, expiry after transition) and access
 * logging (not into the findings bucket). Returns every problem; empty when the section is consistent.
 */
export function exportConfigIssues(cfg: ExportConfig, estate: ExportEstate): ExportConfigIssue[] {
  const issues: ExportConfigIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });

  const home = exportHomeRegion(cfg, estate);
  if (home === undefined) {
    add(["homeRegion"], "homeRegion is required when the estate has no homeRegion (the region of the findings bucket and key); got nothing");
  } else if (isKnownRegion(home)) {
    const p = partitionOf(home);
    if (p !== estate.partition) {
      add(["homeRegion"], `homeRegion must be a region of the estate's partition ${estate.partition}; got "${home}" (partition ${p})`);
    }
    if (isOptInRegion(home)) {
      add(
        ["homeRegion"],
        `homeRegion must be a region enabled by default, not the opt-in region "${home}": GuardDuty cannot export findings of other regions to a bucket in an opt-in region`,
      );
    }
  }
  for (const key of ["bucketAccount", "keyAccount"] as const) {
    const ref = cfg[key];
    if (ref !== undefined && isAccountId(ref) && !estate.accountIds.includes(ref)) {
      add([key], `${key} must be "logArchive", "security" or an account of the estate (${estate.accountIds.join(", ")}); got "${ref}"`);
    }
  }
  const l = cfg.lifecycle ?? {};
  const transition = l.transitionToGlacierDays ?? 90;
  const expiration = l.expirationDays ?? 730;
  if (expiration < MIN_RETENTION_DAYS && !l.allowExpirationUnder365Days) {
    add(
      ["lifecycle", "expirationDays"],
      `lifecycle.expirationDays must be at least ${MIN_RETENTION_DAYS} (findings are kept a year), or set lifecycle.allowExpirationUnder365Days: true; got ${expiration}`,
    );
  }
  if (expiration <= transition) {
    add(
      ["lifecycle", "expirationDays"],
      `lifecycle.expirationDays must be greater than lifecycle.transitionToGlacierDays (${transition}); got ${expiration}`,
    );
  }
  if (cfg.accessLogging && cfg.accessLogging.targetBucket === cfg.bucketName) {
    add(
      ["accessLogging", "targetBucket"],
      `accessLogging.targetBucket must be another bucket than bucketName (logs would log themselves); got "${cfg.bucketName}"`,
    );
  }
  return issues;
}
