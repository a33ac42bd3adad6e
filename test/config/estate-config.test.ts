/**
 * Good estate files and the resolved config: the bundled example parses, every documented default is applied,
 * and the order of lists in the file never changes the result.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { Testing, TerraformStack } from "cdktf";
import { DEFAULT_PLANS, DEFAULT_ROLE_NAME, resolveEstate } from "../../modules/config/estate-config";
import { estateSchema, PROTECTION_PLANS } from "../../modules/config/estate-schema";
import { loadEstate, parseEstate } from "../../modules/config/load";
import { configureBackend } from "../../modules/topology/backend";
import { EXAMPLE_CONFIG } from "../../examples/organization";
import { ACCOUNTS } from "../helpers";

/** The smallest valid estate: three accounts, one region, nothing else. */
function minimal(regions: string[] = ["eu-west-1"]): any {
  return {
    accounts: {
      management: { id: ACCOUNTS.management },
      security: { id: ACCOUNTS.security },
      logArchive: { id: ACCOUNTS.logArchive },
    },
    regions,
  };
}

const ALL_AGENTS_ON = [
  { name: "EKS_ADDON_MANAGEMENT", enabled: true },
  { name: "ECS_FARGATE_AGENT_MANAGEMENT", enabled: true },
  { name: "EC2_AGENT_MANAGEMENT", enabled: true },
];

describe("the bundled example", () => {
  test("parses, with its regions sorted and its explicit settings kept", () => {
    const config = loadEstate(EXAMPLE_CONFIG);
    expect(config.name).toBe("guardduty");
    expect(config.partition).toBe("aws");
    expect(config.homeRegion).toBe("eu-west-1");
    expect(config.regions).toEqual(["eu-west-1", "me-south-1", "us-east-1"]);
    expect(config.accounts.security).toEqual({
      id: "222222222222",
      roleArn: "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole",
    });
    expect(config.invitedMembers).toEqual([{
      accountId: "444455556666",
      email: "aws-root+partner@example.com",
      invitationMessage: "GuardDuty for the partner workload account, administered by Security.",
      disableEmailNotification: true,
      roleArn: "arn:aws:iam::444455556666:role/GuardDutyMemberDeployer",
    }]);
    expect(config.protectionPlans.find((p) => p.name === "LAMBDA_NETWORK_LOGS")?.autoEnable).toBe("NEW");
    expect(config.backend).toEqual({ type: "local", path: "terraform.guardduty.tfstate" });
    expect(config.tags).toEqual({ owner: "security", "managed-by": "guardduty-cdktf" });
  });

  test("points editors at the committed JSON Schema", () => {
    const raw = JSON.parse(readFileSync(EXAMPLE_CONFIG, "utf8"));
    expect(path.resolve(path.dirname(EXAMPLE_CONFIG), raw.$schema))
      .toBe(path.resolve(__dirname, "..", "..", "modules", "config", "estate.schema.json"));
  });
});

describe("defaults of a minimal estate", () => {
  const config = parseEstate(minimal());

  test("name is guardduty", () => {
    expect(config.name).toBe("guardduty");
  });

  test("homeRegion is the only region", () => {
    expect(config.homeRegion).toBe("eu-west-1");
    expect(parseEstate(minimal(["ap-southeast-2"])).homeRegion).toBe("ap-southeast-2");
  });

  test("every account assumes OrganizationAccountAccessRole", () => {
    expect(DEFAULT_ROLE_NAME).toBe("OrganizationAccountAccessRole");
    expect(config.accounts).toEqual({
      management: { id: ACCOUNTS.management, roleArn: `arn:aws:iam::${ACCOUNTS.management}:role/OrganizationAccountAccessRole` },
      security: { id: ACCOUNTS.security, roleArn: `arn:aws:iam::${ACCOUNTS.security}:role/OrganizationAccountAccessRole` },
      logArchive: { id: ACCOUNTS.logArchive, roleArn: `arn:aws:iam::${ACCOUNTS.logArchive}:role/OrganizationAccountAccessRole` },
    });
  });

  test("findingPublishingFrequency is FIFTEEN_MINUTES", () => {
    expect(config.findingPublishingFrequency).toBe("FIFTEEN_MINUTES");
  });

  test("autoEnableOrganizationMembers is ALL", () => {
    expect(config.autoEnableOrganizationMembers).toBe("ALL");
  });

  test("plans are every plan except EKS_RUNTIME_MONITORING, on, auto-enabled for ALL, with all agent management on", () => {
    expect(DEFAULT_PLANS).toEqual(PROTECTION_PLANS.filter((p) => p !== "EKS_RUNTIME_MONITORING"));
    expect(config.protectionPlans).toEqual([
      { name: "S3_DATA_EVENTS", enabled: true, autoEnable: "ALL", agentManagement: [] },
      { name: "EKS_AUDIT_LOGS", enabled: true, autoEnable: "ALL", agentManagement: [] },
      { name: "EBS_MALWARE_PROTECTION", enabled: true, autoEnable: "ALL", agentManagement: [] },
      { name: "RDS_LOGIN_EVENTS", enabled: true, autoEnable: "ALL", agentManagement: [] },
      { name: "LAMBDA_NETWORK_LOGS", enabled: true, autoEnable: "ALL", agentManagement: [] },
      { name: "RUNTIME_MONITORING", enabled: true, autoEnable: "ALL", agentManagement: ALL_AGENTS_ON },
    ]);
  });

  test("no existing detectors, no invited members, no tags", () => {
    expect(config.existingDetectorIds).toEqual({});
    expect(config.invitedMembers).toEqual([]);
    expect(config.tags).toEqual({});
  });

  test("backend is local", () => {
    expect(config.backend).toEqual({ type: "local" });
  });

  test("no organization members and no warnings", () => {
    expect(config.organizationMembers).toEqual([]);
    expect(config.warnings).toEqual([]);
  });

  test("the management account is monitored, its email read from AWS Organizations, no detector adopted, its malware role created", () => {
    expect(config.managementAccount).toEqual({ monitor: true, existingDetectorIds: {}, malwareProtectionRole: "create" });
    expect("email" in config.managementAccount).toBe(false);
  });
});

describe("management account defaults", () => {
  test("an empty managementAccount gets every default", () => {
    expect(parseEstate({ ...minimal(), managementAccount: {} }).managementAccount)
      .toEqual({ monitor: true, existingDetectorIds: {}, malwareProtectionRole: "create" });
  });

  test("monitor false keeps the other defaults", () => {
    expect(parseEstate({ ...minimal(), managementAccount: { monitor: false } }).managementAccount)
      .toEqual({ monitor: false, existingDetectorIds: {}, malwareProtectionRole: "create" });
  });

  test("explicit settings are kept, detectors sorted by region", () => {
    const config = parseEstate({
      ...minimal(["us-east-1", "eu-west-1"]),
      homeRegion: "eu-west-1",
      managementAccount: {
        email: "aws-root+management@example.com",
        existingDetectorIds: { "us-east-1": "b".repeat(32), "eu-west-1": "a".repeat(32) },
        malwareProtectionRole: "existing",
      },
    });
    expect(config.managementAccount).toEqual({
      monitor: true,
      email: "aws-root+management@example.com",
      existingDetectorIds: { "eu-west-1": "a".repeat(32), "us-east-1": "b".repeat(32) },
      malwareProtectionRole: "existing",
    });
    expect(Object.keys(config.managementAccount.existingDetectorIds)).toEqual(["eu-west-1", "us-east-1"]);
  });
});

describe("organization members", () => {
  const dropped = (i: number, plan: string) =>
    `organizationMembers[${i}].protectionPlans.${plan}: true is what auto-enable ALL already gives every member; the override is dropped`;

  test("an entry with only accountId is enrolled, with no overrides and no email", () => {
    const config = parseEstate({ ...minimal(), organizationMembers: [{ accountId: "123412341234" }] });
    expect(config.organizationMembers).toEqual([{ accountId: "123412341234", protectionPlans: {} }]);
    expect(config.warnings).toEqual([]);
  });

  test("an email is kept; without one, none is set (read from AWS Organizations)", () => {
    const config = parseEstate({ ...minimal(), organizationMembers: [
      { accountId: "123412341234", email: "aws-root+workload@example.com" }, { accountId: "567856785678" },
    ] });
    expect(config.organizationMembers).toEqual([
      { accountId: "123412341234", email: "aws-root+workload@example.com", protectionPlans: {} },
      { accountId: "567856785678", protectionPlans: {} },
    ]);
  });

  test("a true override of a plan auto-enabled for ALL is dropped with a warning naming the file's index", () => {
    const config = parseEstate({ ...minimal(), organizationMembers: [
      { accountId: "567856785678", protectionPlans: { EKS_AUDIT_LOGS: false } },
      { accountId: "123412341234", protectionPlans: { S3_DATA_EVENTS: true, RDS_LOGIN_EVENTS: false } },
    ] });
    // sorted by account ID; the warning names the index in the file
    expect(config.organizationMembers).toEqual([
      { accountId: "123412341234", protectionPlans: { RDS_LOGIN_EVENTS: false } },
      { accountId: "567856785678", protectionPlans: { EKS_AUDIT_LOGS: false } },
    ]);
    expect(config.warnings).toEqual([dropped(1, "S3_DATA_EVENTS")]);
  });

  test("an entry whose overrides are all dropped stays enrolled with no overrides", () => {
    const config = parseEstate({ ...minimal(), organizationMembers: [
      { accountId: "123412341234", protectionPlans: { S3_DATA_EVENTS: true, RUNTIME_MONITORING: true } },
    ] });
    expect(config.organizationMembers).toEqual([{ accountId: "123412341234", protectionPlans: {} }]);
    expect(config.warnings).toEqual([dropped(0, "S3_DATA_EVENTS"), dropped(0, "RUNTIME_MONITORING")]);
  });

  test("false overrides are kept, even with auto-enable ALL or NONE", () => {
    const plans = Object.fromEntries(PROTECTION_PLANS.filter((p) => p !== "EKS_RUNTIME_MONITORING").map((p) => [p, false]));
    for (const autoEnableOrganizationMembers of ["ALL", "NONE"]) {
      const config = parseEstate({ ...minimal(), autoEnableOrganizationMembers, organizationMembers: [{ accountId: "123412341234", protectionPlans: plans }] });
      expect(config.organizationMembers[0].protectionPlans).toEqual(plans);
      expect(config.warnings).toEqual([]);
    }
  });

  test.each(["NEW", "NONE"])("a true override is kept when the plan's auto-enable is %s", (autoEnable) => {
    const organizationMembers = [{ accountId: "123412341234", protectionPlans: { S3_DATA_EVENTS: true, EKS_AUDIT_LOGS: true } }];
    const byPlan = parseEstate({ ...minimal(), protectionPlans: { S3_DATA_EVENTS: { autoEnable } }, organizationMembers });
    expect(byPlan.organizationMembers[0].protectionPlans).toEqual({ S3_DATA_EVENTS: true });
    expect(byPlan.warnings).toEqual([dropped(0, "EKS_AUDIT_LOGS")]);
    const byOrganization = parseEstate({ ...minimal(), autoEnableOrganizationMembers: autoEnable, organizationMembers });
    expect(byOrganization.organizationMembers[0].protectionPlans).toEqual({ S3_DATA_EVENTS: true, EKS_AUDIT_LOGS: true });
    expect(byOrganization.warnings).toEqual([]);
  });

  test("a true override of a disabled plan, or of a plan not configured, is kept", () => {
    const config = parseEstate({
      ...minimal(),
      protectionPlans: { S3_DATA_EVENTS: { enabled: false, autoEnable: "ALL" } },
      organizationMembers: [{ accountId: "123412341234", protectionPlans: { S3_DATA_EVENTS: true, EKS_RUNTIME_MONITORING: true } }],
    });
    expect(config.organizationMembers[0].protectionPlans).toEqual({ S3_DATA_EVENTS: true, EKS_RUNTIME_MONITORING: true });
    expect(config.warnings).toEqual([]);
  });
});

describe("role ARNs per partition", () => {
  test.each([
    ["aws", ["eu-west-1"]],
    ["aws-us-gov", ["us-gov-west-1", "us-gov-east-1"]],
    ["aws-cn", ["cn-north-1", "cn-northwest-1"]],
  ])("%s regions (%j) give role ARNs of that partition, for accounts and invited members", (partition, regions) => {
    const estate = { ...minimal(regions), homeRegion: regions[0], invitedMembers: [{ accountId: ACCOUNTS.invited, email: "root@example.com" }] };
    const config = parseEstate(estate);
    expect(config.partition).toBe(partition);
    expect(config.accounts.management.roleArn).toBe(`arn:${partition}:iam::${ACCOUNTS.management}:role/OrganizationAccountAccessRole`);
    expect(config.accounts.logArchive.roleArn).toBe(`arn:${partition}:iam::${ACCOUNTS.logArchive}:role/OrganizationAccountAccessRole`);
    expect(config.invitedMembers[0].roleArn).toBe(`arn:${partition}:iam::${ACCOUNTS.invited}:role/OrganizationAccountAccessRole`);
  });

  test("roleName replaces the default role; an explicit roleArn wins over it", () => {
    const estate = minimal();
    estate.roleName = "GuardDutyDeployer";
    estate.accounts.security.roleArn = `arn:aws:iam::${ACCOUNTS.security}:role/path/SecurityDeployer`;
    const config = parseEstate(estate);
    expect(config.accounts.management.roleArn).toBe(`arn:aws:iam::${ACCOUNTS.management}:role/GuardDutyDeployer`);
    expect(config.accounts.security.roleArn).toBe(`arn:aws:iam::${ACCOUNTS.security}:role/path/SecurityDeployer`);
  });
});

describe("plan defaults", () => {
  test("a plan's autoEnable inherits the organization's", () => {
    const config = parseEstate({ ...minimal(), autoEnableOrganizationMembers: "NEW" });
    expect(config.protectionPlans.map((p) => p.autoEnable)).toEqual(DEFAULT_PLANS.map(() => "NEW"));
  });

  test("a disabled plan is NONE unless autoEnable is given; a given autoEnable is kept", () => {
    const config = parseEstate({
      ...minimal(),
      protectionPlans: { EBS_MALWARE_PROTECTION: { enabled: false }, RDS_LOGIN_EVENTS: { enabled: false, autoEnable: "NEW" } },
    });
    const plan = (name: string) => config.protectionPlans.find((p) => p.name === name);
    expect(plan("EBS_MALWARE_PROTECTION")).toEqual({ name: "EBS_MALWARE_PROTECTION", enabled: false, autoEnable: "NONE", agentManagement: [] });
    expect(plan("RDS_LOGIN_EVENTS")).toMatchObject({ enabled: false, autoEnable: "NEW" });
    expect(plan("S3_DATA_EVENTS")).toMatchObject({ enabled: true, autoEnable: "ALL" });
  });

  test("plans named in the file are merged over the defaults, not instead of them", () => {
    const config = parseEstate({ ...minimal(), protectionPlans: { LAMBDA_NETWORK_LOGS: { autoEnable: "NONE" } } });
    expect(config.protectionPlans.map((p) => p.name)).toEqual(DEFAULT_PLANS);
    expect(config.protectionPlans.find((p) => p.name === "LAMBDA_NETWORK_LOGS")).toMatchObject({ enabled: true, autoEnable: "NONE" });
  });

  test("agent management not named stays on", () => {
    const config = parseEstate({ ...minimal(), protectionPlans: { RUNTIME_MONITORING: { agentManagement: { EC2_AGENT_MANAGEMENT: false } } } });
    expect(config.protectionPlans.find((p) => p.name === "RUNTIME_MONITORING")?.agentManagement).toEqual([
      { name: "EKS_ADDON_MANAGEMENT", enabled: true },
      { name: "ECS_FARGATE_AGENT_MANAGEMENT", enabled: true },
      { name: "EC2_AGENT_MANAGEMENT", enabled: false },
    ]);
  });

  test("EKS_RUNTIME_MONITORING replaces RUNTIME_MONITORING, with EKS add-on management on", () => {
    const config = parseEstate({ ...minimal(), protectionPlans: { EKS_RUNTIME_MONITORING: {} } });
    expect(config.protectionPlans.map((p) => p.name)).toEqual([
      "S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS", "EKS_RUNTIME_MONITORING",
    ]);
    expect(config.protectionPlans.find((p) => p.name === "EKS_RUNTIME_MONITORING")).toEqual({
      name: "EKS_RUNTIME_MONITORING", enabled: true, autoEnable: "ALL", agentManagement: [{ name: "EKS_ADDON_MANAGEMENT", enabled: true }],
    });
  });
});

describe("invited member defaults", () => {
  test("disableEmailNotification is true and no invitation message is set", () => {
    const config = parseEstate({ ...minimal(), invitedMembers: [{ accountId: ACCOUNTS.invited, email: "root@example.com" }] });
    expect(config.invitedMembers).toEqual([{
      accountId: ACCOUNTS.invited,
      email: "root@example.com",
      disableEmailNotification: true,
      roleArn: `arn:aws:iam::${ACCOUNTS.invited}:role/OrganizationAccountAccessRole`,
    }]);
    expect(config.invitedMembers[0]).not.toHaveProperty("invitationMessage");
  });
});

describe("backend defaults, as the stack applies them", () => {
  function backendOf(backend: unknown) {
    const app = Testing.app();
    const stack = new TerraformStack(app, "guardduty");
    configureBackend(stack, parseEstate({ ...minimal(), backend }).backend);
    return JSON.parse(Testing.synth(stack)).terraform.backend;
  }

  test("a local backend keeps terraform.<stack>.tfstate at the project root", () => {
    expect(backendOf(undefined)).toEqual({ local: { path: "../../../terraform.guardduty.tfstate" } });
  });

  test("an s3 backend locks with a lock file and encrypts", () => {
    const s3 = backendOf({ type: "s3", bucket: "estate-state", key: "guardduty.tfstate", region: "eu-west-1" }).s3;
    expect(s3).toMatchObject({ bucket: "estate-state", key: "guardduty.tfstate", region: "eu-west-1", use_lockfile: true, encrypt: true });
  });
});

describe("order in the file does not change the resolved config", () => {
  const members = [
    { accountId: "777777777777", email: "c@example.com" },
    { accountId: ACCOUNTS.invited, email: "a@example.com", invitationMessage: "hello" },
    { accountId: "555555555555", email: "b@example.com" },
  ];

  test("regions are sorted", () => {
    const config = parseEstate({ ...minimal(["us-east-1", "me-south-1", "eu-west-1"]), homeRegion: "us-east-1" });
    expect(config.regions).toEqual(["eu-west-1", "me-south-1", "us-east-1"]);
    expect(config.homeRegion).toBe("us-east-1");
  });

  test("invited members are sorted by account ID", () => {
    const config = parseEstate({ ...minimal(), invitedMembers: members });
    expect(config.invitedMembers.map((m) => m.accountId)).toEqual(["444455556666", "555555555555", "777777777777"]);
  });

  test("permuted regions, members, plans, overrides and detector IDs resolve to the same config", () => {
    const a = {
      ...minimal(["us-east-1", "eu-west-1", "ap-southeast-2"]),
      homeRegion: "eu-west-1",
      invitedMembers: members,
      protectionPlans: { S3_DATA_EVENTS: { enabled: false }, RUNTIME_MONITORING: { autoEnable: "NEW" } },
      existingDetectorIds: { "us-east-1": "b".repeat(32), "eu-west-1": "a".repeat(32) },
      managementAccount: { existingDetectorIds: { "us-east-1": "d".repeat(32), "eu-west-1": "c".repeat(32) } },
      organizationMembers: [
        { accountId: "567856785678", protectionPlans: { EKS_AUDIT_LOGS: false, S3_DATA_EVENTS: false } },
        { accountId: "123412341234" },
      ],
    };
    const b = {
      ...minimal(["ap-southeast-2", "eu-west-1", "us-east-1"]),
      homeRegion: "eu-west-1",
      invitedMembers: [...members].reverse(),
      protectionPlans: { RUNTIME_MONITORING: { autoEnable: "NEW" }, S3_DATA_EVENTS: { enabled: false } },
      existingDetectorIds: { "eu-west-1": "a".repeat(32), "us-east-1": "b".repeat(32) },
      managementAccount: { existingDetectorIds: { "eu-west-1": "c".repeat(32), "us-east-1": "d".repeat(32) } },
      organizationMembers: [
        { accountId: "123412341234" },
        { accountId: "567856785678", protectionPlans: { S3_DATA_EVENTS: false, EKS_AUDIT_LOGS: false } },
      ],
    };
    const [ra, rb] = [parseEstate(a), parseEstate(b)];
    expect(JSON.stringify(ra)).toBe(JSON.stringify(rb)); // same values, same key order
    expect(Object.keys(ra.existingDetectorIds)).toEqual(["eu-west-1", "us-east-1"]);
  });
});

describe("parsing", () => {
  test("resolveEstate of the schema's output equals parseEstate", () => {
    const raw = { ...minimal(["us-east-1", "eu-west-1"]), homeRegion: "eu-west-1" };
    expect(resolveEstate(estateSchema.parse(raw))).toEqual(parseEstate(raw));
  });

  test("does not change the parsed JSON it is given", () => {
    const raw = { ...minimal(["us-east-1", "eu-west-1"]), homeRegion: "eu-west-1", invitedMembers: [
      { accountId: "777777777777", email: "c@example.com" }, { accountId: ACCOUNTS.invited, email: "a@example.com" },
    ] };
    const before = JSON.stringify(raw);
    parseEstate(raw);
    expect(JSON.stringify(raw)).toBe(before);
  });

  test("loadEstate reads a file that starts with a byte-order mark", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "estate-good-"));
    try {
      const file = path.join(dir, "estate.json");
      writeFileSync(file, `\uFEFF${JSON.stringify(minimal())}`);
      expect(loadEstate(file).regions).toEqual(["eu-west-1"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
