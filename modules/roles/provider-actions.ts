/**
 * The AWS actions hashicorp/aws 6.25.0 calls for each resource and data source type the estate can synthesize, per
 * lifecycle step. Each entry cites the provider file it is read from (repo hashicorp/terraform-provider-aws).
 *
 * How the entries were verified (2026-12-02): each cited `.go` file was read (the search tool's read_file on the
 * stored copy of hashicorp/terraform-provider-aws; some stored copies predate 6.25.0, in which case the calls were
 * checked to be the ones 6.x still makes), following Create/Read/Update/Delete, the waiters they call and the
 * importer. Rules applied:
 * - Terraform refreshes (Read) before every plan, so each step's list is what that step calls itself, and `read` is
 *   always needed.
 * - `@Tags(...)` resources: the tags interceptor calls the service's TagResource/UntagResource (or the service's own
 *   names: iam:TagRole, sqs:TagQueue, ...) on update; on read it calls ListTagsForResource only when Read does not
 *   already set the tags from its own response (`setTagsOut`): GuardDuty detectors, filters, IP/threat intel sets,
 *   Chatbot configurations, IAM roles and users read their tags from the Get call.
 * - Tags given on create (tag-on-create) need the service's tag action as well as the create action.
 * - An SDK call maps to the IAM action of the same name, except (per the Service Authorization Reference):
 *   s3 HeadBucket -> s3:ListBucket, HeadObject -> s3:GetObject, ListObjectVersions -> s3:ListBucketVersions,
 *   GetBucketCors -> s3:GetBucketCORS, GetBucketAccelerateConfiguration -> s3:GetAccelerateConfiguration,
 *   Get/PutBucketLifecycleConfiguration and DeleteBucketLifecycle -> s3:Get/PutLifecycleConfiguration,
 *   GetBucketReplication -> s3:GetReplicationConfiguration, Get/Put/DeleteBucketEncryption ->
 *   s3:Get/PutEncryptionConfiguration, Get/PutObjectLockConfiguration -> s3:Get/PutBucketObjectLockConfiguration,
 *   DeletePublicAccessBlock -> s3:PutBucketPublicAccessBlock, DeleteBucketOwnershipControls ->
 *   s3:PutBucketOwnershipControls, Put/GetBucketNotificationConfiguration -> s3:Put/GetBucketNotification.
 * - Legacy API names stay legacy: aws_guardduty_invite_accepter calls AcceptInvitation, GetMasterAccount and
 *   DisassociateFromMasterAccount, which IAM authorizes separately from their *Administrator* successors.
 * - Actions the provider does not call but AWS requires of the caller are listed with a comment naming the AWS
 *   document (delegated administrator, EventBridge connection secrets, GuardDuty IP/threat lists).
 * - Stored copies older than 6.x (SDK v1) were read for invite_accepter, member, ipset, role, service_linked_role,
 *   alias, queue_policy, api_destination, bucket_versioning and role_policy_attachment; s3/bucket.go's stored copy is
 *   4.x, so aws_s3_bucket's 6.x Read list (HeadBucket and the Get* calls) is not line-checked against 6.25.0.
 *
 * Adding a type is one entry: `"<terraform type>": { source, create, read, update, delete, import }` (a data source:
 * `read` only); `scopes` narrows an action to given ARN patterns (`${Partition}`, `${Account}`) for that type.
 * Then run `npx tsx scripts/roles-scopes.ts` and `npm run roles:readme`.
 */
export type LifecycleStep = "create" | "read" | "update" | "delete" | "import";

/** The actions of one type, per lifecycle step. */
export interface TypeActions {
  /** The provider file the actions are read from. */
  readonly source: string;
  readonly create?: readonly string[];
  readonly read: readonly string[];
  readonly update?: readonly string[];
  readonly delete?: readonly string[];
  /** Absent: the type cannot be imported. */
  readonly import?: readonly string[];
  /**
   * ARN patterns (with `${Partition}` and `${Account}`) an action is narrowed to for this type, instead of every
   * resource type IAM allows for the action.
   */
  readonly scopes?: Readonly<Record<string, readonly string[]>>;
}

/** An S3 bucket sub-resource: Put (and a Get to wait and read back); its Delete* API is authorized as the Put action. */
const s3BucketSub = (name: string, get: string, put: string, del?: string): TypeActions => ({
  source: `internal/service/s3/${name}.go`,
  create: [put, get],
  read: [get],
  update: [put, get],
  delete: [del ?? put, get],
  import: [get],
});

/** GuardDuty's service-linked role, whose inline policy the IP and threat intel lists change. */
const GUARDDUTY_SLR = "arn:${Partition}:iam::${Account}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty";

/** A GuardDuty IP set or threat intel set: Create/Get/Update/Delete<api>, waiting on Get<api>, tags from Get<api>. */
const guardDutyListSet = (file: string, api: string): TypeActions => ({
  source: `internal/service/guardduty/${file}.go`,
  create: [`guardduty:Create${api}`, "guardduty:TagResource", `guardduty:Get${api}`, "iam:PutRolePolicy"],
  read: [`guardduty:Get${api}`],
  update: [`guardduty:Update${api}`, "guardduty:TagResource", "guardduty:UntagResource", `guardduty:Get${api}`, "iam:PutRolePolicy"],
  delete: [`guardduty:Delete${api}`, `guardduty:Get${api}`, "iam:DeleteRolePolicy"],
  import: [`guardduty:Get${api}`],
  scopes: { "iam:PutRolePolicy": [GUARDDUTY_SLR], "iam:DeleteRolePolicy": [GUARDDUTY_SLR] },
});

/** Resource types (`resource` blocks). */
export const RESOURCE_ACTIONS: Readonly<Record<string, TypeActions>> = {
  // @Tags(identifierAttribute="arn"); Read sets the tags from GetDetector.
  aws_guardduty_detector: {
    source: "internal/service/guardduty/detector.go",
    create: ["guardduty:CreateDetector", "guardduty:TagResource", "guardduty:GetDetector"],
    read: ["guardduty:GetDetector"],
    update: ["guardduty:UpdateDetector", "guardduty:TagResource", "guardduty:UntagResource", "guardduty:GetDetector"],
    delete: ["guardduty:DeleteDetector"],
    import: ["guardduty:GetDetector"],
  },
  // Create and update are UpdateDetector with one feature; delete is a no-op; no importer.
  aws_guardduty_detector_feature: {
    source: "internal/service/guardduty/detector_feature.go",
    create: ["guardduty:UpdateDetector", "guardduty:GetDetector"],
    read: ["guardduty:GetDetector"],
    update: ["guardduty:UpdateDetector", "guardduty:GetDetector"],
    delete: [],
  },
  // @Tags(identifierAttribute="arn"); Read sets the tags from GetFilter.
  aws_guardduty_filter: {
    source: "internal/service/guardduty/filter.go",
    create: ["guardduty:CreateFilter", "guardduty:TagResource", "guardduty:GetFilter"],
    read: ["guardduty:GetFilter"],
    update: ["guardduty:UpdateFilter", "guardduty:TagResource", "guardduty:UntagResource", "guardduty:GetFilter"],
    delete: ["guardduty:DeleteFilter"],
    import: ["guardduty:GetFilter"],
  },
  // Legacy API names: IAM treats AcceptInvitation/GetMasterAccount/DisassociateFromMasterAccount as separate actions.
  aws_guardduty_invite_accepter: {
    source: "internal/service/guardduty/invite_accepter.go",
    create: ["guardduty:ListInvitations", "guardduty:AcceptInvitation", "guardduty:GetMasterAccount"],
    read: ["guardduty:GetMasterAccount"],
    delete: ["guardduty:DisassociateFromMasterAccount"],
    import: ["guardduty:GetMasterAccount"],
  },
  // AWS, "Uploading trusted IP lists and threat lists": the caller also needs iam:PutRolePolicy/DeleteRolePolicy on
  // GuardDuty's service-linked role (narrowed to it). @Tags; Read sets the tags from GetIPSet.
  aws_guardduty_ipset: guardDutyListSet("ipset", "IPSet"),
  // Framework resource with @Tags(identifierAttribute="arn"): Read does not set tags, so the interceptor lists them.
  // Create passes `role` to GuardDuty: iam:PassRole.
  aws_guardduty_malware_protection_plan: {
    source: "internal/service/guardduty/malware_protection_plan.go",
    create: ["guardduty:CreateMalwareProtectionPlan", "guardduty:TagResource", "iam:PassRole", "guardduty:GetMalwareProtectionPlan", "guardduty:ListTagsForResource"],
    read: ["guardduty:GetMalwareProtectionPlan", "guardduty:ListTagsForResource"],
    update: ["guardduty:UpdateMalwareProtectionPlan", "iam:PassRole", "guardduty:TagResource", "guardduty:UntagResource", "guardduty:GetMalwareProtectionPlan"],
    delete: ["guardduty:DeleteMalwareProtectionPlan"],
    import: ["guardduty:GetMalwareProtectionPlan", "guardduty:ListTagsForResource"],
  },
  // Delete is DeleteMembers only (no DisassociateMembers); update (un)invites.
  aws_guardduty_member: {
    source: "internal/service/guardduty/member.go",
    create: ["guardduty:CreateMembers", "guardduty:InviteMembers", "guardduty:GetMembers"],
    read: ["guardduty:GetMembers"],
    update: ["guardduty:InviteMembers", "guardduty:DisassociateMembers", "guardduty:GetMembers"],
    delete: ["guardduty:DeleteMembers"],
    import: ["guardduty:GetMembers"],
  },
  // Create/update call UpdateMemberDetectors and keep the plan (no read back); delete is a no-op; no importer.
  aws_guardduty_member_detector_feature: {
    source: "internal/service/guardduty/member_detector_feature.go",
    create: ["guardduty:UpdateMemberDetectors"],
    read: ["guardduty:GetMemberDetectors"],
    update: ["guardduty:UpdateMemberDetectors"],
    delete: [],
  },
  // The provider calls Enable/Disable/ListOrganizationAdminAccounts; the organizations:* and iam:* actions are what
  // AWS, "Permissions required to designate a delegated GuardDuty administrator account", requires of the caller.
  aws_guardduty_organization_admin_account: {
    source: "internal/service/guardduty/organization_admin_account.go",
    create: [
      "guardduty:EnableOrganizationAdminAccount",
      "guardduty:ListOrganizationAdminAccounts",
      "organizations:EnableAWSServiceAccess",
      "organizations:RegisterDelegatedAdministrator",
      "organizations:ListDelegatedAdministrators",
      "organizations:ListAWSServiceAccessForOrganization",
      "organizations:DescribeOrganizationalUnit",
      "organizations:DescribeAccount",
      "organizations:DescribeOrganization",
      "organizations:ListAccounts",
      "iam:GetRole",
      "iam:CreateServiceLinkedRole",
    ],
    read: ["guardduty:ListOrganizationAdminAccounts"],
    delete: ["guardduty:DisableOrganizationAdminAccount", "guardduty:ListOrganizationAdminAccounts", "organizations:DeregisterDelegatedAdministrator"],
    import: ["guardduty:ListOrganizationAdminAccounts"],
    scopes: {
      "iam:GetRole": ["arn:${Partition}:iam::${Account}:role/aws-service-role/guardduty.amazonaws.com/*"],
      "iam:CreateServiceLinkedRole": ["arn:${Partition}:iam::${Account}:role/aws-service-role/guardduty.amazonaws.com/*"],
    },
  },
  aws_guardduty_organization_configuration: {
    source: "internal/service/guardduty/organization_configuration.go",
    create: ["guardduty:UpdateOrganizationConfiguration", "guardduty:DescribeOrganizationConfiguration"],
    read: ["guardduty:DescribeOrganizationConfiguration"],
    update: ["guardduty:UpdateOrganizationConfiguration", "guardduty:DescribeOrganizationConfiguration"],
    delete: [],
    import: ["guardduty:DescribeOrganizationConfiguration"],
  },
  // Put reads the configuration first (to keep AutoEnableOrganizationMembers); no importer.
  aws_guardduty_organization_configuration_feature: {
    source: "internal/service/guardduty/organization_configuration_feature.go",
    create: ["guardduty:DescribeOrganizationConfiguration", "guardduty:UpdateOrganizationConfiguration"],
    read: ["guardduty:DescribeOrganizationConfiguration"],
    update: ["guardduty:DescribeOrganizationConfiguration", "guardduty:UpdateOrganizationConfiguration"],
    delete: [],
  },
  // Create waits on DescribePublishingDestination.
  aws_guardduty_publishing_destination: {
    source: "internal/service/guardduty/publishing_destination.go",
    create: ["guardduty:CreatePublishingDestination", "guardduty:DescribePublishingDestination"],
    read: ["guardduty:DescribePublishingDestination"],
    update: ["guardduty:UpdatePublishingDestination", "guardduty:DescribePublishingDestination"],
    delete: ["guardduty:DeletePublishingDestination"],
    import: ["guardduty:DescribePublishingDestination"],
  },
  // Same shape as aws_guardduty_ipset (same AWS requirement on the service-linked role).
  aws_guardduty_threatintelset: guardDutyListSet("threatintelset", "ThreatIntelSet"),
  // Read: GetRole (tags included), ListRolePolicies + GetRolePolicy (inline_policy), ListAttachedRolePolicies.
  // Delete: ListInstanceProfilesForRole, then DeleteRole (the estate sets no force_detach_policies, inline_policy or
  // managed_policy_arns; its permissions_boundary is never set, so the boundary actions are left out on purpose).
  aws_iam_role: {
    source: "internal/service/iam/role.go",
    create: ["iam:CreateRole", "iam:TagRole", "iam:GetRole", "iam:ListRolePolicies", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies"],
    read: ["iam:GetRole", "iam:ListRolePolicies", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies"],
    update: ["iam:UpdateAssumeRolePolicy", "iam:UpdateRoleDescription", "iam:UpdateRole", "iam:TagRole", "iam:UntagRole", "iam:GetRole"],
    delete: ["iam:ListInstanceProfilesForRole", "iam:DeleteRole"],
    import: ["iam:GetRole", "iam:ListRolePolicies", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies"],
  },
  aws_iam_role_policy: {
    source: "internal/service/iam/role_policy.go",
    create: ["iam:PutRolePolicy", "iam:GetRolePolicy"],
    read: ["iam:GetRolePolicy"],
    update: ["iam:PutRolePolicy", "iam:GetRolePolicy"],
    delete: ["iam:DeleteRolePolicy"],
    import: ["iam:GetRolePolicy"],
  },
  // Tags are added after create (roleUpdateTags: TagRole); update is UpdateRole (description); delete waits on
  // GetServiceLinkedRoleDeletionStatus.
  aws_iam_service_linked_role: {
    source: "internal/service/iam/service_linked_role.go",
    create: ["iam:CreateServiceLinkedRole", "iam:TagRole", "iam:GetRole"],
    read: ["iam:GetRole"],
    update: ["iam:UpdateRole", "iam:TagRole", "iam:UntagRole", "iam:GetRole"],
    delete: ["iam:DeleteServiceLinkedRole", "iam:GetServiceLinkedRoleDeletionStatus"],
    import: ["iam:GetRole"],
    scopes: {
      "iam:CreateServiceLinkedRole": ["arn:${Partition}:iam::${Account}:role/aws-service-role/*"],
      "iam:DeleteServiceLinkedRole": ["arn:${Partition}:iam::${Account}:role/aws-service-role/*"],
      "iam:GetServiceLinkedRoleDeletionStatus": ["arn:${Partition}:iam::${Account}:role/aws-service-role/*"],
    },
  },
  // Read: GetUser (tags included). Delete: ListGroupsForUser then DeleteUser (the estate never sets force_destroy).
  aws_iam_user: {
    source: "internal/service/iam/user.go",
    create: ["iam:CreateUser", "iam:TagUser", "iam:GetUser"],
    read: ["iam:GetUser"],
    update: ["iam:UpdateUser", "iam:TagUser", "iam:UntagUser", "iam:GetUser"],
    delete: ["iam:ListGroupsForUser", "iam:DeleteUser"],
    import: ["iam:GetUser"],
  },
  aws_iam_user_policy: {
    source: "internal/service/iam/user_policy.go",
    create: ["iam:PutUserPolicy", "iam:GetUserPolicy"],
    read: ["iam:GetUserPolicy"],
    update: ["iam:PutUserPolicy", "iam:GetUserPolicy"],
    delete: ["iam:DeleteUserPolicy"],
    import: ["iam:GetUserPolicy"],
  },
  // @Tags(identifierAttribute="id"); findKeyInfo reads DescribeKey, GetKeyPolicy, GetKeyRotationStatus and
  // ListResourceTags. Create waits for the policy (GetKeyPolicy) and tags (ListResourceTags) to propagate; delete
  // schedules deletion and waits on DescribeKey.
  aws_kms_key: {
    source: "internal/service/kms/key.go",
    create: ["kms:CreateKey", "kms:TagResource", "kms:EnableKeyRotation", "kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags"],
    read: ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags"],
    update: [
      "kms:EnableKey", "kms:DisableKey", "kms:EnableKeyRotation", "kms:DisableKeyRotation", "kms:UpdateKeyDescription", "kms:PutKeyPolicy",
      "kms:TagResource", "kms:UntagResource", "kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags",
    ],
    delete: ["kms:ScheduleKeyDeletion", "kms:DescribeKey"],
    import: ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags"],
  },
  // Read is FindAliasByName: ListAliases. CreateAlias/UpdateAlias are authorized on the alias and on the key.
  aws_kms_alias: {
    source: "internal/service/kms/alias.go",
    create: ["kms:CreateAlias", "kms:ListAliases"],
    read: ["kms:ListAliases"],
    update: ["kms:UpdateAlias", "kms:ListAliases"],
    delete: ["kms:DeleteAlias"],
    import: ["kms:ListAliases"],
  },
  // 6.x Read: HeadBucket (s3:ListBucket) and the bucket's Get* calls below; tags via GetBucketTagging, set on create
  // and update with PutBucketTagging. The estate never sets force_destroy (no object deletion on delete).
  aws_s3_bucket: {
    source: "internal/service/s3/bucket.go",
    create: ["s3:CreateBucket", "s3:ListBucket", "s3:PutBucketTagging", "s3:GetBucketTagging"],
    read: [
      "s3:ListBucket", "s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketWebsite", "s3:GetBucketVersioning",
      "s3:GetAccelerateConfiguration", "s3:GetBucketRequestPayment", "s3:GetBucketLogging", "s3:GetLifecycleConfiguration",
      "s3:GetReplicationConfiguration", "s3:GetEncryptionConfiguration", "s3:GetBucketObjectLockConfiguration", "s3:GetBucketTagging",
    ],
    update: ["s3:PutBucketTagging", "s3:GetBucketTagging"],
    delete: ["s3:DeleteBucket", "s3:ListBucket"],
    import: ["s3:ListBucket"],
  },
  aws_s3_bucket_lifecycle_configuration: s3BucketSub("bucket_lifecycle_configuration", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration"),
  aws_s3_bucket_logging: s3BucketSub("bucket_logging", "s3:GetBucketLogging", "s3:PutBucketLogging"),
  aws_s3_bucket_notification: s3BucketSub("bucket_notification", "s3:GetBucketNotification", "s3:PutBucketNotification"),
  aws_s3_bucket_object_lock_configuration: s3BucketSub("bucket_object_lock_configuration", "s3:GetBucketObjectLockConfiguration", "s3:PutBucketObjectLockConfiguration"),
  aws_s3_bucket_ownership_controls: s3BucketSub("bucket_ownership_controls", "s3:GetBucketOwnershipControls", "s3:PutBucketOwnershipControls"),
  aws_s3_bucket_policy: s3BucketSub("bucket_policy", "s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"),
  aws_s3_bucket_public_access_block: s3BucketSub("bucket_public_access_block", "s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock"),
  aws_s3_bucket_server_side_encryption_configuration: s3BucketSub("bucket_server_side_encryption_configuration", "s3:GetEncryptionConfiguration", "s3:PutEncryptionConfiguration"),
  aws_s3_bucket_versioning: s3BucketSub("bucket_versioning", "s3:GetBucketVersioning", "s3:PutBucketVersioning"),
  // Upload is PutObject (tags in the Tagging header: s3:PutObjectTagging); Read is HeadObject (s3:GetObject) and the
  // tags (GetObjectTagging). Delete of a versioned object lists its versions (ListObjectVersions ->
  // s3:ListBucketVersions) and deletes each (s3:DeleteObjectVersion). An SSE-KMS bucket also needs kms:GenerateDataKey
  // on the bucket's key (not in this table: the key may be another account's; see the README).
  aws_s3_object: {
    source: "internal/service/s3/object.go",
    create: ["s3:PutObject", "s3:PutObjectTagging", "s3:GetObject", "s3:GetObjectTagging"],
    read: ["s3:GetObject", "s3:GetObjectTagging"],
    update: ["s3:PutObject", "s3:PutObjectTagging", "s3:GetObject", "s3:GetObjectTagging"],
    delete: ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:ListBucketVersions"],
    import: ["s3:GetObject", "s3:GetObjectTagging"],
  },
  // @Tags(identifierAttribute="arn"): tag-on-create (CreateTopic Tags), Read does not set tags (ListTagsForResource).
  aws_sns_topic: {
    source: "internal/service/sns/topic.go",
    create: ["sns:CreateTopic", "sns:TagResource", "sns:SetTopicAttributes", "sns:GetTopicAttributes", "sns:ListTagsForResource"],
    read: ["sns:GetTopicAttributes", "sns:ListTagsForResource"],
    update: ["sns:SetTopicAttributes", "sns:TagResource", "sns:UntagResource", "sns:GetTopicAttributes"],
    delete: ["sns:DeleteTopic"],
    import: ["sns:GetTopicAttributes", "sns:ListTagsForResource"],
  },
  // Create waits for confirmation and delete for removal, both on GetSubscriptionAttributes.
  aws_sns_topic_subscription: {
    source: "internal/service/sns/topic_subscription.go",
    create: ["sns:Subscribe", "sns:GetSubscriptionAttributes"],
    read: ["sns:GetSubscriptionAttributes"],
    update: ["sns:SetSubscriptionAttributes", "sns:GetSubscriptionAttributes"],
    delete: ["sns:Unsubscribe", "sns:GetSubscriptionAttributes"],
    import: ["sns:GetSubscriptionAttributes"],
  },
  // The ID is the queue URL (no GetQueueUrl). Create and update wait for attributes (GetQueueAttributes); delete
  // waits for the queue to go. Tags: tag-on-create, ListQueueTags on read.
  aws_sqs_queue: {
    source: "internal/service/sqs/queue.go",
    create: ["sqs:CreateQueue", "sqs:TagQueue", "sqs:GetQueueAttributes", "sqs:ListQueueTags"],
    read: ["sqs:GetQueueAttributes", "sqs:ListQueueTags"],
    update: ["sqs:SetQueueAttributes", "sqs:TagQueue", "sqs:UntagQueue", "sqs:GetQueueAttributes"],
    delete: ["sqs:DeleteQueue", "sqs:GetQueueAttributes"],
    import: ["sqs:GetQueueAttributes", "sqs:ListQueueTags"],
  },
  // Put and delete (an empty Policy) both wait for the attribute to propagate.
  aws_sqs_queue_policy: {
    source: "internal/service/sqs/queue_policy.go",
    create: ["sqs:SetQueueAttributes", "sqs:GetQueueAttributes"],
    read: ["sqs:GetQueueAttributes"],
    update: ["sqs:SetQueueAttributes", "sqs:GetQueueAttributes"],
    delete: ["sqs:SetQueueAttributes", "sqs:GetQueueAttributes"],
    import: ["sqs:GetQueueAttributes"],
  },
  // PutRule sets the state (no EnableRule/DisableRule); tag-on-create; Read does not set tags (ListTagsForResource).
  aws_cloudwatch_event_rule: {
    source: "internal/service/events/rule.go",
    create: ["events:PutRule", "events:TagResource", "events:DescribeRule", "events:ListTagsForResource"],
    read: ["events:DescribeRule", "events:ListTagsForResource"],
    update: ["events:PutRule", "events:TagResource", "events:UntagResource", "events:DescribeRule"],
    delete: ["events:DeleteRule"],
    import: ["events:DescribeRule", "events:ListTagsForResource"],
  },
  // A target with role_arn (API destinations, cross-account buses) passes the role.
  aws_cloudwatch_event_target: {
    source: "internal/service/events/target.go",
    create: ["events:PutTargets", "iam:PassRole", "events:ListTargetsByRule"],
    read: ["events:ListTargetsByRule"],
    update: ["events:PutTargets", "iam:PassRole", "events:ListTargetsByRule"],
    delete: ["events:RemoveTargets"],
    import: ["events:ListTargetsByRule"],
  },
  // Create/update/delete wait on DescribeConnection. AWS, "Connections for API destinations": EventBridge stores the
  // credentials in a secret it manages (secret:events!connection/*) with the caller's permissions.
  aws_cloudwatch_event_connection: {
    source: "internal/service/events/connection.go",
    create: ["events:CreateConnection", "events:DescribeConnection", "secretsmanager:CreateSecret", "secretsmanager:DescribeSecret", "secretsmanager:PutSecretValue"],
    read: ["events:DescribeConnection"],
    update: ["events:UpdateConnection", "events:DescribeConnection", "secretsmanager:UpdateSecret", "secretsmanager:PutSecretValue", "secretsmanager:DescribeSecret"],
    delete: ["events:DeleteConnection", "events:DescribeConnection", "secretsmanager:DeleteSecret"],
    import: ["events:DescribeConnection"],
    scopes: Object.fromEntries(
      ["secretsmanager:CreateSecret", "secretsmanager:DescribeSecret", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret", "secretsmanager:DeleteSecret"].map(
        (a) => [a, ["arn:${Partition}:secretsmanager:*:${Account}:secret:events!connection/*"]],
      ),
    ),
  },
  aws_cloudwatch_event_api_destination: {
    source: "internal/service/events/api_destination.go",
    create: ["events:CreateApiDestination", "events:DescribeApiDestination"],
    read: ["events:DescribeApiDestination"],
    update: ["events:UpdateApiDestination", "events:DescribeApiDestination"],
    delete: ["events:DeleteApiDestination"],
    import: ["events:DescribeApiDestination"],
  },
  // Read finds the statement in GetPolicy; delete waits until it is gone (GetPolicy).
  aws_lambda_permission: {
    source: "internal/service/lambda/permission.go",
    create: ["lambda:AddPermission", "lambda:GetPolicy"],
    read: ["lambda:GetPolicy"],
    delete: ["lambda:RemovePermission", "lambda:GetPolicy"],
    import: ["lambda:GetPolicy"],
  },
  // Framework resource; Read sets tags from DescribeSlackChannelConfigurations; create/update/delete wait on it.
  // iam_role_arn is passed to Chatbot (iam:PassRole).
  aws_chatbot_slack_channel_configuration: {
    source: "internal/service/chatbot/slack_channel_configuration.go",
    create: ["chatbot:CreateSlackChannelConfiguration", "chatbot:TagResource", "iam:PassRole", "chatbot:DescribeSlackChannelConfigurations"],
    read: ["chatbot:DescribeSlackChannelConfigurations"],
    update: ["chatbot:UpdateSlackChannelConfiguration", "iam:PassRole", "chatbot:TagResource", "chatbot:UntagResource", "chatbot:DescribeSlackChannelConfigurations"],
    delete: ["chatbot:DeleteSlackChannelConfiguration", "chatbot:DescribeSlackChannelConfigurations"],
    import: ["chatbot:DescribeSlackChannelConfigurations"],
  },
  // Read is ListMicrosoftTeamsChannelConfigurations by team ID (not GetMicrosoftTeamsChannelConfiguration).
  aws_chatbot_teams_channel_configuration: {
    source: "internal/service/chatbot/teams_channel_configuration.go",
    create: ["chatbot:CreateMicrosoftTeamsChannelConfiguration", "chatbot:TagResource", "iam:PassRole", "chatbot:ListMicrosoftTeamsChannelConfigurations"],
    read: ["chatbot:ListMicrosoftTeamsChannelConfigurations"],
    update: ["chatbot:UpdateMicrosoftTeamsChannelConfiguration", "iam:PassRole", "chatbot:TagResource", "chatbot:UntagResource", "chatbot:ListMicrosoftTeamsChannelConfigurations"],
    delete: ["chatbot:DeleteMicrosoftTeamsChannelConfiguration", "chatbot:ListMicrosoftTeamsChannelConfigurations"],
    import: ["chatbot:ListMicrosoftTeamsChannelConfigurations"],
  },
};

/** Data source types (`data` blocks): read only. */
export const DATA_SOURCE_ACTIONS: Readonly<Record<string, TypeActions>> = {
  aws_chatbot_slack_workspace: { source: "internal/service/chatbot/slack_workspace_data_source.go", read: ["chatbot:DescribeSlackWorkspaces"] },
  // Without `id`: ListDetectors, then GetDetector.
  aws_guardduty_detector: { source: "internal/service/guardduty/detector_data_source.go", read: ["guardduty:ListDetectors", "guardduty:GetDetector"] },
  // DescribeOrganization; then ListAccounts, ListRoots and (all features) ListAWSServiceAccessForOrganization.
  aws_organizations_organization: {
    source: "internal/service/organizations/organization_data_source.go",
    read: ["organizations:DescribeOrganization", "organizations:ListAccounts", "organizations:ListRoots", "organizations:ListAWSServiceAccessForOrganization"],
  },
  aws_regions: { source: "internal/service/ec2/regions_data_source.go", read: ["ec2:DescribeRegions"] },
  // A secret encrypted with a customer managed key also needs kms:Decrypt on it (not listed: the key is the user's).
  aws_secretsmanager_secret_version: { source: "internal/service/secretsmanager/secret_version_data_source.go", read: ["secretsmanager:GetSecretValue"] },
  // with_decryption (default true) of a SecureString under a customer managed key also needs kms:Decrypt on it.
  aws_ssm_parameter: { source: "internal/service/ssm/parameter_data_source.go", read: ["ssm:GetParameter"] },
};

export const LIFECYCLE_STEPS: readonly LifecycleStep[] = ["create", "read", "update", "delete", "import"];

/** Every action of a type, over all its steps, sorted and unique. */
export function actionsOf(entry: TypeActions): string[] {
  return [...new Set(LIFECYCLE_STEPS.flatMap((step) => entry[step] ?? []))].sort();
}
