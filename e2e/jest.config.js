/**
 * Browser stories (`npm run test:e2e`): the `*.spec.ts` files here drive Chromium against the sandbox.
 * CI runs `npm run build` first; a story builds the plugin itself when `dist/plugin/` is missing.
 */
const path = require("node:path");

module.exports = {
  rootDir: __dirname,
  // Node's environment, which also tells each test's afterEach whether the test failed, so that a
  // failed story's Playwright trace is kept in e2e/artifacts/traces/ (storyKit.ts).
  testEnvironment: "<rootDir>/storyEnvironment.ts",
  testMatch: ["<rootDir>/**/*.spec.ts"],
  // Sources outside e2e/ (sandbox/, proxy/, core/) are compiled by the same transform.
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest"] },
  setupFiles: [path.join(__dirname, "..", "jest.setup.ts")],
  // One browser at a time on a 2-core machine; stories start servers and Chromium.
  maxWorkers: 1,
  testTimeout: 120000,
};
