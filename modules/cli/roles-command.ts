/** `guardduty-cdktf roles <estate.json> --out <dir> [--account <alias>]`: each account's deploy role policies. */
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import type { EstateConfig } from "../config/estate-config";
import { deployRoles } from "../roles/estate-roles";

/** Writes `<dir>/<alias>.policy.json` and `<alias>.trust.json`; exit 1 (nothing written) on an unknown alias. */
export function rolesCommand(
  config: EstateConfig,
  options: Readonly<Record<string, string>>,
  output: { out: (t: string) => void; err: (t: string) => void },
): number {
  const outdir = options.out ?? "roles";
  const all = deployRoles(config);
  const wanted = options.account === undefined ? all : all.filter((r) => r.alias === options.account);
  if (wanted.length === 0) {
    output.err(
      `guardduty-cdktf: --account: unknown account alias ${JSON.stringify(options.account)}; expected one of ${all.map((r) => r.alias).join(", ")}\nNothing was written.\n`,
    );
    return 1;
  }
  mkdirSync(outdir, { recursive: true });
  for (const role of wanted) {
    writeFileSync(path.join(outdir, `${role.alias}.policy.json`), `${JSON.stringify(role.policy, null, 2)}\n`);
    writeFileSync(path.join(outdir, `${role.alias}.trust.json`), `${JSON.stringify(role.trust, null, 2)}\n`);
    output.out(`  ${role.alias} (${role.accountId}): ${path.join(outdir, `${role.alias}.policy.json`)}, ${role.alias}.trust.json\n`);
  }
  return 0;
}
