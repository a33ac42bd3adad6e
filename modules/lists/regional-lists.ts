/**
 * What TrustedIpLists and ThreatIntelSets share: their props, their checks, and the for_each map of one instance per
 * region and list, keyed `<region>/<name>` so that adding a list or a region only adds addresses.
 */
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Token, type ITerraformDependable } from "cdktf";
import type { Construct } from "constructs";
import { mapIterator } from "../topology/for-each";
import { forEachValue } from "../topology/hcl-synth";
import { assertProviderInStack } from "../topology/topology";
import { PropProblems, regionsProblems } from "../topology/validation";
import {
  GUARDDUTY_LIST_FORMATS, LIST_LIMITS, listNameProblems, type GuardDutyListFormat, type GuardDutyListKind,
} from "./list-files";

/** One GuardDuty list, as TrustedIpLists and ThreatIntelSets take it. */
export interface GuardDutyList {
  /** Unique name, shown in findings: 1-300 letters, digits, "-" and "_". */
  readonly name: string;
  /** Format of the file. */
  readonly format: GuardDutyListFormat;
  /**
   * The object GuardDuty reads: `https://s3.amazonaws.com/<bucket>/<key>` (see `listLocation`) or `s3://<bucket>/<key>`;
   * at most 300 characters. May be a token.
   */
  readonly location: string;
  /**
   * Whether GuardDuty uses the list.
   * @default true
   */
  readonly activate?: boolean;
}

/** The administrator's detector of one region. */
export interface ListDetector {
  /** Region code; a plain string (it is part of the for_each keys). */
  readonly region: string;
  /** The detector's ID; may be a token. */
  readonly detectorId: string;
}

/** Props of {@link TrustedIpLists} and {@link ThreatIntelSets}. */
export interface RegionalListsProps {
  /** The GuardDuty administrator account's provider: lists of the administrator apply to every member. */
  readonly provider: AwsProvider;
  /** The administrator's detector in every region where the lists apply. */
  readonly detectors: readonly ListDetector[];
  /** The lists, each created in every region of `detectors`. */
  readonly lists: readonly GuardDutyList[];
  /**
   * What must exist before GuardDuty reads the lists (the uploaded objects, the bucket and key policies).
   * @default - nothing
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Tags of every list.
   * @default - none beyond the provider's default tags
   */
  readonly tags?: Record<string, string>;
}

const LOCATION = /^(https:\/\/|s3:\/\/)\S+$/;

/**
 * Problems of named list items (`lists` or `files`): each name a valid GuardDuty list name, given once; each format
 * one GuardDuty reads.
 */
export function namedListProblems(p: PropProblems, prop: string, items: ReadonlyArray<{ readonly name: string; readonly format: string }>): void {
  const seen = new Set<string>();
  items.forEach((l, i) => {
    p.addMessages(listNameProblems(`${prop}[${i}].name`, l.name));
    if (seen.has(l.name)) p.add(`${prop}[${i}].name`, l.name, "unique (GuardDuty names are unique per account and Region)");
    seen.add(l.name);
    p.check(`${prop}[${i}].format`, l.format, (GUARDDUTY_LIST_FORMATS as readonly string[]).includes(l.format), `one of ${GUARDDUTY_LIST_FORMATS.join(", ")}`);
  });
}

/** Every problem of the props, for a construct of lists of `kind`. */
export function regionalListsProblems(scope: Construct, kind: GuardDutyListKind, props: RegionalListsProps): PropProblems {
  const p = new PropProblems(scope).capture(() => assertProviderInStack(scope, props.provider));
  p.add(regionsProblems("detectors[].region", props.detectors.map((d) => d.region)));
  const limit = LIST_LIMITS.listsPerRegion[kind];
  p.check("lists", props.lists.length, props.lists.length >= 1 && props.lists.length <= limit,
    `1 to ${limit} ${kind} list${limit === 1 ? "" : "s"} (GuardDuty's quota per account and Region)`);
  namedListProblems(p, "lists", props.lists);
  props.lists.forEach((l, i) => {
    if (!Token.isUnresolved(l.location)) {
      p.check(`lists[${i}].location`, l.location, LOCATION.test(l.location) && l.location.length <= LIST_LIMITS.maxLocationLength,
        `an https:// or s3:// location of at most ${LIST_LIMITS.maxLocationLength} characters`);
    }
  });
  return p;
}

/**
 * The arguments of the one for_each resource of a {@link TrustedIpLists} or {@link ThreatIntelSets}, after checking
 * the props (throws with every problem): `<region>/<name>` -> region, detector, name, format, location, activate.
 */
export function regionalListArguments(scope: Construct, kind: GuardDutyListKind, props: RegionalListsProps) {
  regionalListsProblems(scope, kind, props).throwIfAny();
  const entries: Record<string, Record<string, unknown>> = {};
  for (const d of props.detectors) {
    for (const l of props.lists) {
      entries[`${d.region}/${l.name}`] = forEachValue({
        region: d.region, detector_id: d.detectorId, name: l.name, format: l.format, location: l.location, activate: l.activate ?? true,
      });
    }
  }
  const each = mapIterator(entries);
  return {
    provider: props.provider,
    forEach: each,
    region: each.getString("region"),
    detectorId: each.getString("detector_id"),
    name: each.getString("name"),
    format: each.getString("format"),
    location: each.getString("location"),
    activate: each.getBoolean("activate"),
    tags: props.tags,
    dependsOn: props.dependsOn,
  };
}
