/** Unit and integration tests: `__tests__/*.test.ts` next to the code. Browser stories live in e2e/. */
module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/{core,plugin,proxy,sandbox,scripts,bench}/**/__tests__/**/*.test.ts"],
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest"] },
  // ESM-only packages used by plugin tests are transformed too.
  transformIgnorePatterns: [
    "/node_modules/(?!(kintone-ui-component|lit|lit-html|lit-element|@lit)/)",
  ],
  setupFiles: ["<rootDir>/jest.setup.ts"],
  testTimeout: 30000,
};
