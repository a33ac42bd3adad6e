import { resourceInstances } from "../../modules/review/synthesized";
import { addresses } from "../helpers";
import { exampleRaw, synthEstate } from "./fixtures";

/** Every instance address `terraform plan` would show. */
function planAddresses(raw: unknown): string[] {
  return resourceInstances(synthEstate(raw).doc as any).map((i) => i.address);
}

test("addresses are readable: account and region in the address, never a list index", () => {
  const all = planAddresses(exampleRaw());
  expect(all).toContain('aws_guardduty_detector.estate_organization_administrator_detector["me-south-1"]');
  expect(all).toContain('aws_guardduty_member.estate_organization_invited_invitation["eu-west-1/444455556666"]');
  expect(all).toContain('aws_guardduty_invite_accepter.estate_organization_invited_member_444455556666_accepter["us-east-1"]');
  for (const a of all) expect(a).not.toMatch(/\[\d+\]|_[0-9A-F]{8}\b/);
});

test("the example's resource addresses are pinned", () => {
  expect(addresses(synthEstate(exampleRaw()).doc)).toMatchSnapshot();
});

test("adding a region only adds addresses", () => {
  const before = planAddresses(exampleRaw());
  const raw = exampleRaw();
  raw.regions.push("ap-southeast-2");
  const after = planAddresses(raw);
  expect(after.length).toBeGreaterThan(before.length);
  expect(after).toEqual(expect.arrayContaining(before));
  expect(after.filter((a) => !before.includes(a)).every((a) => a.includes("ap-southeast-2"))).toBe(true);
});

test("adding an invited member only adds addresses", () => {
  const before = planAddresses(exampleRaw());
  const raw = exampleRaw();
  raw.invitedMembers.unshift({ accountId: "123412341234", email: "root+new@example.com" });
  const after = planAddresses(raw);
  expect(after).toEqual(expect.arrayContaining(before));
  expect(after.filter((a) => !before.includes(a)).every((a) => a.includes("123412341234"))).toBe(true);
});

test("reordering regions and invited members changes nothing", () => {
  const raw = exampleRaw();
  raw.invitedMembers.push({ accountId: "123412341234", email: "root+new@example.com" });
  const reordered = JSON.parse(JSON.stringify(raw));
  reordered.regions.reverse();
  reordered.invitedMembers.reverse();
  expect(synthEstate(reordered).text).toBe(synthEstate(raw).text);
});

test("synthesizing twice is byte-identical", () => {
  expect(synthEstate(exampleRaw()).text).toBe(synthEstate(exampleRaw()).text);
});
