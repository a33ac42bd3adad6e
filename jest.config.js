/**
 * Jest runs TypeScript through ts-jest without type-checking (isolatedModules in tsconfig, diagnostics off): `npm test`
 * runs `tsc --noEmit` first, against cdktf (tsconfig.json) and against cdktn (tsconfig.cdktn.json).
 *
 * Two projects, one JSON result: "cdktf" runs every test on CDK for Terraform; "cdktn" runs the same test files on CDK
 * Terrain, with "cdktf" resolved to cdktn and @cdktf/provider-aws/lib/<resource> to @cdktn/provider-aws/lib/<resource>
 * (same submodule paths and class names). Both share the snapshot files, so the pinned addresses are the same on both.
 * The cdktn project leaves out what would only run twice the same thing: the estate file's schema and validation
 * (test/config: zod, no runtime; its main-cli test runs `tsx main.ts`, which jest's mapping does not reach; and the
 * estate file's properties, test/properties/estate-file.properties.test.ts, which refuse files before any synthesis),
 * and the tests that only spawn `tsx` on the repository's sources (imports, review-cli). Tests of a spawned packed package or
 * bundle (test/consumer, test/cli) build it for the runtime of their project (test/consumer/runtimes.ts).
 */
const base = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  moduleFileExtensions: ["ts", "js", "json"],
};

module.exports = {
  // Only a guard against a hung test, never a verdict on speed: jest's default (5 s for an async test or hook) can fail
  // a policy simulation or a pack on a loaded 2-core machine with nothing wrong. Times belong to `npm run bench`.
  testTimeout: 30 * 60_000,
  projects: [
    { ...base, displayName: "cdktf", globals: { GUARDDUTY_TEST_RUNTIME: "cdktf" } },
    {
      ...base,
      displayName: "cdktn",
      globals: { GUARDDUTY_TEST_RUNTIME: "cdktn" },
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/config/", "<rootDir>/test/properties/estate-file\\.properties\\.test\\.ts$", "<rootDir>/test/imports\\.test\\.ts$", "<rootDir>/test/review/review-cli\\.test\\.ts$"],
      moduleNameMapper: {
        "^cdktf$": "cdktn",
        "^@cdktf/provider-aws/lib/(.*)$": "@cdktn/provider-aws/lib/$1",
      },
    },
  ],
};
