/**
 * `npm run review [-- --plan plan.json] [--dir cdktf.out] [--out review.md]`: writes and prints the review report of
 * the synthesized stacks (no Terraform needed). With a plan (`terraform show -json tfplan > plan.json`), it adds
 * the plan's counts and exits 2 when the plan destroys or replaces a detector, the findings bucket or the key.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import { buildReview } from "../modules/review/report";
import { readSynthesized } from "../modules/review/summary";

function option(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function main(): number {
  const dir = option("dir", process.env.CDKTF_OUTDIR || "cdktf.out")!;
  const out = option("out", "review.md")!;
  const planFile = option("plan");
  if (!existsSync(`${dir}/manifest.json`)) {
    process.stderr.write(`review: no synthesized stacks in ${dir}/ (manifest.json missing): run \`npm run synth\` first\n`);
    return 1;
  }
  const plan = planFile ? JSON.parse(readFileSync(planFile, "utf8")) : undefined;
  const review = buildReview(readSynthesized(dir), plan);
  writeFileSync(out, review.markdown);
  process.stdout.write(`${review.markdown}\n(written to ${out})\n`);
  if (review.plan && review.plan.dangers.length > 0) {
    process.stderr.write(`review: REFUSED: the plan destroys or replaces ${review.plan.dangers.join(", ")}\n`);
    return 2;
  }
  return 0;
}

process.exitCode = main();
