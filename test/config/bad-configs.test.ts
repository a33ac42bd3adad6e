/**
 * The bad-config corpus: each case is one small mutation of a valid estate, and the loader must refuse it with a
 * problem line that names the exact field path, says what is allowed and shows the value it got.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { EstateConfigError, loadEstate, parseEstate } from "../../modules/config/load";
import { ACCOUNTS } from "../helpers";

/** A valid estate: two regions, one invited member. Every case mutates a fresh copy. */
function base(): any {
  return {
    accounts: {
      management: { id: ACCOUNTS.management },
      security: { id: ACCOUNTS.security },
      logArchive: { id: ACCOUNTS.logArchive },
    },
    homeRegion: "eu-west-1",
    regions: ["eu-west-1", "us-east-1"],
    invitedMembers: [{ accountId: ACCOUNTS.invited, email: "aws-root+partner@example.com" }],
  };
}

/** The problems EstateConfigError reports for `raw`; fails the test when it parses or throws something else. */
function problemsOf(raw: unknown): readonly string[] {
  try {
    parseEstate(raw, "bad.json");
  } catch (e) {
    if (e instanceof EstateConfigError) return e.problems;
    throw e;
  }
  throw new Error("expected EstateConfigError, but the config was accepted");
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `<path>: ...<allowed>...; got <got>`, the whole line. */
function line(fieldPath: string, allowed: string, got: string): RegExp {
  return new RegExp(`^${escape(fieldPath)}: .*${escape(allowed)}.*; got ${escape(got)}$`);
}

interface BadCase {
  /** What is wrong, as the test title says it. */
  readonly name: string;
  readonly mutate: (estate: any) => void;
  /** The field path the problem must name. */
  readonly path: string;
  /** Part of what the message says is allowed. */
  readonly allowed: string;
  /** The value received, as the line shows it. */
  readonly got: string;
}

/** A list at an existing S3 location: valid on its own. */
const S3_LIST = { name: "office", kind: "trusted", format: "TXT", location: "s3://acme-security-lists/office.txt" };

const ROOT_KEYS = "$schema, name, accounts, roleName, homeRegion, regions, findingPublishingFrequency, " +
  "autoEnableOrganizationMembers, protectionPlans, existingDetectorIds, managementAccount, organizationMembers, invitedMembers, backend, tags, export, notifications, s3MalwareProtection, ipLists, deployRoles, decommission, stacks";
const ACCOUNT_ID = "12-digit AWS account ID";

const CASES: BadCase[] = [
  // missing required fields
  { name: "a missing security account", mutate: (e) => delete e.accounts.security,
    path: "accounts.security", allowed: "required; expected an object with keys id, roleArn", got: "nothing" },
  { name: "a missing regions list", mutate: (e) => delete e.regions,
    path: "regions", allowed: "required; expected a list of region codes", got: "nothing" },
  { name: "an invited member without email", mutate: (e) => delete e.invitedMembers[0].email,
    path: "invitedMembers[0].email", allowed: "required; expected an email address", got: "nothing" },
  { name: "an empty estate", mutate: (e) => { for (const k of Object.keys(e)) delete e[k]; },
    path: "accounts", allowed: "required", got: "nothing" },

  // wrong types
  { name: "an account ID given as a JSON number", mutate: (e) => (e.accounts.security.id = 222222222222),
    path: "accounts.security.id", allowed: `${ACCOUNT_ID} as a string`, got: "222222222222" },
  { name: "an invited member's account ID given as a JSON number", mutate: (e) => (e.invitedMembers[0].accountId = 444455556666),
    path: "invitedMembers[0].accountId", allowed: `${ACCOUNT_ID} as a string`, got: "444455556666" },
  { name: "regions given as a string", mutate: (e) => (e.regions = "eu-west-1"),
    path: "regions", allowed: "expected a list of region codes", got: '"eu-west-1"' },
  { name: "a region given as a number", mutate: (e) => (e.regions = ["eu-west-1", 1]),
    path: "regions[1]", allowed: "expected an AWS region code as a string", got: "1" },
  { name: "an object for a boolean", mutate: (e) => (e.invitedMembers[0].disableEmailNotification = { value: true }),
    path: "invitedMembers[0].disableEmailNotification", allowed: "expected true or false", got: '{"value":true}' },
  { name: "a string for a plan's enabled", mutate: (e) => (e.protectionPlans = { S3_DATA_EVENTS: { enabled: "yes" } }),
    path: "protectionPlans.S3_DATA_EVENTS.enabled", allowed: "expected true or false", got: '"yes"' },
  { name: "accounts given as null", mutate: (e) => (e.accounts = null),
    path: "accounts", allowed: "expected an object with keys management, security, logArchive", got: "null" },

  // account IDs
  { name: "an 11-digit account ID", mutate: (e) => (e.accounts.management.id = "11111111111"),
    path: "accounts.management.id", allowed: ACCOUNT_ID, got: '"11111111111"' },
  { name: "a 13-digit account ID", mutate: (e) => (e.accounts.logArchive.id = "3333333333333"),
    path: "accounts.logArchive.id", allowed: ACCOUNT_ID, got: '"3333333333333"' },
  { name: "an account ID with a letter", mutate: (e) => (e.invitedMembers[0].accountId = "44445555666O"),
    path: "invitedMembers[0].accountId", allowed: ACCOUNT_ID, got: '"44445555666O"' },

  // regions
  { name: "an unknown region code", mutate: (e) => (e.regions = ["eu-west-1", "eu-wst-1"]),
    path: "regions[1]", allowed: "expected a known AWS region code (e.g. eu-west-1", got: '"eu-wst-1"' },
  { name: "an empty regions list", mutate: (e) => (e.regions = []),
    path: "regions", allowed: "expected at least one region", got: "[]" },
  { name: "a duplicate region", mutate: (e) => (e.regions = ["eu-west-1", "us-east-1", "eu-west-1"]),
    path: "regions[2]", allowed: "duplicate region eu-west-1: already regions[0]", got: '"eu-west-1"' },
  { name: "regions of aws and aws-us-gov", mutate: (e) => (e.regions = ["eu-west-1", "us-gov-west-1"]),
    path: "regions", allowed: "all regions must be in one partition (one set of credentials and ARNs); these span aws (eu-west-1) and aws-us-gov (us-gov-west-1)",
    got: '["eu-west-1","us-gov-west-1"]' },
  { name: "regions of aws and aws-cn", mutate: (e) => (e.regions = ["eu-west-1", "cn-north-1"]),
    path: "regions", allowed: "aws (eu-west-1) and aws-cn (cn-north-1)", got: '["eu-west-1","cn-north-1"]' },
  { name: "no homeRegion with several regions", mutate: (e) => delete e.homeRegion,
    path: "homeRegion", allowed: "required when several regions are configured: one of eu-west-1, us-east-1", got: "nothing" },
  { name: "a homeRegion not among regions", mutate: (e) => (e.homeRegion = "us-west-2"),
    path: "homeRegion", allowed: "must be one of the configured regions: eu-west-1, us-east-1", got: '"us-west-2"' },
  { name: "an unknown homeRegion", mutate: (e) => (e.homeRegion = "eu-west-9"),
    path: "homeRegion", allowed: "expected a known AWS region code", got: '"eu-west-9"' },

  // accounts against each other
  { name: "a duplicate invited member", mutate: (e) => e.invitedMembers.push({ accountId: ACCOUNTS.invited, email: "other@example.com" }),
    path: "invitedMembers[1].accountId", allowed: `duplicate account ${ACCOUNTS.invited}: already invitedMembers[0]`, got: `"${ACCOUNTS.invited}"` },
  { name: "the security (administrator) account as an invited member", mutate: (e) => (e.invitedMembers[0].accountId = ACCOUNTS.security),
    path: "invitedMembers[0].accountId", allowed: "is the security (delegated administrator) account; organization accounts are enabled by auto-enable, not invited",
    got: `"${ACCOUNTS.security}"` },
  { name: "the management account as an invited member", mutate: (e) => (e.invitedMembers[0].accountId = ACCOUNTS.management),
    path: "invitedMembers[0].accountId", allowed: "is the management account", got: `"${ACCOUNTS.management}"` },
  { name: "the log-archive account as an invited member", mutate: (e) => (e.invitedMembers[0].accountId = ACCOUNTS.logArchive),
    path: "invitedMembers[0].accountId", allowed: "is the logArchive account", got: `"${ACCOUNTS.logArchive}"` },
  { name: "management == security", mutate: (e) => (e.accounts.security.id = ACCOUNTS.management),
    path: "accounts.security.id", allowed: "the delegated administrator must not be the management account", got: `"${ACCOUNTS.management}"` },
  { name: "management == logArchive", mutate: (e) => (e.accounts.logArchive.id = ACCOUNTS.management),
    path: "accounts.logArchive.id", allowed: "the log-archive account must not be the management account", got: `"${ACCOUNTS.management}"` },

  // decommission
  { name: "decommission true", mutate: (e) => (e.decommission = true),
    path: "decommission", allowed: "expected one of prepare, teardown", got: "true" },
  { name: 'decommission "destroy"', mutate: (e) => (e.decommission = "destroy"),
    path: "decommission", allowed: "expected one of prepare, teardown", got: '"destroy"' },

  // findingPublishingFrequency
  { name: 'findingPublishingFrequency "5m"', mutate: (e) => (e.findingPublishingFrequency = "5m"),
    path: "findingPublishingFrequency", allowed: "expected one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS", got: '"5m"' },
  { name: 'findingPublishingFrequency "fifteen_minutes"', mutate: (e) => (e.findingPublishingFrequency = "fifteen_minutes"),
    path: "findingPublishingFrequency", allowed: "expected one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS", got: '"fifteen_minutes"' },
  { name: "findingPublishingFrequency 15", mutate: (e) => (e.findingPublishingFrequency = 15),
    path: "findingPublishingFrequency", allowed: "expected one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS", got: "15" },
  { name: "a findingPublishingFrequency on an invited member", mutate: (e) => (e.invitedMembers[0].findingPublishingFrequency = "ONE_HOUR"),
    path: "invitedMembers[0].findingPublishingFrequency",
    allowed: "not allowed on a member: the administrator's findingPublishingFrequency is imposed on every member", got: '"ONE_HOUR"' },

  // emails
  { name: "an email without @", mutate: (e) => (e.invitedMembers[0].email = "aws-root.example.com"),
    path: "invitedMembers[0].email", allowed: "expected an email address", got: '"aws-root.example.com"' },
  { name: "an email without domain", mutate: (e) => (e.invitedMembers[0].email = "aws-root@"),
    path: "invitedMembers[0].email", allowed: "expected an email address", got: '"aws-root@"' },

  // protection plans
  { name: "RUNTIME_MONITORING together with EKS_RUNTIME_MONITORING",
    mutate: (e) => (e.protectionPlans = { RUNTIME_MONITORING: { enabled: true }, EKS_RUNTIME_MONITORING: { enabled: true } }),
    path: "protectionPlans.EKS_RUNTIME_MONITORING",
    allowed: "RUNTIME_MONITORING and EKS_RUNTIME_MONITORING cannot be configured together", got: '{"enabled":true}' },
  { name: "agentManagement on S3_DATA_EVENTS",
    mutate: (e) => (e.protectionPlans = { S3_DATA_EVENTS: { agentManagement: { EC2_AGENT_MANAGEMENT: true } } }),
    path: "protectionPlans.S3_DATA_EVENTS.agentManagement",
    allowed: "S3_DATA_EVENTS has no agent management; only RUNTIME_MONITORING and EKS_RUNTIME_MONITORING take agentManagement",
    got: '{"EC2_AGENT_MANAGEMENT":true}' },
  { name: "an empty agentManagement on EBS_MALWARE_PROTECTION",
    mutate: (e) => (e.protectionPlans = { EBS_MALWARE_PROTECTION: { agentManagement: {} } }),
    path: "protectionPlans.EBS_MALWARE_PROTECTION.agentManagement", allowed: "has no agent management", got: "{}" },
  { name: "EC2 agent management on EKS_RUNTIME_MONITORING",
    mutate: (e) => (e.protectionPlans = { EKS_RUNTIME_MONITORING: { agentManagement: { EC2_AGENT_MANAGEMENT: true } } }),
    path: "protectionPlans.EKS_RUNTIME_MONITORING.agentManagement.EC2_AGENT_MANAGEMENT",
    allowed: "EKS_RUNTIME_MONITORING allows only agent management EKS_ADDON_MANAGEMENT", got: "true" },
  { name: 'a plan autoEnable "SOME"', mutate: (e) => (e.protectionPlans = { RDS_LOGIN_EVENTS: { autoEnable: "SOME" } }),
    path: "protectionPlans.RDS_LOGIN_EVENTS.autoEnable", allowed: "expected one of ALL, NEW, NONE", got: '"SOME"' },
  { name: 'autoEnableOrganizationMembers "SOME"', mutate: (e) => (e.autoEnableOrganizationMembers = "SOME"),
    path: "autoEnableOrganizationMembers", allowed: "expected one of ALL, NEW, NONE", got: '"SOME"' },

  // unknown keys
  { name: 'an unknown root key "secruity"', mutate: (e) => (e.secruity = { id: ACCOUNTS.security }),
    path: "secruity", allowed: `unknown key; allowed keys: ${ROOT_KEYS}`, got: `{"id":"${ACCOUNTS.security}"}` },
  { name: '"region" instead of "regions"', mutate: (e) => { e.region = e.regions; delete e.regions; },
    path: "region", allowed: `unknown key; allowed keys: ${ROOT_KEYS}`, got: '["eu-west-1","us-east-1"]' },
  { name: 'a nested unknown key "accounts.secruity"', mutate: (e) => { e.accounts.secruity = e.accounts.security; delete e.accounts.security; },
    path: "accounts.secruity", allowed: "unknown key; allowed keys: management, security, logArchive", got: `{"id":"${ACCOUNTS.security}"}` },
  { name: "an unknown plan name", mutate: (e) => (e.protectionPlans = { S3_DATA_EVENT: {} }),
    path: "protectionPlans.S3_DATA_EVENT", allowed: "allowed keys: S3_DATA_EVENTS, EKS_AUDIT_LOGS", got: "{}" },
  { name: "an unknown invited member key", mutate: (e) => (e.invitedMembers[0].emial = "x@example.com"),
    path: "invitedMembers[0].emial", allowed: "allowed keys: accountId, email, invitationMessage, disableEmailNotification, roleArn",
    got: '"x@example.com"' },

  // roles
  { name: "a roleArn of another account", mutate: (e) => (e.accounts.security.roleArn = `arn:aws:iam::${ACCOUNTS.other}:role/Deployer`),
    path: "accounts.security.roleArn", allowed: `must be a role in account ${ACCOUNTS.security} (this ARN is in account ${ACCOUNTS.other})`,
    got: `"arn:aws:iam::${ACCOUNTS.other}:role/Deployer"` },
  { name: "an invited member's roleArn of another account",
    mutate: (e) => (e.invitedMembers[0].roleArn = `arn:aws:iam::${ACCOUNTS.other}:role/Deployer`),
    path: "invitedMembers[0].roleArn", allowed: `must be a role in account ${ACCOUNTS.invited}`, got: `"arn:aws:iam::${ACCOUNTS.other}:role/Deployer"` },
  { name: "a roleArn of another partition than the regions",
    mutate: (e) => (e.accounts.management.roleArn = `arn:aws-us-gov:iam::${ACCOUNTS.management}:role/Deployer`),
    path: "accounts.management.roleArn", allowed: "must be an ARN of partition aws, the partition of regions",
    got: `"arn:aws-us-gov:iam::${ACCOUNTS.management}:role/Deployer"` },
  { name: "a role name instead of a roleArn", mutate: (e) => (e.accounts.logArchive.roleArn = "Deployer"),
    path: "accounts.logArchive.roleArn", allowed: "expected an IAM role ARN", got: '"Deployer"' },
  { name: "a roleName with a space", mutate: (e) => (e.roleName = "Org Access"),
    path: "roleName", allowed: "expected an IAM role name: 1-64 of", got: '"Org Access"' },

  // backend
  { name: "an absolute local backend path", mutate: (e) => (e.backend = { type: "local", path: "/home/me/estate.tfstate" }),
    path: "backend.path", allowed: "expected a path relative to the project root", got: '"/home/me/estate.tfstate"' },
  { name: "a Windows absolute backend path", mutate: (e) => (e.backend = { type: "local", path: "C:\\state\\estate.tfstate" }),
    path: "backend.path", allowed: "expected a path relative to the project root", got: '"C:\\\\state\\\\estate.tfstate"' },
  { name: "an unknown backend type", mutate: (e) => (e.backend = { type: "gcs", bucket: "state" }),
    path: "backend.type", allowed: 'expected "local" or "s3"', got: '"gcs"' },
  { name: "an s3 backend without bucket", mutate: (e) => (e.backend = { type: "s3", key: "guardduty.tfstate", region: "eu-west-1" }),
    path: "backend.bucket", allowed: "required; expected an S3 bucket name", got: "nothing" },
  { name: "an s3 backend with an invalid bucket name", mutate: (e) => (e.backend = { type: "s3", bucket: "My_State", key: "k", region: "eu-west-1" }),
    path: "backend.bucket", allowed: "expected an S3 bucket name: 3-63 of a-z 0-9 . -", got: '"My_State"' },

  // existing detectors
  { name: "an existing detector in a region that is not configured",
    mutate: (e) => (e.existingDetectorIds = { "ap-south-1": "a".repeat(32) }),
    path: "existingDetectorIds.ap-south-1", allowed: "region ap-south-1 is not one of the configured regions (eu-west-1, us-east-1)",
    got: `"${"a".repeat(32)}"` },
  { name: "a malformed existing detector ID", mutate: (e) => (e.existingDetectorIds = { "eu-west-1": "detector-1" }),
    path: "existingDetectorIds.eu-west-1", allowed: "expected a 32-character GuardDuty detector ID", got: '"detector-1"' },
  { name: "an existing detector under an unknown region code", mutate: (e) => (e.existingDetectorIds = { "eu-wst-1": "a".repeat(32) }),
    path: "existingDetectorIds.eu-wst-1", allowed: "invalid key: expected a known AWS region code", got: '"eu-wst-1"' },

  // tags and names
  { name: "a tag value that is a number", mutate: (e) => (e.tags = { owner: "security", "cost-center": 4200 }),
    path: "tags.cost-center", allowed: "expected a tag value as a string", got: "4200" },
  { name: "a tag value over 256 characters", mutate: (e) => (e.tags = { owner: "x".repeat(257) }),
    path: "tags.owner", allowed: "expected a tag value of at most 256 characters", got: `"${"x".repeat(76)}...` },
  { name: 'a tag key starting with "aws:"', mutate: (e) => (e.tags = { "aws:owner": "security" }),
    path: "tags.aws:owner", allowed: 'invalid key: expected a tag key of 1-128 characters, not starting with "aws:"', got: '"aws:owner"' },
  { name: "an empty tag key", mutate: (e) => (e.tags = { "": "security" }),
    path: 'tags[""]', allowed: "invalid key: expected a tag key of 1-128 characters", got: '""' },
  { name: "an estate name with capitals", mutate: (e) => (e.name = "GuardDuty"),
    path: "name", allowed: "expected 1-31 of a-z 0-9 - starting with a letter", got: '"GuardDuty"' },
  { name: "an invitation message over 1000 characters", mutate: (e) => (e.invitedMembers[0].invitationMessage = "m".repeat(1001)),
    path: "invitedMembers[0].invitationMessage", allowed: "expected at most 1000 characters", got: `"${"m".repeat(76)}...` },

  // organization members with plan overrides
  { name: "an organization member listed twice", mutate: (e) => (e.organizationMembers = [
      { accountId: "123412341234", protectionPlans: { EKS_AUDIT_LOGS: false } }, { accountId: "123412341234", protectionPlans: {} }]),
    path: "organizationMembers[1].accountId", allowed: "duplicate account 123412341234: already organizationMembers[0]", got: '"123412341234"' },
  { name: "the administrator listed as an organization member", mutate: (e) => (e.organizationMembers = [{ accountId: ACCOUNTS.security, protectionPlans: {} }]),
    path: "organizationMembers[0].accountId", allowed: "is the delegated administrator: set its plans in protectionPlans", got: `"${ACCOUNTS.security}"` },
  { name: "an invited member listed as an organization member", mutate: (e) => (e.organizationMembers = [{ accountId: ACCOUNTS.invited, protectionPlans: {} }]),
    path: "organizationMembers[0].accountId", allowed: "is invitedMembers[0], not an organization member", got: `"${ACCOUNTS.invited}"` },
  { name: "an organization member overriding an unknown plan", mutate: (e) => (e.organizationMembers = [{ accountId: "123412341234", protectionPlans: { S3: true } }]),
    path: "organizationMembers[0].protectionPlans.S3", allowed: "unknown key; allowed keys: S3_DATA_EVENTS", got: "true" },
  { name: "a frequency on an organization member", mutate: (e) => (e.organizationMembers = [{ accountId: "123412341234", protectionPlans: {}, findingPublishingFrequency: "ONE_HOUR" }]),
    path: "organizationMembers[0].findingPublishingFrequency", allowed: "the administrator's findingPublishingFrequency is imposed on every member", got: '"ONE_HOUR"' },

  { name: "the management account listed as an organization member", mutate: (e) => (e.organizationMembers = [{ accountId: ACCOUNTS.management }]),
    path: "organizationMembers[0].accountId", allowed: "is the management account: its membership is managementAccount.monitor", got: `"${ACCOUNTS.management}"` },
  { name: "an organization member without plans listed twice", mutate: (e) => (e.organizationMembers = [{ accountId: "123412341234" }, { accountId: "123412341234" }]),
    path: "organizationMembers[1].accountId", allowed: "duplicate account 123412341234: already organizationMembers[0]", got: '"123412341234"' },
  { name: "an invalid organization member email", mutate: (e) => (e.organizationMembers = [{ accountId: "123412341234", email: "root@" }]),
    path: "organizationMembers[0].email", allowed: "expected an email address", got: '"root@"' },
  { name: "an organization member email given as a number", mutate: (e) => (e.organizationMembers = [{ accountId: "123412341234", email: 42 }]),
    path: "organizationMembers[0].email", allowed: "expected an email address", got: "42" },

  // the management account as a member
  { name: "an unknown key in managementAccount", mutate: (e) => (e.managementAccount = { monitored: true }),
    path: "managementAccount.monitored", allowed: "unknown key; allowed keys: monitor, email, existingDetectorIds, malwareProtectionRole", got: "true" },
  { name: "managementAccount given as a list", mutate: (e) => (e.managementAccount = []),
    path: "managementAccount", allowed: "expected an object with keys monitor, email, existingDetectorIds, malwareProtectionRole", got: "[]" },
  { name: "managementAccount.monitor as a string", mutate: (e) => (e.managementAccount = { monitor: "yes" }),
    path: "managementAccount.monitor", allowed: "expected true or false", got: '"yes"' },
  { name: "an invalid management account email", mutate: (e) => (e.managementAccount = { email: "management" }),
    path: "managementAccount.email", allowed: "expected an email address", got: '"management"' },
  { name: "an unknown malwareProtectionRole", mutate: (e) => (e.managementAccount = { malwareProtectionRole: "adopt" }),
    path: "managementAccount.malwareProtectionRole", allowed: 'expected "create" or "existing"', got: '"adopt"' },
  { name: "a malformed management account detector ID", mutate: (e) => (e.managementAccount = { existingDetectorIds: { "eu-west-1": "detector-1" } }),
    path: "managementAccount.existingDetectorIds.eu-west-1", allowed: "expected a 32-character GuardDuty detector ID", got: '"detector-1"' },
  { name: "a management account detector under an unknown region code", mutate: (e) => (e.managementAccount = { existingDetectorIds: { "eu-wst-1": "a".repeat(32) } }),
    path: "managementAccount.existingDetectorIds.eu-wst-1", allowed: "invalid key: expected a known AWS region code", got: '"eu-wst-1"' },
  { name: "a management account detector in a region that is not configured",
    mutate: (e) => (e.managementAccount = { existingDetectorIds: { "ap-south-1": "b".repeat(32) } }),
    path: "managementAccount.existingDetectorIds.ap-south-1",
    allowed: "region ap-south-1 is not one of the configured regions (eu-west-1, us-east-1)", got: `"${"b".repeat(32)}"` },
  { name: "a management account email while it is not monitored", mutate: (e) => (e.managementAccount = { monitor: false, email: "root@example.com" }),
    path: "managementAccount.email", allowed: "allowed only when managementAccount.monitor is true", got: '"root@example.com"' },
  { name: "management account detectors while it is not monitored",
    mutate: (e) => (e.managementAccount = { monitor: false, existingDetectorIds: { "eu-west-1": "c".repeat(32) } }),
    path: "managementAccount.existingDetectorIds", allowed: "allowed only when managementAccount.monitor is true",
    got: `{"eu-west-1":"${"c".repeat(32)}"}` },

  { name: "a plan excluded in a region that is not configured", mutate: (e) => (e.protectionPlans = { RDS_LOGIN_EVENTS: { excludeRegions: ["ap-east-2"] } }),
    path: "protectionPlans.RDS_LOGIN_EVENTS.excludeRegions[0]", allowed: "must be one of the configured regions (eu-west-1, us-east-1)", got: '"ap-east-2"' },
  { name: "a plan excluded in an unknown region", mutate: (e) => (e.protectionPlans = { RDS_LOGIN_EVENTS: { excludeRegions: ["mars-1"] } }),
    path: "protectionPlans.RDS_LOGIN_EVENTS.excludeRegions[0]", allowed: "expected a known AWS region code", got: '"mars-1"' },

  // the export section, wired into the estate
  { name: "an export bucket name with capitals", mutate: (e) => (e.export = { bucketName: "Findings" }),
    path: "export.bucketName", allowed: "bucketName must", got: '"Findings"' },
  { name: "an export home region that is an opt-in region", mutate: (e) => { e.regions.push("me-south-1"); e.export = { bucketName: "acme-findings", homeRegion: "me-south-1" }; },
    path: "export.homeRegion", allowed: "not the opt-in region", got: "\"me-south-1\"" },
  { name: "an export key account outside the estate", mutate: (e) => (e.export = { bucketName: "acme-findings", keyAccount: ACCOUNTS.other }),
    path: "export.keyAccount", allowed: "an account of the estate", got: `"${ACCOUNTS.other}"` },
  { name: "an unknown key in the export section", mutate: (e) => (e.export = { bucketName: "acme-findings", bucket: "x" }),
    path: "export.bucket", allowed: "unknown key(s) bucket; allowed: bucketName", got: '"x"' },

  // the ipLists section (the files themselves: test/config/ip-lists.test.ts)
  { name: "a list format GuardDuty does not read", mutate: (e) => (e.ipLists = [{ ...S3_LIST, format: "CSV" }]),
    path: "ipLists[0].format", allowed: "expected one of TXT, STIX, OTX_CSV, ALIEN_VAULT, FIRE_EYE, PROOF_POINT", got: '"CSV"' },
  { name: "a list kind that is neither trusted nor threat", mutate: (e) => (e.ipLists = [{ ...S3_LIST, kind: "allow" }]),
    path: "ipLists[0].kind", allowed: "expected one of trusted, threat", got: '"allow"' },
  { name: "a list name with a space", mutate: (e) => (e.ipLists = [{ ...S3_LIST, name: "office ips" }]),
    path: "ipLists[0].name", allowed: 'letters, digits, "-" and "_"', got: '"office ips"' },
  { name: "two lists of one name", mutate: (e) => (e.ipLists = [S3_LIST, { ...S3_LIST, kind: "threat" }]),
    path: "ipLists[1].name", allowed: "duplicate list name: already ipLists[0].name", got: '"office"' },
  { name: "a second trusted list (AWS allows one per Region)", mutate: (e) => (e.ipLists = [S3_LIST, { ...S3_LIST, name: "vpn" }]),
    path: "ipLists[1].kind", allowed: "at most 1 trusted list per account and Region", got: '"trusted"' },
  { name: "a seventh threat list (AWS allows six per Region)",
    mutate: (e) => (e.ipLists = Array.from({ length: 7 }, (_, n) => ({ ...S3_LIST, name: `feed-${n}`, kind: "threat" }))),
    path: "ipLists[6].kind", allowed: "at most 6 threat lists per account and Region", got: '"threat"' },
  { name: "a list with both a file and a location", mutate: (e) => (e.ipLists = [{ ...S3_LIST, file: "office.txt" }]),
    path: "ipLists[0]", allowed: "expected exactly one of file", got: '{"name":"office","kind":"trusted","format":"TXT","location":"s3://acme-securi...' },
  { name: "a list with neither a file nor a location", mutate: (e) => (e.ipLists = [{ name: "office", kind: "trusted", format: "TXT" }]),
    path: "ipLists[0]", allowed: "expected exactly one of file", got: '{"name":"office","kind":"trusted","format":"TXT"}' },
  { name: "a list location that is not s3://bucket/key", mutate: (e) => (e.ipLists = [{ ...S3_LIST, location: "https://example.com/office.txt" }]),
    path: "ipLists[0].location", allowed: "expected an existing object as s3://<bucket>/<key>", got: '"https://example.com/office.txt"' },
  { name: "a list file given as an absolute path", mutate: (e) => (e.ipLists = [{ name: "office", kind: "trusted", format: "TXT", file: "/etc/office.txt" }]),
    path: "ipLists[0].file", allowed: "expected a path relative to the estate file", got: '"/etc/office.txt"' },
  { name: "a local list file in an estate without export", mutate: (e) => (e.ipLists = [{ name: "office", kind: "trusted", format: "STIX", file: "office.xml" }]),
    path: "ipLists[0].file", allowed: "this estate has no export section", got: '"office.xml"' },
  { name: "activate given as a string", mutate: (e) => (e.ipLists = [{ ...S3_LIST, activate: "yes" }]),
    path: "ipLists[0].activate", allowed: "expected true or false", got: '"yes"' },
  // deployRoles: who may assume the deploy roles `guardduty-cdktf roles` writes
  { name: "a deployRoles principal that is not an IAM ARN", mutate: (e) => (e.deployRoles = { trustedPrincipalArn: "ci-deploy" }),
    path: "deployRoles.trustedPrincipalArn", allowed: "expected an IAM principal ARN", got: '"ci-deploy"' },
  { name: "a deployRoles principal that is a service, not an IAM principal", mutate: (e) => (e.deployRoles = { trustedPrincipalArn: "arn:aws:sns:eu-west-1:111122223333:topic" }),
    path: "deployRoles.trustedPrincipalArn", allowed: "expected an IAM principal ARN", got: '"arn:aws:sns:eu-west-1:111122223333:topic"' },
  { name: "a deployRoles external ID of one character", mutate: (e) => (e.deployRoles = { trustedPrincipalArn: "arn:aws:iam::111122223333:role/ci", externalId: "x" }),
    path: "deployRoles.externalId", allowed: "expected 2 to 1224 characters", got: '"x"' },
  // the s3MalwareProtection section, wired into the estate
  ...malwareProtectionCases(),
  // scan results of Malware Protection for S3 as notifications
  { name: "malware scan results notified without protected buckets",
    mutate: (e) => (e.notifications = { channels: { email: { addresses: ["secops@example.com"] } }, malwareScanResults: true }),
    path: "notifications.malwareScanResults", allowed: "can be true only with an s3MalwareProtection section", got: "true" },
  { name: "malwareScanResults given as a string",
    mutate: (e) => (e.notifications = { channels: { email: { addresses: ["secops@example.com"] } }, malwareScanResults: "yes" }),
    path: "notifications.malwareScanResults", allowed: "malwareScanResults must be true or false", got: '"yes"' },
];

/** Bad `s3MalwareProtection` sections: each mutates one valid protected bucket of the log-archive account. */
function malwareProtectionCases(): BadCase[] {
  const protect = (bucket: Record<string, unknown>, extra: Record<string, unknown> = {}) => (e: any) =>
    (e.s3MalwareProtection = { buckets: [{ account: "logArchive", region: "eu-west-1", bucketName: "acme-uploads", ...bucket }], ...extra });
  const S = "s3MalwareProtection";
  return [
    { name: "a protected bucket in an account that is not the estate's nor listed", mutate: protect({ account: ACCOUNTS.other }),
      path: `${S}.buckets[0].account`, allowed: `account must be "management", "security", "logArchive", an account of the estate (${ACCOUNTS.management}, ${ACCOUNTS.security}, ${ACCOUNTS.logArchive}, ${ACCOUNTS.invited}) or one listed in s3MalwareProtection.accounts (none)`, got: `"${ACCOUNTS.other}"` },
    { name: "a protected bucket naming an unknown account role", mutate: protect({ account: "workloads" }),
      path: `${S}.buckets[0].account`, allowed: 'account must be "management", "security", "logArchive" or a 12-digit account ID', got: '"workloads"' },
    { name: "a protected bucket in a region the estate does not run in", mutate: protect({ region: "ap-south-1" }),
      path: `${S}.buckets[0].region`, allowed: "region must be one of the estate's regions (eu-west-1, us-east-1)", got: '"ap-south-1"' },
    { name: "a bucket protected twice", mutate: (e) => {
      protect({})(e);
      e.s3MalwareProtection.buckets.push({ account: "security", region: "us-east-1", bucketName: "acme-uploads" });
    }, path: `${S}.buckets[1].bucketName`, allowed: "bucketName must not repeat a bucket (already buckets[0])", got: '"acme-uploads"' },
    { name: "a protected bucket name with capitals", mutate: protect({ bucketName: "Acme_Uploads" }),
      path: `${S}.buckets[0].bucketName`, allowed: 'bucketName may contain only lowercase letters, digits, "." and "-"', got: '"Acme_Uploads"' },
    { name: "six object prefixes", mutate: protect({ objectPrefixes: ["a/", "b/", "c/", "d/", "e/", "f/"] }),
      path: `${S}.buckets[0].objectPrefixes`, allowed: "objectPrefixes must list at most 5 prefixes (AWS's limit per protected bucket)", got: "6" },
    { name: "an object prefix with a wildcard", mutate: protect({ objectPrefixes: ["incoming/*"] }),
      path: `${S}.buckets[0].objectPrefixes`, allowed: "objectPrefixes[0] must not contain *, ? or $", got: '"incoming/*"' },
    { name: "a KMS key of another region than the bucket", mutate: protect({ kmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNTS.logArchive}:key/1234abcd-12ab-34cd-56ef-1234567890ab` }),
      path: `${S}.buckets[0].kmsKeyArn`, allowed: "kmsKeyArn must be a key of the bucket's region eu-west-1", got: `"arn:aws:kms:us-east-1:${ACCOUNTS.logArchive}:key/1234abcd-12ab-34cd-56ef-1234567890ab"` },
    { name: "a KMS alias for the bucket key", mutate: protect({ kmsKeyArn: "alias/uploads" }),
      path: `${S}.buckets[0].kmsKeyArn`, allowed: "kmsKeyArn must be a KMS key ARN", got: '"alias/uploads"' },
    { name: "tagging given as a string", mutate: protect({ tagging: "yes" }),
      path: `${S}.buckets[0].tagging`, allowed: "tagging must be true or false", got: '"yes"' },
    { name: "an additional account that is already the estate's", mutate: protect({}, { accounts: [{ accountId: ACCOUNTS.logArchive }] }),
      path: `${S}.accounts[0].accountId`, allowed: "accountId must be an account outside the estate's own", got: `"${ACCOUNTS.logArchive}"` },
    { name: "an additional account that holds no bucket", mutate: protect({}, { accounts: [{ accountId: ACCOUNTS.other }] }),
      path: `${S}.accounts[0].accountId`, allowed: "accountId must hold at least one of buckets", got: `"${ACCOUNTS.other}"` },
    { name: "an additional account's role in another account", mutate: protect({ account: ACCOUNTS.other }, { accounts: [{ accountId: ACCOUNTS.other, roleArn: "arn:aws:iam::888888888888:role/Deployer" }] }),
      path: `${S}.accounts[0].roleArn`, allowed: `roleArn must be a role in account ${ACCOUNTS.other}`, got: '"arn:aws:iam::888888888888:role/Deployer"' },
    { name: "an unknown key in a protected bucket", mutate: protect({ prefixes: ["a/"] }),
      path: `${S}.buckets[0].prefixes`, allowed: "unknown key(s) prefixes; allowed: account, region, bucketName, objectPrefixes, tagging, kmsKeyArn", got: '["a/"]' },
    { name: "a section without buckets", mutate: (e) => (e.s3MalwareProtection = { buckets: [] }),
      path: `${S}.buckets`, allowed: "buckets must list at least one bucket", got: "[]" },
  ];
}

describe("every bad config is refused with path, allowed values and the value received", () => {
  test("the base estate is valid", () => {
    expect(() => parseEstate(base())).not.toThrow();
  });

  test("the corpus holds at least 30 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  test.each(CASES.map((c) => [c.name, c] as const))("fails on %s", (_name, c) => {
    const estate = base();
    c.mutate(estate);
    const problems = problemsOf(estate);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(line(c.path, c.allowed, c.got))]));
    // the value received is shown once, at the end: messages do not say "got" themselves
    for (const p of problems) expect(p.split("; got ").length).toBe(2);
  });
});

describe("loadEstate", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "estate-bad-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function loadText(name: string, text: string): EstateConfigError {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    try {
      loadEstate(file);
    } catch (e) {
      if (e instanceof EstateConfigError) return e;
      throw e;
    }
    throw new Error("expected EstateConfigError, but the file was accepted");
  }

  test("fails on malformed JSON with line and column", () => {
    const text = JSON.stringify(base(), null, 2).replace('"regions": [', '"regions": [,');
    const lines = text.split("\n");
    const lineNo = lines.findIndex((l) => l.includes('"regions": [,')) + 1;
    const column = lines[lineNo - 1].indexOf("[,") + 2;
    const e = loadText("stray-comma.json", text);
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatch(new RegExp(`^malformed JSON at line ${lineNo}, column ${column}: .+; got ","$`));
    expect(e.source).toBe(path.join(dir, "stray-comma.json"));
    expect(e.message).toMatch(/stray-comma\.json: 1 problem:\n {2}- malformed JSON at line/);
  });

  test("fails on a trailing comma, naming where JSON expected a property", () => {
    const e = loadText("comma.json", '{\n  "regions": ["eu-west-1"],\n}\n');
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatch(/^malformed JSON at line 3, column 1: .*property name.*; got "}"$/);
  });

  test("fails on a truncated file at its end", () => {
    const e = loadText("truncated.json", '{\n  "regions": ["eu-west-1"');
    expect(e.problems[0]).toMatch(/^malformed JSON at line 2, column 26: .+; got the end of the file$/);
  });

  test("fails on an empty file", () => {
    const e = loadText("empty.json", "");
    expect(e.problems).toEqual(["malformed JSON at line 1, column 1: unexpected end of the file; got the end of the file"]);
  });

  test("fails on a file that does not exist", () => {
    expect(() => loadEstate(path.join(dir, "missing.json"))).toThrow(/missing\.json: 1 problem:\n {2}- cannot read the file: ENOENT/);
  });

  test("fails on a schema problem with the file as source", () => {
    const e = loadText("numbers.json", JSON.stringify({ ...base(), findingPublishingFrequency: 15 }));
    expect(e.problems).toEqual(["findingPublishingFrequency: expected one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS; got 15"]);
    expect(e.message.startsWith(`${path.join(dir, "numbers.json")}: 1 problem:`)).toBe(true);
  });
});

describe("every problem is reported at once", () => {
  test("fails with all nine problems of one file, schema and cross-checks together", () => {
    const e = base();
    e.invitedMembers[0].accountId = 444455556666; //                1 type
    e.accounts.logArchive.id = ACCOUNTS.management; //              2 cross-check
    e.regions = ["eu-west-1", "us-east-1", "eu-wst-1", "us-east-1"]; // 3 unknown region, 4 duplicate
    e.homeRegion = "us-west-2"; //                                  5 not among regions
    e.findingPublishingFrequency = "5m"; //                         6 enum
    e.invitedMembers.push({ accountId: ACCOUNTS.security, email: "nope", findingPublishingFrequency: "ONE_HOUR" }); // 7, 8, 9
    const problems = problemsOf(e);
    expect(problems.map((p) => p.slice(0, p.indexOf(": ")))).toEqual(expect.arrayContaining([
      "invitedMembers[0].accountId",
      "accounts.logArchive.id",
      "regions[2]",
      "regions[3]",
      "homeRegion",
      "findingPublishingFrequency",
      "invitedMembers[1].email",
      "invitedMembers[1].findingPublishingFrequency",
      "invitedMembers[1].accountId",
    ]));
    expect(problems).toHaveLength(9);
  });

  test("the error message counts and lists every problem", () => {
    const e = base();
    e.regions = "eu-west-1";
    e.secruity = {};
    e.tags = { owner: 1 };
    let error: unknown;
    try {
      parseEstate(e, "estate.json");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EstateConfigError);
    const { message, problems } = error as EstateConfigError;
    expect(problems).toHaveLength(3);
    expect(message).toBe(`estate.json: 3 problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  });

  test("fails without crashing on a root that is not an object", () => {
    for (const raw of [null, [], "estate", 42]) {
      expect(problemsOf(raw)).toEqual([`(root): expected an object with keys ${ROOT_KEYS}; got ${JSON.stringify(raw)}`]);
    }
  });
});
