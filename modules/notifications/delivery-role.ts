import { Construct } from "constructs";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { named } from "../topology/addresses";
import { providerInStackProblems } from "../topology/topology";
import { PropProblems } from "../topology/validation";
import { DeliveryGrant, deliveryPolicy, eventBridgeTrustPolicy } from "./role-policies";
import { jsonDocument } from "../topology/hcl-synth";

/** Props of `DeliveryRole`. */
export interface DeliveryRoleProps {
  /** Provider of the administrator account. */
  readonly provider: AwsProvider;
  readonly roleName: string;
  /** The administrator account: only its EventBridge may assume the role. */
  readonly accountId: string;
  /** What the role may do, one grant per webhook or role-based target. */
  readonly grants: readonly DeliveryGrant[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The IAM role EventBridge assumes to call webhooks (API destinations) and role-based targets (Step Functions,
 * Kinesis, Firehose, event buses): each grant names one action set on one exact ARN.
 *
 * Terraform: `aws_iam_role.<path>_role`, `aws_iam_role_policy.<path>_policy`.
 */
export class DeliveryRole extends Construct {
  public readonly role: IamRole;
  public readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: DeliveryRoleProps) {
    super(scope, id);
    const p = new PropProblems(this).add(providerInStackProblems(this, props.provider));
    if (props.grants.length === 0) p.add("grants", [], "at least one grant", "the delivery role needs at least one grant; got none");
    p.throwIfAny();
    this.role = named(
      new IamRole(this, "Role", {
        provider: props.provider,
        name: props.roleName,
        description: "EventBridge delivery of GuardDuty finding notifications to webhooks and targets",
        assumeRolePolicy: jsonDocument(eventBridgeTrustPolicy(props.accountId)),
        tags: { ...props.tags },
      }),
    );
    this.policy = named(
      new IamRolePolicy(this, "Policy", {
        provider: props.provider,
        role: this.role.name,
        name: "deliver-notifications",
        policy: jsonDocument(deliveryPolicy(props.grants)),
      }),
    );
  }
}
