import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { GuarddutyInviteAccepter } from "@cdktf/provider-aws/lib/guardduty-invite-accepter";
import { GuarddutyMember } from "@cdktf/provider-aws/lib/guardduty-member";
import { GuarddutyMemberDetectorFeature } from "@cdktf/provider-aws/lib/guardduty-member-detector-feature";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Token, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { byText } from "../topology/order";
import { planRegions, type ResolvedPlan } from "../config/estate-config";
import { eachKeyAttribute, expressionIterator, mapIterator, regionAccountProduct, regionIterator, regionMemberMap, regionMemberProduct } from "../topology/for-each";
import { EnabledRegionsCheck } from "../topology/enabled-regions-check";
import { providerInStackProblems } from "../topology/topology";
import { accountIdPropProblems, literalAccountsProblems, PropProblems, regionsProblems } from "../topology/validation";
import { memberFeatureArgs, planConstructId } from "./protection-plans";

/**
 * One account outside the organization. The account ID is literal (it names Terraform addresses); email and message
 * may be tokens, at the price of a larger document (the invitations' for_each is then a literal map of regions x
 * members instead of a `setproduct` expression).
 */
export interface InvitedMember {
  readonly accountId: string;
  /** The account's root user email. */
  readonly email: string;
  /** The member account's own provider: its detector and the acceptance are created from its side. */
  readonly provider: AwsProvider;
  /** Text of the invitation. @default - none */
  readonly invitationMessage?: string;
  /** Skip GuardDuty's invitation email. @default true - the member accepts through Terraform */
  readonly disableEmailNotification?: boolean;
}

/** Props of {@link InvitedMembers}. */
export interface InvitedMembersProps {
  /** The delegated administrator's provider: it sends the invitations. */
  readonly administratorProvider: AwsProvider;
  readonly administratorAccountId: string;
  /**
   * The administrator detector, for_each keyed by region: the resource (AdministratorDetectors.detector) or the
   * data source (ExistingAdministratorDetectors.detector).
   */
  readonly administratorDetector: { readonly fqn: string };
  readonly regions: readonly string[];
  readonly members: readonly InvitedMember[];
  /** What must exist before invitations go out. @default [] */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * The estate's protection plans, set on each member's detector by the administrator once the member has accepted.
   * @default [] - members keep GuardDuty's defaults
   */
  readonly protectionPlans?: readonly ResolvedPlan[];
}

/**
 * Accounts outside the organization: the administrator invites each (`aws_guardduty_member`, one resource
 * for_each over `"<region>/<account>"`, computed by Terraform as `setproduct(regions, members)`), and each member,
 * from its own account, creates its detector and accepts (`aws_guardduty_invite_accepter`, after the invitation).
 * No finding publishing frequency is set on member detectors: the administrator's is imposed. With `protectionPlans`,
 * the administrator then sets each plan on every member (`aws_guardduty_member_detector_feature`, one per plan keyed
 * `"<region>/<account>"`, after every acceptance: UpdateMemberDetectors refuses an account that is not an associated
 * member yet); without them an invited member's detector runs with GuardDuty's defaults, not the estate's plans.
 */
export class InvitedMembers extends Construct {
  /** The invitations, keyed `"<region>/<account>"`. */
  public readonly invitations: GuarddutyMember;
  /** Each member's own detectors (for_each over regions), by account ID. */
  public readonly memberDetectors: ReadonlyMap<string, GuarddutyDetector>;
  /** Each member's acceptances (for_each over regions), by account ID. */
  public readonly accepters: ReadonlyMap<string, GuarddutyInviteAccepter>;
  /** The estate's plans on the members, one resource per plan keyed `"<region>/<account>"`. */
  public readonly features: readonly GuarddutyMemberDetectorFeature[];

  constructor(scope: Construct, id: string, props: InvitedMembersProps) {
    super(scope, id);
    const p = new PropProblems(this);
    p.add(providerInStackProblems(this, props.administratorProvider, "administratorProvider"));
    p.add(accountIdPropProblems("administratorAccountId", props.administratorAccountId));
    p.add(regionsProblems("regions", props.regions));
    if (props.members.length === 0) p.add("members", [], "at least one invited member", "members must list at least one invited member; got []");
    p.add(literalAccountsProblems("members", props.members.map((m) => m.accountId)));
    for (const m of props.members) {
      if (m.accountId === props.administratorAccountId) {
        p.add("members", m.accountId, "accounts other than the administrator", `members must not include the administrator account ${m.accountId}`);
      }
      p.add(providerInStackProblems(this, m.provider, `members[${m.accountId}].provider`));
    }
    p.throwIfAny();

    // Regions x members as a Terraform expression over two short lists, so the document grows with the members only;
    // written out as a literal map when an email or message is a token (a Terraform expression of its own).
    const members = props.members.map((m) => ({
      account_id: m.accountId,
      email: m.email,
      invitation_message: m.invitationMessage ?? null,
      disable_email_notification: m.disableEmailNotification ?? true,
    }));
    const tokens = members.some((m) => Token.isUnresolved(m.email) || (m.invitation_message !== null && Token.isUnresolved(m.invitation_message)));
    const it = tokens
      ? mapIterator(regionMemberMap(props.regions, members))
      : expressionIterator(regionMemberProduct(props.regions, members));
    this.invitations = named(
      new GuarddutyMember(this, "Invitation", {
        provider: props.administratorProvider,
        forEach: it,
        region: it.getString("region"),
        detectorId: eachKeyAttribute(props.administratorDetector.fqn, "id", "each.value.region"),
        accountId: it.getString("account_id"),
        email: it.getString("email"),
        invitationMessage: it.getString("invitation_message"),
        disableEmailNotification: it.getBoolean("disable_email_notification"),
        invite: true,
        dependsOn: props.dependsOn,
      }),
    );

    const detectors = new Map<string, GuarddutyDetector>();
    const accepters = new Map<string, GuarddutyInviteAccepter>();
    for (const m of [...props.members].sort((a, b) => byText(a.accountId, b.accountId))) {
      const member = new Construct(this, `Member-${m.accountId}`);
      const regions = regionIterator(props.regions);
      new EnabledRegionsCheck(member, "Regions", { provider: m.provider, accountId: m.accountId, role: "invited member", regions: props.regions });
      const detector = named(
        new GuarddutyDetector(member, "Detector", { provider: m.provider, forEach: regions, region: regions.key, enable: true }),
      );
      const accepting = regionIterator(props.regions);
      accepters.set(
        m.accountId,
        named(
          new GuarddutyInviteAccepter(member, "Accepter", {
            provider: m.provider,
            forEach: accepting,
            region: accepting.key,
            detectorId: eachKeyAttribute(detector.fqn, "id"),
            masterAccountId: props.administratorAccountId,
            dependsOn: [this.invitations],
          }),
        ),
      );
      detectors.set(m.accountId, detector);
    }
    this.memberDetectors = detectors;
    this.accepters = accepters;

    const accountIds = props.members.map((m) => m.accountId);
    this.features = (props.protectionPlans ?? []).filter((plan) => planRegions(plan, props.regions).length > 0).map((plan) => {
      const it = expressionIterator(regionAccountProduct(planRegions(plan, props.regions), accountIds));
      return named(
        new GuarddutyMemberDetectorFeature(this, `Feature${planConstructId(plan.name)}`, {
          provider: props.administratorProvider,
          forEach: it,
          region: it.getString("region"),
          accountId: it.getString("account_id"),
          detectorId: eachKeyAttribute(props.administratorDetector.fqn, "id", "each.value.region"),
          ...memberFeatureArgs(plan.name, plan.enabled, plan),
          dependsOn: [...accepters.values()],
        }),
      );
    });
  }
}
