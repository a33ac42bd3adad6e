import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { Token, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { bucketNameProblems } from "../export/names";
import { named } from "../topology/addresses";
import { mapIterator } from "../topology/for-each";
import { forEachValue } from "../topology/hcl-synth";
import { templateText } from "../topology/hcl";
import { assertProviderInStack } from "../topology/topology";
import { PropProblems } from "../topology/validation";
import { LIST_LIMITS, listObjectKey, type GuardDutyListFormat } from "./list-files";
import { namedListProblems } from "./regional-lists";

/** One list file to upload. */
export interface ListFile {
  /** The list's name: the for_each key and the start of the object key. */
  readonly name: string;
  /** The list's format (the object key's extension when `fileName` has none). */
  readonly format: GuardDutyListFormat;
  /** The file's text, read at synthesis (never a path: cdk.tf.json stays free of local paths and reproducible). */
  readonly content: string;
  /**
   * The file's name, for the object key's extension.
   * @default - the format's usual extension (txt, xml, csv)
   */
  readonly fileName?: string;
}

/** Props of {@link ListUploads}. */
export interface ListUploadsProps {
  /** Provider of the bucket's account. */
  readonly provider: AwsProvider;
  /** Region of the bucket (the resource `region` argument). */
  readonly region: string;
  /** The bucket; a token referencing it makes the objects depend on it. */
  readonly bucketName: string;
  /** ARN of the KMS key the objects are encrypted with (the findings key); the provider's Read returns the ARN. */
  readonly keyArn: string;
  /** The files, one object each (names unique; 1 byte to 35 MB each). */
  readonly files: readonly ListFile[];
  /**
   * What must exist before an upload (the bucket policy and default encryption).
   * @default - nothing
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Tags of the objects.
   * @default - none beyond the provider's default tags
   */
  readonly tags?: Record<string, string>;
}

/**
 * Uploads GuardDuty list files to a bucket: one `aws_s3_object`, for_each keyed by list name
 * (`aws_s3_object.<path>_object["office"]`), with the file's text as `content`, SSE-KMS with the given key and an S3
 * Bucket Key, at `guardduty-lists/<name>-<content hash>.<ext>` (see `listObjectKey`: a new content is a new object
 * and a new location, which makes GuardDuty re-read the list). Objects are created before the ones they replace are
 * deleted (`create_before_destroy`), so a list's location never names a missing object.
 *
 * A second plan is empty (hashicorp/terraform-provider-aws internal/service/s3/object.go): Read keeps `content` from
 * the configuration, sets `kms_key_id` from the object's SSEKMSKeyId (the key ARN, as given),
 * `server_side_encryption` to `aws:kms` and `bucket_key_enabled` as stored; `etag` is left unset (it conflicts with
 * `kms_key_id`, and is not an MD5 under SSE-KMS).
 *
 * @example
 * new ListUploads(this, "Uploads", { provider: logArchive, region: "eu-west-1", bucketName: bucket.id, keyArn,
 *   files: [{ name: "office", format: "TXT", content: readFileSync("lists/office.txt", "utf8"), fileName: "office.txt" }] });
 */
export class ListUploads extends Construct {
  /** One resource, for_each over the list names. */
  public readonly object: S3Object;
  /** The object key of each list, by name. */
  public readonly objectKeys: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: ListUploadsProps) {
    super(scope, id);
    const p = new PropProblems(this).capture(() => assertProviderInStack(this, props.provider));
    if (!Token.isUnresolved(props.bucketName)) p.addMessages(bucketNameProblems("bucketName", props.bucketName));
    p.check("files", props.files.length, props.files.length > 0, "at least one file");
    namedListProblems(p, "files", props.files);
    props.files.forEach((f, i) => {
      const bytes = Buffer.byteLength(f.content, "utf8");
      p.check(`files[${i}].content`, `${bytes} bytes`, bytes > 0 && bytes <= LIST_LIMITS.maxFileBytes, `1 to ${LIST_LIMITS.maxFileBytes} bytes (GuardDuty's 35 MB)`);
    });
    p.throwIfAny();

    this.objectKeys = Object.fromEntries(props.files.map((f) => [f.name, listObjectKey(f.name, f.format, f.content, f.fileName)]));
    // `${` and `%{` in a list would be Terraform template syntax: written escaped, uploaded as written.
    const each = mapIterator(Object.fromEntries(props.files.map((f) => [f.name, forEachValue({ key: this.objectKeys[f.name], content: templateText(f.content) })])));
    this.object = named(new S3Object(this, "Object", {
      provider: props.provider,
      region: props.region,
      forEach: each,
      bucket: props.bucketName,
      key: each.getString("key"),
      content: each.getString("content"),
      serverSideEncryption: "aws:kms",
      kmsKeyId: props.keyArn,
      bucketKeyEnabled: true,
      tags: props.tags,
      dependsOn: props.dependsOn,
      lifecycle: { createBeforeDestroy: true },
    }));
  }
}
