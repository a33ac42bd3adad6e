import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { GuarddutyFilter } from "@cdktf/provider-aws/lib/guardduty-filter";
import { named } from "../topology/addresses";
import { mapIterator } from "../topology/for-each";
import { forEachValue } from "../topology/hcl-synth";
import { SuppressionCriterion, SuppressionRule } from "./options";
import { providerInStackProblems } from "../topology/topology";
import { PropProblems } from "../topology/validation";

/** The administrator detector of one region (the ID may be a token, e.g. `aws_guardduty_detector...id`). */
export interface NotificationDetector {
  readonly region: string;
  readonly detectorId: string;
}

/** Props of `SuppressionRules`. */
export interface SuppressionRulesProps {
  /** Provider of the administrator account. */
  readonly provider: AwsProvider;
  /** Every region of the estate: a rule without `regions` applies to all of them. */
  readonly regions: readonly string[];
  /** The administrator detector of each region a rule applies to. */
  readonly detectors: readonly NotificationDetector[];
  readonly rules: readonly SuppressionRule[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Terraform attribute of each criterion operator. */
const OPERATORS: Readonly<Record<keyof SuppressionCriterion, string>> = {
  equals: "equals",
  notEquals: "not_equals",
  greaterThan: "greater_than",
  greaterThanOrEqual: "greater_than_or_equal",
  lessThan: "less_than",
  lessThanOrEqual: "less_than_or_equal",
};

/**
 * Suppression rules: GuardDuty filters with action ARCHIVE in the administrator detector of every region they apply
 * to. GuardDuty archives matching findings as it generates them, for every member account, and does not publish
 * auto-archived findings to EventBridge, S3 export or Security Hub: they are neither notified nor exported. They stay
 * visible in the console under "Archived".
 *
 * One resource, `for_each` over `<region>/<name>` keys: `aws_guardduty_filter.<path>_filter["eu-west-1/<name>"]`.
 */
export class SuppressionRules extends Construct {
  /** The filters. */
  public readonly filter: GuarddutyFilter;
  /** The `for_each` keys, `<region>/<name>`, sorted. */
  public readonly keys: readonly string[];

  constructor(scope: Construct, id: string, props: SuppressionRulesProps) {
    super(scope, id);
    const detectors = new Map(props.detectors.map((d) => [d.region, d.detectorId]));
    const p = new PropProblems(this).add(providerInStackProblems(this, props.provider));
    if (props.rules.length === 0) p.add("rules", [], "at least one suppression rule", "rules must list at least one suppression rule; got none");
    for (const rule of props.rules) {
      for (const region of (rule.regions ?? props.regions).filter((r) => !detectors.has(r))) {
        p.add("detectors", region, "the administrator detector of every region a rule applies to",
          `suppression rule ${rule.name} needs the administrator detector ID of ${region}; got detectors for ${[...detectors.keys()].join(", ") || "no region"}`);
      }
    }
    p.throwIfAny();
    const entries: Record<string, Record<string, unknown>> = {};
    for (const rule of props.rules) {
      for (const region of rule.regions ?? props.regions) {
        entries[`${region}/${rule.name}`] = forEachValue({
          region,
          detector_id: detectors.get(region),
          name: rule.name,
          description: rule.description ?? null,
          rank: rule.rank,
          criterion: criterionMap(rule.criteria),
        });
      }
    }
    this.keys = Object.keys(entries).sort();
    const filters = mapIterator(entries);
    const criteria = TerraformIterator.fromMap(filters.getAnyMap("criterion"));
    const content: Record<string, unknown> = { field: criteria.key };
    for (const attribute of Object.values(OPERATORS)) content[attribute] = criteria.getAny(attribute);
    this.filter = named(
      new GuarddutyFilter(this, "Filter", {
        provider: props.provider,
        forEach: filters,
        region: filters.getString("region"),
        detectorId: filters.getString("detector_id"),
        name: filters.getString("name"),
        description: filters.getString("description"),
        rank: filters.getNumber("rank"),
        action: "ARCHIVE",
        findingCriteria: { criterion: criteria.dynamic(content) },
        tags: { ...props.tags },
      }),
    );
  }
}

/** Field -> every operator attribute (null when unset), so all entries of the dynamic block share one shape. */
function criterionMap(criteria: SuppressionRule["criteria"]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [field, criterion] of Object.entries(criteria)) {
    const values: Record<string, unknown> = {};
    for (const [op, attribute] of Object.entries(OPERATORS) as [keyof SuppressionCriterion, string][]) {
      const v = criterion[op];
      values[attribute] = v === undefined ? null : Array.isArray(v) ? [...v] : String(v);
    }
    out[field] = values;
  }
  return out;
}
