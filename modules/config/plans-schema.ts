/**
 * The protection plans of the estate file: which GuardDuty detector features exist, the agent management they take,
 * and the per-plan settings (`protectionPlans.<PLAN>`). Re-exported by estate-schema.ts.
 */
import { z } from "zod";
import { autoEnableSchema, regionSchema, strictObject } from "./primitives";

/** GuardDuty protection plans, as detector features. */
export const PROTECTION_PLANS = [
  "S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS",
  "RUNTIME_MONITORING", "EKS_RUNTIME_MONITORING",
] as const;
export type ProtectionPlan = (typeof PROTECTION_PLANS)[number];

/** Runtime Monitoring's agent-management settings (detector feature additional configuration). */
export const AGENT_MANAGEMENT = ["EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT"] as const;
export type AgentManagement = (typeof AGENT_MANAGEMENT)[number];

/** The agent-management settings each plan takes (none for plans without an agent). */
export const AGENTS_OF_PLAN: Readonly<Record<ProtectionPlan, readonly AgentManagement[]>> = {
  S3_DATA_EVENTS: [], EKS_AUDIT_LOGS: [], EBS_MALWARE_PROTECTION: [], RDS_LOGIN_EVENTS: [], LAMBDA_NETWORK_LOGS: [],
  RUNTIME_MONITORING: AGENT_MANAGEMENT,
  EKS_RUNTIME_MONITORING: ["EKS_ADDON_MANAGEMENT"],
};

const agentManagementSchema = strictObject(
  Object.fromEntries(AGENT_MANAGEMENT.map((a) => [a, z.boolean({ error: "expected true or false" }).optional()])) as Record<
    AgentManagement,
    z.ZodOptional<z.ZodBoolean>
  >,
);

const planSchema = strictObject({
  /** Turn the plan on in the administrator account. @default true */
  enabled: z.boolean({ error: "expected true or false" }).optional(),
  /** Auto-enable for organization members. @default - the estate's autoEnableOrganizationMembers (NONE when disabled) */
  autoEnable: autoEnableSchema.optional(),
  /** Agent management (RUNTIME_MONITORING, EKS_RUNTIME_MONITORING only). @default - every setting on */
  agentManagement: agentManagementSchema.optional(),
  /**
   * Regions where the plan is left unmanaged, because GuardDuty does not offer it there (e.g. RDS Protection in
   * ap-east-2): no feature resource is written for them. @default [] - managed in every region
   */
  excludeRegions: z.array(regionSchema, { error: "expected a list of region codes" }).optional(),
});
export type ProtectionPlanConfig = z.infer<typeof planSchema>;

/** Per-plan settings of the estate, each optional. */
export const protectionPlansSchema = strictObject(
  Object.fromEntries(PROTECTION_PLANS.map((p) => [p, planSchema.optional()])) as Record<
    ProtectionPlan,
    z.ZodOptional<typeof planSchema>
  >,
);
