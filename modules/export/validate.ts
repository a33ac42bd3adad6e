/**
 * Validation helpers shared by the export constructs: collect every problem of one configuration, skip cdktf
 * tokens, and throw once with all messages.
 */
import { TerraformProvider, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { Partition, isKnownRegion, isOptInRegion, partitionOf } from "../topology/regions";
import { assertSameRuntime } from "../topology/runtime";
import { PropProblems, PropsError } from "../topology/validation";
import { isAccountId } from "./names";

/** True when `value` is a plain value that can be checked now (not a cdktf token resolved at synth or apply). */
export function isKnown(value: string | number): boolean {
  return !Token.isUnresolved(value);
}

/**
 * Throws one {@link PropsError} listing every problem, prefixed by the construct's path; does nothing when there
 * are none. The export's `...Problems` strings on the shared {@link PropProblems} collector.
 */
export function throwIfProblems(scope: Construct, problems: readonly string[]): void {
  new PropProblems(scope).addMessages(problems).throwIfAny();
}

/**
 * The problem of a provider that belongs to another stack: Terraform would silently create the resources with
 * the wrong account or region. Empty when the provider is in `scope`'s stack.
 */
export function providerProblems(scope: Construct, property: string, provider: TerraformProvider): string[] {
  assertSameRuntime(scope); // the other runtime is refused at once, not collected
  assertSameRuntime(provider, property);
  const mine = TerraformStack.of(scope);
  const theirs = TerraformStack.of(provider);
  return theirs === mine
    ? []
    : [`${property} must be a provider of stack "${mine.node.path}"; got provider "${provider.node.path}" of stack "${theirs.node.path}"`];
}

/** The problem of a value that is not a 12-digit account ID (tokens pass). */
export function accountIdProblems(property: string, value: string): string[] {
  return !isKnown(value) || isAccountId(value) ? [] : [`${property} must be a 12-digit AWS account ID; got "${value}"`];
}

/** The problem of a number that is not an integer in `[min, max]` (tokens pass). */
export function integerProblems(property: string, value: number, min: number, max: number): string[] {
  if (!isKnown(value)) return [];
  return Number.isInteger(value) && value >= min && value <= max
    ? []
    : [`${property} must be an integer between ${min} and ${max}; got ${value}`];
}

/** The problem of a value that is not one of `allowed`. */
export function oneOfProblems(property: string, value: string, allowed: readonly string[]): string[] {
  return !isKnown(value) || allowed.includes(value)
    ? []
    : [`${property} must be one of ${allowed.join(", ")}; got "${value}"`];
}

/** Runs a `...Problems(property, value)` rule from names.ts only when the value is known. */
export function whenKnown(value: string | undefined, rule: (value: string) => string[]): string[] {
  return value === undefined || !isKnown(value) ? [] : rule(value);
}

/**
 * Problems of a region: a plain value (it is spliced into policies and for_each keys), a known code, in the
 * partition.
 */
export function regionProblems(property: string, partition: Partition, region: string): string[] {
  if (!isKnown(region)) return [`${property} must be a plain region code, not a token; got ${region}`];
  if (!isKnownRegion(region)) return [`${property} must be a known AWS region code (e.g. eu-west-1); got "${region}"`];
  const p = partitionOf(region);
  return p === partition ? [] : [`${property} must be a region of partition ${partition}; got "${region}" (partition ${p})`];
}

/**
 * Problems of the export's home region: a valid region that is not an opt-in region, because GuardDuty cannot
 * export findings of commercial regions to a bucket in an opt-in region.
 */
export function homeRegionProblems(property: string, partition: Partition, region: string): string[] {
  const problems = regionProblems(property, partition, region);
  if (problems.length > 0) return problems;
  return isOptInRegion(region)
    ? [`${property} must be a region enabled by default, not the opt-in region "${region}": GuardDuty cannot export findings of other regions to a bucket in an opt-in region`]
    : [];
}
