import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { DeliveryRole } from "../../modules/notifications/delivery-role";
import { ACCOUNTS, addresses, resources, testStack } from "../helpers";
import { decide } from "./simulate";
import { expectAllReported, foreignProvider } from "../topology/props-error";

const MACHINE = `arn:aws:states:eu-west-1:${ACCOUNTS.security}:stateMachine:triage`;

function build() {
  const t = testStack();
  new DeliveryRole(t.stack, "Delivery", {
    provider: t.provider, roleName: "gd-delivery", accountId: ACCOUNTS.security,
    grants: [{ sid: "DeliverTargetTriage", actions: ["states:StartExecution"], resource: MACHINE }],
  });
  return t.synth();
}

test("creates the role and its inline policy", () => {
  expect(addresses(build())).toEqual(["aws_iam_role.delivery_role", "aws_iam_role_policy.delivery_policy"]);
  expect(resources(build(), IamRole).delivery_role.name).toBe("gd-delivery");
});

test("only our account's EventBridge may assume it, and it may only start the given state machine", async () => {
  const doc = build();
  const trust = JSON.parse(resources(doc, IamRole).delivery_role.assume_role_policy);
  const policy = JSON.parse(resources(doc, IamRolePolicy).delivery_policy.policy);
  const role = `arn:aws:iam::${ACCOUNTS.security}:role/gd-delivery`;
  const assume = (account: string) => decide({ principal: "events.amazonaws.com", action: "sts:AssumeRole", resource: role, resourceAccount: ACCOUNTS.security, context: { "aws:SourceAccount": account }, resourcePolicy: trust });
  expect(await assume(ACCOUNTS.security)).toBe("Allowed");
  expect(await assume(ACCOUNTS.other)).toBe("ImplicitlyDenied");
  const start = (arn: string) => decide({ principal: role, action: "states:StartExecution", resource: arn, resourceAccount: ACCOUNTS.security, identityPolicy: policy });
  expect(await start(MACHINE)).toBe("Allowed");
  expect(await start(MACHINE.replace("triage", "other"))).toBe("ImplicitlyDenied");
});

test("fails with every problem at once: a foreign provider and no grant", () => {
  const { app, stack } = testStack();
  expectAllReported(() => new DeliveryRole(stack, "Delivery", { provider: foreignProvider(app), roleName: "gd-delivery", accountId: ACCOUNTS.security, grants: [] }),
    'DeliveryRole "test/Delivery"', [
      ["provider", 'provider must be a provider of stack "test"; got provider "foreign" of stack "other"'],
      ["grants", "the delivery role needs at least one grant; got none"],
    ]);
});
