import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import type { EstateConfig } from "../config/estate-config";
import { configureBackend } from "../topology/backend";
import { assertSameRuntime } from "../topology/runtime";
import type { Topology } from "../topology/topology";
import { EstatePart } from "./estate-part";
import { estateTopology } from "./estate-topology";
import { stackBackend, type EstateStackPlan } from "./stack-layout";

/**
 * One stack of a split estate: its own backend (state beside the estate's, see stackBackend), a provider for each
 * account it uses and nothing else, and its part of the estate. EstateStack creates these beside itself; build them
 * yourself from `stackLayout(config)` only to place the stacks elsewhere.
 *
 * @example
 * const [, ...others] = stackLayout(config);
 * others.map((plan) => new EstatePartStack(app, config, plan));
 */
export class EstatePartStack extends TerraformStack {
  public readonly config: EstateConfig;
  public readonly plan: EstateStackPlan;
  public readonly topology: Topology;
  public readonly part: EstatePart;

  constructor(scope: Construct, config: EstateConfig, plan: EstateStackPlan) {
    assertSameRuntime(scope);
    super(scope, plan.name);
    this.config = config;
    this.plan = plan;
    configureBackend(this, stackBackend(config, plan.name));
    this.topology = estateTopology(this, config, plan.accountIds);
    this.part = new EstatePart(this, "Estate", { config, topology: this.topology, plan });
  }
}
