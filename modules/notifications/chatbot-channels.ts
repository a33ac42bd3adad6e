import { Token } from "cdktf";
import { Construct } from "constructs";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ChatbotSlackChannelConfiguration } from "@cdktf/provider-aws/lib/chatbot-slack-channel-configuration";
import { ChatbotTeamsChannelConfiguration } from "@cdktf/provider-aws/lib/chatbot-teams-channel-configuration";
import { DataAwsChatbotSlackWorkspace } from "@cdktf/provider-aws/lib/data-aws-chatbot-slack-workspace";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { named } from "../topology/addresses";
import { Partition } from "../topology/regions";
import { encodeTeamsChannelId } from "./channel-checks";
import { CHATBOT_REGIONS, ChatbotRegion, isChatbotRegion } from "./chatbot-regions";
import { ChatbotLoggingLevel } from "./options";
import { providerInStackProblems } from "../topology/topology";
import { PropProblems } from "../topology/validation";
import { chatbotNotificationsOnlyPolicy, chatbotTrustPolicy, defaultChatbotGuardrails } from "./role-policies";
import { jsonDocument } from "../topology/hcl-synth";

/** A Slack channel wired to its topic. */
export interface ChatbotSlackSpec {
  /** Key and construct ID (`slack-secops`). */
  readonly key: string;
  readonly configurationName: string;
  readonly workspaceId: string;
  /**
   * The workspace's name as the AWS Chatbot console shows it once authorized. With it, the plan reads the workspace
   * (`aws_chatbot_slack_workspace`) and stops, before anything changes, unless the workspace authorized in this
   * account's Chatbot console is `workspaceId`: a workspace that is not authorized fails that read; one authorized
   * under this name with another ID fails the configuration's precondition with the instruction.
   * @default - no plan-time check: the apply fails at the channel configuration if the workspace is not authorized
   */
  readonly workspaceName?: string;
  readonly channelId: string;
  /** The topic's ARN: pass the topic's `arn` attribute, so that Terraform creates the topic first. */
  readonly topicArn: string;
}

/** A Teams channel wired to its topic. */
export interface ChatbotTeamsSpec {
  /** Key and construct ID (`teams-soc`). */
  readonly key: string;
  readonly configurationName: string;
  readonly tenantId: string;
  readonly teamId: string;
  readonly channelId: string;
  /** The topic's ARN: pass the topic's `arn` attribute, so that Terraform creates the topic first. */
  readonly topicArn: string;
}

/** Props of `ChatbotChannels`. */
export interface ChatbotChannelsProps {
  /** Provider of the administrator account. */
  readonly provider: AwsProvider;
  readonly partition: Partition;
  /** Region whose Chatbot API creates the configurations (us-east-2, us-west-2, eu-west-1, ap-southeast-1). */
  readonly region: ChatbotRegion;
  /** Name of the channel role. */
  readonly roleName: string;
  /** @default [] */
  readonly slack?: readonly ChatbotSlackSpec[];
  /** @default [] */
  readonly teams?: readonly ChatbotTeamsSpec[];
  /** @default "ERROR" */
  readonly loggingLevel?: ChatbotLoggingLevel;
  /** @default - [arn:<partition>:iam::aws:policy/CloudWatchReadOnlyAccess] */
  readonly guardrailPolicyArns?: readonly string[];
  /** @default true */
  readonly userAuthorizationRequired?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Slack and Microsoft Teams channels through AWS Chatbot (Amazon Q Developer in chat applications). Each channel
 * subscribes to its own topic, which receives the unmodified GuardDuty event: Chatbot renders GuardDuty events
 * itself and cannot render transformed text.
 *
 * One manual step precedes `terraform apply`: authorize the Slack workspace or the Microsoft Teams tenant in the
 * Chatbot console of the administrator account (a one-time OAuth consent no API can give); until then creating a
 * configuration fails. For Slack, give `workspaceName` and the plan checks it (data source
 * `aws_chatbot_slack_workspace` and a precondition), stopping before any change with the instruction. Teams has no
 * such data source: the step stays manual and the review lists it.
 *
 * The channel role may only read CloudWatch (the "notifications only" permissions), and the guardrail defaults to
 * the read-only `CloudWatchReadOnlyAccess` managed policy instead of Chatbot's `AdministratorAccess` default.
 *
 * Terraform: `aws_iam_role.<path>_role`, `aws_iam_role_policy.<path>_role_policy`,
 * `aws_chatbot_slack_channel_configuration.<path>_<key>`, `aws_chatbot_teams_channel_configuration.<path>_<key>`,
 * with `workspaceName`: `data.aws_chatbot_slack_workspace.<path>_<key>_workspace`.
 */
export class ChatbotChannels extends Construct {
  public readonly role: IamRole;
  public readonly rolePolicy: IamRolePolicy;
  public readonly slack: Readonly<Record<string, ChatbotSlackChannelConfiguration>>;
  public readonly teams: Readonly<Record<string, ChatbotTeamsChannelConfiguration>>;
  /** The authorized Slack workspaces read at plan time, by channel key (channels with `workspaceName` only). */
  public readonly slackWorkspaces: Readonly<Record<string, DataAwsChatbotSlackWorkspace>>;

  constructor(scope: Construct, id: string, props: ChatbotChannelsProps) {
    super(scope, id);
    const p = new PropProblems(this).add(providerInStackProblems(this, props.provider));
    p.check("region", props.region, isChatbotRegion(props.region), `a region that serves the Chatbot API (${CHATBOT_REGIONS.join(", ")})`);
    for (const s of props.slack ?? []) {
      if (s.workspaceName !== undefined && !Token.isUnresolved(s.workspaceName) && s.workspaceName.trim() === "") {
        p.add(`slack[${s.key}].workspaceName`, s.workspaceName, "the workspace's name as the Chatbot console shows it",
          `slack ${s.key}: workspaceName must be the workspace's name as the Chatbot console shows it; got ${JSON.stringify(s.workspaceName)}`);
      }
    }
    p.throwIfAny();
    const { provider, region } = props;
    const tags = { ...props.tags };
    const common = {
      provider,
      region,
      loggingLevel: props.loggingLevel ?? "ERROR",
      guardrailPolicyArns: [...(props.guardrailPolicyArns ?? defaultChatbotGuardrails(props.partition))],
      userAuthorizationRequired: props.userAuthorizationRequired ?? true,
      tags,
    };
    this.role = named(
      new IamRole(this, "Role", {
        provider,
        name: props.roleName,
        description: "AWS Chatbot channels of GuardDuty finding notifications (notifications only)",
        assumeRolePolicy: jsonDocument(chatbotTrustPolicy()),
        tags,
      }),
    );
    this.rolePolicy = named(
      new IamRolePolicy(this, "RolePolicy", {
        provider,
        role: this.role.name,
        name: "notifications-only",
        policy: jsonDocument(chatbotNotificationsOnlyPolicy()),
      }),
    );
    const slack: Record<string, ChatbotSlackChannelConfiguration> = {};
    const workspaces: Record<string, DataAwsChatbotSlackWorkspace> = {};
    for (const s of props.slack ?? []) {
      let lifecycle: ChatbotSlackChannelConfiguration["lifecycle"];
      if (s.workspaceName !== undefined) {
        const workspace = named(new DataAwsChatbotSlackWorkspace(this, `${s.key}-workspace`, { provider, region, slackTeamName: s.workspaceName }));
        workspaces[s.key] = workspace;
        lifecycle = { precondition: [slackWorkspacePrecondition(workspace.slackTeamId, s.workspaceId, s.workspaceName, region)] };
      }
      slack[s.key] = named(
        new ChatbotSlackChannelConfiguration(this, s.key, {
          ...common,
          lifecycle,
          configurationName: s.configurationName,
          iamRoleArn: this.role.arn,
          slackTeamId: s.workspaceId,
          slackChannelId: s.channelId,
          snsTopicArns: [s.topicArn],
        }),
      );
    }
    const teams: Record<string, ChatbotTeamsChannelConfiguration> = {};
    for (const t of props.teams ?? []) {
      teams[t.key] = named(
        new ChatbotTeamsChannelConfiguration(this, t.key, {
          ...common,
          configurationName: t.configurationName,
          iamRoleArn: this.role.arn,
          tenantId: t.tenantId,
          teamId: t.teamId,
          channelId: encodeTeamsChannelId(t.channelId),
          snsTopicArns: [t.topicArn],
        }),
      );
    }
    this.slack = slack;
    this.teams = teams;
    this.slackWorkspaces = workspaces;
  }
}

/**
 * The precondition of a Slack channel configuration: the workspace authorized in Chatbot under `workspaceName` is
 * `workspaceId`. `slackTeamId` is the `slack_team_id` the data source read.
 */
export function slackWorkspacePrecondition(slackTeamId: string, workspaceId: string, workspaceName: string, region: string) {
  return {
    condition: `\${${slackTeamId} == ${JSON.stringify(workspaceId)}}`,
    errorMessage:
      `The Slack workspace ${workspaceName} (${workspaceId}) is not authorized in AWS Chatbot: the workspace authorized under that name has another ID. ` +
      `Nothing was changed. In the AWS Chatbot console of the security (GuardDuty administrator) account, region ${region} ` +
      "(Amazon Q Developer in chat applications > Configure new client > Slack), authorize the workspace, or correct workspaceId or workspaceName; then plan again.",
  };
}
