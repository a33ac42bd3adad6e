import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import type { EstateConfig } from "../config/estate-config";
import { configureBackend } from "../topology/backend";
import { assertSameRuntime } from "../topology/runtime";
import type { Topology } from "../topology/topology";
import { EstatePart } from "./estate-part";
import { stackOrder } from "./decommission-order";
import { EstatePartStack } from "./estate-part-stack";
import { estateTopology } from "./estate-topology";
import { GuardDutyEstate } from "./guardduty-estate";
import { stackBackend, stackLayout, type EstateStackPlan } from "./stack-layout";

/**
 * The estate's stacks: its backend from the config, one provider per account it uses, and the estate. This is what the
 * bundled app deploys; in an existing project, use GuardDutyEstate in your own stack instead.
 *
 * Unsplit (the default), this one stack, named after the estate, holds everything. When the config's `stacks`
 * section splits the estate, this is its main stack (`<name>-home` when split by region, else `<name>`) and the
 * other stacks of `stackLayout(config)` are created beside it, in the same scope, each ordered after the stacks it
 * needs with `addDependency` (ordering only: no stack reads another's state).
 */
export class EstateStack extends TerraformStack {
  public readonly config: EstateConfig;
  public readonly topology: Topology;
  /** What this stack holds. */
  public readonly plan: EstateStackPlan;
  /** The whole estate; absent when the config splits it (see `part`). */
  public readonly estate?: GuardDutyEstate;
  /** This stack's share of a split estate; absent when not split. */
  public readonly part?: EstatePart;
  /** The other stacks of a split estate, beside this one; empty when not split. */
  public readonly siblings: readonly EstatePartStack[];

  constructor(scope: Construct, config: EstateConfig) {
    assertSameRuntime(scope);
    const [plan, ...others] = stackLayout(config);
    super(scope, plan.name);
    this.config = config;
    this.plan = plan;
    configureBackend(this, stackBackend(config, plan.name));
    this.topology = estateTopology(this, config, plan.accountIds);
    if (others.length === 0) this.estate = new GuardDutyEstate(this, "Estate", { config, topology: this.topology });
    else this.part = new EstatePart(this, "Estate", { config, topology: this.topology, plan });
    this.siblings = others.map((p) => new EstatePartStack(scope, config, p));

    const byName = new Map<string, TerraformStack>([[plan.name, this], ...this.siblings.map((s) => [s.plan.name, s] as const)]);
    // A decommission teardown destroys in the reverse order (decommission-order.ts).
    const order = stackOrder([plan, ...others], config.decommission);
    for (const [stack, stackPlan] of [[this, plan] as const, ...this.siblings.map((s) => [s, s.plan] as const)]) {
      for (const name of order[stackPlan.name]) stack.addDependency(byName.get(name)!);
    }
  }

  /** Every stack of the estate, this one first. */
  public get stacks(): readonly TerraformStack[] {
    return [this, ...this.siblings];
  }
}
