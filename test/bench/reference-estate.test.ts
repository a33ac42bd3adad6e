import { parseEstate } from "../../modules/config/load";
import { DEFAULT_ENABLED_COMMERCIAL_REGIONS } from "../../modules/topology/regions";
import { ORG_1000, referenceEstate } from "../../scripts/bench/reference-estate";

test("org-1000 is a valid estate: 1,000 listed organization members, 50 invited, the 17 default-enabled regions", () => {
  const config = parseEstate(referenceEstate(ORG_1000), "org-1000");
  expect(config.organizationMembers).toHaveLength(1000);
  expect(config.invitedMembers).toHaveLength(50);
  expect(config.regions).toEqual([...DEFAULT_ENABLED_COMMERCIAL_REGIONS].sort());
  expect(config.stacks).toEqual({ split: "none" });
});

test("every listed member overrides a plan; every 10th keeps EKS audit logs off", () => {
  const config = parseEstate(referenceEstate(ORG_1000));
  const off = config.organizationMembers.filter((m) => m.protectionPlans.EKS_AUDIT_LOGS === false);
  expect(off).toHaveLength(100);
  expect(off.every((m) => Number(m.accountId) % 10 === 0)).toBe(true);
  expect(config.organizationMembers.every((m) => Object.keys(m.protectionPlans).length === 1)).toBe(true);
});

test("export with SIEM reader and SQS queue, and every notification channel", () => {
  const config = parseEstate(referenceEstate(ORG_1000));
  expect(config.export).toMatchObject({ siemReader: { type: "google-federation" }, sqsQueue: true });
  expect(Object.keys(config.notifications!.channels).sort()).toEqual(["email", "lambda", "slack", "targets", "teams", "webhooks"]);
});

test("sizes and stacks are options", () => {
  const raw: any = referenceEstate({ organizationMembers: 2000, invitedMembers: 200, stacks: { split: "region", invitedMemberGroups: 8 } });
  const config = parseEstate(raw);
  expect([config.organizationMembers.length, config.invitedMembers.length]).toEqual([2000, 200]);
  expect(config.stacks).toEqual({ split: "region", invitedMemberGroups: 8 });
});
