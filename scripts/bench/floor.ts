/**
 * "floor" in the benchmark: the least a Node process can do to produce our output. It reads our synthesized
 * document (written beforehand by the `guardduty-cdktf` command), parses it and writes it again with JSON.stringify: process start,
 * the bytes in, the bytes out, nothing else. `node floor.js <our cdk.tf.json> <outdir>`
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";

const [input, outdir] = process.argv.slice(2);
const doc: unknown = JSON.parse(readFileSync(input, "utf8"));
mkdirSync(outdir, { recursive: true });
writeFileSync(path.join(outdir, "cdk.tf.json"), JSON.stringify(doc, null, 2));
