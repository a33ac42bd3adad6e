import { ChatbotSlackChannelConfiguration } from "@cdktf/provider-aws/lib/chatbot-slack-channel-configuration";
import { ChatbotTeamsChannelConfiguration } from "@cdktf/provider-aws/lib/chatbot-teams-channel-configuration";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { ChatbotChannels, ChatbotChannelsProps } from "../../modules/notifications/chatbot-channels";
import { addresses, resources, testStack } from "../helpers";
import { expectAllReported, foreignProvider } from "../topology/props-error";

function build(props: Partial<ChatbotChannelsProps> = {}) {
  const t = testStack();
  new ChatbotChannels(t.stack, "Chatbot", {
    provider: t.provider, partition: "aws", region: "eu-west-1", roleName: "gd-chatbot",
    slack: [{ key: "slack-secops", configurationName: "gd-slack-secops", workspaceId: "T0123ABCDE", channelId: "C0123ABCDE", topicArn: "arn:aws:sns:eu-west-1:222222222222:gd-slack-secops" }],
    teams: [{
      key: "teams-soc", configurationName: "gd-teams-soc", tenantId: "00000000-1111-2222-3333-444444444444",
      teamId: "55555555-6666-7777-8888-999999999999", channelId: "19:0123abcd@thread.tacv2", topicArn: "arn:aws:sns:eu-west-1:222222222222:gd-teams-soc",
    }],
    ...props,
  });
  return t.synth();
}

test("creates the channel role and one configuration per channel", () => {
  expect(addresses(build())).toEqual([
    "aws_chatbot_slack_channel_configuration.chatbot_slack_secops",
    "aws_chatbot_teams_channel_configuration.chatbot_teams_soc",
    "aws_iam_role.chatbot_role",
    "aws_iam_role_policy.chatbot_role_policy",
  ]);
});

test("places configurations in the Chatbot region and subscribes each to its own topic", () => {
  const doc = build();
  const slack = resources(doc, ChatbotSlackChannelConfiguration).chatbot_slack_secops;
  expect(slack).toMatchObject({
    region: "eu-west-1", configuration_name: "gd-slack-secops", slack_team_id: "T0123ABCDE", slack_channel_id: "C0123ABCDE",
    sns_topic_arns: ["arn:aws:sns:eu-west-1:222222222222:gd-slack-secops"], iam_role_arn: "${aws_iam_role.chatbot_role.arn}",
  });
  const teams = resources(doc, ChatbotTeamsChannelConfiguration).chatbot_teams_soc;
  expect(teams).toMatchObject({ region: "eu-west-1", channel_id: "19%3a0123abcd%40thread.tacv2", team_id: "55555555-6666-7777-8888-999999999999" });
});

test("defaults to ERROR logging, read-only guardrails and required user authorization", () => {
  for (const config of [
    resources(build(), ChatbotSlackChannelConfiguration).chatbot_slack_secops,
    resources(build(), ChatbotTeamsChannelConfiguration).chatbot_teams_soc,
  ]) {
    expect(config.logging_level).toBe("ERROR");
    expect(config.guardrail_policy_arns).toEqual(["arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess"]);
    expect(config.user_authorization_required).toBe(true);
  }
});

test("takes logging level, guardrails and user authorization from props", () => {
  const slack = resources(build({ loggingLevel: "INFO", guardrailPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"], userAuthorizationRequired: false }), ChatbotSlackChannelConfiguration).chatbot_slack_secops;
  expect(slack).toMatchObject({ logging_level: "INFO", guardrail_policy_arns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"], user_authorization_required: false });
});

test("the role trusts Chatbot and may only read CloudWatch", () => {
  const doc = build();
  const role = resources(doc, IamRole).chatbot_role;
  expect(JSON.parse(role.assume_role_policy).Statement).toEqual([{ Sid: "AllowChatbot", Effect: "Allow", Principal: { Service: "chatbot.amazonaws.com" }, Action: "sts:AssumeRole" }]);
  expect(JSON.parse(resources(doc, IamRolePolicy).chatbot_role_policy.policy).Statement[0].Action).toEqual(["cloudwatch:Describe*", "cloudwatch:Get*", "cloudwatch:List*"]);
});

test("fails on a region that does not serve the Chatbot API", () => {
  expect(() => build({ region: "us-east-1" as never })).toThrow('region must be a region that serves the Chatbot API (us-east-2, us-west-2, eu-west-1, ap-southeast-1); got "us-east-1"');
});

test("creates only the channels given: no Teams configuration without teams", () => {
  expect(addresses(build({ teams: undefined })).filter((a) => a.includes("teams"))).toEqual([]);
});

test("with workspaceName, the plan reads the authorized workspace and stops with the instruction unless it is workspaceId", () => {
  const doc = build({
    slack: [{
      key: "slack-secops", configurationName: "gd-slack-secops", workspaceId: "T0123ABCDE", workspaceName: "Example Corp",
      channelId: "C0123ABCDE", topicArn: "arn:aws:sns:eu-west-1:222222222222:gd-slack-secops",
    }],
  });
  expect(doc.data!.aws_chatbot_slack_workspace.chatbot_slack_secops_workspace).toMatchObject({ slack_team_name: "Example Corp", region: "eu-west-1" });
  const [precondition] = resources(doc, ChatbotSlackChannelConfiguration).chatbot_slack_secops.lifecycle.precondition;
  expect(precondition.condition).toBe('${data.aws_chatbot_slack_workspace.chatbot_slack_secops_workspace.slack_team_id == "T0123ABCDE"}');
  expect(precondition.error_message).toContain("Nothing was changed. In the AWS Chatbot console of the security (GuardDuty administrator) account, region eu-west-1");
  expect(precondition.error_message).toContain("Example Corp (T0123ABCDE)");
});

test("without workspaceName, no data source and no precondition (the review lists the manual step)", () => {
  const doc = build();
  expect(doc.data).toBeUndefined();
  expect(resources(doc, ChatbotSlackChannelConfiguration).chatbot_slack_secops.lifecycle).toBeUndefined();
});

test("fails on an empty workspaceName", () => {
  expect(() => build({
    slack: [{ key: "slack-secops", configurationName: "c", workspaceId: "T0123ABCDE", workspaceName: " ", channelId: "C0123ABCDE", topicArn: "arn:x" }],
  })).toThrow(`slack slack-secops: workspaceName must be the workspace's name as the Chatbot console shows it; got " "`);
});

test("fails with every problem at once: a foreign provider, a region without Chatbot and an empty workspace name", () => {
  const { app } = testStack();
  expectAllReported(() => build({
    provider: foreignProvider(app), region: "us-east-1" as never,
    slack: [{ key: "slack-secops", configurationName: "c", workspaceId: "T0123ABCDE", workspaceName: "", channelId: "C0123ABCDE", topicArn: "arn:aws:sns:eu-west-1:222222222222:t" }],
  }), 'ChatbotChannels "test/Chatbot"', [
    ["provider", 'provider must be a provider of stack "test"; got provider "foreign" of stack "other"'],
    ["region", 'region must be a region that serves the Chatbot API (us-east-2, us-west-2, eu-west-1, ap-southeast-1); got "us-east-1"'],
    ["slack[slack-secops].workspaceName", `slack slack-secops: workspaceName must be the workspace's name as the Chatbot console shows it; got ""`],
  ]);
});
