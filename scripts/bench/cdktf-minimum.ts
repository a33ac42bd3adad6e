/**
 * "cdktf minimum" in the benchmark (information, no target): the least any CDKTF app pays, one stack with one AWS
 * provider and one resource, synthesized by `app.synth()`. Node start, loading cdktf and a provider class, one
 * synthesis: what ours pays before any of the estate's work. `node cdktf-minimum.js <outdir>`
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { App, TerraformStack } from "cdktf";

const app = new App({ outdir: process.argv[2] });
const stack = new TerraformStack(app, "minimum");
const provider = new AwsProvider(stack, "aws", { region: "eu-west-1" });
new GuarddutyDetector(stack, "detector", { provider, enable: true });
app.synth();
