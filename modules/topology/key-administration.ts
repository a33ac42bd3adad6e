/**
 * The statement every customer-managed key policy of this library starts with. Pure; no cdktf import.
 */
import { arns, type Partition } from "./regions";

/**
 * `EnableKeyAdministration`: `kms:*` for the owning account's root, which delegates the key's administration to
 * that account's IAM policies, so the key can never be locked out.
 */
export function keyAdministrationStatement(partition: Partition, accountId: string) {
  return {
    Sid: "EnableKeyAdministration",
    Effect: "Allow" as const,
    Principal: { AWS: arns.accountRoot(partition, accountId) },
    Action: "kms:*",
    Resource: "*",
  };
}
