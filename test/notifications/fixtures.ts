import { TerraformStack } from "cdktf";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { FindingNotificationsProps } from "../../modules/notifications";
import { ACCOUNTS } from "../helpers";

/** Home region and estate regions used across notification tests (one opt-in region included). */
export const HOME = "eu-west-1";
export const REGIONS = ["eu-west-1", "us-east-1", "me-south-1"] as const;

/** A full set of channels: email, Slack, Teams, Lambda, webhook and a Step Functions target. */
export function fullProps(provider: AwsProvider, overrides: Partial<FindingNotificationsProps> = {}): FindingNotificationsProps {
  return {
    partition: "aws",
    homeRegion: HOME,
    regions: [...REGIONS],
    accountId: ACCOUNTS.security,
    provider,
    channels: {
      email: { addresses: ["secops@example.com", "oncall@example.com"] },
      slack: [{ name: "secops", workspaceId: "T0123ABCDE", channelId: "C0123ABCDE" }],
      teams: [{
        name: "soc",
        tenantId: "00000000-1111-2222-3333-444444444444",
        teamId: "55555555-6666-7777-8888-999999999999",
        channelId: "19%3a0123abcd%40thread.tacv2",
      }],
      lambda: [{ name: "respond", functionArn: `arn:aws:lambda:${HOME}:${ACCOUNTS.security}:function:respond`, minSeverity: "HIGH" }],
      webhooks: [{
        name: "pager",
        endpoint: "https://events.pager.example.com/v2/enqueue",
        secretHeader: { headerName: "Authorization", valuePrefix: "Bearer ", secretsManagerSecretId: "guardduty/pager-token" },
        minSeverity: "CRITICAL",
      }],
      targets: [{ name: "triage", arn: `arn:aws:states:${HOME}:${ACCOUNTS.security}:stateMachine:triage`, minSeverity: 7 }],
    },
    detectors: REGIONS.map((region) => ({ region, detectorId: `${region.replace(/-/g, "")}detector` })),
    ...overrides,
  };
}

/** The stack of a construct, for tests that need to resolve tokens. */
export const stackOf = TerraformStack.of;
