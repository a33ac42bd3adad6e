/**
 * What an existing CDKTF project does with the published package, one entry per scenario: the consumer's own
 * program (TypeScript, compiled with a strict tsc; it imports only from "guardduty-cdktf", cdktf, constructs and
 * @cdktf/provider-aws submodules, and has its own stack and provider) and assertions on what it synthesized.
 *
 * To cover another module, add one entry here once it is exported from modules/index.ts: a name, the consumer's
 * source, and `check` on the parsed stacks.
 */
import { parsePolicy } from "../../modules/review/policies";
import { forEachEntries } from "../../modules/review/synthesized";
import type { SynthDoc } from "../helpers";

export interface ConsumerScenario {
  /** kebab-case: the program's file name (src/<name>.ts) and its cdktf.out directory. */
  readonly name: string;
  /** What the scenario proves (the test's title). */
  readonly title: string;
  /** The consumer's program; it calls `app.synth()` (the outdir comes from CDKTF_OUTDIR). */
  readonly source: string;
  /** Assertions on the synthesized stacks, keyed by stack name. */
  readonly check?: (stacks: Record<string, SynthDoc>) => void;
  /** For a program that must fail: what its error output must say. */
  readonly fails?: RegExp;
}

/** The consumer's estate, inline (no file), as a user would write it. */
const ESTATE = `{
  name: "org-guardduty",
  accounts: {
    management: { id: "111111111111", roleArn: "arn:aws:iam::111111111111:role/GuardDutyOrganizationDeployer" },
    security: { id: "222222222222" },
    logArchive: { id: "333333333333" },
  },
  homeRegion: "eu-west-1",
  regions: ["us-east-1", "eu-west-1"],
  invitedMembers: [{ accountId: "444455556666", email: "aws-root+partner@example.com" }],
  tags: { owner: "security" },
}`;

const REGIONS = ["eu-west-1", "us-east-1"];

/** The `for_each` keys of a resource block: a literal map's, or those of an expression the library writes. */
function forEachKeys(block: { for_each?: unknown }): string[] {
  return (forEachEntries(block.for_each ?? {}) ?? []).map(([key]) => key).sort();
}

/** Every block of a resource type. */
function blocks(doc: SynthDoc, type: string): Array<Record<string, any>> {
  return Object.values(doc.resource?.[type] ?? {});
}

function only(doc: SynthDoc, type: string): Record<string, any> {
  const found = blocks(doc, type);
  expect(found).toHaveLength(1);
  return found[0];
}

export const SCENARIOS: readonly ConsumerScenario[] = [
  {
    name: "module-in-existing-stack",
    title: "one module (administrator detectors) joins an existing single-account stack and uses its provider",
    source: `
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { AdministratorDetectors, type AdministratorDetectorsProps } from "guardduty-cdktf";

class WorkloadStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const provider = new AwsProvider(this, "aws", { alias: "workload", region: "eu-west-1" });
    new S3Bucket(this, "Logs", { provider, bucket: "workload-logs" });
    const props: AdministratorDetectorsProps = { provider, regions: ["us-east-1", "eu-west-1"], findingPublishingFrequency: "ONE_HOUR" };
    const guardDuty = new AdministratorDetectors(this, "GuardDuty", props);
    const detectorId: string = guardDuty.detectorId("eu-west-1");
    new TerraformOutput(this, "detector_id", { value: detectorId });
  }
}

const app = new App();
new WorkloadStack(app, "workload");
app.synth();
`,
    check: (stacks) => {
      expect(Object.keys(stacks)).toEqual(["workload"]);
      const doc = stacks.workload;
      expect(doc.provider?.aws).toEqual([{ alias: "workload", region: "eu-west-1" }]);
      expect(only(doc, "aws_s3_bucket")).toMatchObject({ bucket: "workload-logs", provider: "aws.workload" });
      const detector = only(doc, "aws_guardduty_detector");
      expect(detector).toMatchObject({ provider: "aws.workload", region: "${each.key}", enable: true, finding_publishing_frequency: "ONE_HOUR" });
      expect(forEachKeys(detector)).toEqual(REGIONS);
      const features = blocks(doc, "aws_guardduty_detector_feature");
      expect(features.length).toBeGreaterThan(0);
      for (const f of features) {
        expect(f.provider).toBe("aws.workload");
        expect(forEachKeys(f)).toEqual(REGIONS);
      }
      expect(doc.output?.detector_id.value).toBe('${aws_guardduty_detector.guard_duty_detector["eu-west-1"].id}');
      expect(Object.keys(doc.resource ?? {}).sort()).toEqual(["aws_guardduty_detector", "aws_guardduty_detector_feature", "aws_s3_bucket"]);
    },
  },
  {
    name: "export-in-existing-stack",
    title: "only the findings export (FindingsExport) joins an existing single-account stack, on its provider and its detectors",
    source: `
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { FindingsExport, type ExportDetector, type FindingsExportProps } from "guardduty-cdktf";

const ACCOUNT = "111111111111";

class SecurityStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const provider = new AwsProvider(this, "aws", { alias: "main", region: "eu-west-1", allowedAccountIds: [ACCOUNT] });
    // The project's own detectors, created long before the export.
    const detectors: ExportDetector[] = ["us-east-1", "eu-west-1"].map((region) => {
      const detector = new GuarddutyDetector(this, "Detector_" + region.replace(/-/g, "_"), { provider, region, enable: true });
      return { region, detectorId: detector.id, detectorArn: detector.arn };
    });
    const props: FindingsExportProps = {
      partition: "aws", homeRegion: "eu-west-1", administratorAccountId: ACCOUNT, administratorProvider: provider, detectors,
      bucketProvider: provider, bucketAccountId: ACCOUNT, bucketName: "acme-guardduty-findings-111111111111",
    };
    const findingsExport = new FindingsExport(this, "FindingsExport", props);
    const uri: string = findingsExport.s3Uri;
    new TerraformOutput(this, "findings_uri", { value: uri });
  }
}

const app = new App();
new SecurityStack(app, "security");
app.synth();
`,
    check: (stacks) => {
      expect(Object.keys(stacks)).toEqual(["security"]);
      const doc = stacks.security;
      expect(doc.provider?.aws).toEqual([{ alias: "main", region: "eu-west-1", allowed_account_ids: ["111111111111"] }]);
      for (const [type, byName] of Object.entries(doc.resource ?? {})) {
        for (const [name, body] of Object.entries(byName)) expect([type, name, body.provider]).toEqual([type, name, "aws.main"]);
      }
      expect(Object.keys(doc.resource ?? {}).sort()).toEqual([
        "aws_guardduty_detector", "aws_guardduty_publishing_destination", "aws_kms_alias", "aws_kms_key", "aws_s3_bucket",
        "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_ownership_controls", "aws_s3_bucket_policy",
        "aws_s3_bucket_public_access_block", "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_versioning",
      ]);
      expect(Object.keys(doc.resource!.aws_guardduty_detector).sort()).toEqual(["Detector_eu_west_1", "Detector_us_east_1"]);
      const destination = only(doc, "aws_guardduty_publishing_destination");
      expect(destination).toMatchObject({
        region: "\${each.key}", detector_id: "\${each.value}", destination_type: "S3",
        destination_arn: "arn:aws:s3:::acme-guardduty-findings-111111111111",
        kms_key_arn: "\${aws_kms_key.findings_export_findings_key_key.arn}",
      });
      expect(destination.for_each).toEqual({
        "eu-west-1": "\${aws_guardduty_detector.Detector_eu_west_1.id}",
        "us-east-1": "\${aws_guardduty_detector.Detector_us_east_1.id}",
      });
      expect(only(doc, "aws_s3_bucket")).toMatchObject({ bucket: "acme-guardduty-findings-111111111111", lifecycle: { prevent_destroy: true } });
      expect(only(doc, "aws_kms_key")).toMatchObject({ enable_key_rotation: true, region: "eu-west-1", lifecycle: { prevent_destroy: true } });
      const [allow] = parsePolicy(only(doc, "aws_s3_bucket_policy").policy).Statement.filter((st) => st.Effect === "Allow");
      expect(allow.Condition?.StringEquals["aws:SourceAccount"]).toBe("111111111111");
      expect([...(allow.Condition?.StringEquals["aws:SourceArn"] as string[])].sort()).toEqual([
        "\${aws_guardduty_detector.Detector_eu_west_1.arn}", "\${aws_guardduty_detector.Detector_us_east_1.arn}",
      ]);
      expect(doc.output?.findings_uri.value).toBe("s3://acme-guardduty-findings-111111111111/AWSLogs/111111111111/GuardDuty/");
    },
  },
  {
    name: "notifications-in-existing-stack",
    title: "only the notifications (FindingNotifications) join an existing single-account stack, on its provider",
    source: `
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { FindingNotifications, type FindingNotificationsProps, type NotificationChannels } from "guardduty-cdktf";

class SecurityStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const provider = new AwsProvider(this, "aws", { alias: "security", region: "eu-west-1" });
    new S3Bucket(this, "Reports", { provider, bucket: "acme-security-reports" });
    const channels: NotificationChannels = {
      email: { addresses: ["secops@example.com"], minSeverity: "HIGH" },
      lambda: [{ name: "respond", functionArn: "arn:aws:lambda:eu-west-1:111111111111:function:respond", minSeverity: "CRITICAL" }],
    };
    const props: FindingNotificationsProps = {
      partition: "aws", homeRegion: "eu-west-1", regions: ["eu-west-1", "us-east-1"], accountId: "111111111111", provider, channels,
    };
    const notifications = new FindingNotifications(this, "Notifications", props);
    const pending: string[] = notifications.pendingConfirmations;
    new TerraformOutput(this, "pending_confirmations", { value: pending });
  }
}

const app = new App();
new SecurityStack(app, "security");
app.synth();
`,
    check: (stacks) => {
      expect(Object.keys(stacks)).toEqual(["security"]);
      const doc = stacks.security;
      expect(doc.provider?.aws).toEqual([{ alias: "security", region: "eu-west-1" }]);
      for (const [type, byName] of Object.entries(doc.resource ?? {})) {
        for (const [name, body] of Object.entries(byName)) expect([type, name, body.provider]).toEqual([type, name, "aws.security"]);
      }
      expect(Object.keys(doc.resource ?? {}).sort()).toEqual([
        "aws_cloudwatch_event_rule", "aws_cloudwatch_event_target", "aws_iam_role", "aws_iam_role_policy", "aws_kms_alias",
        "aws_kms_key", "aws_lambda_permission", "aws_s3_bucket", "aws_sns_topic", "aws_sns_topic_subscription", "aws_sqs_queue",
      ]);
      const rules = doc.resource!.aws_cloudwatch_event_rule;
      expect(JSON.parse(rules.notifications_rules_sev7_1.event_pattern).detail.severity).toEqual([{ numeric: [">=", 7] }]);
      expect(JSON.parse(rules.notifications_rules_sev9_1.event_pattern).detail.severity).toEqual([{ numeric: [">=", 9] }]);
      expect(forEachKeys(rules.notifications_forwarding_rule)).toEqual(["us-east-1"]);
      expect(only(doc, "aws_lambda_permission")).toMatchObject({
        function_name: "arn:aws:lambda:eu-west-1:111111111111:function:respond",
        principal: "events.amazonaws.com",
        source_arn: "arn:aws:events:eu-west-1:111111111111:rule/guardduty-notifications-sev9-1",
      });
      expect(forEachKeys(only(doc, "aws_sns_topic_subscription"))).toEqual(["secops@example.com"]);
      expect(forEachKeys(only(doc, "aws_sqs_queue"))).toEqual(["eu-west-1", "us-east-1"]);
      expect(doc.output?.pending_confirmations.value).toEqual(["secops@example.com"]);
    },
  },
  {
    name: "provider-of-another-stack",
    title: "fails when the consumer passes a provider of another stack, with the library's message",
    source: `
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AdministratorDetectors } from "guardduty-cdktf";

const app = new App();
const network = new TerraformStack(app, "network");
const provider = new AwsProvider(network, "aws", { region: "eu-west-1" });
const workload = new TerraformStack(app, "workload");
new AwsProvider(workload, "aws", { region: "eu-west-1" });
new AdministratorDetectors(workload, "GuardDuty", { provider, regions: ["eu-west-1"] });
app.synth();
`,
    fails: /provider must be a provider of stack "workload"; got provider "aws" of stack "network"/,
  },
  {
    name: "estate-in-existing-stack",
    title: "the whole estate (parseEstate + estateTopology + GuardDutyEstate) joins an existing stack beside its own provider",
    source: `
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { estateTopology, GuardDutyEstate, parseEstate, type EstateConfig, type EstateInput } from "guardduty-cdktf";

const input = ${ESTATE} satisfies EstateInput;

const app = new App();
const stack = new TerraformStack(app, "platform");
new AwsProvider(stack, "aws", { region: "eu-central-1" });
new S3Bucket(stack, "Artifacts", { bucket: "platform-artifacts" });
const config: EstateConfig = parseEstate(input, "inline estate");
const estate = new GuardDutyEstate(stack, "GuardDuty", { config, topology: estateTopology(stack, config) });
const regions: readonly string[] = estate.organization.administrator.regions;
if (regions.join() !== "eu-west-1,us-east-1") throw new Error("unexpected regions " + regions.join());
app.synth();
`,
    check: (stacks) => {
      expect(Object.keys(stacks)).toEqual(["platform"]);
      const doc = stacks.platform;
      const providers = doc.provider?.aws ?? [];
      expect(providers.map((p) => p.alias ?? "(default)")).toEqual(["(default)", "management", "security", "log-archive", "member-444455556666"]);
      expect(providers[0]).toEqual({ region: "eu-central-1" });
      expect(only(doc, "aws_s3_bucket").provider).toBeUndefined();

      const detectors = doc.resource?.aws_guardduty_detector ?? {};
      expect(detectors.guard_duty_organization_administrator_detector).toMatchObject({ provider: "aws.security" });
      expect(forEachKeys(detectors.guard_duty_organization_administrator_detector)).toEqual(REGIONS);
      const designations = doc.resource?.aws_guardduty_organization_admin_account ?? {};
      expect(designations.guard_duty_organization_delegation_first_admin_account).toMatchObject({ provider: "aws.management", admin_account_id: "222222222222" });
      expect(forEachKeys(designations.guard_duty_organization_delegation_first_admin_account)).toEqual(["eu-west-1"]);
      expect(forEachKeys(designations.guard_duty_organization_delegation_admin_account)).toEqual(["us-east-1"]);
      expect(only(doc, "aws_guardduty_organization_configuration").provider).toBe("aws.security");
      const invitation = doc.resource!.aws_guardduty_member.guard_duty_organization_invited_invitation;
      expect(invitation.provider).toBe("aws.security");
      expect(forEachKeys(invitation)).toEqual(["eu-west-1/444455556666", "us-east-1/444455556666"]);
      expect(only(doc, "aws_guardduty_invite_accepter").provider).toBe("aws.member-444455556666");
    },
  },
  {
    name: "estate-stack-in-app",
    title: "EstateStack from an inline estate sits in the consumer's app next to its own stack",
    source: `
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { EstateStack, parseEstate } from "guardduty-cdktf";

const app = new App();
const own = new TerraformStack(app, "workload");
new AwsProvider(own, "aws", { alias: "workload", region: "us-east-1" });
new S3Bucket(own, "Data", { bucket: "workload-data" });
const estate = new EstateStack(app, parseEstate({
  ...${ESTATE},
  backend: { type: "s3", bucket: "org-terraform-state", key: "guardduty/terraform.tfstate", region: "eu-west-1" },
}));
if (!(estate instanceof TerraformStack)) throw new Error("EstateStack is not a TerraformStack of the consumer's cdktf");
app.synth();
`,
    check: (stacks) => {
      expect(Object.keys(stacks)).toEqual(["org-guardduty", "workload"]);
      expect(stacks.workload.provider?.aws).toEqual([{ alias: "workload", region: "us-east-1" }]);
      expect(Object.keys(stacks.workload.resource ?? {})).toEqual(["aws_s3_bucket"]);

      const doc = stacks["org-guardduty"];
      expect(doc.terraform?.backend?.s3).toMatchObject({
        bucket: "org-terraform-state", key: "guardduty/terraform.tfstate", region: "eu-west-1", encrypt: true, use_lockfile: true,
      });
      expect((doc.provider?.aws ?? []).map((p) => [p.alias, p.allowed_account_ids?.[0]])).toEqual([
        ["management", "111111111111"], ["security", "222222222222"], ["log-archive", "333333333333"],
        ["member-444455556666", "444455556666"],
      ]);
      expect(Object.keys(doc.resource ?? {}).sort()).toEqual([
        "aws_guardduty_detector", "aws_guardduty_detector_feature", "aws_guardduty_invite_accepter", "aws_guardduty_member",
        "aws_guardduty_member_detector_feature", "aws_guardduty_organization_admin_account", "aws_guardduty_organization_configuration",
        "aws_guardduty_organization_configuration_feature", "aws_iam_service_linked_role",
      ]);
      const detector = doc.resource!.aws_guardduty_detector.estate_organization_administrator_detector;
      expect(detector.provider).toBe("aws.security");
      expect(forEachKeys(detector)).toEqual(REGIONS);
      expect((doc.provider?.aws ?? [])[1].default_tags).toEqual([{ tags: { owner: "security" } }]);
    },
  },
];
