/**
 * "ours" in the benchmark: what `npm run synth` does for an estate file, as one plain Node process on compiled
 * JavaScript (`node synth-entry.js <estate.json> <outdir>`), so the time measured is this project's, not tsx's
 * on-the-fly transpiling. It validates the file (a bad one is refused with every problem, exit 1, nothing written),
 * then synthesizes every stack of the estate into <outdir>. It prints one line instead of main.ts's summary, which
 * re-reads the output and is reporting, not synthesis.
 */
import { App } from "cdktf";
import type { EstateConfig } from "../../modules/config/estate-config";
import { EstateConfigError, loadEstate } from "../../modules/config/load";
import { EstateStack } from "../../modules/estate/estate-stack";

function main(): number {
  const [file, outdir] = process.argv.slice(2);
  if (!file || !outdir) {
    process.stderr.write("usage: node synth-entry.js <estate.json> <outdir>\n");
    return 2;
  }
  let config: EstateConfig;
  try {
    config = loadEstate(file);
  } catch (e) {
    if (!(e instanceof EstateConfigError)) throw e;
    process.stderr.write(`guardduty-cdktf: refusing ${e.message}\nNothing was written.\n`);
    return 1;
  }
  const app = new App({ outdir }); // creates the output directory: only once the config is known to be good
  const estate = new EstateStack(app, config);
  app.synth();
  process.stdout.write(`synthesized ${estate.stacks.length} stack(s) into ${outdir}\n`);
  return 0;
}

process.exitCode = main();
