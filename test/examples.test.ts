/**
 * Every example under examples/ is a test: its `build(app)` is synthesized in-process and the parsed JSON must hold
 * what the example's README promises. The addresses `terraform plan` would show are pinned per example (addresses
 * only, never whole documents).
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { App, TerraformStack, Testing } from "cdktf";
import * as decommission from "../examples/decommission";
import * as invitedMembers from "../examples/invited-members";
import * as ipLists from "../examples/ip-lists";
import * as lambdaWebhook from "../examples/lambda-webhook";
import * as notificationsOnly from "../examples/notifications-only";
import * as organization from "../examples/organization";
import * as s3MalwareProtection from "../examples/s3-malware-protection";
import * as singleAccount from "../examples/single-account";
import { parsePolicy } from "../modules/review/policies";
import { deliveries, routedRules, scanResultDeliveries } from "../modules/review/routing";
import { forEachEntries, resourceInstances } from "../modules/review/synthesized";
import { resources, type SynthDoc } from "./helpers";

const EXAMPLES_DIR = path.join(__dirname, "..", "examples");

/** Each example's build, as a user runs it (the organization example from its own estate file, never GUARDDUTY_CONFIG). */
const BUILDS: Readonly<Record<string, (app: App) => unknown>> = {
  decommission: (app) => decommission.build(app),
  "invited-members": (app) => invitedMembers.build(app),
  "ip-lists": (app) => ipLists.build(app),
  "lambda-webhook": (app) => lambdaWebhook.build(app),
  "notifications-only": (app) => notificationsOnly.build(app),
  organization: (app) => organization.build(app, organization.EXAMPLE_CONFIG),
  "s3-malware-protection": (app) => s3MalwareProtection.build(app),
  "single-account": (app) => singleAccount.build(app),
};

/** Examples whose index.ts imports library subpaths instead of the library index (owned elsewhere; see the report). */
const SUBPATH_IMPORTS = new Set(["organization"]);

/** Synthesizes an example's app (validations on) and parses every stack, by stack name. */
function synthExample(name: string): Record<string, SynthDoc> {
  const app = Testing.app();
  BUILDS[name](app);
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  return Object.fromEntries(stacks.map((s) => [s.node.id, JSON.parse(Testing.synth(s, true)) as SynthDoc]));
}

const synthesized = new Map<string, Record<string, SynthDoc>>();
/** The example's stacks, synthesized once per test file. */
function stacksOf(name: string): Record<string, SynthDoc> {
  if (!synthesized.has(name)) synthesized.set(name, synthExample(name));
  return synthesized.get(name)!;
}

/** The one stack of an example. */
function onlyStack(name: string): SynthDoc {
  const stacks = Object.values(stacksOf(name));
  expect(stacks).toHaveLength(1);
  return stacks[0];
}

/** Every address `terraform plan` shows: resource instances (for_each expanded) and data sources. */
function planAddresses(doc: SynthDoc): string[] {
  const data = Object.entries(doc.data ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((n) => `data.${type}.${n}`));
  return [...resourceInstances(doc as any).map((i) => i.address), ...data.sort()];
}

/** The for_each keys of a block: a literal map's, or those of an expression the library writes (forEachEntries). */
function forEachKeys(block: { for_each?: unknown }): string[] {
  return (forEachEntries(block.for_each ?? {}) ?? []).map(([key]) => key).sort();
}

function only(doc: SynthDoc, type: string): Record<string, any> {
  const found = Object.values(resources(doc, type));
  expect(found).toHaveLength(1);
  return found[0];
}

/** Every resource and data block of a document, with its address. */
function allBlocks(doc: SynthDoc): Array<[string, Record<string, any>]> {
  const out: Array<[string, Record<string, any>]> = [];
  for (const [kind, prefix] of [["resource", ""], ["data", "data."]] as const) {
    for (const [type, byName] of Object.entries(doc[kind] ?? {})) {
      for (const [n, body] of Object.entries(byName as Record<string, any>)) out.push([`${prefix}${type}.${n}`, body]);
    }
  }
  return out;
}

describe("the examples folder", () => {
  const folders = readdirSync(EXAMPLES_DIR).filter((f) => statSync(path.join(EXAMPLES_DIR, f)).isDirectory()).sort();

  test("every example is synthesized by this file", () => {
    expect(folders).toEqual(Object.keys(BUILDS).sort());
  });

  test.each(folders)("%s exports build(app), runs itself when executed directly and has a README saying how", (name) => {
    const source = readFileSync(path.join(EXAMPLES_DIR, name, "index.ts"), "utf8");
    expect(source).toMatch(/export function build\(app: App\b/);
    expect(source).toMatch(/if \(require\.main === module\) \{\s*const app = new App\(\);[\s\S]*build\(app\)[\s\S]*app\.synth\(\);/);
    expect(readFileSync(path.join(EXAMPLES_DIR, name, "README.md"), "utf8")).toContain(`npx tsx examples/${name}/index.ts`);
  });

  test.each(folders.filter((f) => !SUBPATH_IMPORTS.has(f)))("%s imports the library only from its index, as a user of the package would", (name) => {
    const source = readFileSync(path.join(EXAMPLES_DIR, name, "index.ts"), "utf8");
    const library = [...source.matchAll(/from\s+"(\.\.\/[^"]*)"/g)].map((m) => m[1]);
    expect(library.filter((p) => p !== "../../modules")).toEqual([]);
  });
});

describe("organization", () => {
  test("one stack, one provider per account", () => {
    const doc = stacksOf("organization").guardduty;
    expect((doc.provider?.aws ?? []).map((p) => p.alias)).toEqual(["management", "security", "log-archive", "member-444455556666"]);
    expect(Object.keys(stacksOf("organization"))).toEqual(["guardduty"]);
  });

  test("the addresses are pinned", () => {
    expect(planAddresses(stacksOf("organization").guardduty)).toMatchSnapshot();
  });
});

describe("single-account", () => {
  const doc = () => onlyStack("single-account");
  const REGIONS = ["eu-central-1", "eu-west-1", "us-east-1"];

  test("one stack with one provider, pinned to the account, and an S3 backend with S3-native locking", () => {
    expect(Object.keys(stacksOf("single-account"))).toEqual(["guardduty-single-account"]);
    expect(doc().provider?.aws).toEqual([
      expect.objectContaining({ region: "eu-west-1", allowed_account_ids: ["111111111111"] }),
    ]);
    expect(doc().provider?.aws[0].alias).toBeUndefined();
    expect(doc().terraform.backend.s3).toEqual({
      bucket: "example-terraform-state-111111111111", key: "guardduty/single-account.tfstate", region: "eu-west-1",
      encrypt: true, use_lockfile: true,
    });
    for (const [address, body] of allBlocks(doc())) expect([address, body.provider]).toEqual([address, "aws"]);
  });

  test("the account's own detector in every region, with its protection plans; nothing of AWS Organizations", () => {
    const detector = only(doc(), "aws_guardduty_detector");
    expect(forEachKeys(detector)).toEqual(REGIONS);
    expect(detector).toMatchObject({ region: "${each.key}", enable: true, finding_publishing_frequency: "FIFTEEN_MINUTES" });
    const features = Object.values(resources(doc(), "aws_guardduty_detector_feature"));
    expect(Object.fromEntries(features.map((f) => [f.name, f.status]))).toEqual({
      S3_DATA_EVENTS: "ENABLED", EKS_AUDIT_LOGS: "DISABLED", EBS_MALWARE_PROTECTION: "ENABLED", RDS_LOGIN_EVENTS: "ENABLED",
      LAMBDA_NETWORK_LOGS: "ENABLED", RUNTIME_MONITORING: "ENABLED",
    });
    for (const f of features) expect(forEachKeys(f)).toEqual(REGIONS);
    const runtime = features.find((f) => f.name === "RUNTIME_MONITORING")!;
    expect(runtime.additional_configuration).toEqual([
      { name: "EKS_ADDON_MANAGEMENT", status: "DISABLED" },
      { name: "ECS_FARGATE_AGENT_MANAGEMENT", status: "ENABLED" },
      { name: "EC2_AGENT_MANAGEMENT", status: "ENABLED" },
    ]);
    expect(Object.keys(doc().resource ?? {}).filter((t) => /^aws_guardduty_(organization|member|invite)/.test(t))).toEqual([]);
  });

  test("every region publishes its findings to the bucket and key of the same account", () => {
    const destination = only(doc(), "aws_guardduty_publishing_destination");
    expect(forEachKeys(destination)).toEqual(REGIONS);
    expect(destination).toMatchObject({
      region: "${each.key}",
      destination_type: "S3",
      destination_arn: "arn:aws:s3:::example-guardduty-findings-111111111111/guardduty",
      kms_key_arn: "${aws_kms_key.findings_export_findings_key_key.arn}",
    });
    expect(destination.for_each["eu-central-1"]).toBe('${aws_guardduty_detector.detectors_detector["eu-central-1"].id}');
    expect(only(doc(), "aws_s3_bucket")).toMatchObject({ bucket: "example-guardduty-findings-111111111111", lifecycle: { prevent_destroy: true } });
    expect(resources(doc(), "aws_kms_key").findings_export_findings_key_key).toMatchObject({ enable_key_rotation: true, region: "eu-west-1" });
    const [allow] = parsePolicy(only(doc(), "aws_s3_bucket_policy").policy).Statement.filter((s) => s.Effect === "Allow");
    expect(allow.Condition?.StringEquals).toEqual({
      "aws:SourceAccount": "111111111111",
      "aws:SourceArn": REGIONS.map((r) => `\${aws_guardduty_detector.detectors_detector["${r}"].arn}`),
    });
  });

  test("MEDIUM and above from every region are emailed from the home region", () => {
    expect(only(doc(), "aws_sns_topic_subscription")).toMatchObject({ protocol: "email", endpoint: "${each.value.endpoint}" });
    expect(forEachKeys(only(doc(), "aws_sns_topic_subscription"))).toEqual(["security-alerts@example.com"]);
    const rule = resources(doc(), "aws_cloudwatch_event_rule").notifications_rules_sev4_1;
    expect(rule.region).toBe("eu-west-1");
    expect(JSON.parse(rule.event_pattern).detail.severity).toEqual([{ numeric: [">=", 4] }]);
    expect(forEachKeys(resources(doc(), "aws_cloudwatch_event_rule").notifications_forwarding_rule)).toEqual(["eu-central-1", "us-east-1"]);
  });

  test("the addresses are pinned", () => {
    expect(planAddresses(doc())).toMatchSnapshot();
  });
});

describe("notifications-only", () => {
  const doc = () => onlyStack("notifications-only");

  test("the existing project keeps its stack, provider and bucket; every added resource uses its provider", () => {
    expect(Object.keys(stacksOf("notifications-only"))).toEqual(["security-tooling"]);
    expect((doc().provider?.aws ?? []).map((p) => p.alias)).toEqual(["security"]);
    expect(only(doc(), "aws_s3_bucket")).toMatchObject({ bucket: "example-security-tooling-artifacts", provider: "aws.security" });
    for (const [address, body] of allBlocks(doc())) expect([address, body.provider]).toEqual([address, "aws.security"]);
    expect(Object.keys(doc().output ?? {})).toEqual(["guardduty_notification_rules"]);
  });

  test("Slack through AWS Chatbot from HIGH and email from MEDIUM; no GuardDuty resource is created", () => {
    expect(only(doc(), "aws_chatbot_slack_channel_configuration")).toMatchObject({
      slack_team_id: "T0123ABCDE", slack_channel_id: "C0456FGHIJ", region: "eu-west-1",
    });
    const slackTarget = resources(doc(), "aws_cloudwatch_event_target").guardduty_notifications_rules_slack_security_alerts;
    expect(slackTarget.rule).toBe("${aws_cloudwatch_event_rule.guardduty_notifications_rules_sev7_1.name}");
    expect(forEachKeys(only(doc(), "aws_sns_topic_subscription"))).toEqual(["soc@example.com"]);
    expect(Object.keys(doc().resource ?? {}).filter((t) => t.startsWith("aws_guardduty_"))).toEqual([]);
  });

  test("the addresses are pinned", () => {
    expect(planAddresses(doc())).toMatchSnapshot();
  });
});

describe("invited-members", () => {
  const doc = () => onlyStack("invited-members");
  const MEMBERS = ["444455556666", "777788889999"];

  test("one provider per account, each pinned and assuming its own role", () => {
    expect(Object.keys(stacksOf("invited-members"))).toEqual(["guardduty-invited"]);
    expect((doc().provider?.aws ?? []).map((p) => [p.alias, p.allowed_account_ids[0], p.assume_role[0].role_arn])).toEqual([
      ["administrator", "222222222222", "arn:aws:iam::222222222222:role/GuardDutyAdministratorDeployer"],
      ["member-444455556666", "444455556666", "arn:aws:iam::444455556666:role/GuardDutyMemberDeployer"],
      ["member-777788889999", "777788889999", "arn:aws:iam::777788889999:role/GuardDutyMemberDeployer"],
    ]);
    expect(doc().terraform.backend.s3).toMatchObject({ use_lockfile: true });
  });

  test("the administrator invites every member in every region; no AWS Organizations resource", () => {
    const invitation = only(doc(), "aws_guardduty_member");
    expect(invitation).toMatchObject({ provider: "aws.administrator", invite: true, region: "${each.value.region}" });
    expect(forEachKeys(invitation)).toEqual(["eu-west-1/444455556666", "eu-west-1/777788889999", "us-east-1/444455556666", "us-east-1/777788889999"]);
    expect(Object.fromEntries(forEachEntries(invitation.for_each)!)["us-east-1/777788889999"])
      .toMatchObject({ email: "aws-root+partner-portal@example.com", disable_email_notification: true });
    expect(Object.keys(doc().resource ?? {}).filter((t) => t.startsWith("aws_guardduty_organization"))).toEqual([]);
  });

  test("each member creates its detector and accepts from its own provider, after the invitation", () => {
    const accepters = resources(doc(), "aws_guardduty_invite_accepter");
    const detectors = resources(doc(), "aws_guardduty_detector");
    for (const id of MEMBERS) {
      const accepter = accepters[`invited_member_${id}_accepter`];
      expect(accepter).toMatchObject({
        provider: `aws.member-${id}`,
        master_account_id: "222222222222",
        detector_id: `\${aws_guardduty_detector.invited_member_${id}_detector[each.key].id}`,
        depends_on: ["aws_guardduty_member.invited_invitation"],
      });
      expect(forEachKeys(accepter)).toEqual(["eu-west-1", "us-east-1"]);
      expect(detectors[`invited_member_${id}_detector`].provider).toBe(`aws.member-${id}`);
    }
    expect(Object.keys(accepters)).toHaveLength(MEMBERS.length);
  });

  test("the addresses are pinned", () => {
    expect(planAddresses(doc())).toMatchSnapshot();
  });
});

describe("lambda-webhook", () => {
  const doc = () => onlyStack("lambda-webhook");
  const targets = () => resources(doc(), "aws_cloudwatch_event_target");
  const rules = () => resources(doc(), "aws_cloudwatch_event_rule");
  /** The rule (resource) a target is attached to, from its `${aws_cloudwatch_event_rule.<name>.name}` reference. */
  const ruleOf = (target: Record<string, any>) => rules()[/^\$\{aws_cloudwatch_event_rule\.([a-z0-9_]+)\.name\}$/.exec(target.rule)![1]];

  test("HIGH and above invoke the Lambda function, which only that rule may invoke", () => {
    const rule = ruleOf(targets().estate_notifications_rules_lambda_respond);
    expect(JSON.parse(rule.event_pattern).detail.severity).toEqual([{ numeric: [">=", 7] }]);
    expect(targets().estate_notifications_rules_lambda_respond.arn).toBe("arn:aws:lambda:eu-west-1:222222222222:function:guardduty-auto-respond");
    expect(only(doc(), "aws_lambda_permission")).toMatchObject({
      action: "lambda:InvokeFunction",
      principal: "events.amazonaws.com",
      function_name: "arn:aws:lambda:eu-west-1:222222222222:function:guardduty-auto-respond",
      source_arn: `arn:aws:events:eu-west-1:222222222222:rule/${rule.name}`,
      provider: "aws.security",
    });
  });

  test("CRITICAL goes to the on-call webhook, filtered HIGH to the SOAR webhook, each through a connection and API destination", () => {
    const destinations = resources(doc(), "aws_cloudwatch_event_api_destination");
    expect(Object.values(destinations).map((d) => [d.invocation_endpoint, d.http_method]).sort()).toEqual([
      ["https://events.oncall.example.com/v1/alerts/guardduty", "POST"],
      ["https://soar.example.com/api/ingest/guardduty", "POST"],
    ]);
    expect(Object.keys(resources(doc(), "aws_cloudwatch_event_connection"))).toHaveLength(2);
    const oncall = targets().estate_notifications_rules_webhook_oncall;
    expect(oncall.arn).toBe("${aws_cloudwatch_event_api_destination.estate_notifications_webhook_oncall_destination.arn}");
    expect(JSON.parse(ruleOf(oncall).event_pattern).detail.severity).toEqual([{ numeric: [">=", 9] }]);
    const soar = JSON.parse(ruleOf(targets().estate_notifications_rules_webhook_soar).event_pattern).detail;
    expect(soar.severity).toEqual([{ numeric: [">=", 7] }]);
    expect(soar.type).toEqual([{ prefix: "CryptoCurrency:" }, { prefix: "UnauthorizedAccess:" }]);
  });

  test("the secret headers are references read at plan time: no secret value anywhere in the JSON", () => {
    const connections = resources(doc(), "aws_cloudwatch_event_connection");
    expect(connections.estate_notifications_webhook_oncall_connection.auth_parameters.api_key).toEqual({
      key: "Authorization",
      value: "Bearer ${data.aws_secretsmanager_secret_version.estate_notifications_webhook_oncall_secret.secret_string}",
    });
    expect(connections.estate_notifications_webhook_soar_connection.auth_parameters.api_key).toEqual({
      key: "X-Api-Key",
      value: "${data.aws_ssm_parameter.estate_notifications_webhook_soar_secret.value}",
    });
    expect(doc().data?.aws_secretsmanager_secret_version?.estate_notifications_webhook_oncall_secret).toMatchObject({ secret_id: "guardduty/oncall-webhook-token" });
    expect(doc().data?.aws_ssm_parameter?.estate_notifications_webhook_soar_secret).toMatchObject({ name: "/guardduty/soar/api-key", with_decryption: true });
    expect(doc().variable).toBeUndefined();
    const estateFile = readFileSync(lambdaWebhook.ESTATE_FILE, "utf8");
    expect(estateFile).not.toMatch(/"(value|secret|token)"\s*:/);
  });

  test("the addresses are pinned", () => {
    expect(planAddresses(doc())).toMatchSnapshot();
  });
});

describe("s3-malware-protection", () => {
  const doc = () => onlyStack("s3-malware-protection");
  const WORKLOAD = "555555555555";
  const plans = () => resources(doc(), "aws_guardduty_malware_protection_plan");

  test("the workload account outside the estate gets its own provider, pinned and assuming its role", () => {
    expect(Object.keys(stacksOf("s3-malware-protection"))).toEqual(["guardduty-s3mp"]);
    expect((doc().provider?.aws ?? []).map((p) => p.alias)).toEqual(["management", "security", "log-archive", `account-${WORKLOAD}`]);
    expect((doc().provider?.aws ?? []).find((p) => p.alias === `account-${WORKLOAD}`)).toMatchObject({
      allowed_account_ids: [WORKLOAD], assume_role: [{ role_arn: `arn:aws:iam::${WORKLOAD}:role/GuardDutyDeployer` }],
    });
  });

  test("each bucket's plan, role and policy are in its account, keyed <account>/<region>/<bucket>", () => {
    expect(Object.keys(plans()).sort()).toEqual(["estate_malware_protection_333333333333_plan", `estate_malware_protection_${WORKLOAD}_plan`]);
    const workload = plans()[`estate_malware_protection_${WORKLOAD}_plan`];
    expect(workload).toMatchObject({ provider: `aws.account-${WORKLOAD}`, region: "${each.value.region}", depends_on: [`aws_iam_role_policy.estate_malware_protection_${WORKLOAD}_policy`] });
    expect(forEachKeys(workload)).toEqual([
      `${WORKLOAD}/eu-west-1/example-customer-uploads-${WORKLOAD}`, `${WORKLOAD}/us-east-1/example-invoices-${WORKLOAD}`,
    ]);
    expect(resources(doc(), "aws_iam_role")[`estate_malware_protection_${WORKLOAD}_role`].provider).toBe(`aws.account-${WORKLOAD}`);
    const shared = plans().estate_malware_protection_333333333333_plan;
    expect(shared.provider).toBe("aws.log-archive");
    expect(shared.for_each["333333333333/eu-west-1/example-shared-evidence-333333333333"]).toMatchObject({ tagging: "DISABLED", object_prefixes: null });
  });

  test("the uploads bucket's role reads only its prefixes and decrypts with its key through S3", () => {
    const entry = plans()[`estate_malware_protection_${WORKLOAD}_plan`].for_each[`${WORKLOAD}/eu-west-1/example-customer-uploads-${WORKLOAD}`];
    const statements = parsePolicy(entry.policy).Statement;
    expect(statements.find((s) => s.Sid === "AllowMalwareScan")?.Resource).toEqual([
      `arn:aws:s3:::example-customer-uploads-${WORKLOAD}/incoming/*`, `arn:aws:s3:::example-customer-uploads-${WORKLOAD}/partner-drop/*`,
    ]);
    expect(statements.find((s) => s.Sid === "AllowDecryptForMalwareScan")?.Condition).toEqual({ StringLike: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } });
  });

  test("threats found in each protected bucket reach the email once, through the synthesized rules; clean results nobody", () => {
    const rules = routedRules(doc());
    const email = "email security-alerts@example.com";
    for (const [account, region] of [[WORKLOAD, "eu-west-1"], [WORKLOAD, "us-east-1"], ["333333333333", "eu-west-1"]]) {
      expect(Object.fromEntries(scanResultDeliveries(rules, account, region))).toEqual({ [email]: 1 });
      expect(scanResultDeliveries(rules, account, region, "NO_THREATS_FOUND").size).toBe(0);
    }
    // findings keep their own threshold (HIGH): the scan-result rules do not match them
    expect(Object.fromEntries(deliveries(rules, "us-east-1", 7))).toEqual({ [email]: 1 });
    expect(deliveries(rules, "us-east-1", 5).size).toBe(0);
  });

  test("the addresses are pinned", () => {
    expect(planAddresses(doc())).toMatchSnapshot();
  });
});

describe("ip-lists", () => {
  const doc = () => onlyStack("ip-lists");
  const LIST_FILE = path.join(EXAMPLES_DIR, "ip-lists", "lists", "office-egress.txt");
  const SLR = "arn:aws:iam::222222222222:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty";

  test("the trusted list's file is uploaded as its text, KMS-encrypted with the findings key, under guardduty-lists/", () => {
    const upload = resources(doc(), "aws_s3_object").estate_lists_uploads_object;
    expect(upload).toMatchObject({
      provider: "aws.log-archive", region: "eu-west-1", bucket: "example-guardduty-findings-333333333333",
      key: "${each.value.key}", content: "${each.value.content}", server_side_encryption: "aws:kms",
      kms_key_id: "${aws_kms_key.estate_export_findings_key_key.arn}", bucket_key_enabled: true,
      lifecycle: { create_before_destroy: true },
    });
    expect(upload.source).toBeUndefined();
    expect(Object.keys(upload.for_each)).toEqual(["office-egress"]);
    expect(upload.for_each["office-egress"].content).toBe(readFileSync(LIST_FILE, "utf8"));
    expect(upload.for_each["office-egress"].key).toMatch(/^guardduty-lists\/office-egress-[0-9a-f]{16}\.txt$/);
    expect(JSON.stringify(doc())).not.toContain(EXAMPLES_DIR); // no local path: the output is the same on every machine
  });

  test("the administrator has the trusted list and the threat list in every region, after the upload and the grants", () => {
    const trusted = only(doc(), "aws_guardduty_ipset");
    const threat = only(doc(), "aws_guardduty_threatintelset");
    expect(forEachKeys(trusted)).toEqual(["eu-west-1/office-egress", "us-east-1/office-egress"]);
    expect(forEachKeys(threat)).toEqual(["eu-west-1/intel-feed", "us-east-1/intel-feed"]);
    const key = resources(doc(), "aws_s3_object").estate_lists_uploads_object.for_each["office-egress"].key;
    expect(trusted.for_each["us-east-1/office-egress"]).toEqual({
      region: "us-east-1", name: "office-egress", format: "TXT", activate: true,
      location: `https://s3.amazonaws.com/example-guardduty-findings-333333333333/${key}`,
      detector_id: '${aws_guardduty_detector.estate_organization_administrator_detector["us-east-1"].id}',
    });
    expect(threat.for_each["eu-west-1/intel-feed"]).toMatchObject({ format: "STIX", location: "s3://example-threat-intel-222222222222/feeds/current.xml" });
    for (const list of [trusted, threat]) {
      expect(list).toMatchObject({ provider: "aws.security", region: "${each.value.region}", activate: "${each.value.activate}" });
      expect(list.depends_on).toEqual(expect.arrayContaining([
        "aws_s3_object.estate_lists_uploads_object", "aws_s3_bucket_policy.estate_export_findings_bucket_policy", "aws_kms_key.estate_export_findings_key_key",
      ]));
    }
  });

  test("the bucket and key policies let the administrator's GuardDuty role read the lists prefix", () => {
    const bucket = parsePolicy(only(doc(), "aws_s3_bucket_policy").policy).Statement.find((s) => s.Sid === "AllowGuardDutyListsRead");
    expect(bucket).toMatchObject({ Principal: { AWS: SLR }, Action: "s3:GetObject", Resource: "arn:aws:s3:::example-guardduty-findings-333333333333/guardduty-lists/*" });
    const key = parsePolicy(resources(doc(), "aws_kms_key").estate_export_findings_key_key.policy).Statement.find((s) => s.Sid === "AllowGuardDutyListsDecryptThroughS3");
    expect(key).toMatchObject({ Principal: { AWS: SLR }, Action: "kms:Decrypt", Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } } });
  });

  test("the addresses are pinned", () => {
    expect(planAddresses(doc())).toMatchSnapshot();
  });
});

describe("decommission", () => {
  const prepare = () => onlyStack("decommission");
  const running = () => onlyStack("organization");
  const teardownDoc = (() => {
    let doc: SynthDoc | undefined;
    return () => {
      if (!doc) {
        const app = Testing.app();
        decommission.build(app, "teardown");
        const stack = app.node.children.find((c): c is TerraformStack => c instanceof TerraformStack)!;
        doc = JSON.parse(Testing.synth(stack, true)) as SynthDoc;
      }
      return doc;
    };
  })();
  const types = (doc: SynthDoc) => Object.keys(doc.resource ?? {}).sort();

  test("is the bundled example's stack, so each phase plans against the state the running estate left", () => {
    expect(Object.keys(stacksOf("decommission"))).toEqual(Object.keys(stacksOf("organization")));
  });

  test("prepare: auto-enable NONE, no publishing destination and no notification resource; detectors, members, bucket and key kept", () => {
    expect(only(prepare(), "aws_guardduty_organization_configuration").auto_enable_organization_members).toBe("NONE");
    for (const feature of Object.values(resources(prepare(), "aws_guardduty_organization_configuration_feature"))) {
      expect(JSON.stringify(feature)).not.toMatch(/"auto_enable":"(ALL|NEW)"/);
    }
    const gone = types(running()).filter((t) => !types(prepare()).includes(t));
    expect(gone).toEqual(expect.arrayContaining(["aws_guardduty_publishing_destination", "aws_cloudwatch_event_rule", "aws_sns_topic"]));
    for (const kept of ["aws_guardduty_detector", "aws_guardduty_organization_admin_account", "aws_guardduty_member", "aws_s3_bucket"]) {
      expect(Object.keys(resources(prepare(), kept)).sort()).toEqual(Object.keys(resources(running(), kept)).sort());
    }
    // The notifications' own key goes with them; the findings key and the SIEM queue's key stay.
    expect(Object.keys(resources(prepare(), "aws_kms_key")).sort()).toEqual(["estate_export_findings_key_key", "estate_export_siem_queue_key"]);
  });

  test("teardown: no resource left; the findings bucket and key are forgotten (removed, destroy = false), never destroyed", () => {
    const doc = teardownDoc() as SynthDoc & { removed?: Array<{ from: string; lifecycle: { destroy: boolean } }> };
    expect(doc.resource ?? {}).toEqual({});
    const removed = doc.removed ?? [];
    expect(removed.every((r) => r.lifecycle.destroy === false)).toBe(true);
    const bucket = Object.keys(resources(running(), "aws_s3_bucket")).map((n) => `aws_s3_bucket.${n}`);
    const key = ["aws_kms_key.estate_export_findings_key_key"];
    expect(bucket.length).toBeGreaterThan(0);
    expect(key.length).toBeGreaterThan(0);
    expect(removed.map((r) => r.from)).toEqual(expect.arrayContaining([...bucket, ...key]));
  });

  test("the addresses are pinned", () => {
    expect(planAddresses(prepare())).toMatchSnapshot();
  });
});
