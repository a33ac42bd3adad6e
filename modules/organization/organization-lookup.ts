import { DataAwsOrganizationsOrganization } from "@cdktf/provider-aws/lib/data-aws-organizations-organization";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { providerInStackProblems } from "../topology/topology";
import { PropProblems } from "../topology/validation";

/** Props of {@link OrganizationLookup}. */
export interface OrganizationLookupProps {
  /** The organization's management account provider: only it (or a delegated administrator) may list the accounts. */
  readonly managementProvider: AwsProvider;
}

/**
 * What AWS Organizations knows at plan time, read once with the `aws_organizations_organization` data source from the
 * management account (DescribeOrganization, ListAccounts, ListAWSServiceAccessForOrganization, ListRoots): the
 * accounts' root emails (which `aws_guardduty_member` requires), the management account's email, and the service
 * principals with trusted access. The methods return Terraform expressions for preconditions and arguments; the
 * organization itself is never managed here (it belongs to whoever runs AWS Organizations).
 */
export class OrganizationLookup extends Construct {
  public readonly organization: DataAwsOrganizationsOrganization;

  constructor(scope: Construct, id: string, props: OrganizationLookupProps) {
    super(scope, id);
    new PropProblems(this).add(providerInStackProblems(this, props.managementProvider, "managementProvider")).throwIfAny();
    this.organization = named(new DataAwsOrganizationsOrganization(this, "Organization", { provider: props.managementProvider }));
  }

  /** The data source's address, without `${}`: `data.aws_organizations_organization.<name>`. */
  private get address(): string {
    return `data.aws_organizations_organization.${this.organization.friendlyUniqueId}`;
  }

  /** HCL (no `${}`): the organization's account with ID `accountIdExpr` has an email, or "" when it is not in the organization. */
  public emailOf(accountIdExpr: string): string {
    return `lookup({ for a in ${this.address}.accounts : a.id => a.email }, ${accountIdExpr}, "")`;
  }

  /** HCL (no `${}`): true when `accountIdExpr` is an account of the organization. */
  public hasAccount(accountIdExpr: string): string {
    return `contains(${this.address}.accounts[*].id, ${accountIdExpr})`;
  }

  /** HCL (no `${}`): the management account's root email. */
  public get managementEmail(): string {
    return `${this.address}.master_account_email`;
  }

  /** HCL (no `${}`): true when AWS Organizations has trusted access enabled for `principal`. */
  public hasServiceAccess(principal: string): string {
    return `contains(${this.address}.aws_service_access_principals, ${JSON.stringify(principal)})`;
  }
}
