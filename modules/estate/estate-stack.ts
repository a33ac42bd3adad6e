import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import type { EstateConfig } from "../config/estate-config";
import { configureBackend } from "../topology/backend";
import type { Topology } from "../topology/topology";
import { estateTopology } from "./estate-topology";
import { GuardDutyEstate } from "./guardduty-estate";

/**
 * A stack holding a whole estate: its backend from the config, one provider per account, and the estate.
 * This is what the bundled app deploys; in an existing project, use GuardDutyEstate in your own stack instead.
 */
export class EstateStack extends TerraformStack {
  public readonly config: EstateConfig;
  public readonly topology: Topology;
  public readonly estate: GuardDutyEstate;

  constructor(scope: Construct, config: EstateConfig) {
    super(scope, config.name);
    this.config = config;
    configureBackend(this, config.backend);
    this.topology = estateTopology(this, config);
    this.estate = new GuardDutyEstate(this, "Estate", { config, topology: this.topology });
  }
}
