import * as path from "path";
import { LocalBackend, S3Backend, TerraformStack, type S3BackendConfig } from "cdktf";
import type { BackendConfig } from "../config/estate-schema";

/** S3 backend settings plus S3-native locking (`use_lockfile`, Terraform >= 1.10), which cdktf 0.21 does not type. */
export interface S3LockfileBackendConfig extends S3BackendConfig {
  /** Lock the state with a lock file next to it. @default - Terraform's default (no locking); configureBackend passes true */
  readonly useLockfile?: boolean;
}

/** The S3 backend with a typed `useLockfile` (cdktf passes every prop through, snake-cased). */
export class S3LockfileBackend extends S3Backend {
  constructor(scope: TerraformStack, props: S3LockfileBackendConfig) {
    super(scope, props);
  }
}

/** Where cdktf puts a stack's Terraform working directory, relative to the project root. */
export function stackWorkingDirectory(stackName: string): string {
  return path.posix.join("cdktf.out", "stacks", stackName);
}

/**
 * Configures a stack's backend from the estate file. A local state path is given relative to the project root
 * and written relative to the stack's working directory, so no absolute path of this machine lands in cdktf.out.
 */
export function configureBackend(stack: TerraformStack, backend: BackendConfig): LocalBackend | S3Backend {
  const stackName = stack.node.id;
  if (backend.type === "local") {
    const fromRoot = backend.path ?? `terraform.${stackName}.tfstate`;
    return new LocalBackend(stack, { path: path.posix.relative(stackWorkingDirectory(stackName), path.posix.normalize(fromRoot)) });
  }
  return new S3LockfileBackend(stack, {
    bucket: backend.bucket,
    key: backend.key,
    region: backend.region,
    encrypt: true,
    useLockfile: backend.useLockfile ?? true,
    ...(backend.kmsKeyId ? { kmsKeyId: backend.kmsKeyId } : {}),
    ...(backend.roleArn ? { assumeRole: { roleArn: backend.roleArn } } : {}),
  });
}
