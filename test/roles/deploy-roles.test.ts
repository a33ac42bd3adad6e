/**
 * The deploy roles of the example estate, proven with the IAM simulator: each account's role may do every action of
 * the types placed in it, on that account's ARNs; not on another account's, not iam:CreateRole on "*", and not the
 * actions of types the account does not hold. One concrete ARN per action (the first pattern of its scope).
 */
import * as path from "path";
import { loadEstate } from "../../modules/config/load";
import { ACTION_SCOPES } from "../../modules/roles/action-scopes";
import { accountActions, accountTypes } from "../../modules/roles/deploy-policies";
import { deployRoles, synthesizeEstate } from "../../modules/roles/estate-roles";
import { DATA_SOURCE_ACTIONS, RESOURCE_ACTIONS } from "../../modules/roles/provider-actions";
import { decide } from "../export/simulate";

const config = loadEstate(path.join(__dirname, "..", "..", "examples", "organization", "estate.json"));
const stacks = synthesizeEstate(config);
const roles = deployRoles(config, stacks);
const accounts = accountTypes(stacks);

/** A concrete ARN for an action in an account. */
function arnFor(action: string, accountId: string): string {
  const scope = ACTION_SCOPES[action];
  if (scope === "*") return "*";
  return scope[0].replace(/\$\{Partition\}/g, "aws").replace(/\$\{Account\}/g, accountId).replace(/\$\{Region\}/g, "eu-west-1").replace(/\$\{[A-Za-z]+\}/g, "1234abcd-12ab-34cd-56ef-1234567890ab");
}

describe("deploy roles of examples/organization", () => {
  it("every synthesized type has an entry in the table", () => {
    for (const a of accounts) {
      for (const t of a.resourceTypes) expect(Object.hasOwn(RESOURCE_ACTIONS, t) ? t : `missing ${t}`).toBe(t);
      for (const t of a.dataTypes) expect(Object.hasOwn(DATA_SOURCE_ACTIONS, t) ? t : `missing data ${t}`).toBe(t);
    }
  });

  for (const account of accounts) {
    const role = roles.find((r) => r.alias === account.alias)!;
    const principal = `arn:aws:iam::${account.accountId}:role/deploy`;
    const other = account.accountId === "999999999999" ? "888888888888" : "999999999999";
    it(`${account.alias}: every action of its types is allowed on its own ARNs, refused on another account's`, async () => {
      for (const action of accountActions(account)) {
        const resource = arnFor(action, account.accountId);
        const context: Record<string, string> = resource.startsWith("arn:aws:s3:") ? { "aws:ResourceAccount": account.accountId } : {};
        // A KMS key's policy must delegate to the account's IAM (the estate's key policies do: modules/export/key-policy.ts).
        const keyPolicy = resource.startsWith("arn:aws:kms:")
          ? { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account.accountId}:root` }, Action: "kms:*", Resource: "*" }] }
          : undefined;
        expect([action, await decide({ principal, action, resource, resourceAccount: account.accountId, identityPolicy: role.policy as never, context, ...(keyPolicy ? { resourcePolicy: keyPolicy as never } : {}) })]).toEqual([action, "Allowed"]);
        if (resource !== "*" && !resource.startsWith("arn:aws:s3:")) {
          const foreign = arnFor(action, other);
          expect([action, await decide({ principal, action, resource: foreign, resourceAccount: other, identityPolicy: role.policy as never })]).toEqual([action, "ImplicitlyDenied"]);
        }
      }
    });
    it(`${account.alias}: iam:CreateRole in another account and actions of types it does not hold are refused`, async () => {
      expect(await decide({ principal, action: "iam:CreateRole", resource: `arn:aws:iam::${other}:role/admin`, resourceAccount: other, identityPolicy: role.policy as never })).toBe("ImplicitlyDenied");
      const held = new Set(accountActions(account));
      const notHeld = Object.values(RESOURCE_ACTIONS).flatMap((e) => e.create ?? []).filter((a) => !held.has(a));
      for (const action of [...new Set(notHeld)].slice(0, 15)) {
        const resource = arnFor(action, account.accountId);
        expect([action, await decide({ principal, action, resource, resourceAccount: account.accountId, identityPolicy: role.policy as never })]).toEqual([action, "ImplicitlyDenied"]);
      }
    });
  }

  it("the invited member's role has the legacy invitation actions", () => {
    const member = roles.find((r) => r.alias.startsWith("member-"))!;
    const actions = JSON.stringify(member.policy);
    for (const a of ["guardduty:AcceptInvitation", "guardduty:GetMasterAccount", "guardduty:DisassociateFromMasterAccount", "guardduty:TagResource"]) expect(actions).toContain(a);
  });
});
