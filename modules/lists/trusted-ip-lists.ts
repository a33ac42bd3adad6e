import { GuarddutyIpset } from "@cdktf/provider-aws/lib/guardduty-ipset";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { regionalListArguments, type RegionalListsProps } from "./regional-lists";

/** Props of {@link TrustedIpLists}. */
export type TrustedIpListsProps = RegionalListsProps;

/**
 * GuardDuty trusted IP lists (IPSets) of the administrator, in every region: GuardDuty generates no VPC Flow Log or
 * CloudTrail finding for their addresses, in the administrator and every member. One `aws_guardduty_ipset`, for_each
 * keyed `<region>/<name>`: `aws_guardduty_ipset.<path>_ip_set["eu-west-1/office"]`.
 *
 * AWS allows one trusted IP list per account and Region (2,000 entries): more than one list is refused.
 * Provider behaviour (hashicorp/terraform-provider-aws internal/service/guardduty/ipset.go): Create waits for ACTIVE
 * or INACTIVE; Read stores GetIPSet's `location` as returned and `activate` as "status is ACTIVE"; a new `location`,
 * `name` or `activate` is an UpdateIPSet in place, a new `format` or detector a replacement.
 *
 * @example
 * new TrustedIpLists(this, "Trusted", { provider: security, detectors: [{ region: "eu-west-1", detectorId }],
 *   lists: [{ name: "office", format: "TXT", location: "https://s3.amazonaws.com/acme-lists/office.txt" }] });
 */
export class TrustedIpLists extends Construct {
  /** One resource, for_each over `<region>/<name>`. */
  public readonly ipSet: GuarddutyIpset;

  constructor(scope: Construct, id: string, props: TrustedIpListsProps) {
    super(scope, id);
    this.ipSet = named(new GuarddutyIpset(this, "IpSet", regionalListArguments(this, "trusted", props)));
  }
}
