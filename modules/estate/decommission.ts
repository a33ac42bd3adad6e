/**
 * The two decommission phases of an estate (`"decommission": "prepare" | "teardown"`, README "Decommissioning"),
 * written over the running estate's own constructs so that every address is the one the state holds.
 *
 * What the provider does when each resource leaves the configuration (hashicorp/terraform-provider-aws,
 * internal/service/guardduty/, read for this change):
 * - detector.go, Delete: DeleteDetector, retried while GuardDuty answers "cannot delete detector while it has invited
 *   or associated members" (membership propagation), then fails: every member must be gone first.
 * - organization_admin_account.go, Delete: DisableOrganizationAdminAccount from the management account, then waits
 *   until ListOrganizationAdminAccounts no longer lists the account. It does not call AWS Organizations'
 *   DeregisterDelegatedAdministrator (a person does, README).
 * - organization_configuration.go, organization_configuration_feature.go, detector_feature.go: Delete is
 *   `schema.NoopContext`: leaving the state changes nothing in AWS. Auto-enable therefore goes to NONE by an
 *   apply ("prepare"), never by removal.
 * - member.go: Delete calls DeleteMembers only; an Update of `invite` from true to false calls DisassociateMembers
 *   (Read reports `invite = true` for an Enabled member). AWS documents DisassociateMembers before DeleteMembers, and
 *   refuses it while auto-enable is ALL: "prepare" sets NONE, then (ordered after it) `invite = false`.
 * - invite_accepter.go, Delete: DisassociateFromMasterAccount from the member's own account, before the
 *   administrator's `aws_guardduty_member` (which it depends on) is deleted.
 * - publishing_destination.go, Delete: DeletePublishingDestination.
 * - member_detector_feature.go: GetMemberDetectors/UpdateMemberDetectors refuse an account that is not an associated
 *   member, so the organization members' overrides leave with "prepare" (their Delete does nothing).
 *
 * AWS's documented order for removing the delegated administrator ("Changing the delegated GuardDuty administrator
 * account", GuardDuty User Guide), per region: auto-enable of GuardDuty and of every plan to NEW or NONE, then
 * DisassociateMembers, then DeleteMembers, then DisableOrganizationAdminAccount from the management account; then,
 * once, DeregisterDelegatedAdministrator in AWS Organizations.
 */
import { TerraformLocal, TerraformResource } from "cdktf";
import { Construct } from "constructs";
import type { EstateConfig } from "../config/estate-config";
import type { DecommissionPhase } from "../config/decommission-schema";
import type { FindingsExport } from "../export/findings-export";
import type { FindingNotifications } from "../notifications/finding-notifications";
import type { GuardDutyOrganization } from "../organization/guardduty-organization";
import { named, resourceAddress } from "../topology/addresses";
import { RemovedBlock } from "../topology/removed-block";

/**
 * The config the running estate is built from in a decommission phase: for "prepare" (and "teardown", whose state is
 * the prepared estate's), the organization and every plan auto-enable NONE, agent management included.
 */
export function decommissionBuildConfig(config: EstateConfig): EstateConfig {
  if (config.decommission === undefined) return config;
  return {
    ...config,
    autoEnableOrganizationMembers: "NONE",
    protectionPlans: config.protectionPlans.map((p) => ({ ...p, autoEnable: "NONE" })),
  };
}

/** The parts of a built estate a phase changes (GuardDutyEstate, or one EstatePart of a split estate). */
export interface DecommissionedParts {
  readonly organization?: GuardDutyOrganization;
  readonly findingsExport?: FindingsExport;
  readonly notifications?: FindingNotifications;
}

/** Props of {@link Decommission}. */
export interface DecommissionProps {
  readonly phase: DecommissionPhase;
  /** Resource addresses (`type.name`, no instance key) this phase destroys, as the running estate wrote them. */
  readonly destroys: readonly string[];
  /** Resource addresses this phase removes from the state without destroying them (`removed`, destroy = false). */
  readonly forgets: readonly string[];
}

/**
 * What a decommission phase writes besides the estate's own resources: a `removed` block (destroy = false) per
 * forgotten resource, and the local `<path>_phase` (`{ phase, destroys, forgets }`) from which `npm run review`
 * knows the phase and which destroyed addresses are expected (modules/review/report.ts).
 */
export class Decommission extends Construct {
  /** The phase written. */
  public readonly phase: DecommissionPhase;
  /** What the phase destroys, sorted (see {@link DecommissionProps.destroys}). */
  public readonly destroys: readonly string[];
  /** What the phase forgets, sorted: one `removed` block each. */
  public readonly forgets: readonly string[];
  /** The `removed` blocks, one per forgotten resource. */
  public readonly removed: readonly RemovedBlock[];

  constructor(scope: Construct, id: string, props: DecommissionProps) {
    super(scope, id);
    this.phase = props.phase;
    this.destroys = [...props.destroys].sort();
    this.forgets = [...props.forgets].sort();
    this.removed = this.forgets.map((from) => new RemovedBlock(this, `Forget-${from}`, { from }));
    named(new TerraformLocal(this, "Phase", { phase: this.phase, destroys: this.destroys, forgets: this.forgets }));
  }
}

/** The resources below a construct. */
function resourcesOf(scope: Construct | undefined): TerraformResource[] {
  return scope ? scope.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource) : [];
}

/** Takes a construct out of the tree, so that nothing of it is synthesized; returns the addresses it held. */
function cut(c: Construct | undefined): string[] {
  if (!c) return [];
  const gone = resourcesOf(c).map(resourceAddress);
  c.node.scope!.node.tryRemoveChild(c.node.id);
  return gone;
}

/**
 * Turns a running estate (built from {@link decommissionBuildConfig}) into the "prepare" phase: auto-enable NONE (from
 * the build config), publishing destinations and notifications removed, organization members' overrides removed,
 * then the listed organization members and the management account disassociated (`invite = false`, ordered after the
 * organization configuration and its features, which they depend on). Bucket, key, detectors, designation and
 * invited members stay as they are.
 */
export function prepareEstate(scope: Construct, parts: DecommissionedParts): Decommission {
  const destroys = [
    ...cut(parts.notifications),
    ...cut(parts.findingsExport?.publishingDestinations),
    ...cut(parts.organization?.overrides),
  ];
  for (const member of [parts.organization?.members?.members, parts.organization?.managementAccount?.member]) {
    if (!member) continue;
    // Keep prevent_destroy and the plan-time precondition; stop ignoring `invite` so that false reaches Update.
    member.invite = false;
    member.lifecycle = { ...member.lifecycle, ignoreChanges: ["email"] };
  }
  return new Decommission(scope, "Decommission", { phase: "prepare", destroys, forgets: [] });
}

/**
 * Turns a running estate (built from {@link decommissionBuildConfig}, then prepared) into the "teardown" phase:
 * nothing of the estate stays in the configuration, so Terraform destroys what the state holds in the reverse order of
 * the dependencies it recorded; the findings export (bucket, key, their policies and settings, prefix marker, SIEM
 * reader and queue) and the malware-protection service-linked role leave the state through `removed` blocks instead.
 */
export function teardownEstate(scope: Construct, parts: DecommissionedParts): Decommission {
  // The state a teardown starts from is the prepared estate's (its Decommission record is not kept).
  cut(prepareEstate(new Construct(scope, "Prepared"), parts).node.scope);
  const forgets = [
    ...resourcesOf(parts.findingsExport).map(resourceAddress),
    ...(parts.organization?.malwareProtection ? [resourceAddress(parts.organization.malwareProtection.role)] : []),
  ];
  const everything = scope.node.children.flatMap((c) => resourcesOf(c).map(resourceAddress));
  for (const child of [...scope.node.children]) scope.node.tryRemoveChild(child.node.id);
  const destroys = everything.filter((a) => !forgets.includes(a));
  return new Decommission(scope, "Decommission", { phase: "teardown", destroys, forgets });
}

/** The config's decommission phase applied to a built estate (GuardDutyEstate or EstatePart); undefined when running. */
export function decommissionEstate(scope: Construct, parts: DecommissionedParts, phase: DecommissionPhase | undefined): Decommission | undefined {
  if (phase === "prepare") return prepareEstate(scope, parts);
  if (phase === "teardown") return teardownEstate(scope, parts);
  return undefined;
}
