import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import { named } from "../topology/addresses";
import { iamNameProblems, subjectIdProblems } from "./names";
import { PolicyDocument } from "./policy-document";
import { googleFederationTrustPolicy } from "./reader-policy";
import { integerProblems, providerProblems, throwIfProblems, whenKnown } from "./validate";
import { jsonDocument } from "../topology/hcl-synth";

/** Default name of the federated reader role. */
export const DEFAULT_READER_ROLE_NAME = "guardduty-findings-secops-reader";

/**
 * A Google SecOps feed that authenticates with Google identity federation (recommended: no long-lived secret).
 * The role trusts `accounts.google.com` for the feed's subject ID only.
 */
export interface GoogleFederationReader {
  readonly type: "google-federation";
  /** The numeric "Subject ID" the SecOps feed form shows for identity federation. */
  readonly subjectId: string;
  /**
   * Name of the IAM role the feed assumes.
   * @default "guardduty-findings-secops-reader"
   */
  readonly roleName?: string;
  /**
   * Longest session the feed may hold, in seconds.
   * @default 3600
   */
  readonly maxSessionDurationSeconds?: number;
}

/**
 * An older SecOps feed that authenticates with an access key. The user is created here, its access key is NOT:
 * create it out of band (`aws iam create-access-key --user-name <userName>`) and paste it into the feed, so the
 * secret never lands in Terraform state.
 */
export interface IamUserReader {
  readonly type: "iam-user";
  /** Name of the IAM user. */
  readonly userName: string;
}

/** How the SIEM authenticates to read findings. */
export type SiemReaderIdentity = GoogleFederationReader | IamUserReader;

/** Properties of {@link SiemReader}. */
export interface SiemReaderProps {
  /** Provider of the account that owns the bucket: the reader lives next to the bucket. */
  readonly provider: AwsProvider;
  /** The reader's identity. */
  readonly identity: SiemReaderIdentity;
  /**
   * Tags of the role or user.
   * @default - none beyond the provider's default tags
   */
  readonly tags?: Record<string, string>;
}

/**
 * The identity a SIEM feed (Google SecOps "Amazon S3 V2" / "Amazon SQS V2") uses: an IAM role trusted through
 * Google identity federation, or an IAM user without access key. Its permissions come from
 * {@link SiemReaderAccess}, created once the key, bucket and queue exist (their policies name this principal).
 *
 * Terraform addresses: `aws_iam_role.<path>_role` or `aws_iam_user.<path>_user`.
 */
export class SiemReader extends Construct {
  /** The role, for `google-federation`. */
  public readonly role?: IamRole;
  /** The user, for `iam-user`. */
  public readonly user?: IamUser;
  /** ARN of the role or user (a token): the principal named in key and queue-key policies. */
  public readonly principalArn: string;
  /** Name of the role or user, as the SecOps form or the `create-access-key` step asks for it. */
  public readonly principalName: string;
  /** The role's trust policy, for `google-federation`. */
  public readonly trustPolicyDocument?: PolicyDocument;

  constructor(scope: Construct, id: string, props: SiemReaderProps) {
    super(scope, id);
    const identity = props.identity;
    throwIfProblems(this, [...providerProblems(this, "provider", props.provider), ...siemReaderIdentityProblems("identity", identity)]);

    if (identity.type === "google-federation") {
      this.trustPolicyDocument = googleFederationTrustPolicy(identity.subjectId);
      this.role = named(
        new IamRole(this, "Role", {
          provider: props.provider,
          name: identity.roleName ?? DEFAULT_READER_ROLE_NAME,
          description: "Google SecOps feed: reads exported GuardDuty findings (read-only)",
          assumeRolePolicy: jsonDocument(this.trustPolicyDocument),
          maxSessionDuration: identity.maxSessionDurationSeconds ?? 3600,
          tags: props.tags,
        }),
      );
      this.principalArn = this.role.arn;
      this.principalName = this.role.name;
    } else {
      this.user = named(
        new IamUser(this, "User", {
          provider: props.provider,
          name: identity.userName,
          forceDestroy: false,
          tags: props.tags,
        }),
      );
      this.principalArn = this.user.arn;
      this.principalName = this.user.name;
    }
  }
}

/** Problems of a reader identity, with property names below `property`. */
export function siemReaderIdentityProblems(property: string, identity: SiemReaderIdentity): string[] {
  switch (identity.type) {
    case "google-federation":
      return [
        ...whenKnown(identity.subjectId, (v) => subjectIdProblems(`${property}.subjectId`, v)),
        ...whenKnown(identity.roleName, (v) => iamNameProblems(`${property}.roleName`, v)),
        ...integerProblems(`${property}.maxSessionDurationSeconds`, identity.maxSessionDurationSeconds ?? 3600, 3600, 43200),
      ];
    case "iam-user":
      return whenKnown(identity.userName, (v) => iamNameProblems(`${property}.userName`, v));
    default:
      return [`${property}.type must be one of google-federation, iam-user; got "${(identity as { type: unknown }).type}"`];
  }
}
