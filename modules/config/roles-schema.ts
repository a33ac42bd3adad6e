/** Estate file `deployRoles`: who may assume the deploy roles `guardduty-cdktf roles` writes. */
import { z } from "zod";

export const deployRolesSchema = z
  .strictObject({
    trustedPrincipalArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:(iam|sts)::\d{12}:(root|role\/.+|user\/.+|assumed-role\/.+)$/, {
        error: 'expected an IAM principal ARN, e.g. "arn:aws:iam::111122223333:role/ci-deploy"',
      })
      .describe("The principal (e.g. the CI role) allowed to assume each account's deploy role."),
    externalId: z
      .string()
      .regex(/^[\w+=,.@:\/-]{2,1224}$/, { error: "expected 2 to 1224 characters of letters, digits and +=,.@:/-" })
      .optional()
      .describe("Required as sts:ExternalId when the trusted principal assumes a deploy role."),
  })
  .describe("Deploy roles: the trust of the roles `guardduty-cdktf roles` writes per account.");

export type DeployRolesConfig = z.infer<typeof deployRolesSchema>;
