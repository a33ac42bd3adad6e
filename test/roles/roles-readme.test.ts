/** The README's table of deploy-role actions is generated from modules/roles/provider-actions.ts and kept current. */
import { readFileSync } from "fs";
import { BEGIN, END, README, rolesTable, withTable } from "../../scripts/roles-readme";
import { DATA_SOURCE_ACTIONS, RESOURCE_ACTIONS } from "../../modules/roles/provider-actions";

test("README.md holds the table generated from the code (run npm run roles:readme when this fails)", () => {
  const text = readFileSync(README, "utf8");
  expect(text.slice(text.indexOf(BEGIN) + BEGIN.length, text.indexOf(END)).trim()).toBe(rolesTable());
});

test("the table has one row per type, with the legacy invitation actions and each entry's provider file", () => {
  const table = rolesTable();
  const rows = table.split("\n").slice(2);
  expect(rows).toHaveLength(Object.keys(RESOURCE_ACTIONS).length + Object.keys(DATA_SOURCE_ACTIONS).length);
  const invite = rows.find((r) => r.startsWith("| `aws_guardduty_invite_accepter` |"))!;
  expect(invite).toContain("`guardduty:AcceptInvitation`");
  expect(invite).toContain("`guardduty:DisassociateFromMasterAccount`");
  expect(invite).toContain("/internal/service/guardduty/invite_accepter.go)");
  // No update step: "n/a"; a no-op delete: "-".
  expect(invite.split(" | ")[3]).toBe("n/a");
  expect(rows.find((r) => r.startsWith("| `aws_guardduty_detector_feature` |"))!.split(" | ")[4]).toBe("-");
});

test("fails naming the markers when README.md lost them", () => {
  expect(() => withTable("# no table here\n", rolesTable())).toThrow(/README\.md has no <!-- roles-table:begin .* markers/);
});
