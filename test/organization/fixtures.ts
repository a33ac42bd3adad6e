import { App, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ACCOUNTS, type SynthDoc } from "../helpers";

/** A stack with the management, security and one invited member account's providers. */
export function orgStack() {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, "org");
  const provider = (alias: string, accountId: string) =>
    new AwsProvider(stack, alias, { alias, region: "eu-west-1", allowedAccountIds: [accountId] });
  return {
    app,
    stack,
    management: provider("management", ACCOUNTS.management),
    security: provider("security", ACCOUNTS.security),
    member: provider("member-444455556666", ACCOUNTS.invited),
    synth: (): SynthDoc => JSON.parse(Testing.synth(stack)),
  };
}

export const REGIONS = ["eu-west-1", "us-east-1", "me-south-1"];
