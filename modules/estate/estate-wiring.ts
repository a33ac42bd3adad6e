/**
 * How the estate's constructs are wired from the resolved config, shared by the whole estate (GuardDutyEstate) and the
 * parts of a split one (EstatePart), so both write the same resources at the same addresses.
 */
import { Construct as ConstructClass, type Construct } from "constructs";
import type { EstateConfig } from "../config/estate-config";
import { FindingsExport } from "../export/findings-export";
import { S3MalwareProtection } from "../malware-protection/s3-malware-protection";
import { GuardDutyLists } from "../lists/guardduty-lists";
import { LISTS_PREFIX } from "../lists/list-files";
import { FindingNotifications } from "../notifications/finding-notifications";
import type { GuardDutyOrganizationProps } from "../organization/guardduty-organization";
import type { InvitedMember } from "../organization/invited-members";
import type { Topology } from "../topology/topology";
import { exportAccount } from "./stack-layout";

/**
 * The administrator's detector in each region: created here (AdministratorDetectors) or found by a data source
 * because another stack creates it (ExistingAdministratorDetectors).
 */
export interface AdministratorDetectorLookup {
  readonly regions: readonly string[];
  detectorId(region: string): string;
  detectorArn(region: string): string;
  /** Every region's `{ region, detectorId, detectorArn }`. */
  detectorRefs(): ReadonlyArray<{ readonly region: string; readonly detectorId: string; readonly detectorArn: string }>;
}

/** The invited members of `accountIds`, each with its own account's provider. */
export function invitedMembersOf(config: EstateConfig, topology: Topology, accountIds: readonly string[]): InvitedMember[] {
  const wanted = new Set(accountIds);
  return config.invitedMembers.filter((m) => wanted.has(m.accountId)).map((m) => ({
    accountId: m.accountId,
    email: m.email,
    invitationMessage: m.invitationMessage,
    disableEmailNotification: m.disableEmailNotification,
    provider: topology.provider(m.accountId),
  }));
}

/** The organization core of `regions`, with the given invited members and every member override. */
export function organizationProps(
  config: EstateConfig,
  topology: Topology,
  regions: readonly string[],
  invitedMembers: readonly InvitedMember[],
): GuardDutyOrganizationProps {
  return {
    managementProvider: topology.provider(config.accounts.management.id),
    managementAccountId: config.accounts.management.id,
    administratorProvider: topology.provider(config.accounts.security.id),
    administratorAccountId: config.accounts.security.id,
    regions,
    homeRegion: config.homeRegion,
    findingPublishingFrequency: config.findingPublishingFrequency,
    autoEnableOrganizationMembers: config.autoEnableOrganizationMembers,
    protectionPlans: config.protectionPlans,
    existingDetectorIds: Object.fromEntries(Object.entries(config.existingDetectorIds).filter(([region]) => regions.includes(region))),
    invitedMembers,
    memberOverrides: config.organizationMembers,
    managementAccount: {
      ...config.managementAccount,
      existingDetectorIds: Object.fromEntries(Object.entries(config.managementAccount.existingDetectorIds).filter(([region]) => regions.includes(region))),
    },
  };
}

/** The findings export of the config's `export` section, if any, for the detectors of every region. */
export function findingsExportOf(
  scope: Construct,
  config: EstateConfig,
  topology: Topology,
  detectors: AdministratorDetectorLookup,
): FindingsExport | undefined {
  const ex = config.export;
  if (!ex) return undefined;
  const bucketAccountId = exportAccount(config, ex.bucketAccount);
  const keyAccountId = exportAccount(config, ex.keyAccount ?? ex.bucketAccount);
  return new FindingsExport(scope, "Export", {
    partition: config.partition,
    homeRegion: ex.homeRegion,
    administratorAccountId: config.accounts.security.id,
    administratorProvider: topology.provider(config.accounts.security.id),
    detectors: detectors.detectorRefs(),
    bucketProvider: topology.provider(bucketAccountId),
    bucketAccountId,
    keyProvider: topology.provider(keyAccountId),
    keyAccountId,
    bucketName: ex.bucketName,
    prefix: ex.prefix,
    lifecycle: ex.lifecycle,
    accessLogging: ex.accessLogging,
    objectLock: ex.objectLock,
    preventDestroy: ex.preventDestroy,
    keyAliasName: ex.keyAliasName,
    reader: ex.siemReader,
    queue: ex.sqsQueue,
    // Only when a list is uploaded: the bucket and key policies then let GuardDuty read the lists prefix.
    ...(config.ipLists?.some((l) => l.source.type === "file") ? { guardDutyListsPrefix: LISTS_PREFIX } : {}),
  });
}

/** The finding notifications of the config's `notifications` section, if any. */
export function notificationsOf(
  scope: Construct,
  config: EstateConfig,
  topology: Topology,
  detectors: AdministratorDetectorLookup,
): FindingNotifications | undefined {
  if (!config.notifications) return undefined;
  return new FindingNotifications(scope, "Notifications", {
    ...config.notifications,
    partition: config.partition,
    homeRegion: config.homeRegion,
    regions: config.regions,
    accountId: config.accounts.security.id,
    provider: topology.provider(config.accounts.security.id),
    detectors: detectors.detectorRefs(),
  });
}

/**
 * Malware Protection for S3 of the config's `s3MalwareProtection` section, if any: one S3MalwareProtection per account
 * that holds protected buckets, with that account's provider, at `MalwareProtection/<accountId>` (a new account only
 * adds its own addresses).
 */
export function malwareProtectionOf(scope: Construct, config: EstateConfig, topology: Topology): S3MalwareProtection[] {
  const section = config.s3MalwareProtection;
  if (!section) return [];
  const parent = new ConstructClass(scope, "MalwareProtection");
  const accountIds = [...new Set(section.buckets.map((b) => b.accountId))].sort();
  return accountIds.map((accountId) =>
    new S3MalwareProtection(parent, accountId, {
      provider: topology.provider(accountId),
      partition: config.partition,
      accountId,
      buckets: section.buckets.filter((b) => b.accountId === accountId),
    }));
}

/**
 * The GuardDuty lists of the config's `ipLists` section, if any: local files uploaded to the findings bucket (under
 * `guardduty-lists/`, encrypted with the findings key, after the bucket policy, encryption and key that let GuardDuty
 * read them), and the administrator's trusted IP list and threat lists in every region.
 */
export function ipListsOf(
  scope: Construct,
  config: EstateConfig,
  topology: Topology,
  detectors: AdministratorDetectorLookup,
  findingsExport: FindingsExport | undefined,
): GuardDutyLists | undefined {
  const lists = config.ipLists ?? [];
  if (lists.length === 0) return undefined;
  const ex = config.export;
  const upload = ex && findingsExport
    ? {
      provider: topology.provider(exportAccount(config, ex.bucketAccount)),
      region: ex.homeRegion,
      bucketName: ex.bucketName,
      keyArn: findingsExport.keyArn,
      dependsOn: [findingsExport.bucketPolicy, findingsExport.findingsBucket.encryption, findingsExport.key],
    }
    : undefined;
  return new GuardDutyLists(scope, "Lists", {
    partition: config.partition,
    administratorProvider: topology.provider(config.accounts.security.id),
    detectors: detectors.detectorRefs(),
    lists: lists.map((l) => ({
      name: l.name, kind: l.kind, format: l.format, activate: l.activate,
      ...(l.source.type === "file" ? { file: { content: l.source.content, fileName: l.source.file } } : { location: l.source.location }),
    })),
    upload,
  });
}
