/**
 * The bundled example: a whole organization from examples/organization/estate.json (or the file named by
 * GUARDDUTY_CONFIG). `main.ts` runs this; `npx tsx examples/organization/index.ts` does too.
 */
import * as path from "path";
import { App } from "cdktf";
import type { EstateConfig } from "../../modules/config/estate-config";
import { loadEstate } from "../../modules/config/load";
import { EstateStack } from "../../modules/estate/estate-stack";

/** The example's estate file. */
export const EXAMPLE_CONFIG = path.join(__dirname, "estate.json");

/**
 * Adds the estate of `config` (a resolved config, or the path of an estate file) to `app`.
 * Throws EstateConfigError listing every problem of a bad file.
 */
export function build(app: App, config: EstateConfig | string = process.env.GUARDDUTY_CONFIG || EXAMPLE_CONFIG): EstateStack {
  return new EstateStack(app, typeof config === "string" ? loadEstate(config) : config);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
