// Prints how many tests each quality area ran (docs/en/quality.md describes them), then one closing
// line over every jest run of the CI: "tests: N passed, N failed".
const fs = require("node:fs");
const path = require("node:path");

const AREAS = [
  ["faults (Stripe, kintone, kills)", /proxy\/__tests__\/reliability\//],
  ["idempotency", /idempotency\.integration\.test\.ts$/],
  ["fuzzing (HTTP API, engine)", /\.fuzz\.test\.ts$/],
  [
    "security (auth, webhooks, limits, egress, leaks, app binding, network block)",
    /(security(\.integration)?\.test\.ts|appBinding\.(test|spec)\.ts|networkBlock\.test\.ts|bundleHasNoSecrets\.spec\.ts)$/,
  ],
  ["browser stories", /\/e2e\/.*\.spec\.ts$/],
];

let passed = 0;
let failed = 0;
const areas = AREAS.map(([name, pattern]) => ({ name, pattern, files: 0, passed: 0, failed: 0 }));
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`no results in ${file}: that run did not finish`);
    failed += 1;
    continue;
  }
  const result = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += result.numPassedTests;
  failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  for (const suite of result.testResults) {
    const name = suite.name.split(path.sep).join("/");
    for (const area of areas) {
      if (!area.pattern.test(name)) continue;
      area.files += 1;
      area.passed += suite.assertionResults.filter((t) => t.status === "passed").length;
      area.failed += suite.assertionResults.filter((t) => t.status === "failed").length;
      if (suite.status === "failed" && suite.assertionResults.length === 0) area.failed += 1;
    }
  }
}
for (const area of areas) {
  console.log(`  ${area.name}: ${area.passed} passed, ${area.failed} failed (${area.files} files)`);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
