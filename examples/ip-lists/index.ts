/**
 * GuardDuty trusted IP lists and threat lists for an organization estate described in examples/ip-lists/estate.json:
 * the office's egress addresses (a local TXT file, uploaded to the findings bucket, KMS-encrypted) as the trusted IP
 * list, and a STIX feed already in S3 as a threat list, in the administrator account in every region.
 *
 * `npx tsx examples/ip-lists/index.ts`
 */
import * as path from "path";
import { App } from "cdktf";
import { EstateStack, loadEstate, type EstateConfig } from "../../modules";

/** The example's estate file (its list file is read relative to it). */
export const ESTATE_FILE = path.join(__dirname, "estate.json");

/** Adds the estate of `config` (a resolved config or the path of an estate file) to `app` as stack `guardduty-lists`. */
export function build(app: App, config: EstateConfig | string = ESTATE_FILE): EstateStack {
  return new EstateStack(app, typeof config === "string" ? loadEstate(config) : config);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
