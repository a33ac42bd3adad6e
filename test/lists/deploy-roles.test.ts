/**
 * The deploy roles of examples/ip-lists (`guardduty-cdktf roles`): every synthesized type is in the provider-actions
 * table, and the administrator's role may create the lists, including the policy GuardDuty puts on its
 * service-linked role; the bucket account's role may upload them.
 */
import * as path from "path";
import { loadEstate } from "../../modules/config/load";
import { accountTypes } from "../../modules/roles/deploy-policies";
import { deployRoles, synthesizeEstate } from "../../modules/roles/estate-roles";
import { RESOURCE_ACTIONS } from "../../modules/roles/provider-actions";
import { decide } from "../export/simulate";

const config = loadEstate(path.join(__dirname, "..", "..", "examples", "ip-lists", "estate.json"));
const stacks = synthesizeEstate(config);
const roles = deployRoles(config, stacks);
const SLR = "arn:aws:iam::222222222222:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty";

test("every synthesized type of the lists example has an entry in the table", () => {
  const types = accountTypes(stacks).flatMap((a) => a.resourceTypes);
  expect(types).toEqual(expect.arrayContaining(["aws_guardduty_ipset", "aws_guardduty_threatintelset", "aws_s3_object"]));
  for (const t of types) expect(Object.hasOwn(RESOURCE_ACTIONS, t) ? t : `missing ${t}`).toBe(t);
});

test("the administrator's role creates the lists and the policy GuardDuty puts on its role; the bucket account's uploads", async () => {
  const security = roles.find((r) => r.alias === "security")!;
  const principal = "arn:aws:iam::222222222222:role/deploy";
  const ask = (action: string, resource: string, policy = security.policy, account = "222222222222") =>
    decide({ principal, action, resource, resourceAccount: account, identityPolicy: policy as never });
  expect(await ask("guardduty:CreateIPSet", "*")).toBe("Allowed");
  expect(await ask("guardduty:CreateThreatIntelSet", "*")).toBe("Allowed");
  expect(await ask("iam:PutRolePolicy", SLR)).toBe("Allowed");
  expect(await ask("iam:PutRolePolicy", SLR.replace("222222222222", "999999999999"), security.policy, "999999999999")).toBe("ImplicitlyDenied");
  const logArchive = roles.find((r) => r.alias === "log-archive")!;
  expect(await decide({
    principal: "arn:aws:iam::333333333333:role/deploy", action: "s3:PutObject",
    resource: "arn:aws:s3:::example-guardduty-findings-333333333333/guardduty-lists/office-egress-0123456789abcdef.txt",
    resourceAccount: "333333333333", identityPolicy: logArchive.policy as never, context: { "aws:ResourceAccount": "333333333333" },
  })).toBe("Allowed");
});
