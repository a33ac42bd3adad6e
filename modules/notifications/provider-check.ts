import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";

/**
 * Fails unless `provider` belongs to the stack of `scope`: a provider of another stack is accepted silently by cdktf
 * and would place resources in the wrong account or region.
 */
export function assertProviderInStack(scope: Construct, provider: AwsProvider, property = "provider"): void {
  const own = TerraformStack.of(scope);
  const theirs = TerraformStack.of(provider);
  if (own !== theirs) {
    throw new Error(`${property} must belong to the stack of ${scope.node.path} (${own.node.id}); got a provider of stack ${theirs.node.id}`);
  }
}
