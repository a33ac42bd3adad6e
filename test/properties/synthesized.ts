/**
 * Reading what a generated estate synthesizes, for the properties: every stack's text (whole-app synth, so a
 * `stacks` split is seen as `cdktf synth` writes it), the policy documents of a stack, and those documents with their
 * Terraform interpolations rendered to the concrete ARNs Terraform would put there, ready for the IAM simulator.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { App } from "cdktf";
import { parseEstate } from "../../modules/config/load";
import { EstateStack } from "../../modules/estate/estate-stack";
import { interpolations } from "../../modules/review/policies";
import { instanceArgument, providerAccounts, resourceInstances, type TerraformDocument } from "../../modules/review/synthesized";

/** Every stack of an estate file, by name, as the text `cdktf synth` writes (cdk.tf.json). */
export function synthStacks(raw: unknown): Record<string, string> {
  const outdir = mkdtempSync(path.join(tmpdir(), "gd-properties-"));
  try {
    const app = new App({ outdir });
    new EstateStack(app, parseEstate(raw));
    app.synth();
    const manifest = JSON.parse(readFileSync(path.join(outdir, "manifest.json"), "utf8"));
    const out: Record<string, string> = {};
    for (const [name, s] of Object.entries<any>(manifest.stacks)) out[name] = readFileSync(path.join(outdir, s.synthesizedStackPath), "utf8");
    return out;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * Every IAM policy document of a stack (`policy`, `assume_role_policy`; not SQS redrive settings):
 * `<instance address>.<argument>` -> the policy text (interpolations left in), `for_each` instances expanded (a
 * dead-letter queue's `${each.value.policy}` is its own document).
 */
export function policyTexts(doc: TerraformDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const instance of resourceInstances(doc)) {
    for (const arg of Object.keys(instance.body).filter((a) => a === "policy" || a === "assume_role_policy")) {
      const v = instanceArgument(instance, arg);
      if (typeof v === "string") out.set(`${instance.address}.${arg}`, v);
    }
  }
  return out;
}

const REF = /^\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\["([^"]+)"\])?\.([a-z_]+)\}$/;

/** A fake but stable resource ID from a name (hex, so it fits KMS key IDs and detector IDs). */
const hexOf = (s: string, n: number) => Array.from({ length: n }, (_, i) => ((s.charCodeAt(i % s.length) + i) % 16).toString(16)).join("");

/**
 * The concrete value Terraform would give a reference in a stack: detector and key ARNs in the account and region
 * of their provider, bucket names, role, queue and topic ARNs from their names. Throws on a reference it does not
 * know: a policy the simulation cannot read would prove nothing.
 */
export function renderReference(doc: TerraformDocument, expression: string): string {
  const m = REF.exec(expression);
  if (!m) throw new Error(`cannot render ${expression}`);
  const [, data, type, name, key, attribute] = m;
  const accounts = providerAccounts(doc);
  const block = ((doc[data ? "data" : "resource"] ?? {}) as Record<string, Record<string, Record<string, unknown>>>)[type]?.[name];
  if (!block) throw new Error(`${expression} names no block of the stack`);
  const alias = typeof block.provider === "string" ? block.provider.replace(/^aws\./, "") : "";
  const account = accounts.get(alias) ?? "000000000000";
  const region = key ?? (typeof block.region === "string" && !block.region.includes("${") ? block.region : undefined)
    ?? String((doc.provider?.aws ?? []).find((p) => String(p.alias ?? "") === alias)?.region);
  const instance = data ? undefined : resourceInstances(doc).find((i) => i.type === type && i.name === name && i.key === key);
  const arg = (a: string) => (instance ? instanceArgument(instance, a) : undefined);
  switch (`${type}.${attribute}`) {
    case "aws_guardduty_detector.id":
      return hexOf(`${region}${account}`, 32);
    case "aws_guardduty_detector.arn":
      return `arn:aws:guardduty:${region}:${account}:detector/${hexOf(`${region}${account}`, 32)}`;
    case "aws_kms_key.arn":
      return `arn:aws:kms:${region}:${account}:key/${hexOf(name, 8)}-1111-2222-3333-${hexOf(name, 12)}`;
    case "aws_s3_bucket.id":
    case "aws_s3_bucket.bucket":
      return String(arg("bucket"));
    case "aws_s3_bucket.arn":
      return `arn:aws:s3:::${String(arg("bucket"))}`;
    case "aws_iam_role.arn":
      return `arn:aws:iam::${account}:role/${String(arg("name"))}`;
    case "aws_iam_user.arn":
      return `arn:aws:iam::${account}:user/${String(arg("name"))}`;
    case "aws_sqs_queue.arn":
      return `arn:aws:sqs:${region}:${account}:${String(arg("name"))}`;
    case "aws_sns_topic.arn":
      return `arn:aws:sns:${region}:${account}:${String(arg("name"))}`;
    case "aws_cloudwatch_event_rule.arn":
      return `arn:aws:events:${region}:${account}:rule/${String(arg("name"))}`;
    default:
      throw new Error(`cannot render ${expression}`);
  }
}

/** A policy text with every interpolation rendered (see renderReference), parsed. */
export function renderedPolicy(doc: TerraformDocument, text: string): any {
  let out = "";
  let last = 0;
  for (const { start, end } of interpolations(text)) {
    out += text.slice(last, start) + renderReference(doc, text.slice(start, end));
    last = end;
  }
  return JSON.parse(out + text.slice(last));
}
