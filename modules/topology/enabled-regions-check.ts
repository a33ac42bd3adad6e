import { DataAwsRegions } from "@cdktf/provider-aws/lib/data-aws-regions";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import { named } from "./addresses";
import { hclLiteral } from "./hcl";
import { byText } from "./order";
import { isOptInRegion } from "./regions";
import { providerInStackProblems } from "./topology";
import { PropProblems } from "./validation";

/** Props of {@link EnabledRegionsCheck}. */
export interface EnabledRegionsCheckProps {
  /** The provider of the account to check. */
  readonly provider: AwsProvider;
  readonly accountId: string;
  /** What the account is to the estate, for the message: `security`, `management`, `invited member`. */
  readonly role: string;
  /** Every region the estate works in for this account; only the opt-in ones are checked. */
  readonly regions: readonly string[];
}

/**
 * Stops `terraform plan` before anything changes when an opt-in region (e.g. me-south-1) the estate uses is not
 * enabled in an account, with a message naming the account, the regions and the command that enables them. It reads
 * the `aws_regions` data source (EC2 DescribeRegions without AllRegions: the regions enabled for the calling account)
 * with a postcondition; without it the apply would fail halfway, at the first resource in that region. Nothing is
 * written when no region is opt-in. Enabling a region is a person's decision (it can take minutes to hours), so it
 * is not done here.
 *
 * @example new EnabledRegionsCheck(stack, "Regions", { provider: security, accountId: "222222222222", role: "security", regions });
 */
export class EnabledRegionsCheck extends Construct {
  /** The data source; absent when no region is opt-in. */
  public readonly regionsData?: DataAwsRegions;
  /** The opt-in regions checked, sorted. */
  public readonly optInRegions: readonly string[];

  constructor(scope: Construct, id: string, props: EnabledRegionsCheckProps) {
    super(scope, id);
    new PropProblems(this).add(providerInStackProblems(this, props.provider)).throwIfAny();
    this.optInRegions = [...new Set(props.regions.filter(isOptInRegion))].sort(byText);
    if (this.optInRegions.length === 0) return;
    const wanted = hclLiteral(this.optInRegions);
    const commands = this.optInRegions
      // The management account enables its own regions without --account-id (the API refuses its own ID there).
      .map((r) => `aws account enable-region${props.role === "management" ? "" : ` --account-id ${props.accountId}`} --region-name ${r}`)
      .join("; ");
    this.regionsData = named(
      new DataAwsRegions(this, "Enabled", {
        provider: props.provider,
        lifecycle: {
          postcondition: [
            {
              condition: `\${length(setsubtract(${wanted}, self.names)) == 0}`,
              errorMessage:
                `The ${props.role} account ${props.accountId} has not enabled the opt-in region(s) ` +
                `\${join(", ", sort(setsubtract(${wanted}, self.names)))}, which the GuardDuty estate uses. Nothing was changed. ` +
                `Enable them (from the management account: ${commands}), wait until ` +
                `\`aws account get-region-opt-status\` says ENABLED, then plan again.`,
            },
          ],
        },
      }),
    );
  }
}
