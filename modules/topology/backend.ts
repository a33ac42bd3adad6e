import * as path from "path";
import { LocalBackend, S3Backend, TerraformStack, type S3BackendConfig } from "cdktf";
import type { BackendConfig } from "../config/estate-schema";

/** The S3 backend with S3-native locking (`use_lockfile`, Terraform >= 1.10), which cdktf 0.21 does not type. */
export class S3LockfileBackend extends S3Backend {
  constructor(scope: TerraformStack, private readonly lockProps: S3BackendConfig & { readonly useLockfile?: boolean }) {
    super(scope, lockProps);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const attributes = super.synthesizeAttributes();
    return this.lockProps.useLockfile === false ? attributes : { ...attributes, use_lockfile: true };
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
