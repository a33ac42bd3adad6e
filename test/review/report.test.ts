import { buildReview } from "../../modules/review/report";
import { exampleStacks, planFor } from "./fixtures";

describe("the review of the bundled example", () => {
  const stacks = exampleStacks();
  const { markdown, warnings } = buildReview(stacks);

  test("has every section a reviewer needs", () => {
    for (const heading of [
      "## Warnings a reviewer must act on", "## What will exist, per account and region",
      "## Who may write and who may read the findings", "## Which severities reach which channel",
      "## The email a sample finding produces", "## Flows",
    ]) expect(markdown).toContain(heading);
    expect(markdown).not.toContain("## The plan");
  });

  test("lists resources per account and region with their addresses", () => {
    expect(markdown).toMatch(/\| security \(222222222222\) \| me-south-1 \| aws_guardduty_detector \| 1 \| `aws_guardduty_detector\.estate_organization_administrator_detector\["me-south-1"\]` \|/);
    expect(markdown).toMatch(/\| management \(111111111111\) \| us-east-1 \| aws_guardduty_organization_admin_account \| 1 \|/);
  });

  test("says which severities reach which channel, from every region", () => {
    expect(markdown).toContain("| email security-alerts@example.com | 4.0-10.0 | 4.0-10.0 | 4.0-10.0 |");
    expect(markdown).toContain("a finding reaches each channel at most 1 time(s)");
  });

  test("renders the email of a sample finding, quotes in the description kept inside one JSON string", () => {
    const email = markdown.split("## The email a sample finding produces")[1].split("```text\n")[1].split("\n```")[0];
    for (const line of email.split("\n")) expect(() => JSON.parse(line)).not.toThrow();
    expect(email).toContain('\\"command and control\\"');
    expect(email).toContain("https://console.aws.amazon.com/guardduty/home?region=eu-west-1#/findings?macros=current&fId=16afba5c5c43e07c9e3e5e2e544e95df");
    expect(email).toContain("guardduty-notifications-sev4-1");
  });

  test("lists what a person must do before the first apply: every plan-time check of the synthesized stacks", () => {
    expect(warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Before the first apply, a person must: .*aws organizations enable-aws-service-access --service-principal malware-protection\.guardduty\.amazonaws\.com/),
      expect.stringMatching(/^Before the first apply, a person must: .*`data\.aws_regions\.estate_organization_security_regions_enabled`: The security \(GuardDuty administrator\) account 222222222222 has not enabled the opt-in region/),
    ]));
  });

  test("warns of pending emails, Chatbot authorization, the 24 hours of ALL and the cross-account prefix", () => {
    expect(warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/security-alerts@example\.com stays pending/),
      expect.stringMatching(/Authorize Slack workspace T0123ABCDE/),
      expect.stringMatching(/Authorize Microsoft Teams tenant 00000000-1111/),
      expect.stringMatching(/up to 24 hours/),
      expect.stringMatching(/another account than the detectors: its prefix "guardduty\/" is created/),
    ]));
  });

  test("draws the flows as a Mermaid diagram", () => {
    const mermaid = markdown.split("```mermaid\n")[1];
    expect(mermaid.startsWith("flowchart LR")).toBe(true);
    expect(mermaid).toContain('det_me_south_1["GuardDuty me-south-1"]');
    expect(mermaid).toMatch(/det_eu_west_1 -->\|export\| bucket_example_guardduty_findings_333333333333/);
    expect(mermaid).toMatch(/-->\|forward\| bus_eu_west_1/);
  });
});

describe("with a plan", () => {
  const stacks = exampleStacks();

  test("counts a first apply as all creates", () => {
    const { markdown, plan } = buildReview(stacks, planFor(stacks));
    expect(plan).toMatchObject({ create: 126, update: 0, delete: 0, replace: 0 });
    expect(markdown).toContain("No detector, findings bucket or key is destroyed or replaced.");
  });

  test("fails loudly when the plan would replace the findings bucket or destroy a detector", () => {
    const { markdown, plan } = buildReview(stacks, planFor(stacks, {
      "aws_s3_bucket.estate_export_findings_bucket_bucket": ["delete", "create"],
      'aws_guardduty_detector.estate_organization_administrator_detector["me-south-1"]': ["delete"],
    }));
    expect(plan!.dangers).toEqual([
      'aws_guardduty_detector.estate_organization_administrator_detector["me-south-1"] (delete)',
      "aws_s3_bucket.estate_export_findings_bucket_bucket (replace)",
    ]);
    expect(markdown).toContain("**STOP: this plan destroys or replaces what holds findings:**");
  });
});

describe("a decommission plan: stacks synthesized with removed blocks (README \"Decommissioning\")", () => {
  const stacks = exampleStacks().map((s) => ({ ...s, doc: { ...s.doc, removed: [
    { from: "aws_s3_bucket.estate_export_findings_bucket_bucket", lifecycle: { destroy: false } },
  ] } }));

  test("detectors may go, and the review says so instead of refusing", () => {
    const { markdown, plan } = buildReview(stacks, planFor(stacks, {
      'aws_guardduty_detector.estate_organization_administrator_detector["me-south-1"]': ["delete"],
      "aws_s3_bucket.estate_export_findings_bucket_bucket": ["forget"],
    }));
    expect(plan!.dangers).toEqual([]);
    expect(plan!.decommissioned).toEqual(['aws_guardduty_detector.estate_organization_administrator_detector["me-south-1"]']);
    expect(markdown).toContain("This is a decommission plan");
    expect(markdown).toContain("1 resource(s) leave the state without being destroyed");
    expect(markdown).toContain("No findings bucket or key is destroyed or replaced.");
  });

  test("still refuses to destroy the findings bucket", () => {
    const { markdown, plan } = buildReview(stacks, planFor(stacks, { "aws_s3_bucket.estate_export_findings_bucket_bucket": ["delete"] }));
    expect(plan!.dangers).toEqual(["aws_s3_bucket.estate_export_findings_bucket_bucket (delete)"]);
    expect(markdown).toContain("**STOP: this plan destroys or replaces what holds findings:**");
  });
});

describe("the Chatbot authorization, a manual step", () => {
  test("Teams: the plan cannot check it (no data source), so the review names the account, region and the address that would fail", () => {
    const { warnings } = buildReview(exampleStacks());
    expect(warnings).toContainEqual(
      "Authorize Microsoft Teams tenant 00000000-1111-2222-3333-444444444444 (team 55555555-6666-7777-8888-999999999999) in the AWS Chatbot console of account 222222222222, region eu-west-1 (one-time) before the apply: " +
        "no data source can tell whether it is authorized, so the plan cannot check it, and the apply fails at `aws_chatbot_teams_channel_configuration.estate_notifications_chatbot_teams_soc` until it is done.",
    );
  });

  test("Slack: unchecked without workspaceName, checked by the plan with it", () => {
    const slack = (stacks: ReturnType<typeof exampleStacks>) => buildReview(stacks).warnings.find((w) => w.startsWith("Authorize Slack workspace T0123ABCDE"));
    expect(slack(exampleStacks())).toMatch(/nothing checks it at plan time, and the apply fails at `aws_chatbot_slack_channel_configuration\.estate_notifications_chatbot_slack_secops`/);
    const checked = exampleStacks();
    const config = (checked[0].doc.resource as any).aws_chatbot_slack_channel_configuration.estate_notifications_chatbot_slack_secops;
    config.lifecycle = { precondition: [{ condition: "${data.aws_chatbot_slack_workspace.w.slack_team_id == \"T0123ABCDE\"}", error_message: "authorize it" }] };
    expect(slack(checked)).toMatch(/the plan checks it \(aws_chatbot_slack_workspace\) and stops before any change if it is not\.$/);
  });
});

describe("the decommission phases as synthesized (modules/estate/decommission.ts): the review reads the phase's record", () => {
  const phase = (p: "prepare" | "teardown") => exampleStacks((raw) => (raw.decommission = p));
  /** A plan of the phase over an applied estate: the given actions only. */
  const planOf = (actions: Record<string, { type: string; actions: string[] }>) => ({
    resource_changes: Object.entries(actions).map(([address, a]) => ({ address, type: a.type, mode: "managed", change: { actions: a.actions } })),
  });

  test("prepare: the inventory names the phase; destroying the notifications' key is expected, the findings key still refused", () => {
    const stacks = phase("prepare");
    const ok = buildReview(stacks, planOf({
      "aws_kms_key.estate_notifications_topics_key": { type: "aws_kms_key", actions: ["delete"] },
      'aws_guardduty_publishing_destination.estate_export_publishing_destination["eu-west-1"]': { type: "aws_guardduty_publishing_destination", actions: ["delete"] },
      'aws_guardduty_organization_configuration.estate_organization_auto_enable_configuration["eu-west-1"]': { type: "aws_guardduty_organization_configuration", actions: ["update"] },
    }));
    expect(ok.markdown).toContain("## Decommission");
    expect(ok.markdown).toContain("phase **prepare**");
    expect(ok.plan!.dangers).toEqual([]);
    expect(ok.plan!.decommissioned).toEqual(["aws_kms_key.estate_notifications_topics_key"]);
    const refused = buildReview(stacks, planOf({
      "aws_kms_key.estate_export_findings_key_key": { type: "aws_kms_key", actions: ["delete"] },
      'aws_guardduty_detector.estate_organization_administrator_detector["eu-west-1"]': { type: "aws_guardduty_detector", actions: ["delete"] },
    }));
    expect(refused.plan!.dangers).toEqual([
      "aws_kms_key.estate_export_findings_key_key (delete)",
      'aws_guardduty_detector.estate_organization_administrator_detector["eu-west-1"] (delete)',
    ]);
  });

  test("teardown: detectors and designations go as expected, the export is forgotten; a bucket destroy or a skipped prepare is refused", () => {
    const stacks = phase("teardown");
    const { markdown, plan } = buildReview(stacks, planOf({
      'aws_guardduty_detector.estate_organization_administrator_detector["me-south-1"]': { type: "aws_guardduty_detector", actions: ["delete"] },
      'aws_guardduty_organization_admin_account.estate_organization_delegation_first_admin_account["eu-west-1"]': { type: "aws_guardduty_organization_admin_account", actions: ["delete"] },
      "aws_s3_bucket.estate_export_findings_bucket_bucket": { type: "aws_s3_bucket", actions: ["forget"] },
      "aws_kms_key.estate_export_findings_key_key": { type: "aws_kms_key", actions: ["forget"] },
    }));
    expect(plan!.dangers).toEqual([]);
    expect(plan!.decommissioned).toHaveLength(2);
    expect(plan!.forget).toBe(2);
    expect(markdown).toContain("phase **teardown**");
    expect(markdown).toContain("`aws_s3_bucket.estate_export_findings_bucket_bucket`");
    const refused = buildReview(stacks, planOf({
      "aws_s3_bucket.estate_export_findings_bucket_bucket": { type: "aws_s3_bucket", actions: ["delete"] },
      // the notifications were not removed by a prepare first: their key is not what this teardown expects
      "aws_kms_key.estate_notifications_topics_key": { type: "aws_kms_key", actions: ["delete"] },
    }));
    expect(refused.plan!.dangers).toEqual([
      "aws_s3_bucket.estate_export_findings_bucket_bucket (delete)", "aws_kms_key.estate_notifications_topics_key (delete)",
    ]);
  });
});

test("a decommission phase does not call the export unconfigured: the bucket keeps what was exported", () => {
  const { markdown } = buildReview(exampleStacks((raw) => (raw.decommission = "prepare")));
  expect(markdown).toContain("No publishing destination (decommission): nothing new is exported");
  expect(markdown).not.toContain("No findings export is configured");
});

test("the diagram shows the decommission phase: what it destroys, what stays unmanaged", () => {
  const { markdown } = buildReview(exampleStacks((raw) => (raw.decommission = "teardown")));
  expect(markdown).toContain('decom{{"decommission: teardown"}}');
  expect(markdown).toMatch(/decom -\.->\|forgets, kept in AWS\| decom_kept\[\("19 resource\(s\): findings bucket, key, \.\.\."\)\]/);
  expect(buildReview(exampleStacks()).markdown).not.toContain("decom{{");
});

describe("the review of an estate whose notifications include Malware Protection for S3 results", () => {
  const stacks = exampleStacks((raw) => {
    raw.notifications.malwareScanResults = true;
    raw.s3MalwareProtection = {
      accounts: [{ accountId: "555555555555" }],
      buckets: [
        { account: "logArchive", region: "eu-west-1", bucketName: "acme-uploads" },
        { account: "555555555555", region: "us-east-1", bucketName: "acme-workload-files" },
      ],
    };
  });
  const { markdown, warnings } = buildReview(stacks);

  test("says, per bucket account and region, that threats found reach each channel once", () => {
    expect(markdown).toContain("Malware Protection for S3 results with threats found (`notifications.malwareScanResults`):");
    for (const source of ["from account 333333333333, eu-west-1:", "from account 555555555555, us-east-1:"]) {
      const line = markdown.split("\n").find((l) => l.startsWith(`- ${source}`));
      expect(line).toContain("email security-alerts@example.com (1x)");
      expect(line).not.toMatch(/\([2-9]x\)/);
    }
    expect(warnings.filter((w) => w.includes("Malware Protection for S3 result"))).toEqual([]);
  });

  test("draws the scan-result rules fed by Malware Protection's scans, never by the detectors' findings", () => {
    const mermaid = markdown.split("```mermaid\n")[1].split("\n```")[0];
    const scanRules = mermaid.split("\n").filter((l) => /-\.->\|(findings|scan results)\| rule_\S*scan_results/.test(l));
    expect(scanRules.length).toBeGreaterThan(0);
    for (const line of scanRules) expect(line).toMatch(/^ {2}mp_[a-z0-9_]+\(\["Malware Protection for S3 [a-z0-9-]+"\]\) -\.->\|scan results\| /);
    expect(mermaid).toMatch(/det_eu_west_1 -\.->\|findings\| rule_aws_cloudwatch_event_rule_estate_notifications_rules_/);
  });

  test("warns that the estate owns the home default bus's policy (one policy per bus), and names the account and region", () => {
    const owned = warnings.filter((w) => w.includes("event bus of account"));
    expect(owned).toHaveLength(1);
    expect(owned[0]).toMatch(/^The estate owns the policy of the default event bus of account 222222222222, region eu-west-1 \(`aws_cloudwatch_event_bus_policy\./);
    expect(owned[0]).toContain("a policy set there outside the estate is replaced");
  });

  test("renders the scan-result email with a sample result, each line one JSON value", () => {
    const part = markdown.split("for a Malware Protection for S3 sample result with threats found:")[1];
    const email = part.split("```text\n")[1].split("\n```")[0];
    for (const line of email.split("\n")) expect(() => JSON.parse(line)).not.toThrow();
    expect(email).toContain("EICAR-Test-File (not a virus)");
  });
});
