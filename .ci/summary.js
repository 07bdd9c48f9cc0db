// Prints one closing line over every jest run of the CI: "tests: N passed, N failed".
const fs = require("node:fs");
let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`no results in ${file}: that run did not finish`);
    failed += 1;
    continue;
  }
  const result = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += result.numPassedTests;
  failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
