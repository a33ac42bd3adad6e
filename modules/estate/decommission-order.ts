/**
 * The order in which the stacks of a split estate are applied in a decommission phase. Pure: no cdktf import.
 */
import type { DecommissionPhase } from "../config/decommission-schema";
import type { EstateStackPlan } from "./stack-layout";

/**
 * The stacks each stack is applied after, by stack name. Running and "prepare": as stackLayout says (the core of the
 * home region first, then the other regions, invited members after their region's core, the home stack last). In a
 * "teardown" every edge is reversed: a stack's destroys must run before those of the stacks it was created after
 * (invited members before their region's designation and detector, the other regions before the home region,
 * whose designation is the organization-wide registration).
 *
 * @example stackOrder(stackLayout(config), "teardown")["guardduty-eu-west-1"]; // ["guardduty-us-east-1", ...]
 */
export function stackOrder(plans: readonly EstateStackPlan[], phase?: DecommissionPhase): Record<string, string[]> {
  const order: Record<string, string[]> = Object.fromEntries(plans.map((p) => [p.name, phase === "teardown" ? [] : [...p.dependsOn]]));
  if (phase === "teardown") {
    for (const p of plans) for (const before of p.dependsOn) order[before].push(p.name);
  }
  return order;
}
