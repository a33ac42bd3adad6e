/**
 * The JSON body EventBridge posts to a webhook (API destination) for a GuardDuty finding.
 *
 * Pure functions, no cdktf import. Same quoting rule as the email (see email-transformer.ts): free text only as
 * bare placeholders, which EventBridge writes as JSON strings with their escapes.
 */
import { Partition } from "../topology/regions";
import { FINDING_INPUT_PATHS, InputTransformer, checked, findingConsoleUrlTemplate } from "./email-transformer";

/** Version of the body below; a receiver can branch on it if the shape ever changes. */
export const WEBHOOK_PAYLOAD_VERSION = "1";

/** Options of `webhookInputTransformer`. */
export interface WebhookPayloadOptions {
  /** Partition of the administrator account, for the console domain. */
  readonly partition: Partition;
  /**
   * Add the whole EventBridge event (with the complete finding) under `event`.
   * @default false - the summary fields only
   */
  readonly includeFullEvent?: boolean;
}

/**
 * The body:
 * `{"version":"1","source":"guardduty","findingId":...,"findingType":...,"severity":8,"accountId":...,"region":...,
 *   "title":...,"description":...,"updatedAt":...,"consoleUrl":"https://...","rule":...[, "event": {...}]}`
 */
export function webhookInputTransformer(options: WebhookPayloadOptions): InputTransformer {
  const fields = [
    `"version":${JSON.stringify(WEBHOOK_PAYLOAD_VERSION)}`,
    `"source":"guardduty"`,
    `"findingId":<findingId>`,
    `"findingType":<findingType>`,
    `"severity":<severity>`,
    `"accountId":<accountId>`,
    `"region":<region>`,
    `"title":<title>`,
    `"description":<description>`,
    `"updatedAt":<updatedAt>`,
    `"consoleUrl":${JSON.stringify(findingConsoleUrlTemplate(options.partition))}`,
    `"rule":<aws.events.rule-name>`,
  ];
  if (options.includeFullEvent) fields.push(`"event":<aws.events.event.json>`);
  return checked({ inputPaths: { ...FINDING_INPUT_PATHS }, inputTemplate: `{${fields.join(",")}}` });
}
