/**
 * Notifications that reach machines: HIGH and above to an AWS Lambda responder, CRITICAL to an on-call webhook and
 * HIGH unauthorized-access or crypto-mining findings to a SOAR webhook, for an organization estate described in
 * examples/lambda-webhook/estate.json. The webhooks' secret headers are REFERENCES (a Secrets Manager secret, an SSM
 * SecureString parameter) read by Terraform at plan time: no secret is in the file or in the synthesized JSON.
 *
 * `npx tsx examples/lambda-webhook/index.ts`
 */
import * as path from "path";
import { App } from "cdktf";
import { EstateStack, loadEstate, type EstateConfig } from "../../modules";

/** The example's estate file. */
export const ESTATE_FILE = path.join(__dirname, "estate.json");

/** Adds the estate of `config` (a resolved config or the path of an estate file) to `app` as stack `guardduty-alerting`. */
export function build(app: App, config: EstateConfig | string = ESTATE_FILE): EstateStack {
  return new EstateStack(app, typeof config === "string" ? loadEstate(config) : config);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
