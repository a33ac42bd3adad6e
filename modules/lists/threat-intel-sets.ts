import { GuarddutyThreatintelset } from "@cdktf/provider-aws/lib/guardduty-threatintelset";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { regionalListArguments, type RegionalListsProps } from "./regional-lists";

/** Props of {@link ThreatIntelSets}. */
export type ThreatIntelSetsProps = RegionalListsProps;

/**
 * GuardDuty threat lists (ThreatIntelSets) of the administrator, in every region: GuardDuty generates findings for
 * activity involving their addresses, in the administrator and every member. One `aws_guardduty_threatintelset`,
 * for_each keyed `<region>/<name>`: `aws_guardduty_threatintelset.<path>_threat_intel_set["eu-west-1/feed"]`.
 *
 * AWS allows six threat lists per account and Region (250,000 entries each): more than six are refused.
 * Provider behaviour (internal/service/guardduty/threatintelset.go): as TrustedIpLists' ipset.go.
 *
 * @example
 * new ThreatIntelSets(this, "Threat", { provider: security, detectors,
 *   lists: [{ name: "feed", format: "STIX", location: "s3://acme-intel/feeds/stix.xml" }] });
 */
export class ThreatIntelSets extends Construct {
  /** One resource, for_each over `<region>/<name>`. */
  public readonly threatIntelSet: GuarddutyThreatintelset;

  constructor(scope: Construct, id: string, props: ThreatIntelSetsProps) {
    super(scope, id);
    this.threatIntelSet = named(new GuarddutyThreatintelset(this, "ThreatIntelSet", regionalListArguments(this, "threat", props)));
  }
}
