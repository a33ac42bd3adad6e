import { readFileSync } from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import { parseEstate } from "../../modules/config/load";
import { EstateStack } from "../../modules/estate/estate-stack";
import type { SynthDoc } from "../helpers";

export const EXAMPLE_FILE = path.join(__dirname, "../../examples/organization/estate.json");

/** The bundled example's estate file, parsed as raw JSON (a fresh copy each call). */
export function exampleRaw(): any {
  return JSON.parse(readFileSync(EXAMPLE_FILE, "utf8"));
}

/** Synthesizes an estate file's JSON into one stack document. */
export function synthEstate(raw: unknown): { text: string; doc: SynthDoc } {
  const stack = new EstateStack(Testing.app(), parseEstate(raw));
  const text = Testing.synth(stack);
  return { text, doc: JSON.parse(text) };
}

/** Every stack an estate file synthesizes into, through a whole app synth (as `npm run synth` does), with the manifest. */
export function synthApp(raw: unknown): { stacks: Record<string, SynthDoc>; dependencies: Record<string, string[]>; outdir: string } {
  const app = Testing.app();
  new EstateStack(app, parseEstate(raw));
  app.synth();
  const manifest = JSON.parse(readFileSync(path.join(app.outdir, "manifest.json"), "utf8"));
  const stacks: Record<string, SynthDoc> = {};
  const dependencies: Record<string, string[]> = {};
  for (const [name, s] of Object.entries<any>(manifest.stacks)) {
    stacks[name] = JSON.parse(readFileSync(path.join(app.outdir, s.synthesizedStackPath), "utf8"));
    dependencies[name] = s.dependencies;
  }
  return { stacks, dependencies, outdir: app.outdir };
}

/** The example with three invited members (two more than the bundled file) and a `stacks` section. */
export function splitRaw(stacks: Record<string, unknown>): any {
  const raw = exampleRaw();
  raw.invitedMembers.push(
    { accountId: "555566667777", email: "root+b@example.com" },
    { accountId: "666677778888", email: "root+c@example.com" },
  );
  return { ...raw, stacks };
}
