/**
 * Who may write and who may read the findings: the bucket and key that publishing destinations point at, and
 * every policy that grants on them, summarized from the synthesized policies (not from the config).
 */
import { describeStatement, parsePolicy, type ParsedStatement } from "./policies";
import { instanceArgument, resourceInstances, type ResourceInstance, type TerraformDocument } from "./synthesized";

/** The access summary of one findings destination. */
export interface FindingsAccess {
  readonly bucketName: string;
  readonly prefix: string;
  readonly bucketAddress?: string;
  readonly bucketProvider?: string;
  readonly keyAddress?: string;
  readonly keyProvider?: string;
  /** Provider aliases of the publishing destinations (the administrator). */
  readonly destinationProviders: readonly string[];
  readonly regions: readonly string[];
  readonly bucketStatements: readonly string[];
  readonly keyStatements: readonly string[];
  /** Identity policies of roles and users that grant on the bucket or key: `role x (trusted by ...): statement`. */
  readonly identityGrants: readonly string[];
  readonly preventDestroy: { readonly bucket: boolean; readonly key: boolean };
  /** True when a `<prefix>/` object is created in the bucket (export to a prefix needs it to exist). */
  readonly prefixObject: boolean;
}

const refName = (v: unknown, type: string): string | undefined => {
  const m = typeof v === "string" ? new RegExp(`^\\$\\{${type}\\.([A-Za-z0-9_-]+)\\.[a-z_]+\\}$`).exec(v) : null;
  return m ? m[1] : undefined;
};

function statementsOf(text: unknown): ParsedStatement[] {
  if (typeof text !== "string" || !text.trim().startsWith("{")) return [];
  return parsePolicy(text).Statement;
}

function mentions(s: ParsedStatement, needles: readonly string[]): boolean {
  const text = JSON.stringify([s.Resource ?? s.NotResource ?? "*"]);
  return needles.some((n) => text.includes(n));
}

function identityGrants(instances: ResourceInstance[], needles: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of instances.filter((i) => ["aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_policy"].includes(i.type))) {
    const owner = refName(instanceArgument(p, "role"), "aws_iam_role") ?? refName(instanceArgument(p, "user"), "aws_iam_user");
    const role = instances.find((i) => i.type === "aws_iam_role" && i.name === owner);
    const trust = role
      ? statementsOf(instanceArgument(role, "assume_role_policy")).map((s) => describeStatement(s).replace(/^Allow /, "")).join("; ")
      : undefined;
    const who = role ? `role ${instanceArgument(role, "name") ?? role.name} (assumed by ${trust})` : owner ? `user ${owner}` : p.address;
    for (const s of statementsOf(instanceArgument(p, "policy")).filter((st) => mentions(st, needles))) {
      out.push(`${who}: ${describeStatement(s)}`);
    }
  }
  return out;
}

/** One summary per distinct findings destination of a document. */
export function findingsAccess(doc: TerraformDocument): FindingsAccess[] {
  const instances = resourceInstances(doc);
  const destinations = instances.filter((i) => i.type === "aws_guardduty_publishing_destination");
  const byArn = new Map<string, ResourceInstance[]>();
  for (const d of destinations) {
    const arn = String(instanceArgument(d, "destination_arn"));
    byArn.set(arn, [...(byArn.get(arn) ?? []), d]);
  }
  return [...byArn.entries()].map(([arn, dests]) => {
    const [bucketName, ...rest] = arn.replace(/^arn:[^:]+:s3:::/, "").split("/");
    const bucket = instances.find((i) => i.type === "aws_s3_bucket" && instanceArgument(i, "bucket") === bucketName);
    const keyName = refName(instanceArgument(dests[0], "kms_key_arn"), "aws_kms_key");
    const key = instances.find((i) => i.type === "aws_kms_key" && i.name === keyName);
    const bucketPolicy = instances.find((i) => i.type === "aws_s3_bucket_policy" &&
      (instanceArgument(i, "bucket") === bucketName || refName(instanceArgument(i, "bucket"), "aws_s3_bucket") === bucket?.name));
    const prefix = rest.join("/");
    const needles = [`:s3:::${bucketName}`, ...(key ? [`aws_kms_key.${key.name}.`] : [])];
    const lifecycle = (i?: ResourceInstance) => (i?.body.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy === true;
    return {
      bucketName,
      prefix,
      bucketAddress: bucket?.address,
      bucketProvider: bucket?.providerAlias,
      keyAddress: key?.address,
      keyProvider: key?.providerAlias,
      destinationProviders: [...new Set(dests.map((d) => d.providerAlias ?? "default"))],
      regions: dests.map((d) => d.region ?? "?").sort(),
      bucketStatements: statementsOf(bucketPolicy && instanceArgument(bucketPolicy, "policy")).map(describeStatement),
      keyStatements: statementsOf(key && instanceArgument(key, "policy")).map(describeStatement),
      identityGrants: identityGrants(instances, needles),
      preventDestroy: { bucket: lifecycle(bucket), key: lifecycle(key) },
      prefixObject: prefix === "" || instances.some((i) => i.type === "aws_s3_object" && instanceArgument(i, "key") === `${prefix}/`),
    };
  });
}
