/**
 * `cdktf synth --hcl`: every example, and the estate split into a stack per region, renders through cdktf's own HCL
 * renderer (`TerraformStack.toHclTerraform()`, what the CLI writes as cdk.tf), and the HCL reads back to exactly the
 * JSON document of the same app: same blocks and addresses, same for_each keys, the same policy and pattern text.
 * Terraform itself (validate + plan through tfshim) was run on the same output by hand: see the README's "Reviewing".
 */
import { readFileSync } from "fs";
import * as path from "path";
import { App, TerraformStack, Testing } from "cdktf";
import * as invitedMembers from "../examples/invited-members";
import * as lambdaWebhook from "../examples/lambda-webhook";
import * as notificationsOnly from "../examples/notifications-only";
import * as organization from "../examples/organization";
import * as s3MalwareProtection from "../examples/s3-malware-protection";
import * as singleAccount from "../examples/single-account";
import { parseEstate } from "../modules/config/load";
import { readHclDocument } from "../modules/review/hcl-document";
import { parsePolicy } from "../modules/review/policies";
import { SuppressionRules } from "../modules/notifications/suppression-rules";
import { withHclSynth } from "../modules/topology/hcl-synth";
import { testStack } from "./helpers";

const ORGANIZATION_FILE = path.join(__dirname, "..", "examples", "organization", "estate.json");

/** The organization example's estate, split into a stack per region (plus home and invited-member stacks). */
function splitEstate() {
  const raw = JSON.parse(readFileSync(ORGANIZATION_FILE, "utf8"));
  return parseEstate({ ...raw, $schema: undefined, stacks: { split: "region", invitedMemberGroups: 1 } }, "split estate");
}

/** The organization example in a decommission phase (README "Decommissioning"): locals, and `removed` blocks in teardown. */
function decommissioned(phase: "prepare" | "teardown") {
  const raw = JSON.parse(readFileSync(ORGANIZATION_FILE, "utf8"));
  return parseEstate({ ...raw, $schema: undefined, decommission: phase }, `decommission ${phase}`);
}

const BUILDS: Readonly<Record<string, (app: App) => unknown>> = {
  "invited-members": (app) => invitedMembers.build(app),
  "lambda-webhook": (app) => lambdaWebhook.build(app),
  "notifications-only": (app) => notificationsOnly.build(app),
  organization: (app) => organization.build(app, organization.EXAMPLE_CONFIG),
  "organization split by region": (app) => organization.build(app, splitEstate()),
  "organization, decommission prepare": (app) => organization.build(app, decommissioned("prepare")),
  "organization, decommission teardown": (app) => organization.build(app, decommissioned("teardown")),
  "single-account": (app) => singleAccount.build(app),
  "s3-malware-protection": (app) => s3MalwareProtection.build(app),
};

const stacksOf = (app: App) => app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);

/** A document without cdktf's `//` metadata (cdk.tf keeps it in metadata.json instead). */
function withoutMetadata(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutMetadata);
  if (!v || typeof v !== "object") return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => k !== "//").map(([k, x]) => [k, withoutMetadata(x)]));
}

/** Each stack of the example: its JSON document and its HCL text, from two apps built alike. */
function render(name: string): Array<{ stack: string; json: any; hcl: string }> {
  const jsonApp = Testing.app();
  BUILDS[name](jsonApp);
  const json = Object.fromEntries(stacksOf(jsonApp).map((s) => [s.node.id, JSON.parse(Testing.synth(s))]));
  return withHclSynth(() => {
    const hclApp = Testing.app();
    BUILDS[name](hclApp);
    return stacksOf(hclApp).map((s) => ({ stack: s.node.id, json: json[s.node.id], hcl: s.toHclTerraform().hcl as string }));
  });
}

const rendered = new Map<string, ReturnType<typeof render>>();
const stacks = (name: string) => {
  if (!rendered.has(name)) rendered.set(name, render(name));
  return rendered.get(name)!;
};

describe.each(Object.keys(BUILDS))("%s", (name) => {
  test("renders as HCL that reads back to exactly its JSON document", () => {
    const all = stacks(name);
    expect(all.length).toBeGreaterThan(0);
    for (const { stack, json, hcl } of all) {
      expect({ stack, doc: withoutMetadata(readHclDocument(hcl)) }).toEqual({ stack, doc: withoutMetadata(json) });
    }
  });

  test("writes JSON documents as jsonencode expressions (arguments one entry per line), never as quoted JSON text", () => {
    for (const { hcl } of stacks(name)) {
      expect(hcl).not.toMatch(/= "\{"/);
      expect(hcl).not.toMatch(/= \{"(Version|source|deadLetterTargetArn)"/);
      const lines = hcl.split("\n");
      lines.forEach((line, i) => {
        if (!/^\s*(policy|assume_role_policy|event_pattern|redrive_policy|redrive_allow_policy) =/.test(line)) return;
        // an argument: a heredoc holding `${jsonencode({` one entry per line; a for_each value: one line
        const form = line.endsWith("= <<EOF") ? `${line} ${lines[i + 1]}` : line;
        expect(form).toMatch(/= (<<EOF \$\{jsonencode\(\{$|"\$\{jsonencode\(\{.*\}\)\}"$|"\$\{each\.value\.[a-z_]+\}"$)/);
      });
    }
  });
});

test("a policy with references reads back to the same statements as the JSON synth (IAM sees the same document)", () => {
  const [{ json, hcl }] = stacks("organization");
  const fromHcl = readHclDocument(hcl) as any;
  const bucketPolicy = (doc: any) => parsePolicy(Object.values(doc.resource.aws_s3_bucket_policy as Record<string, any>)[0].policy);
  expect(bucketPolicy(fromHcl)).toEqual(bucketPolicy(json));
  expect(hcl).toContain('"aws:SourceArn" = ["${aws_guardduty_detector.');
});

test("lifecycle conditions are blocks, as Terraform requires, not a list argument", () => {
  const [{ hcl }] = stacks("organization");
  expect(hcl).not.toMatch(/^\s*(precondition|postcondition) = /m);
  expect(hcl).toMatch(/^\s*(precondition|postcondition) \{/m);
});

test("suppression filters: a rule without description renders its null (cdktf's renderer crashed on it)", () => {
  const hcl = withHclSynth(() => {
    const { stack, provider } = testStack();
    new SuppressionRules(stack, "Suppression", {
      provider, regions: ["eu-west-1"], detectors: [{ region: "eu-west-1", detectorId: "abc123" }],
      rules: [{ name: "scanner", rank: 1, criteria: { type: { equals: ['Recon:EC2/"Port"Probe'] } } }],
    });
    return stack.toHclTerraform().hcl as string;
  });
  expect(hcl).toContain('description = "${null}"');
  const filter = (readHclDocument(hcl) as any).resource.aws_guardduty_filter.suppression_filter;
  expect(filter.for_each["eu-west-1/scanner"]).toMatchObject({ description: null, criterion: { type: { equals: ['Recon:EC2/"Port"Probe'], not_equals: null } } });
});

test("JSON output is not changed by the HCL forms: no jsonencode, no ${null}", () => {
  for (const name of Object.keys(BUILDS)) {
    for (const { json } of stacks(name)) {
      const text = JSON.stringify(json);
      expect(text).not.toContain("jsonencode(");
      expect(text).not.toContain("${null}");
    }
  }
});
