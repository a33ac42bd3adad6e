/**
 * The EventBridge input transformer that turns a GuardDuty finding into a readable email.
 *
 * Pure functions, no cdktf import.
 *
 * How EventBridge fills a template (EventBridge user guide, "Amazon EventBridge input transformation"):
 * - a placeholder OUTSIDE quotes is replaced by the value as JSON: a string gets its quotes and escapes;
 * - a placeholder INSIDE a quoted string is replaced by the raw value, NOT escaped: a `"` or a line break in the
 *   value ends the string early and the message breaks;
 * - a text (non-JSON) template is a sequence of lines, each one JSON string, joined with line breaks.
 *
 * So free text written by GuardDuty (title, description) appears only as bare placeholders on their own lines, and
 * only values GuardDuty constrains (severity number, finding type, account ID, region code, finding ID, rule name)
 * are placed inside quoted text. `placeholdersInsideQuotes` checks that rule on every template this module builds.
 */
import { Partition, consoleDomain } from "../topology/regions";
import { SEVERITY_BANDS, describeThreshold } from "./severity";

/** What an EventBridge target's `input_transformer` block holds. */
export interface InputTransformer {
  /** Placeholder name -> JSON path in the event (`input_paths`). */
  readonly inputPaths: Readonly<Record<string, string>>;
  /** The template (`input_template`). */
  readonly inputTemplate: string;
}

/**
 * The finding fields the transformers read. Every GuardDuty finding has them; a path missing from an event would
 * leave its placeholder undefined.
 */
export const FINDING_INPUT_PATHS = Object.freeze({
  severity: "$.detail.severity",
  findingType: "$.detail.type",
  accountId: "$.detail.accountId",
  region: "$.detail.region",
  findingId: "$.detail.id",
  title: "$.detail.title",
  description: "$.detail.description",
  updatedAt: "$.detail.updatedAt",
});

/** Placeholders whose values GuardDuty constrains (numbers, codes, IDs): the only ones allowed inside quotes. */
export const CONSTRAINED_PLACEHOLDERS: readonly string[] = [
  "severity", "findingType", "accountId", "region", "findingId", "updatedAt", "aws.events.rule-name",
  // Malware Protection for S3 scan results (scan-results.ts): S3 bucket names are lowercase letters, digits, dots and
  // dashes; the result status is an enumeration.
  "bucketName", "scanResultStatus",
];

/**
 * The console link of a finding, with `region` and `findingId` as placeholders:
 * `https://<console domain>/guardduty/home?region=<region>#/findings?macros=current&fId=<findingId>`.
 * The administrator account sees every member's finding there.
 */
export function findingConsoleUrlTemplate(partition: Partition): string {
  return `https://${consoleDomain(partition)}/guardduty/home?region=<region>#/findings?macros=current&fId=<findingId>`;
}

/** Options of `emailInputTransformer`. */
export interface EmailTransformerOptions {
  /** Partition of the administrator account, for the console domain. */
  readonly partition: Partition;
  /** The threshold of the rule, written in the footer so readers know why they got the email. */
  readonly minSeverity: number;
}

/**
 * The email text: severity, finding type, account, region, title, description and a console link, as the GuardDuty
 * documentation's example, built so that quotes and line breaks in the title or description cannot break it.
 *
 * @example
 * GuardDuty finding with severity 8 in account 111122223333, region eu-west-1:
 * Recon:EC2/PortProbeUnprotectedPort
 * ...
 */
export function emailInputTransformer(options: EmailTransformerOptions): InputTransformer {
  const quoted = (line: string) => JSON.stringify(line);
  const lines = [
    quoted("GuardDuty finding with severity <severity> in account <accountId>, region <region>:"),
    quoted("<findingType>"),
    quoted(""),
    quoted("Title:"),
    "<title>",
    quoted(""),
    quoted("Description:"),
    "<description>",
    quoted(""),
    quoted("Open the finding in the GuardDuty console of the administrator account:"),
    quoted(findingConsoleUrlTemplate(options.partition)),
    quoted(""),
    quoted("Finding ID: <findingId>"),
    quoted(`Severity levels: ${SEVERITY_BANDS}.`),
    quoted(`Sent by EventBridge rule <aws.events.rule-name> for findings of severity ${describeThreshold(options.minSeverity)}.`),
  ];
  return checked({ inputPaths: { ...FINDING_INPUT_PATHS }, inputTemplate: lines.join("\n") });
}

/**
 * The placeholders a template uses inside quoted strings, in order of appearance. Quotes escaped with a backslash do
 * not open or close a string.
 */
export function placeholdersInsideQuotes(template: string): string[] {
  const found: string[] = [];
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (inString && c === "\\") {
      i++;
      continue;
    }
    if (c === '"') {
      inString = !inString;
      continue;
    }
    if (inString && c === "<") {
      const end = template.indexOf(">", i);
      if (end > i) {
        found.push(template.slice(i + 1, end));
        i = end;
      }
    }
  }
  return found;
}

/**
 * Returns `transformer` after checking that only constrained placeholders sit inside quotes and that every
 * placeholder is defined; throws otherwise (a bug in this module, caught by its tests).
 */
export function checked(transformer: InputTransformer): InputTransformer {
  const inQuotes = placeholdersInsideQuotes(transformer.inputTemplate);
  const unsafe = inQuotes.filter((p) => !CONSTRAINED_PLACEHOLDERS.includes(p));
  if (unsafe.length > 0) {
    throw new Error(`input template places free-text values inside quotes, where EventBridge does not escape them: ${unsafe.join(", ")}`);
  }
  const used = [...transformer.inputTemplate.matchAll(/<([A-Za-z0-9_.-]+)>/g)].map((m) => m[1]);
  const undefinedNames = used.filter((p) => !p.startsWith("aws.events.") && !(p in transformer.inputPaths));
  if (undefinedNames.length > 0) {
    throw new Error(`input template uses placeholders without an input path: ${[...new Set(undefinedNames)].join(", ")}`);
  }
  return transformer;
}
