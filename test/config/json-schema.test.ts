/**
 * The committed JSON Schema for editors (modules/config/estate.schema.json) is what scripts/write-schema.ts
 * generates from estateSchema, and it accepts the example and refuses what a JSON Schema can see is wrong.
 */
import { readFileSync } from "fs";
import { EXAMPLE_CONFIG } from "../../examples/organization";
import { parseEstate } from "../../modules/config/load";
import { REGIONS } from "../../modules/topology/regions";
import { estateJsonSchema, estateJsonSchemaText, SCHEMA_FILE } from "../../scripts/write-schema";

type Schema = Record<string, any>;

const SUPPORTED = new Set([
  "$schema", "title", "description", "type", "properties", "required", "additionalProperties", "propertyNames", "items",
  "minItems", "enum", "const", "pattern", "minLength", "maxLength", "format", "oneOf", "anyOf", "not",
  "minimum", "maximum", "default",
]);

/**
 * Errors of `value` against `schema`, for the keywords the generated schema uses (any other keyword is an error, so
 * this can never pass by ignoring something). `format` and `default` are annotations in draft 2020-12 and are not checked.
 */
function validate(schema: Schema, value: unknown, at = "$"): string[] {
  for (const k of Object.keys(schema)) if (!SUPPORTED.has(k)) return [`${at}: unsupported keyword ${k}`];
  const errors: string[] = [];
  const type = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
  if (schema.type && schema.type !== type && !(schema.type === "integer" && Number.isInteger(value))) {
    return [`${at}: expected ${schema.type}, got ${type}`];
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: not in enum`);
  if ("const" in schema && schema.const !== value) errors.push(`${at}: not ${JSON.stringify(schema.const)}`);
  if (typeof value === "string") {
    if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
    if (schema.minLength !== undefined && [...value].length < schema.minLength) errors.push(`${at}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) errors.push(`${at}: longer than ${schema.maxLength}`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${at}: less than ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${at}: more than ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.items) value.forEach((v, i) => errors.push(...validate(schema.items, v, `${at}[${i}]`)));
  }
  if (type === "object") {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) errors.push(`${at}: missing required ${key}`);
    for (const [key, v] of Object.entries(obj)) {
      if (schema.propertyNames) errors.push(...validate(schema.propertyNames, key, `${at}[key ${key}]`));
      if (schema.properties && key in schema.properties) errors.push(...validate(schema.properties[key], v, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: additional property ${key}`);
      else if (typeof schema.additionalProperties === "object") errors.push(...validate(schema.additionalProperties, v, `${at}.${key}`));
    }
  }
  if (schema.oneOf && schema.oneOf.filter((s: Schema) => validate(s, value, at).length === 0).length !== 1) {
    errors.push(`${at}: does not match exactly one of oneOf`);
  }
  if (schema.anyOf && !schema.anyOf.some((s: Schema) => validate(s, value, at).length === 0)) errors.push(`${at}: matches no anyOf`);
  if (schema.not && validate(schema.not, value, at).length === 0) errors.push(`${at}: matches not`);
  return errors;
}

const example = (): any => JSON.parse(readFileSync(EXAMPLE_CONFIG, "utf8"));

describe("the committed estate.schema.json", () => {
  test("is what `npm run schema` generates from estateSchema", () => {
    const committed = readFileSync(SCHEMA_FILE, "utf8");
    if (committed !== estateJsonSchemaText()) {
      throw new Error("modules/config/estate.schema.json is out of date with estateSchema: run `npm run schema` and commit it");
    }
  });

  test("is draft 2020-12 with a title and a description", () => {
    const schema = estateJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.title).toBe("guardduty-cdktf estate");
    expect(schema.description).toMatch(/npm run schema/);
  });

  test("refuses unknown keys at the root and in accounts, and requires what the loader requires", () => {
    const schema = estateJsonSchema() as Schema;
    expect(schema).toMatchObject({ type: "object", additionalProperties: false, required: ["accounts", "regions"] });
    expect(schema.properties.accounts).toMatchObject({
      additionalProperties: false,
      required: ["management", "security", "logArchive"],
    });
    for (const role of ["management", "security", "logArchive"]) {
      expect(schema.properties.accounts.properties[role]).toMatchObject({ additionalProperties: false, required: ["id"] });
    }
    expect(schema.properties.invitedMembers.items).toMatchObject({ additionalProperties: false, required: ["accountId", "email"] });
    expect(schema.properties.organizationMembers.items).toMatchObject({ additionalProperties: false, required: ["accountId"] });
    expect(schema.properties.managementAccount).toMatchObject({ type: "object", additionalProperties: false });
    expect(schema.properties.managementAccount.required).toBeUndefined();
  });

  test("describes the management account and organization member fields for editors", () => {
    const schema = estateJsonSchema() as Schema;
    const management = schema.properties.managementAccount;
    const member = schema.properties.organizationMembers.items;
    for (const described of [management, schema.properties.organizationMembers, ...Object.values(management.properties),
      member.properties.accountId, member.properties.email, member.properties.protectionPlans]) {
      expect((described as Schema).description).toMatch(/\w/);
    }
    expect(management.properties.malwareProtectionRole.enum).toEqual(["create", "existing"]);
    expect(management.properties.existingDetectorIds.propertyNames.enum).toEqual(Object.keys(REGIONS).sort());
  });

  test("offers every known region code for completion", () => {
    const schema = estateJsonSchema() as Schema;
    const known = Object.keys(REGIONS).sort();
    expect(schema.properties.regions.items.enum).toEqual(known);
    expect(schema.properties.homeRegion.enum).toEqual(known);
    expect(schema.properties.existingDetectorIds.propertyNames.enum).toEqual(known);
  });
});

describe("validating with the JSON Schema", () => {
  const schema = estateJsonSchema() as Schema;

  test("the schema uses only keywords this test's validator checks", () => {
    const unsupported: string[] = [];
    const walk = (s: Schema, at: string): void => {
      for (const [k, v] of Object.entries(s)) {
        if (!SUPPORTED.has(k)) unsupported.push(`${at}.${k}`);
        if (k === "properties") for (const [p, sub] of Object.entries(v as Schema)) walk(sub, `${at}.${p}`);
        else if (["items", "additionalProperties", "propertyNames", "not"].includes(k) && typeof v === "object") walk(v, `${at}/${k}`);
        else if (k === "oneOf" || k === "anyOf") (v as Schema[]).forEach((sub, i) => walk(sub, `${at}/${k}[${i}]`));
      }
    };
    walk(schema, "$");
    expect(unsupported).toEqual([]);
  });

  test("accepts the example estate.json", () => {
    expect(validate(schema, example())).toEqual([]);
  });

  test("accepts organization members without overrides and a full managementAccount", () => {
    const estate = {
      ...example(),
      organizationMembers: [{ accountId: "123412341234" }, { accountId: "567856785678", email: "root@example.com", protectionPlans: { S3_DATA_EVENTS: false } }],
      managementAccount: { monitor: true, email: "root@example.com", existingDetectorIds: { "eu-west-1": "a".repeat(32) }, malwareProtectionRole: "existing" },
    };
    expect(validate(schema, estate)).toEqual([]);
    expect(() => parseEstate(estate)).not.toThrow();
  });

  test("accepts an s3 backend and refuses an unknown backend type", () => {
    const s3 = { ...example(), backend: { type: "s3", bucket: "estate-state", key: "guardduty.tfstate", region: "eu-west-1" } };
    expect(validate(schema, s3)).toEqual([]);
    expect(validate(schema, { ...example(), backend: { type: "gcs" } })).toEqual(["$.backend: does not match exactly one of oneOf"]);
  });

  test.each<[string, (e: any) => void, string]>([
    ["an unknown root key", (e) => (e.secruity = {}), "$: additional property secruity"],
    ["an unknown account key", (e) => (e.accounts.security.account = "1"), "$.accounts.security: additional property account"],
    ["a missing security account", (e) => delete e.accounts.security, "$.accounts: missing required security"],
    ["a missing regions list", (e) => delete e.regions, "$: missing required regions"],
    ["an account ID as a number", (e) => (e.accounts.security.id = 222222222222), "$.accounts.security.id: expected string, got number"],
    ["a 13-digit account ID", (e) => (e.accounts.security.id = "2222222222222"), "$.accounts.security.id: does not match ^\\d{12}$"],
    ["an unknown region", (e) => (e.regions = ["eu-wst-1"]), "$.regions[0]: not in enum"],
    ["a frequency of 5m", (e) => (e.findingPublishingFrequency = "5m"), "$.findingPublishingFrequency: not in enum"],
    ["a frequency on a member", (e) => (e.invitedMembers[0].findingPublishingFrequency = "ONE_HOUR"),
      "$.invitedMembers[0].findingPublishingFrequency: matches not"],
    ["an invalid email", (e) => (e.invitedMembers[0].email = "root@"), expect.stringMatching(/^\$\.invitedMembers\[0\]\.email: does not match/) as any],
    ["an invalid organization member email", (e) => (e.organizationMembers = [{ accountId: "123412341234", email: "root@" }]),
      expect.stringMatching(/^\$\.organizationMembers\[0\]\.email: does not match/) as any],
    ["an unknown managementAccount key", (e) => (e.managementAccount = { monitored: false }), "$.managementAccount: additional property monitored"],
    ["an unknown malwareProtectionRole", (e) => (e.managementAccount = { malwareProtectionRole: "adopt" }),
      "$.managementAccount.malwareProtectionRole: not in enum"],
  ])("refuses %s, as the loader does", (_name, mutate, error) => {
    const estate = example();
    mutate(estate);
    expect(validate(schema, estate)).toEqual([error]);
    expect(() => parseEstate(estate)).toThrow();
  });
});
