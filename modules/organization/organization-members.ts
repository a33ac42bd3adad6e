import { GuarddutyMember } from "@cdktf/provider-aws/lib/guardduty-member";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Token, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { eachKeyAttribute, expressionIterator, regionMemberProduct } from "../topology/for-each";
import { providerInStackProblems } from "../topology/topology";
import { literalAccountsProblems, PropProblems, regionsProblems } from "../topology/validation";
import { MEMBER_LIFECYCLE } from "./member-lifecycle";
import type { OrganizationLookup } from "./organization-lookup";

/** One organization account to enrol as a member of the administrator. */
export interface OrganizationMember {
  readonly accountId: string;
  /** The account's root email. @default - read from AWS Organizations at plan time */
  readonly email?: string;
}

/** Props of {@link OrganizationMembers}. */
export interface OrganizationMembersProps {
  /** The delegated administrator's provider: it creates the members. */
  readonly provider: AwsProvider;
  /** The administrator detector, for_each keyed by region. */
  readonly administratorDetector: { readonly fqn: string };
  readonly regions: readonly string[];
  readonly members: readonly OrganizationMember[];
  /** Where emails not given come from, and the check that every account belongs to the organization. */
  readonly organization: OrganizationLookup;
  /** What must exist first: the organization configuration and its features (CreateMembers applies them). @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Enrols organization accounts as members of the delegated administrator now, in every region
 * (`aws_guardduty_member` without invitation, keyed `"<region>/<account>"`, computed by Terraform as
 * `setproduct(regions, accounts)`), as AWS's reference solution does with CreateMembers: auto-enable ALL reaches
 * existing accounts only asynchronously ("up to 24 hours"), and until then every per-account override
 * (`UpdateMemberDetectors`) is refused with "is not an associated member". CreateMembers applies the organization's
 * auto-enable settings, so this is ordered after the organization configuration and its features.
 *
 * Lifecycle (see {@link MEMBER_LIFECYCLE}): `invite` and `email` are ignored after creation (the provider reads
 * `invite = true` back for an enabled member, and updating it to false would call DisassociateMembers), and the
 * members are `prevent_destroy`: removing an account from the list stops the plan instead of calling DeleteMembers
 * (which AWS refuses under auto-enable ALL, and which would stop monitoring the account elsewhere). To stop managing
 * an account, remove its instances from the state (`terraform state rm`), as the README shows.
 */
export class OrganizationMembers extends Construct {
  /** The members, keyed `"<region>/<account>"`. */
  public readonly members: GuarddutyMember;

  constructor(scope: Construct, id: string, props: OrganizationMembersProps) {
    super(scope, id);
    const p = new PropProblems(this);
    p.add(providerInStackProblems(this, props.provider));
    p.add(regionsProblems("regions", props.regions));
    if (props.members.length === 0) p.add("members", [], "at least one organization account", "members must list at least one organization account; got []");
    p.add(literalAccountsProblems("members", props.members.map((m) => m.accountId)));
    for (const m of props.members) {
      if (m.email !== undefined && Token.isUnresolved(m.email)) {
        p.add(`members[${m.accountId}].email`, m.email, "literal text",
          `members[${m.accountId}].email must be literal text (it is written into the for_each expression); got a token`);
      }
    }
    p.throwIfAny();
    const it = expressionIterator(regionMemberProduct(props.regions, props.members.map((m) => ({ account_id: m.accountId, email: m.email ?? null }))));
    const org = props.organization;
    this.members = named(
      new GuarddutyMember(this, "Member", {
        provider: props.provider,
        forEach: it,
        region: it.getString("region"),
        detectorId: eachKeyAttribute(props.administratorDetector.fqn, "id", "each.value.region"),
        accountId: it.getString("account_id"),
        email: `\${each.value.email != null ? each.value.email : ${org.emailOf("each.value.account_id")}}`,
        dependsOn: props.dependsOn,
        lifecycle: {
          ...MEMBER_LIFECYCLE,
          precondition: [
            {
              condition: `\${${org.hasAccount("each.value.account_id")}}`,
              errorMessage:
                "organizationMembers lists account ${each.value.account_id}, which is not an account of this AWS organization " +
                "(read from the management account). Nothing was changed. Fix the account ID, or invite the account as an invitedMembers entry.",
            },
          ],
        },
      }),
    );
  }
}
