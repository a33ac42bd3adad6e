/** Runs @cloud-copilot/iam-simulate (AGPL: imported only from test/) and returns its overall decision. */
import { runSimulation } from "@cloud-copilot/iam-simulate";

export type Decision = "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied";

/** One request to decide. */
export interface Request {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount: string;
  readonly context?: Record<string, string | string[]>;
  readonly identityPolicy?: unknown;
  readonly resourcePolicy?: unknown;
}

export async function decide(r: Request): Promise<Decision> {
  const result = await runSimulation(
    {
      request: {
        principal: r.principal,
        action: r.action,
        resource: { resource: r.resource, accountId: r.resourceAccount },
        contextVariables: { "aws:SecureTransport": "true", ...r.context },
      },
      identityPolicies: r.identityPolicy ? [{ name: "identity", policy: r.identityPolicy }] : [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: r.resourcePolicy,
    },
    {},
  );
  if (result.resultType === "error") throw new Error(`simulation error: ${JSON.stringify(result.errors)}`);
  return result.overallResult as Decision;
}
