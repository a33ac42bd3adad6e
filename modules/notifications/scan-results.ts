/**
 * GuardDuty Malware Protection for S3 scan results as notifications: the event patterns, the messages of each channel
 * and the policies that bring the results of every protected bucket's account and region to the home bus.
 *
 * Pure functions, no cdktf import.
 *
 * The event (GuardDuty user guide, "Monitoring S3 object scans with Amazon EventBridge"): GuardDuty publishes it to the
 * default event bus of the bucket's account, in the bucket's region, with `source` `aws.guardduty`, `detail-type`
 * `GuardDuty Malware Protection Object Scan Result`, and in `detail`: `scanStatus`, `resourceType` (`S3_OBJECT`),
 * `s3ObjectDetails` (`bucketName`, `objectKey`, `eTag`, `versionId`) and `scanResultDetails` (`scanResultStatus`:
 * NO_THREATS_FOUND, THREATS_FOUND, UNSUPPORTED, ACCESS_DENIED or FAILED; `threats`: a list of `{ "name": ... }`).
 */
import { Partition, arns } from "../topology/regions";
import { InputTransformer, checked } from "./email-transformer";
import { EventPattern, GUARDDUTY_SOURCE } from "./finding-pattern";
import { IamPolicy } from "./resource-policies";

/** The `detail-type` of a Malware Protection for S3 scan result. */
export const SCAN_RESULT_DETAIL_TYPE = "GuardDuty Malware Protection Object Scan Result";

/** The result status that notifies. */
export const THREATS_FOUND = "THREATS_FOUND";

/**
 * The pattern of the home region's scan-result rules: results with threats found, of any account and region (the
 * results of other accounts and regions arrive forwarded, keeping their `account` and `region`).
 */
export function scanResultPattern(): EventPattern {
  return {
    source: [GUARDDUTY_SOURCE],
    "detail-type": [SCAN_RESULT_DETAIL_TYPE],
    detail: { scanResultDetails: { scanResultStatus: [THREATS_FOUND] } },
  };
}

/**
 * The pattern of the rule that forwards one account's scan results of one region to the home bus: only events
 * published there (`account` and `region`), which a forwarded event never is on the bus it arrives on, so nothing is
 * forwarded twice or in a loop.
 */
export function scanResultForwardingPattern(accountId: string, region: string): EventPattern {
  const { detail, ...rest } = scanResultPattern() as { detail: EventPattern; [k: string]: unknown };
  return { ...rest, account: [accountId], region: [region], detail };
}

/** The scan-result fields the messages read. */
export const SCAN_RESULT_INPUT_PATHS = Object.freeze({
  accountId: "$.account",
  region: "$.region",
  bucketName: "$.detail.s3ObjectDetails.bucketName",
  objectKey: "$.detail.s3ObjectDetails.objectKey",
  scanResultStatus: "$.detail.scanResultDetails.scanResultStatus",
  threats: "$.detail.scanResultDetails.threats",
});

/**
 * The email: bucket, account, region, then the object key and the threats (free text and a list, so as bare
 * placeholders on their own lines, see email-transformer.ts).
 */
export function scanResultEmailTransformer(): InputTransformer {
  const quoted = (line: string) => JSON.stringify(line);
  const lines = [
    quoted("GuardDuty Malware Protection for S3 found threats (<scanResultStatus>) in an object of bucket <bucketName>, account <accountId>, region <region>."),
    quoted(""),
    quoted("Object key:"),
    "<objectKey>",
    quoted(""),
    quoted("Threats:"),
    "<threats>",
    quoted(""),
    quoted("With tagging on, the object carries the tag GuardDutyMalwareScanStatus=THREATS_FOUND."),
    quoted("Sent by EventBridge rule <aws.events.rule-name> for scan results with threats found."),
  ];
  return checked({ inputPaths: { ...SCAN_RESULT_INPUT_PATHS }, inputTemplate: lines.join("\n") });
}

/**
 * The Slack/Teams message, as an AWS Chatbot custom notification (Amazon Q Developer in chat applications admin
 * guide, "Custom notifications": `version` "1.0", `source` "custom", `content.textType` "client-markdown", `title`,
 * `description`), since Chatbot shows only the events it knows and custom notifications: the title names the bucket,
 * account and region; the description is the object key (bare, so JSON-escaped; Chatbot renders it as markdown).
 */
export function scanResultChatTransformer(): InputTransformer {
  const template = `{"version":"1.0","source":"custom","content":{"textType":"client-markdown",` +
    `"title":"GuardDuty Malware Protection: threats found in bucket <bucketName> (account <accountId>, <region>)",` +
    `"description":<objectKey>}}`;
  return checked({ inputPaths: { ...SCAN_RESULT_INPUT_PATHS }, inputTemplate: template });
}

/** The webhook body: `{"version":"1","source":"guardduty-malware-protection",...}`, the whole event if asked for. */
export function scanResultWebhookTransformer(options: { readonly includeFullEvent?: boolean } = {}): InputTransformer {
  const fields = [
    `"version":"1"`,
    `"source":"guardduty-malware-protection"`,
    `"scanResultStatus":<scanResultStatus>`,
    `"accountId":<accountId>`,
    `"region":<region>`,
    `"bucketName":<bucketName>`,
    `"objectKey":<objectKey>`,
    `"threats":<threats>`,
    `"rule":<aws.events.rule-name>`,
  ];
  if (options.includeFullEvent) fields.push(`"event":<aws.events.event.json>`);
  return checked({ inputPaths: { ...SCAN_RESULT_INPUT_PATHS }, inputTemplate: `{${fields.join(",")}}` });
}

/**
 * The policy of the home region's default bus: the accounts that forward scan results may put GuardDuty scan results
 * on it, nothing else (`events:source` and `events:detail-type`, EventBridge user guide, "Using IAM policy conditions").
 * Forwarding within the administrator account needs no bus policy.
 */
export function homeBusPolicy(partition: Partition, homeBusArn: string, sourceAccountIds: readonly string[]): IamPolicy {
  const accounts = [...new Set(sourceAccountIds)].sort();
  if (accounts.length === 0) throw new Error("the home bus policy needs at least one source account; got none");
  return {
    Version: "2012-10-17",
    Statement: [{
      Sid: "AllowMalwareScanResultsFromBucketAccounts",
      Effect: "Allow",
      Principal: { AWS: accounts.length === 1 ? arns.accountRoot(partition, accounts[0]) : accounts.map((a) => arns.accountRoot(partition, a)) },
      Action: "events:PutEvents",
      Resource: homeBusArn,
      // Multivalued keys (every entry of a PutEvents call): all must be scan results, and the keys must be there.
      Condition: {
        "ForAllValues:StringEquals": { "events:source": [GUARDDUTY_SOURCE], "events:detail-type": [SCAN_RESULT_DETAIL_TYPE] },
        Null: { "events:source": "false", "events:detail-type": "false" },
      },
    }],
  };
}
