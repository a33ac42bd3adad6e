/**
 * The deploy roles of the bundled examples and of the reference estates, proven with the IAM simulator per resource
 * instance (see role-simulation.ts): allowed on the instance's own ARNs, refused on another account's, no
 * iam:CreateRole on "*", nothing of the types an account does not hold.
 */
import * as path from "path";
import { loadEstate, parseEstate } from "../../modules/config/load";
import type { EstateConfig } from "../../modules/config/estate-config";
import { accountTypes } from "../../modules/roles/deploy-policies";
import { deployRoles, synthesizeEstate } from "../../modules/roles/estate-roles";
import { DATA_SOURCE_ACTIONS, RESOURCE_ACTIONS } from "../../modules/roles/provider-actions";
import { ORG_1000, referenceEstate } from "../../scripts/bench/reference-estate";
import { simulateRoles } from "./role-simulation";

const examples = path.join(__dirname, "..", "..", "examples");
const estates: [string, () => EstateConfig][] = [
  ["examples/organization", () => loadEstate(path.join(examples, "organization", "estate.json"))],
  ["examples/lambda-webhook", () => loadEstate(path.join(examples, "lambda-webhook", "estate.json"))],
  ["reference org-1000 (one stack)", () => parseEstate(referenceEstate(ORG_1000))],
  // Split per region: the same types spread over 17 regional stacks and two invited-member groups.
  ["reference, split per region", () => parseEstate(referenceEstate({ organizationMembers: 20, invitedMembers: 3, stacks: { split: "region", invitedMemberGroups: 2 } }))],
];

describe.each(estates)("deploy roles of %s", (_name, load) => {
  const config = load();
  const stacks = synthesizeEstate(config);
  const roles = deployRoles(config, stacks);

  it("every synthesized type has an entry in the table", () => {
    const missing = accountTypes(stacks).flatMap((a) => [
      ...a.resourceTypes.filter((t) => !Object.hasOwn(RESOURCE_ACTIONS, t)),
      ...a.dataTypes.filter((t) => !Object.hasOwn(DATA_SOURCE_ACTIONS, t)).map((t) => `data.${t}`),
    ]);
    expect(missing).toEqual([]);
  });

  it("each instance's actions are allowed on its ARN and refused on another account's; nothing else is allowed", async () => {
    const result = await simulateRoles(stacks, roles, config.homeRegion);
    expect(result.mismatches).toEqual([]);
    expect(result.allowed).toBeGreaterThan(20);
    expect(result.refused).toBeGreaterThan(result.allowed);
  }, 60_000);
});

test("the invited member's role has the legacy invitation actions and the detector's tag actions", () => {
  const config = loadEstate(path.join(examples, "organization", "estate.json"));
  const member = deployRoles(config).find((r) => r.alias.startsWith("member-"))!;
  const actions = member.policy.Statement.flatMap((s) => [s.Action].flat());
  expect(actions).toEqual(expect.arrayContaining(["guardduty:AcceptInvitation", "guardduty:GetMasterAccount", "guardduty:DisassociateFromMasterAccount", "guardduty:TagResource", "guardduty:UntagResource"]));
  expect(actions).not.toContain("guardduty:AcceptAdministratorInvitation");
});
