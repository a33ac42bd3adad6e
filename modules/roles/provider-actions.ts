/**
 * The AWS actions hashicorp/aws 6.25.0 calls for each resource and data source type the estate can synthesize, per
 * lifecycle step. Each entry cites the provider file it is read from (repo hashicorp/terraform-provider-aws).
 *
 * Adding a type is one entry: `"<terraform type>": { source, create, read, update, delete, import }` (a data source:
 * `read` only). Tag actions are listed where the type takes `tags`; `iam:PassRole` where it passes a role.
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
  readonly import?: readonly string[];
}

const gdTags = ["guardduty:TagResource", "guardduty:UntagResource", "guardduty:ListTagsForResource"];
const s3BucketSub = (name: string, get: string, put: string, del?: string): TypeActions => ({
  source: `internal/service/s3/${name}.go`,
  create: [put, get],
  read: [get],
  update: [put, get],
  delete: [del ?? put],
  import: [get],
});

/** A GuardDuty list type: Create/Get/Update/Delete<api>, and the service-linked role's policy GuardDuty manages. */
const gdList = (api: "IPSet" | "ThreatIntelSet", source: string): TypeActions => ({
  source,
  create: [`guardduty:Create${api}`, `guardduty:Get${api}`, "iam:PutRolePolicy", ...gdTags],
  read: [`guardduty:Get${api}`, "guardduty:ListTagsForResource"],
  update: [`guardduty:Update${api}`, `guardduty:Get${api}`, "iam:PutRolePolicy", "iam:DeleteRolePolicy", ...gdTags],
  delete: [`guardduty:Delete${api}`, `guardduty:Get${api}`, "iam:DeleteRolePolicy"],
  import: [`guardduty:Get${api}`],
});

/** Resource types (`resource` blocks). */
export const RESOURCE_ACTIONS: Readonly<Record<string, TypeActions>> = {
  aws_guardduty_detector: {
    source: "internal/service/guardduty/detector.go",
    create: ["guardduty:CreateDetector", "guardduty:GetDetector", ...gdTags],
    read: ["guardduty:GetDetector", "guardduty:ListTagsForResource"],
    update: ["guardduty:UpdateDetector", ...gdTags],
    delete: ["guardduty:DeleteDetector"],
    import: ["guardduty:GetDetector", "guardduty:ListTagsForResource"],
  },
  aws_guardduty_detector_feature: {
    source: "internal/service/guardduty/detector_feature.go",
    create: ["guardduty:UpdateDetector", "guardduty:GetDetector"],
    read: ["guardduty:GetDetector"],
    update: ["guardduty:UpdateDetector", "guardduty:GetDetector"],
    delete: [],
  },
  aws_guardduty_filter: {
    source: "internal/service/guardduty/filter.go",
    create: ["guardduty:CreateFilter", "guardduty:GetFilter", ...gdTags],
    read: ["guardduty:GetFilter", "guardduty:ListTagsForResource"],
    update: ["guardduty:UpdateFilter", ...gdTags],
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
  aws_guardduty_member: {
    source: "internal/service/guardduty/member.go",
    create: ["guardduty:CreateMembers", "guardduty:InviteMembers", "guardduty:GetMembers"],
    read: ["guardduty:GetMembers"],
    update: ["guardduty:InviteMembers", "guardduty:DisassociateMembers", "guardduty:GetMembers"],
    delete: ["guardduty:DisassociateMembers", "guardduty:DeleteMembers"],
    import: ["guardduty:GetMembers"],
  },
  aws_guardduty_member_detector_feature: {
    source: "internal/service/guardduty/member_detector_feature.go",
    create: ["guardduty:UpdateMemberDetectors", "guardduty:GetMemberDetectors"],
    read: ["guardduty:GetMemberDetectors"],
    update: ["guardduty:UpdateMemberDetectors", "guardduty:GetMemberDetectors"],
    delete: [],
  },
  // AWS docs, "Permissions required to designate a delegated GuardDuty administrator account".
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
    delete: [
      "guardduty:DisableOrganizationAdminAccount",
      "guardduty:ListOrganizationAdminAccounts",
      "organizations:DeregisterDelegatedAdministrator",
    ],
    import: ["guardduty:ListOrganizationAdminAccounts"],
  },
  aws_guardduty_organization_configuration: {
    source: "internal/service/guardduty/organization_configuration.go",
    create: ["guardduty:UpdateOrganizationConfiguration", "guardduty:DescribeOrganizationConfiguration"],
    read: ["guardduty:DescribeOrganizationConfiguration"],
    update: ["guardduty:UpdateOrganizationConfiguration", "guardduty:DescribeOrganizationConfiguration"],
    delete: [],
    import: ["guardduty:DescribeOrganizationConfiguration"],
  },
  aws_guardduty_organization_configuration_feature: {
    source: "internal/service/guardduty/organization_configuration_feature.go",
    create: ["guardduty:UpdateOrganizationConfiguration", "guardduty:DescribeOrganizationConfiguration"],
    read: ["guardduty:DescribeOrganizationConfiguration"],
    update: ["guardduty:UpdateOrganizationConfiguration", "guardduty:DescribeOrganizationConfiguration"],
    delete: [],
  },
  aws_guardduty_publishing_destination: {
    source: "internal/service/guardduty/publishing_destination.go",
    create: ["guardduty:CreatePublishingDestination", "guardduty:DescribePublishingDestination"],
    read: ["guardduty:DescribePublishingDestination"],
    update: ["guardduty:UpdatePublishingDestination", "guardduty:DescribePublishingDestination"],
    delete: ["guardduty:DeletePublishingDestination"],
    import: ["guardduty:DescribePublishingDestination"],
  },
  aws_iam_role: {
    source: "internal/service/iam/role.go",
    create: ["iam:CreateRole", "iam:GetRole", "iam:TagRole", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies"],
    read: ["iam:GetRole", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListRoleTags"],
    update: ["iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:UntagRole"],
    delete: ["iam:DeleteRole", "iam:ListInstanceProfilesForRole", "iam:ListRolePolicies", "iam:DeleteRolePolicy", "iam:ListAttachedRolePolicies", "iam:DetachRolePolicy"],
    import: ["iam:GetRole", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies"],
  },
  aws_iam_role_policy: {
    source: "internal/service/iam/role_policy.go",
    create: ["iam:PutRolePolicy", "iam:GetRolePolicy"],
    read: ["iam:GetRolePolicy"],
    update: ["iam:PutRolePolicy"],
    delete: ["iam:DeleteRolePolicy"],
    import: ["iam:GetRolePolicy"],
  },
  aws_iam_service_linked_role: {
    source: "internal/service/iam/service_linked_role.go",
    create: ["iam:CreateServiceLinkedRole", "iam:GetRole"],
    read: ["iam:GetRole", "iam:ListRoleTags"],
    update: ["iam:UpdateRoleDescription", "iam:TagRole", "iam:UntagRole"],
    delete: ["iam:DeleteServiceLinkedRole", "iam:GetServiceLinkedRoleDeletionStatus"],
    import: ["iam:GetRole"],
  },
  aws_iam_user: {
    source: "internal/service/iam/user.go",
    create: ["iam:CreateUser", "iam:GetUser", "iam:TagUser"],
    read: ["iam:GetUser", "iam:ListUserTags"],
    update: ["iam:UpdateUser", "iam:TagUser", "iam:UntagUser"],
    delete: ["iam:DeleteUser", "iam:ListGroupsForUser", "iam:ListAccessKeys", "iam:ListUserPolicies", "iam:ListAttachedUserPolicies"],
    import: ["iam:GetUser"],
  },
  aws_iam_user_policy: {
    source: "internal/service/iam/user_policy.go",
    create: ["iam:PutUserPolicy", "iam:GetUserPolicy"],
    read: ["iam:GetUserPolicy"],
    update: ["iam:PutUserPolicy"],
    delete: ["iam:DeleteUserPolicy"],
    import: ["iam:GetUserPolicy"],
  },
  aws_kms_key: {
    source: "internal/service/kms/key.go",
    create: ["kms:CreateKey", "kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:EnableKeyRotation", "kms:ListResourceTags", "kms:TagResource"],
    read: ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags"],
    update: ["kms:PutKeyPolicy", "kms:EnableKeyRotation", "kms:DisableKeyRotation", "kms:UpdateKeyDescription", "kms:TagResource", "kms:UntagResource", "kms:EnableKey", "kms:DisableKey"],
    delete: ["kms:ScheduleKeyDeletion"],
    import: ["kms:DescribeKey", "kms:GetKeyPolicy"],
  },
  aws_kms_alias: {
    source: "internal/service/kms/alias.go",
    create: ["kms:CreateAlias", "kms:ListAliases"],
    read: ["kms:ListAliases"],
    update: ["kms:UpdateAlias"],
    delete: ["kms:DeleteAlias"],
    import: ["kms:ListAliases"],
  },
  aws_s3_bucket: {
    source: "internal/service/s3/bucket.go",
    create: ["s3:CreateBucket", "s3:ListBucket", "s3:PutBucketTagging", "s3:GetBucketTagging"],
    read: [
      "s3:ListBucket", "s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketWebsite", "s3:GetBucketVersioning",
      "s3:GetAccelerateConfiguration", "s3:GetBucketRequestPayment", "s3:GetBucketLogging", "s3:GetLifecycleConfiguration",
      "s3:GetReplicationConfiguration", "s3:GetEncryptionConfiguration", "s3:GetBucketObjectLockConfiguration", "s3:GetBucketTagging",
    ],
    update: ["s3:PutBucketTagging"],
    delete: ["s3:DeleteBucket"],
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
  aws_s3_object: {
    source: "internal/service/s3/object.go",
    create: ["s3:PutObject", "s3:GetObject", "s3:GetObjectTagging", "s3:PutObjectTagging"],
    read: ["s3:GetObject", "s3:GetObjectTagging"],
    update: ["s3:PutObject", "s3:PutObjectTagging"],
    delete: ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:ListBucketVersions"],
    import: ["s3:GetObject"],
  },
  aws_sns_topic: {
    source: "internal/service/sns/topic.go",
    create: ["sns:CreateTopic", "sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:TagResource", "sns:ListTagsForResource"],
    read: ["sns:GetTopicAttributes", "sns:ListTagsForResource"],
    update: ["sns:SetTopicAttributes", "sns:TagResource", "sns:UntagResource"],
    delete: ["sns:DeleteTopic"],
    import: ["sns:GetTopicAttributes"],
  },
  aws_sns_topic_subscription: {
    source: "internal/service/sns/topic_subscription.go",
    create: ["sns:Subscribe", "sns:GetSubscriptionAttributes"],
    read: ["sns:GetSubscriptionAttributes"],
    update: ["sns:SetSubscriptionAttributes"],
    delete: ["sns:Unsubscribe"],
    import: ["sns:GetSubscriptionAttributes"],
  },
  aws_sqs_queue: {
    source: "internal/service/sqs/queue.go",
    create: ["sqs:CreateQueue", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:TagQueue", "sqs:ListQueueTags"],
    read: ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ListQueueTags"],
    update: ["sqs:SetQueueAttributes", "sqs:TagQueue", "sqs:UntagQueue"],
    delete: ["sqs:DeleteQueue"],
    import: ["sqs:GetQueueAttributes"],
  },
  aws_sqs_queue_policy: {
    source: "internal/service/sqs/queue_policy.go",
    create: ["sqs:SetQueueAttributes", "sqs:GetQueueAttributes"],
    read: ["sqs:GetQueueAttributes"],
    update: ["sqs:SetQueueAttributes"],
    delete: ["sqs:SetQueueAttributes"],
    import: ["sqs:GetQueueAttributes"],
  },
  aws_cloudwatch_event_rule: {
    source: "internal/service/events/rule.go",
    create: ["events:PutRule", "events:DescribeRule", "events:TagResource", "events:ListTagsForResource"],
    read: ["events:DescribeRule", "events:ListTagsForResource"],
    update: ["events:PutRule", "events:EnableRule", "events:DisableRule", "events:TagResource", "events:UntagResource"],
    delete: ["events:DeleteRule"],
    import: ["events:DescribeRule"],
  },
  aws_cloudwatch_event_target: {
    source: "internal/service/events/target.go",
    create: ["events:PutTargets", "events:ListTargetsByRule", "iam:PassRole"],
    read: ["events:ListTargetsByRule"],
    update: ["events:PutTargets", "iam:PassRole"],
    delete: ["events:RemoveTargets"],
    import: ["events:ListTargetsByRule"],
  },
  // EventBridge stores the connection's credentials in a secret it manages (secret:events!connection/*).
  aws_cloudwatch_event_connection: {
    source: "internal/service/events/connection.go",
    create: ["events:CreateConnection", "events:DescribeConnection", "secretsmanager:CreateSecret", "secretsmanager:DescribeSecret", "secretsmanager:PutSecretValue"],
    read: ["events:DescribeConnection"],
    update: ["events:UpdateConnection", "secretsmanager:UpdateSecret", "secretsmanager:PutSecretValue"],
    delete: ["events:DeleteConnection", "secretsmanager:DeleteSecret"],
    import: ["events:DescribeConnection"],
  },
  aws_cloudwatch_event_api_destination: {
    source: "internal/service/events/api_destination.go",
    create: ["events:CreateApiDestination", "events:DescribeApiDestination"],
    read: ["events:DescribeApiDestination"],
    update: ["events:UpdateApiDestination"],
    delete: ["events:DeleteApiDestination"],
    import: ["events:DescribeApiDestination"],
  },
  aws_lambda_permission: {
    source: "internal/service/lambda/permission.go",
    create: ["lambda:AddPermission", "lambda:GetPolicy"],
    read: ["lambda:GetPolicy"],
    delete: ["lambda:RemovePermission"],
    import: ["lambda:GetPolicy"],
  },
  aws_chatbot_slack_channel_configuration: {
    source: "internal/service/chatbot/slack_channel_configuration.go",
    create: ["chatbot:CreateSlackChannelConfiguration", "chatbot:DescribeSlackChannelConfigurations", "chatbot:TagResource", "iam:PassRole"],
    read: ["chatbot:DescribeSlackChannelConfigurations", "chatbot:ListTagsForResource"],
    update: ["chatbot:UpdateSlackChannelConfiguration", "chatbot:TagResource", "chatbot:UntagResource", "iam:PassRole"],
    delete: ["chatbot:DeleteSlackChannelConfiguration"],
    import: ["chatbot:DescribeSlackChannelConfigurations"],
  },
  aws_chatbot_teams_channel_configuration: {
    source: "internal/service/chatbot/teams_channel_configuration.go",
    create: ["chatbot:CreateMicrosoftTeamsChannelConfiguration", "chatbot:GetMicrosoftTeamsChannelConfiguration", "chatbot:TagResource", "iam:PassRole"],
    read: ["chatbot:GetMicrosoftTeamsChannelConfiguration", "chatbot:ListTagsForResource"],
    update: ["chatbot:UpdateMicrosoftTeamsChannelConfiguration", "chatbot:TagResource", "chatbot:UntagResource", "iam:PassRole"],
    delete: ["chatbot:DeleteMicrosoftTeamsChannelConfiguration"],
    import: ["chatbot:GetMicrosoftTeamsChannelConfiguration"],
  },
  // Synthesized for the stack's own needs; state held elsewhere (no API call of its own beyond the organization read).
  aws_organizations_organization: {
    source: "internal/service/organizations/organization.go",
    create: ["organizations:DescribeOrganization", "organizations:ListAWSServiceAccessForOrganization", "organizations:ListRoots", "organizations:ListAccounts"],
    read: ["organizations:DescribeOrganization", "organizations:ListAWSServiceAccessForOrganization", "organizations:ListRoots", "organizations:ListAccounts"],
    update: ["organizations:EnableAWSServiceAccess"],
    delete: [],
    import: ["organizations:DescribeOrganization"],
  },
  // GuardDuty lists (modules/lists). CreateIPSet/CreateThreatIntelSet and a new location make GuardDuty put a policy on
  // its service-linked role, which the caller must be allowed (User Guide, "Setting up prerequisites for entity lists
  // and IP address lists": iam:PutRolePolicy and iam:DeleteRolePolicy on AWSServiceRoleForAmazonGuardDuty).
  aws_guardduty_ipset: gdList("IPSet", "internal/service/guardduty/ipset.go"),
  aws_guardduty_threatintelset: gdList("ThreatIntelSet", "internal/service/guardduty/threatintelset.go"),
};

/** Data source types (`data` blocks): read only. */
export const DATA_SOURCE_ACTIONS: Readonly<Record<string, TypeActions>> = {
  aws_chatbot_slack_workspace: { source: "internal/service/chatbot/slack_workspace_data_source.go", read: ["chatbot:DescribeSlackWorkspaces"] },
  aws_guardduty_detector: { source: "internal/service/guardduty/detector_data_source.go", read: ["guardduty:ListDetectors", "guardduty:GetDetector"] },
  aws_organizations_organization: {
    source: "internal/service/organizations/organization_data_source.go",
    read: ["organizations:DescribeOrganization", "organizations:ListAWSServiceAccessForOrganization", "organizations:ListRoots", "organizations:ListAccounts"],
  },
  aws_regions: { source: "internal/service/ec2/regions_data_source.go", read: ["ec2:DescribeRegions"] },
  aws_secretsmanager_secret_version: { source: "internal/service/secretsmanager/secret_version_data_source.go", read: ["secretsmanager:GetSecretValue"] },
  aws_ssm_parameter: { source: "internal/service/ssm/parameter_data_source.go", read: ["ssm:GetParameter"] },
};

export const LIFECYCLE_STEPS: readonly LifecycleStep[] = ["create", "read", "update", "delete", "import"];

/** Every action of a type, over all its steps, sorted and unique. */
export function actionsOf(entry: TypeActions): string[] {
  return [...new Set(LIFECYCLE_STEPS.flatMap((step) => entry[step] ?? []))].sort();
}
