/** Jest runs TypeScript through ts-jest without type-checking (isolatedModules in tsconfig, diagnostics off): `npm test` runs `tsc --noEmit` first. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  moduleFileExtensions: ["ts", "js", "json"],
};
