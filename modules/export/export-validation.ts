/**
 * Every check of {@link FindingsExportProps}, collected so that one error lists all problems of a configuration.
 * The child constructs run their own checks again; they pass once these do.
 */
import { Construct } from "constructs";
import { arns } from "../topology/regions";
import { accessLoggingProblems, lifecycleProblems, objectLockProblems } from "./bucket-settings";
import type { FindingsExportProps } from "./findings-export";
import { aliasNameProblems, bucketNameProblems, listsPrefixProblems, prefixProblems } from "./names";
import { notificationQueueOptionProblems } from "./notification-queue";
import { siemReaderIdentityProblems } from "./siem-reader";
import {
  accountIdProblems, homeRegionProblems, isKnown, oneOfProblems, providerProblems, regionProblems, whenKnown,
} from "./validate";

const PARTITIONS = ["aws", "aws-us-gov", "aws-cn"] as const;

/** All problems of a findings export configuration; empty when it is valid. */
export function exportPropsProblems(scope: Construct, props: FindingsExportProps): string[] {
  const out: string[] = [
    ...oneOfProblems("partition", props.partition, PARTITIONS),
    ...providerProblems(scope, "administratorProvider", props.administratorProvider),
    ...providerProblems(scope, "bucketProvider", props.bucketProvider),
    ...(props.keyProvider ? providerProblems(scope, "keyProvider", props.keyProvider) : []),
    ...accountIdProblems("administratorAccountId", props.administratorAccountId),
    ...accountIdProblems("bucketAccountId", props.bucketAccountId),
    ...(props.keyAccountId !== undefined ? accountIdProblems("keyAccountId", props.keyAccountId) : []),
    ...homeRegionProblems("homeRegion", props.partition, props.homeRegion),
    ...whenKnown(props.bucketName, (v) => bucketNameProblems("bucketName", v)),
    ...whenKnown(props.prefix, (v) => prefixProblems("prefix", v)),
    ...whenKnown(props.guardDutyListsPrefix, (v) => listsPrefixProblems("guardDutyListsPrefix", v)),
    ...lifecycleProblems("lifecycle", props.lifecycle),
    ...accessLoggingProblems("accessLogging", props.bucketName, props.accessLogging),
    ...objectLockProblems("objectLock", props.objectLock),
    ...whenKnown(props.keyAliasName, (v) => aliasNameProblems("keyAliasName", v)),
    ...(props.reader ? siemReaderIdentityProblems("reader", props.reader) : []),
    ...(typeof props.queue === "object" ? notificationQueueOptionProblems("queue", props.queue) : []),
  ];

  if (props.keyRegion !== undefined && props.keyRegion !== props.homeRegion) {
    out.push(
      `keyRegion must equal homeRegion "${props.homeRegion}": GuardDuty requires the bucket and the key in the same region; got "${props.keyRegion}"`,
    );
  }
  if (props.keyProvider && props.keyAccountId === undefined) {
    out.push("keyAccountId is required when keyProvider is given (the key policy names the owning account); got none");
  }
  if (!props.keyProvider && props.keyAccountId !== undefined && props.keyAccountId !== props.bucketAccountId) {
    out.push(
      `keyProvider is required when keyAccountId (${props.keyAccountId}) differs from bucketAccountId (${props.bucketAccountId}); got none`,
    );
  }
  out.push(...detectorProblems(props));
  return out;
}

function detectorProblems(props: FindingsExportProps): string[] {
  if (props.detectors.length === 0) {
    return ["detectors must name the administrator detector of at least one region; got none"];
  }
  const out: string[] = [];
  const seen = new Set<string>();
  props.detectors.forEach((d, i) => {
    const where = `detectors[${i}]`;
    const regionIssues = regionProblems(`${where}.region`, props.partition, d.region);
    out.push(...regionIssues);
    if (seen.has(d.region)) out.push(`${where}.region must be unique (one detector per region); got "${d.region}" twice`);
    seen.add(d.region);
    if (regionIssues.length > 0 || !isKnown(d.detectorArn) || !isKnown(props.administratorAccountId)) return;
    const expected = isKnown(d.detectorId)
      ? arns.detector(props.partition, d.region, props.administratorAccountId, d.detectorId)
      : undefined;
    const anyDetector = arns.anyDetector(props.partition, d.region, props.administratorAccountId).slice(0, -1);
    if (expected ? d.detectorArn !== expected : !d.detectorArn.startsWith(anyDetector)) {
      out.push(
        `${where}.detectorArn must be the administrator's detector in ${d.region} (${expected ?? `${anyDetector}<id>`}); got "${d.detectorArn}"`,
      );
    }
  });
  return out;
}
