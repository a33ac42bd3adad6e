/**
 * Building blocks of the estate schema: account IDs, regions, emails, strict objects whose unknown keys are errors.
 * Every message says what is allowed; the loader adds the path and the value received.
 */
import { z } from "zod";
import { isKnownRegion, REGIONS } from "../topology/regions";

/** A 12-digit AWS account ID, as a string (JSON numbers lose leading zeros). */
export const accountIdSchema = z
  .string({ error: "expected a 12-digit AWS account ID as a string, e.g. \"111122223333\"" })
  .regex(/^\d{12}$/, { error: "expected a 12-digit AWS account ID, e.g. \"111122223333\"" });

const exampleRegions = ["eu-west-1", "us-east-1", "me-south-1"];

/** A region code this library knows (commercial, opt-in, GovCloud or China). */
export const regionSchema = z
  .string({ error: "expected an AWS region code as a string, e.g. \"eu-west-1\"" })
  .refine(isKnownRegion, {
    error: `expected a known AWS region code (e.g. ${exampleRegions.join(", ")}; ${Object.keys(REGIONS).length} known)`,
  });

/** An email address. */
export const emailSchema = z.email({ error: "expected an email address, e.g. \"aws-root+prod@example.com\"" });

/** An IAM role name (path-less), as IAM allows it. */
export const roleNameSchema = z
  .string({ error: "expected an IAM role name as a string" })
  .regex(/^[\w+=,.@-]{1,64}$/, { error: "expected an IAM role name: 1-64 of A-Z a-z 0-9 +=,.@_-" });

/** An IAM role ARN in any partition. */
export const roleArnSchema = z
  .string({ error: "expected an IAM role ARN as a string" })
  .regex(/^arn:aws(-us-gov|-cn)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, {
    error: "expected an IAM role ARN, e.g. \"arn:aws:iam::111122223333:role/GuardDutyDeployer\"",
  });

/** `ALL`, `NEW` or `NONE`, as GuardDuty's auto-enable settings take them. */
export const AUTO_ENABLE = ["ALL", "NEW", "NONE"] as const;
export const autoEnableSchema = z.enum(AUTO_ENABLE, { error: "expected one of ALL, NEW, NONE" });

const TAG_KEY = "expected a tag key of 1-128 characters, not starting with \"aws:\" (reserved by AWS)";
/** The characters AWS allows in tag keys and values: letters, digits, spaces and _ . : / = + - @ */
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TAG_CHARS_ALLOWED = "letters, digits, spaces and _ . : / = + - @";
/** AWS allows 50 tags per resource; the estate adds none of its own beyond these (provider default_tags). */
export const MAX_TAGS = 50;
/** Tags: string keys and values, as AWS accepts them. */
export const tagsSchema = z.record(
  z.string()
    .min(1, { error: TAG_KEY })
    .max(128, { error: TAG_KEY })
    .refine((k) => !k.toLowerCase().startsWith("aws:"), { error: TAG_KEY })
    .refine((k) => TAG_CHARS.test(k), { error: `expected a tag key of ${TAG_CHARS_ALLOWED} only` }),
  z.string({ error: "expected a tag value as a string" }).max(256, { error: "expected a tag value of at most 256 characters" })
    .refine((v) => TAG_CHARS.test(v), { error: `expected a tag value of ${TAG_CHARS_ALLOWED} only` }),
  { error: "expected an object of tag key -> tag value, e.g. { \"owner\": \"security\" }" },
).refine((tags) => Object.keys(tags).length <= MAX_TAGS, {
  error: (issue) => `expected at most ${MAX_TAGS} tags (AWS allows ${MAX_TAGS} per resource); got ${Object.keys(issue.input as object).length} tags`,
});

/**
 * A strict object: unknown keys are errors whose message lists the allowed keys.
 * `forbidden` names keys that are refused with a specific reason (e.g. a frequency on a member).
 */
export function strictObject<T extends z.ZodRawShape>(shape: T, forbidden: Record<string, string> = {}) {
  const allowed = Object.keys(shape).join(", ");
  const refused = Object.fromEntries(Object.entries(forbidden).map(([k, reason]) => [k, z.never({ error: reason }).optional()]));
  return z.strictObject({ ...shape, ...refused } as T, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") return `unknown key; allowed keys: ${allowed}`;
      if (issue.code === "invalid_type") return `expected an object with keys ${allowed}`;
      return undefined;
    },
  });
}
