/**
 * GuardDuty for accounts that are NOT in an AWS Organization: one administrator account invites the others
 * (invitation-based membership), and each member creates its own detector and accepts the invitation from its own
 * side, through its own provider. No management account and no delegated administrator are involved.
 *
 * `npx tsx examples/invited-members/index.ts`
 */
import { App, TerraformStack } from "cdktf";
import {
  AdministratorDetectors, configureBackend, InvitedMembers, resolvePlans, Topology, type InvitedMember,
} from "../../modules";

/** The account that administers GuardDuty for the others. */
export const ADMINISTRATOR = { accountId: "222222222222", roleArn: "arn:aws:iam::222222222222:role/GuardDutyAdministratorDeployer" };

/** Standalone accounts (not in any organization): each has a role Terraform assumes to accept from its side. */
export const MEMBERS = [
  { accountId: "444455556666", email: "aws-root+analytics@example.com", roleArn: "arn:aws:iam::444455556666:role/GuardDutyMemberDeployer" },
  { accountId: "777788889999", email: "aws-root+partner-portal@example.com", roleArn: "arn:aws:iam::777788889999:role/GuardDutyMemberDeployer" },
];

export const HOME_REGION = "eu-west-1";
export const REGIONS = ["eu-west-1", "us-east-1"];

/** What {@link build} adds. */
export interface InvitedEstate {
  readonly stack: TerraformStack;
  readonly topology: Topology;
  readonly administrator: AdministratorDetectors;
  readonly members: InvitedMembers;
}

/** Adds the stack `guardduty-invited` to `app`. */
export function build(app: App): InvitedEstate {
  const stack = new TerraformStack(app, "guardduty-invited");
  configureBackend(stack, {
    type: "s3",
    bucket: "example-terraform-state-222222222222",
    key: "guardduty/invited.tfstate",
    region: HOME_REGION,
    useLockfile: true,
  });

  // One provider per account, pinned to it: `administrator`, `member-444455556666`, `member-777788889999`.
  const topology = new Topology(stack, "Providers", {
    partition: "aws",
    homeRegion: HOME_REGION,
    accounts: [
      { alias: "administrator", ...ADMINISTRATOR },
      ...MEMBERS.map((m) => ({ alias: `member-${m.accountId}`, accountId: m.accountId, roleArn: m.roleArn })),
    ],
    defaultTags: { owner: "security", "managed-by": "guardduty-cdktf" },
  });

  // The administrator's own detectors. GuardDutyOrganization is not used: it would designate a delegated
  // administrator through AWS Organizations, which these accounts are not part of.
  // The same protection plans on the administrator and, once they accept, on every member (set by the administrator).
  const protectionPlans = resolvePlans(undefined, "NONE");
  const administrator = new AdministratorDetectors(stack, "Administrator", {
    provider: topology.provider(ADMINISTRATOR.accountId),
    regions: REGIONS,
    protectionPlans,
  });

  // Invitations from the administrator; each member's detector and acceptance through the member's provider.
  const invited: InvitedMember[] = MEMBERS.map((m) => ({
    accountId: m.accountId,
    email: m.email,
    provider: topology.provider(m.accountId),
    invitationMessage: "GuardDuty for this account is administered by the Security team (security@example.com).",
  }));
  const members = new InvitedMembers(stack, "Invited", {
    administratorProvider: topology.provider(ADMINISTRATOR.accountId),
    administratorAccountId: ADMINISTRATOR.accountId,
    administratorDetector: administrator.detector,
    regions: REGIONS,
    members: invited,
    protectionPlans,
  });
  return { stack, topology, administrator, members };
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
