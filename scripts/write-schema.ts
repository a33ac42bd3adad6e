/**
 * Writes modules/config/estate.schema.json, the JSON Schema editors use to complete and check estate files
 * (`"$schema": "../../modules/config/estate.schema.json"`). Generated from `estateSchema`, so it never drifts:
 * test/config/json-schema.test.ts fails when the committed file differs. Run `npm run schema` after changing the schema.
 *
 * The JSON Schema expresses shape: types, required and allowed keys, enums, patterns, lengths. Checks of fields
 * against each other (estateIssues) and refinements (known region codes, relative paths) are the loader's; region
 * codes are added here as an enum for completion.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { z } from "zod";
import { estateSchema } from "../modules/config/estate-schema";
import { regionSchema } from "../modules/config/primitives";
import { REGIONS } from "../modules/topology/regions";

/** Where the schema is committed. */
export const SCHEMA_FILE = path.join(__dirname, "..", "modules", "config", "estate.schema.json");

/** The estate file's JSON Schema (draft 2020-12), as a plain object. */
export function estateJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(estateSchema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema === regionSchema) ctx.jsonSchema.enum = Object.keys(REGIONS).sort();
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: "guardduty-cdktf estate",
    description:
      "A GuardDuty estate for guardduty-cdktf: accounts, regions, protection plans, the management account, organization " +
      "and invited members, backend, tags, export, notifications, stacks. " +
      "Generated from estateSchema (modules/config/*-schema.ts) by `npm run schema`; the loader also checks fields against each other.",
    ...rest,
  };
}

/** The file's text: two-space JSON and a final newline. */
export function estateJsonSchemaText(): string {
  return `${JSON.stringify(estateJsonSchema(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(SCHEMA_FILE, estateJsonSchemaText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
}
