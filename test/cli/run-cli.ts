/** Runs the command line in-process, capturing what it prints (shared by the CLI tests). */
import { runCli } from "../../modules/cli/cli";

export function run(...args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
