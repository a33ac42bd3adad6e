/**
 * `npm run review [-- --plan plan.json] [--dir cdktf.out] [--out review.md]`: `guardduty-cdktf review` (modules/cli),
 * which writes and prints the review report of the synthesized stacks (no Terraform needed). With a plan
 * (`terraform show -json tfplan > plan.json`), it adds the plan's counts and exits 2 when the plan destroys or
 * replaces a detector, the findings bucket or the key.
 */
import { runCli } from "../modules/cli/cli";

process.exitCode = runCli(["review", ...process.argv.slice(2)]);
