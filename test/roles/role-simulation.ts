/**
 * Proves an estate's deploy roles with the IAM simulator, per resource and data source instance of its synthesized
 * stacks: every action of the instance's type is allowed for its account's role on an ARN of that instance; the same
 * action on another account's resource, `iam:CreateRole` on "*", and the actions of types the account does not hold
 * are refused.
 *
 * The ARN of an instance is built from the action's ARN pattern (the table's narrowed `scopes` first, else the
 * Service Authorization Reference's first pattern): partition, the instance's account, its region (literal `region`
 * argument, else the home region), the bucket name when literal, and the instance's Terraform name for every other
 * variable. Identical checks (same account, type, region and action) run once.
 */
import { ACTION_SCOPES } from "../../modules/roles/action-scopes";
import { accountActions, accountTypes, type DeployRole, type SynthesizedStack } from "../../modules/roles/deploy-policies";
import { DATA_SOURCE_ACTIONS, RESOURCE_ACTIONS, actionsOf, type TypeActions } from "../../modules/roles/provider-actions";
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { decide, type Decision } from "../export/simulate";

/** One resource or data source block placed in an account. */
export interface Instance {
  readonly alias: string;
  readonly kind: "resource" | "data";
  readonly type: string;
  readonly name: string;
  readonly region: string;
  readonly bucket?: string;
}

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const literal = (v: unknown): v is string => typeof v === "string" && !v.includes("${");

/** Every `aws_*` resource and data source block of the stacks, with its provider alias. */
export function instances(stacks: readonly SynthesizedStack[], homeRegion: string): Instance[] {
  const out: Instance[] = [];
  for (const stack of stacks) {
    for (const [kind, blocks] of [["resource", stack.resource], ["data", stack.data]] as const) {
      for (const [type, byName] of Object.entries(blocks ?? {})) {
        if (!type.startsWith("aws_")) continue;
        for (const [name, block] of Object.entries(byName as Record<string, Record<string, unknown>>)) {
          const alias = String(block.provider ?? "aws").replace(/^aws\.?/, "") || "default";
          const region = literal(block.region) && REGION.test(block.region) ? block.region : homeRegion;
          out.push({ alias, kind, type, name, region, ...(literal(block.bucket) ? { bucket: block.bucket } : {}) });
        }
      }
    }
  }
  return out;
}

/** The table entry of an instance's type. */
export function entryOf(instance: Pick<Instance, "kind" | "type">): TypeActions {
  return (instance.kind === "resource" ? RESOURCE_ACTIONS : DATA_SOURCE_ACTIONS)[instance.type];
}

/**
 * The ARN pattern of the type's own resource: the one pattern of the first read (then other) action scoped to exactly
 * one resource type (GetDetector -> `detector/${DetectorId}`), so that TagResource on a detector is asked on a
 * detector ARN, not on the first resource type TagResource accepts.
 */
function ownPattern(entry: TypeActions): string | undefined {
  const ordered = [...entry.read, ...actionsOf(entry)];
  for (const action of ordered) {
    const scope = ACTION_SCOPES[action];
    if (scope !== undefined && scope !== "*" && scope.length === 1) return scope[0];
  }
  return undefined;
}

/** A concrete ARN of `instance` for `action` in `accountId`, or "*" for a resource-less action. */
export function arnFor(action: string, entry: TypeActions, instance: Pick<Instance, "name" | "region" | "bucket">, accountId: string): string {
  const narrowed = entry.scopes && Object.hasOwn(entry.scopes, action) ? entry.scopes[action] : undefined;
  const scope = narrowed ?? ACTION_SCOPES[action];
  if (scope === "*") return "*";
  const name = instance.name.toLowerCase().replace(/[^a-z0-9-]/g, "-");
  const own = ownPattern(entry);
  return (own !== undefined && scope.includes(own) ? own : scope[0])
    .replace(/\$\{Partition\}/g, "aws")
    .replace(/\$\{Account\}/g, accountId)
    .replace(/\$\{Region\}/g, instance.region)
    .replace(/\$\{BucketName\}/g, instance.bucket ?? name)
    .replace(/\$\{[A-Za-z]+\}/g, name)
    .replace(/\*/g, name);
}

/** A key policy that delegates to the account's IAM, as the estate's key policies do (modules/export/key-policy.ts). */
function keyPolicyOf(resource: string, accountId: string) {
  if (!resource.startsWith("arn:aws:kms:")) return {};
  return {
    resourcePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" }] } as never,
  };
}

/** The decision for the role of `role` doing `action` on `resource` of `resourceAccount`. */
export function decideFor(role: DeployRole, action: string, resource: string, resourceAccount: string): Promise<Decision> {
  return decide({
    principal: `arn:aws:iam::${role.accountId}:role/deploy`,
    action,
    resource,
    resourceAccount,
    identityPolicy: role.policy as never,
    ...(resource.startsWith("arn:aws:s3:") ? { context: { "aws:ResourceAccount": resourceAccount } } : {}),
    ...keyPolicyOf(resource, resourceAccount),
  });
}

/**
 * The decision for `action` on "*" (any resource): Allowed when some resource of some account would be allowed.
 * A role that needs `iam:CreateRole` (it holds aws_iam_role) is allowed it on its own account's roles only.
 */
export async function decideOnAnyResource(role: DeployRole, action: string): Promise<Decision> {
  const result = await runSimulation(
    {
      request: { principal: `arn:aws:iam::${role.accountId}:role/deploy`, action, resource: { resource: "*", accountId: role.accountId }, contextVariables: {} },
      identityPolicies: [{ name: "identity", policy: role.policy as never }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  if (result.resultType === "error") throw new Error(`simulation rejected ${action} on *: ${JSON.stringify(result.errors)}`);
  return result.overallResult as Decision;
}

/** The resources of the statements that allow `action` (by name or wildcard). */
export function resourcesAllowing(role: DeployRole, action: string): string[] {
  const [service] = action.split(":");
  return role.policy.Statement.filter((s) => [s.Action].flat().some((a) => a === action || a === "*" || a === `${service}:*`)).flatMap((s) => [s.Resource].flat() as string[]);
}

/** A mismatch found by {@link simulateRoles}: what was asked and what the simulator said. */
export type Mismatch = [alias: string, type: string, action: string, resource: string, expected: Decision, got: Decision];

/** The counts of checks run, and every mismatch (an empty list proves the roles). */
export interface SimulationResult {
  readonly allowed: number;
  readonly refused: number;
  readonly mismatches: Mismatch[];
}

/**
 * Runs every check on the roles of `stacks`. The "types not held" check runs in full for the first role of each
 * shape (the set of types an account holds); the other roles of a shape (the invited members of a reference estate)
 * differ from it only by account ID, and get the instance and `iam:CreateRole` checks.
 */
export async function simulateRoles(stacks: readonly SynthesizedStack[], roles: readonly DeployRole[], homeRegion: string): Promise<SimulationResult> {
  const byAlias = new Map(roles.map((r) => [r.alias, r]));
  const mismatches: Mismatch[] = [];
  let allowed = 0;
  let refused = 0;
  const expect = async (role: DeployRole, type: string, action: string, resource: string, account: string, want: Decision) => {
    const got = await decideFor(role, action, resource, account);
    if (got !== want) mismatches.push([role.alias, type, action, resource, want, got]);
    if (want === "Allowed") allowed++;
    else refused++;
  };
  const done = new Set<string>();
  for (const instance of instances(stacks, homeRegion)) {
    const role = byAlias.get(instance.alias);
    if (!role) {
      mismatches.push([instance.alias, instance.type, "-", "-", "Allowed", "ImplicitlyDenied"]);
      continue;
    }
    const entry = entryOf(instance);
    const other = role.accountId === "999999999999" ? "888888888888" : "999999999999";
    for (const action of actionsOf(entry)) {
      const key = `${instance.alias}|${instance.type}|${instance.region}|${instance.bucket ?? ""}|${action}`;
      if (done.has(key)) continue;
      done.add(key);
      const resource = arnFor(action, entry, instance, role.accountId);
      await expect(role, instance.type, action, resource, role.accountId, "Allowed");
      // A resource-less action cannot be scoped to an account: nothing to refuse.
      if (resource !== "*") await expect(role, instance.type, action, arnFor(action, entry, instance, other), other, "ImplicitlyDenied");
    }
  }
  const shapes = new Set<string>();
  for (const account of accountTypes(stacks)) {
    const role = byAlias.get(account.alias)!;
    const probe = { name: "probe", region: homeRegion };
    // iam:CreateRole on "*": refused outright, or (a role that creates roles) only ever on its own account's roles.
    const own = `arn:aws:iam::${role.accountId}:role/`;
    const createRole = resourcesAllowing(role, "iam:CreateRole");
    const onAny = await decideOnAnyResource(role, "iam:CreateRole");
    const ok = createRole.length === 0 ? onAny === "ImplicitlyDenied" : createRole.every((r) => r.startsWith(own));
    if (!ok) mismatches.push([role.alias, "-", "iam:CreateRole", `* (allowed on ${createRole.join(", ") || "nothing"})`, "ImplicitlyDenied", onAny]);
    refused++;
    await expect(role, "-", "iam:CreateRole", `arn:aws:iam::${role.accountId === "999999999999" ? "888888888888" : "999999999999"}:role/admin`, "999999999999", "ImplicitlyDenied");
    const shape = [...account.resourceTypes, "|", ...account.dataTypes].join(",");
    if (shapes.has(shape)) continue;
    shapes.add(shape);
    const held = new Set(accountActions(account));
    for (const [type, entry] of [...Object.entries(RESOURCE_ACTIONS), ...Object.entries(DATA_SOURCE_ACTIONS)]) {
      for (const action of actionsOf(entry).filter((a) => !held.has(a))) {
        const key = `${account.alias}|not-held|${action}`;
        if (done.has(key)) continue;
        done.add(key);
        await expect(role, type, action, arnFor(action, entry, probe, role.accountId), role.accountId, "ImplicitlyDenied");
      }
    }
  }
  return { allowed, refused, mismatches };
}
