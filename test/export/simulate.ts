/**
 * A thin wrapper over @cloud-copilot/iam-simulate (AGPL: imported from test/ only) for the export policies.
 *
 * It refuses to answer when the simulator reports validation errors or drops a context key it does not know for
 * the action: a case that silently lost `aws:SourceArn` would prove nothing.
 */
import { anonymousPrincipal, runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import type { PolicyDocument } from "../../modules/export/policy-document";

export { anonymousPrincipal };

/** The decision of one request. */
export type Decision = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/** One request to evaluate. */
export interface Request {
  /** A principal ARN, a service principal (`guardduty.amazonaws.com`), a federated provider, or anonymous. */
  readonly principal: Simulation["request"]["principal"];
  readonly action: string;
  readonly resource: string;
  /** Account owning the resource. */
  readonly resourceAccount: string;
  /** Request context; `aws:SecureTransport` defaults to `"true"`. */
  readonly context?: Record<string, string | string[]>;
  /** The caller's identity policy, if any. */
  readonly identityPolicy?: PolicyDocument;
  /** The resource's policy (bucket, key, queue or trust policy). */
  readonly resourcePolicy?: PolicyDocument;
}

async function simulate(req: Request) {
  const simulation: Simulation = {
    request: {
      principal: req.principal,
      action: req.action,
      resource: { resource: req.resource, accountId: req.resourceAccount },
      contextVariables: { "aws:SecureTransport": "true", ...(req.context ?? {}) },
    },
    identityPolicies: req.identityPolicy ? [{ name: "identity", policy: req.identityPolicy }] : [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: req.resourcePolicy,
  };
  const result = await runSimulation(simulation, {});
  if (result.resultType === "error") {
    throw new Error(`simulation rejected ${req.action}: ${JSON.stringify(result.errors)}`);
  }
  if (result.resultType !== "single") {
    throw new Error(`expected a single-resource simulation for ${req.resource}; got ${result.resultType}`);
  }
  const ignored = result.result.ignoredContextKeys ?? [];
  if (ignored.length > 0) {
    throw new Error(`simulator ignored context keys ${ignored.join(", ")} for ${req.action}: the case would prove nothing`);
  }
  return result;
}

/** The overall decision of AWS for a request (identity, resource, SCP and RCP evaluation). */
export async function decide(req: Request): Promise<Decision> {
  return (await simulate(req)).overallResult as Decision;
}

/**
 * The decision of the resource policy alone. Used for trust policies of `AssumeRoleWithWebIdentity`, where the
 * caller is an external identity with no identity policy and the trust policy is the whole decision.
 */
export async function decideByResourcePolicy(req: Request): Promise<string> {
  const analysis = (await simulate(req)).result.analysis;
  return analysis.resourceAnalysis?.result ?? "NotEvaluated";
}
