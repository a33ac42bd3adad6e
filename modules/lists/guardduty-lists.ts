import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { Partition } from "../topology/regions";
import { PropProblems } from "../topology/validation";
import { GUARDDUTY_LIST_KINDS, listLocation, type GuardDutyListFormat, type GuardDutyListKind } from "./list-files";
import { ListUploads } from "./list-uploads";
import type { GuardDutyList, ListDetector } from "./regional-lists";
import { ThreatIntelSets } from "./threat-intel-sets";
import { TrustedIpLists } from "./trusted-ip-lists";

/** A list and where its file comes from. */
export interface GuardDutyListSource {
  /** Unique name, shown in findings: 1-300 letters, digits, "-" and "_". */
  readonly name: string;
  /** `trusted` (an IPSet) or `threat` (a ThreatIntelSet). */
  readonly kind: GuardDutyListKind;
  /** Format of the file. */
  readonly format: GuardDutyListFormat;
  /**
   * Whether GuardDuty uses the list.
   * @default true
   */
  readonly activate?: boolean;
  /** A local file's text, uploaded to `upload`'s bucket (exactly one of `file` and `location`). */
  readonly file?: { readonly content: string; readonly fileName?: string };
  /**
   * An existing object the administrator's GuardDuty service-linked role can read, `s3://<bucket>/<key>` (the S3 URI
   * the GuardDuty console asks for), given to GuardDuty as is (exactly one of `file` and `location`).
   */
  readonly location?: string;
}

/** Where local list files are uploaded: the findings bucket and key (see FindingsExport's `guardDutyListsPrefix`). */
export interface ListUploadTarget {
  /** Provider of the bucket's account. */
  readonly provider: AwsProvider;
  /** Region of the bucket. */
  readonly region: string;
  /** The bucket's name, plain (it is part of each list's location). */
  readonly bucketName: string;
  /** ARN of the key the uploads are encrypted with. */
  readonly keyArn: string;
  /**
   * What must exist before an upload and before GuardDuty reads (bucket policy, encryption, key policy).
   * @default - nothing
   */
  readonly dependsOn?: ITerraformDependable[];
}

/** Props of {@link GuardDutyLists}. */
export interface GuardDutyListsProps {
  /** Partition of the regions (the form of the lists' locations). */
  readonly partition: Partition;
  /** The GuardDuty administrator account's provider. */
  readonly administratorProvider: AwsProvider;
  /** The administrator's detector in every region. */
  readonly detectors: readonly ListDetector[];
  /** The trusted and threat lists. */
  readonly lists: readonly GuardDutyListSource[];
  /**
   * Where local files are uploaded; required when a list has a `file`.
   * @default - no uploads: every list must name an existing `location`
   */
  readonly upload?: ListUploadTarget;
  /**
   * Tags of the lists and uploaded objects.
   * @default - none beyond the providers' default tags
   */
  readonly tags?: Record<string, string>;
}

/**
 * An estate's GuardDuty lists: local files uploaded to the findings bucket ({@link ListUploads}), then the trusted
 * IP list ({@link TrustedIpLists}) and threat lists ({@link ThreatIntelSets}) of the administrator in every region,
 * each after the uploads and the grants it reads through. A kind without lists creates nothing.
 *
 * @example
 * new GuardDutyLists(this, "Lists", { partition: "aws", administratorProvider: security, detectors,
 *   lists: [{ name: "office", kind: "trusted", format: "TXT", file: { content: "203.0.113.10\n", fileName: "office.txt" } }],
 *   upload: { provider: logArchive, region: "eu-west-1", bucketName: "acme-guardduty-findings", keyArn, dependsOn: [bucketPolicy] } });
 */
export class GuardDutyLists extends Construct {
  /** Present when a list has a local file. */
  public readonly uploads?: ListUploads;
  /** Present with a trusted list. */
  public readonly trusted?: TrustedIpLists;
  /** Present with a threat list. */
  public readonly threat?: ThreatIntelSets;
  /** Every list with the location GuardDuty is given, by name. */
  public readonly locations: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: GuardDutyListsProps) {
    super(scope, id);
    const p = new PropProblems(this);
    props.lists.forEach((l, i) => {
      p.check(`lists[${i}]`, l.name, (l.file === undefined) !== (l.location === undefined), "a list with exactly one of file and location");
      p.check(`lists[${i}].kind`, l.kind, (GUARDDUTY_LIST_KINDS as readonly string[]).includes(l.kind), `one of ${GUARDDUTY_LIST_KINDS.join(", ")}`);
    });
    const files = props.lists.filter((l) => l.file !== undefined);
    p.check("upload", "nothing", files.length === 0 || props.upload !== undefined, "given when a list has a file (the bucket it is uploaded to)");
    p.throwIfAny();

    const upload = props.upload;
    if (files.length > 0 && upload) {
      this.uploads = new ListUploads(this, "Uploads", {
        provider: upload.provider, region: upload.region, bucketName: upload.bucketName, keyArn: upload.keyArn,
        files: files.map((l) => ({ name: l.name, format: l.format, content: l.file!.content, fileName: l.file!.fileName })),
        dependsOn: upload.dependsOn, tags: props.tags,
      });
    }
    const uploads = this.uploads;
    this.locations = Object.fromEntries(props.lists.map((l) => [l.name,
      l.location ?? listLocation(props.partition, upload!.region, upload!.bucketName, uploads!.objectKeys[l.name])]));
    const dependsOn = [...(upload?.dependsOn ?? []), ...(uploads ? [uploads.object] : [])];
    const of = (kind: GuardDutyListKind): GuardDutyList[] => props.lists.filter((l) => l.kind === kind)
      .map((l) => ({ name: l.name, format: l.format, location: this.locations[l.name], activate: l.activate }));
    const common = { provider: props.administratorProvider, detectors: props.detectors, tags: props.tags, dependsOn: dependsOn.length ? dependsOn : undefined };
    if (of("trusted").length > 0) this.trusted = new TrustedIpLists(this, "Trusted", { ...common, lists: of("trusted") });
    if (of("threat").length > 0) this.threat = new ThreatIntelSets(this, "Threat", { ...common, lists: of("threat") });
  }
}
