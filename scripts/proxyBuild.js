// The proxy compiled to one JavaScript file (dist/proxy/main.js) that plain `node` runs: production
// needs no TypeScript loader. Plain CommonJS, so `npm run proxy` can call it before anything is
// compiled. Packages stay outside the bundle (native ones such as better-sqlite3 and sharp load
// from node_modules as they always do).
//   node scripts/proxyBuild.js            build
//   node scripts/proxyBuild.js --if-stale build only when a source is newer than the build
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const ENTRY = path.join(ROOT, "proxy", "main.ts");
const OUT_FILE = path.join(ROOT, "dist", "proxy", "main.js");
/** What the bundle is made of: a change here makes the build stale. */
const SOURCE_DIRS = ["proxy", "core"].map((dir) => path.join(ROOT, dir));

function newestSourceMtimeMs(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "__tests__" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtimeMs(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * True when outFile exists and no proxy or core source changed since it was built. A production
 * image ships the build without its sources (Dockerfile): nothing there can be newer.
 */
function isBuildCurrent(outFile = OUT_FILE) {
  if (!fs.existsSync(outFile)) return false;
  const builtAt = fs.statSync(outFile).mtimeMs;
  return SOURCE_DIRS.filter((dir) => fs.existsSync(dir)).every(
    (dir) => newestSourceMtimeMs(dir) <= builtAt,
  );
}

function buildProxy(outFile = OUT_FILE) {
  return buildNodeBundle(ENTRY, outFile);
}

/** One TypeScript entry and what it imports from this repository, as one file for plain node. */
function buildNodeBundle(entry, outFile) {
  // esbuild only transpiles; `npm run typecheck` is where types are checked.
  require("esbuild").buildSync({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
  return outFile;
}

module.exports = { buildProxy, buildNodeBundle, isBuildCurrent, OUT_FILE };

if (require.main === module) {
  const ifStale = process.argv.includes("--if-stale");
  if (!ifStale || !isBuildCurrent()) buildProxy();
}
