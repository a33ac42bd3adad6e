import { existsSync, readdirSync } from "fs";
import * as path from "path";
import { App, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";

/** Account IDs used across tests. */
export const ACCOUNTS = {
  management: "111111111111",
  security: "222222222222",
  logArchive: "333333333333",
  invited: "444455556666",
  other: "999999999999",
} as const;

/** A stack with one AWS provider (the security account, eu-west-1) and a synth that parses the JSON. */
export function testStack(alias = "security") {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, "test");
  const provider = new AwsProvider(stack, "aws", { region: "eu-west-1", alias });
  return {
    app,
    stack,
    provider,
    /** The synthesized stack, parsed. */
    synth: (): SynthDoc => JSON.parse(Testing.synth(stack)),
  };
}

/** A parsed cdk.tf.json document. */
export type SynthDoc = {
  resource?: Record<string, Record<string, any>>;
  data?: Record<string, Record<string, any>>;
  provider?: Record<string, any[]>;
  output?: Record<string, any>;
  import?: any[];
  terraform?: any;
  [key: string]: any;
};

/** The resources of one type (`"aws_guardduty_detector"` or a provider class), keyed by Terraform name. */
export function resources(doc: SynthDoc, type: string | { tfResourceType: string }): Record<string, any> {
  const t = typeof type === "string" ? type : type.tfResourceType;
  return doc.resource?.[t] ?? {};
}

/** Every resource address (`type.name`) in a document, sorted. */
export function addresses(doc: SynthDoc): string[] {
  const out: string[] = [];
  for (const [type, byName] of Object.entries(doc.resource ?? {})) {
    for (const name of Object.keys(byName)) out.push(`${type}.${name}`);
  }
  return out.sort();
}

/** Every file under `root` (paths relative to it, sorted), or [] when it does not exist. */
export function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath ?? d.path, d.name)))
    .sort();
}
