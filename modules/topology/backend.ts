import * as path from "path";
import { LocalBackend, S3Backend, TerraformStack, type S3BackendConfig } from "cdktf";
import type { IConstruct } from "constructs";
import type { BackendConfig } from "../config/estate-schema";
import { assertSameRuntime } from "./runtime";

/**
 * The context key under which CDK Terrain (cdktn) reads the Terraform and OpenTofu versions a project targets (from
 * `targetVersions` in cdktf.json, or any construct's context); cdktf 0.21 ignores it.
 */
export const TARGET_VERSIONS_CONTEXT_KEY = "targetVersions";

/** Terraform and OpenTofu versions, as npm semver ranges per product (cdktn's `targetVersions`). */
export interface TargetVersions {
  readonly terraform?: string;
  readonly opentofu?: string;
}

/** What S3-native state locking (`use_lockfile`) needs: Terraform 1.10, OpenTofu 1.10. */
export const S3_LOCKFILE_TARGET_VERSIONS: TargetVersions = { terraform: ">=1.10.0", opentofu: ">=1.10.0" };

/**
 * Declares target versions on `holder` (a stack before anything is added to it, or a backend), unless the app
 * (cdktf.json `targetVersions`) or a scope of `holder` already declares some: a declaration of the user's is kept, and
 * cdktn reports it if it is too old for what the stack uses. Returns the target versions in effect at `holder`.
 */
export function declareTargetVersions(holder: IConstruct, needed: TargetVersions): TargetVersions {
  const declared = holder.node.tryGetContext(TARGET_VERSIONS_CONTEXT_KEY) as TargetVersions | undefined;
  if (declared !== undefined) return declared;
  holder.node.setContext(TARGET_VERSIONS_CONTEXT_KEY, { ...needed });
  return needed;
}

/** S3 backend settings plus S3-native locking (`use_lockfile`, Terraform >= 1.10), which cdktf 0.21 does not type. */
export interface S3LockfileBackendConfig extends S3BackendConfig {
  /** Lock the state with a lock file next to it. @default - Terraform's default (no locking); configureBackend passes true */
  readonly useLockfile?: boolean;
}

/**
 * The S3 backend with a typed `useLockfile` (cdktf passes every prop through, snake-cased). With the lock file, it
 * declares Terraform and OpenTofu >= 1.10 as the target versions (cdktn checks the lock file against them and
 * refuses the stack without a declaration), unless the app declares its own.
 */
export class S3LockfileBackend extends S3Backend {
  /** The target versions in effect for this backend; undefined without the lock file. */
  public readonly targetVersions?: TargetVersions;

  constructor(scope: TerraformStack, props: S3LockfileBackendConfig) {
    assertSameRuntime(scope);
    // On the stack when the backend is its first child (context can only be set on a construct without children),
    // so that all the stack holds is checked against the versions its state needs; else on the backend alone.
    if (props.useLockfile && scope.node.children.length === 0) declareTargetVersions(scope, S3_LOCKFILE_TARGET_VERSIONS);
    super(scope, props);
    if (props.useLockfile) this.targetVersions = declareTargetVersions(this, S3_LOCKFILE_TARGET_VERSIONS);
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
  assertSameRuntime(stack);
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
