/**
 * Decommissioning the bundled organization estate (README "Decommissioning"): examples/decommission/estate.json is
 * examples/organization/estate.json with one line added, `"decommission": "prepare"`. Applied against the state the
 * running estate left, its plan sets auto-enable to NONE, disassociates the listed members and removes the publishing
 * destinations and notifications; the next plan, `"decommission": "teardown"`, destroys the members, designations and
 * detectors and forgets the findings bucket and key (`removed` blocks with `destroy = false`): the findings stay.
 *
 * `npx tsx examples/decommission/index.ts`; then change the file's line to `"decommission": "teardown"` and run it again.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { App } from "cdktf";
import { EstateStack, parseEstate, type DecommissionPhase } from "../../modules";

/** The example's estate file. */
export const ESTATE_FILE = path.join(__dirname, "estate.json");

/**
 * Adds the estate of examples/decommission/estate.json to `app`, in `phase` (the file's own, "prepare", unless given):
 * stack `guardduty`, the bundled example's stack, so each phase plans against the state the running estate left.
 */
export function build(app: App, phase?: DecommissionPhase): EstateStack {
  const raw = JSON.parse(readFileSync(ESTATE_FILE, "utf8")) as Record<string, unknown>;
  return new EstateStack(app, parseEstate(phase ? { ...raw, decommission: phase } : raw, ESTATE_FILE, { baseDir: __dirname }));
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
