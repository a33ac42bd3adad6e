/**
 * The bundled app: synthesizes the estate of examples/organization/estate.json, or of the file named by the
 * environment variable GUARDDUTY_CONFIG, into cdktf.out/ and prints a summary. A bad config is refused before
 * anything is written: every problem is listed and the exit code is 1.
 */
import { App } from "cdktf";
import type { EstateConfig } from "./modules/config/estate-config";
import { EstateConfigError, loadEstate } from "./modules/config/load";
import { formatSummary, readSynthesized, summarizeStack } from "./modules/review/summary";
import { build, EXAMPLE_CONFIG } from "./examples/organization";

function main(): number {
  let config: EstateConfig;
  try {
    config = loadEstate(process.env.GUARDDUTY_CONFIG || EXAMPLE_CONFIG);
  } catch (e) {
    if (e instanceof EstateConfigError) {
      process.stderr.write(`guardduty-cdktf: refusing ${e.message}\nNothing was written.\n`);
      return 1;
    }
    throw e;
  }
  for (const warning of config.warnings) process.stderr.write(`guardduty-cdktf: warning: ${warning}\n`);
  const app = new App(); // creates the output directory: only once the config is known to be good
  build(app, config);
  app.synth();
  const summaries = readSynthesized(app.outdir).map(({ stack, doc }) => summarizeStack(stack, doc));
  process.stdout.write(`${formatSummary(summaries, app.outdir)}\n`);
  return 0;
}

process.exitCode = main();
