/**
 * The bundled example: a whole organization from examples/organization/estate.json (or the file named by
 * GUARDDUTY_CONFIG). `main.ts` runs this; `npx tsx examples/organization/index.ts` does too.
 */
import * as path from "path";
import { App } from "cdktf";
import { loadEstate } from "../../modules/config/load";
import { EstateStack } from "../../modules/estate/estate-stack";

/** The example's estate file. */
export const EXAMPLE_CONFIG = path.join(__dirname, "estate.json");

/** Adds the estate of `configFile` to `app`. Throws EstateConfigError listing every problem of a bad file. */
export function build(app: App, configFile: string = process.env.GUARDDUTY_CONFIG || EXAMPLE_CONFIG): EstateStack {
  return new EstateStack(app, loadEstate(configFile));
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
