/**
 * The bundled app: synthesizes the estate of examples/organization/estate.json, or of the file named by the
 * environment variable GUARDDUTY_CONFIG, into cdktf.out/ and prints a summary. A bad config is refused before
 * anything is written: every problem is listed and the exit code is 1.
 */
import { App } from "cdktf";
import { EstateConfigError } from "./modules/config/load";
import { formatSummary, readSynthesized, summarizeStack } from "./modules/review/summary";
import { build } from "./examples/organization";

function main(): number {
  const app = new App();
  try {
    build(app);
  } catch (e) {
    if (e instanceof EstateConfigError) {
      process.stderr.write(`guardduty-cdktf: refusing ${e.message}\nNothing was written.\n`);
      return 1;
    }
    throw e;
  }
  app.synth();
  const summaries = readSynthesized(app.outdir).map(({ stack, doc }) => summarizeStack(stack, doc));
  process.stdout.write(`${formatSummary(summaries, app.outdir)}\n`);
  return 0;
}

process.exitCode = main();
