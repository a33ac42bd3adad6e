#!/usr/bin/env node
/**
 * The `guardduty-cdktf` executable (package.json `bin`): runs the bundled command, guardduty-cdktf.js beside this
 * file (scripts/build-cli.ts; the command itself is ./cli.ts), with a V8 code cache.
 *
 * Compiling the 3.6 MB bundle (cdktf, the provider classes, zod, this library) is a fifth of a synthesis. The first
 * run compiles it and, at exit, saves what V8 compiled to `<cache dir>/<node version>-<sha256 of the bundle>.bin`;
 * later runs hand that back to V8 (as Node 22's `module.enableCompileCache()` does; Node 20 has no such switch).
 * The key includes the bundle's content and the Node version, and V8 rejects data from another V8 or other flags,
 * in which case the bundle is compiled from source and the cache rewritten. A cache that cannot be read or written
 * (read-only file system) only costs the time; nothing else depends on it.
 *
 * Cached code is code that runs: the cache lives in the user's own cache directory (never a shared one like /tmp),
 * in a directory made private (0700), written 0600, and a file that another user owns or could have written
 * (group- or world-writable) is never read, only replaced.
 *
 * - `GUARDDUTY_CDKTF_CACHE_DIR`: the cache directory. @default `$XDG_CACHE_HOME/guardduty-cdktf`, else
 *   `~/.cache/guardduty-cdktf`; no cache without a home directory
 * - `GUARDDUTY_CDKTF_NO_CACHE=1`: neither read nor write a cache.
 */
import { createHash } from "crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from "fs";
import { createRequire, wrap } from "module";
import { homedir } from "os";
import * as path from "path";
import { Script } from "vm";

/** The bundle's file name, beside this file. */
export const BUNDLE_FILE = "guardduty-cdktf.js";

/** The user's cache directory for the code cache, or undefined when caching is off or there is no home. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.GUARDDUTY_CDKTF_NO_CACHE === "1") return undefined;
  if (env.GUARDDUTY_CDKTF_CACHE_DIR) return env.GUARDDUTY_CDKTF_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, "guardduty-cdktf");
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined; // no home directory (some containers): no cache rather than a shared one
  }
  return home ? path.join(home, ".cache", "guardduty-cdktf") : undefined;
}

/** Where the cache of `source` (the bundle's text or bytes) lives, or undefined when caching is off. */
export function codeCachePath(source: string | Buffer, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = codeCacheDir(env);
  if (!dir) return undefined;
  const digest = createHash("sha256").update(source).digest("hex").slice(0, 32);
  return path.join(dir, `${process.version}-${process.arch}-${digest}.bin`);
}

/** The cache's bytes, if the file exists and only this user could have written it. */
function readCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const stat = fstatSync(fd);
    const foreign = process.getuid !== undefined && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0);
    return foreign ? undefined : readFileSync(fd); // a foreign file is compiled around, then replaced
  } catch {
    return undefined; // first run, or an unreadable cache: compile from source
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeCache(file: string, data: Buffer): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, file); // whole or not at all, even with runs in parallel
  } catch {
    // a read-only or full file system: the next run compiles from source again
  }
}

/** Runs the bundle at `bundlePath` as a CommonJS module, with the code cache. */
export function runBundle(bundlePath: string): void {
  const bytes = readFileSync(bundlePath);
  const cacheFile = codeCachePath(bytes); // the digest of the bytes: no second UTF-8 encoding of 3.6 MB
  const source = bytes.toString("utf8");
  const cachedData = readCache(cacheFile);
  const script = new Script(wrap(source), { filename: bundlePath, cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // At exit, the data holds every function compiled during the run, not only the top level.
    process.once("exit", () => writeCache(cacheFile, script.createCachedData()));
  }
  const module = { exports: {} };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, path.dirname(bundlePath));
}

if (require.main === module) runBundle(path.join(__dirname, BUNDLE_FILE));
