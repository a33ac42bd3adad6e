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
