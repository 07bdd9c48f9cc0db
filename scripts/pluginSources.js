// Where every file that manifest.json names comes from. Shared by webpack.config.js (plain
// CommonJS, so that webpack-cli needs no TypeScript loader) and the manifest tests.
//   js/<name>.js      is the webpack bundle of plugin/<name>.ts
//   the icon          is assets/<file name>
//   anything else     (html, css) is copied from plugin/<same path>
const fs = require("node:fs");
const path = require("node:path");

const SECTIONS = ["desktop", "mobile", "config"];

/** Every local file the manifest names (remote https:// resources are not packed), manifest.json first. */
function manifestFiles(manifest) {
  const files = ["manifest.json"];
  for (const section of SECTIONS) {
    const part = manifest[section];
    if (!part) continue;
    for (const file of [...(part.js ?? []), ...(part.css ?? [])]) {
      if (!/^https?:\/\//.test(file)) files.push(file);
    }
    if (section === "config" && part.html) files.push(part.html);
  }
  if (manifest.icon) files.push(manifest.icon);
  return [...new Set(files)];
}

/**
 * Maps the manifest's files to their sources under rootDir.
 * Throws one error listing every file that has no source.
 */
function resolvePluginSources(manifest, rootDir) {
  const entries = {};
  const staticFiles = [];
  const missing = [];
  for (const file of manifestFiles(manifest)) {
    const bundle = /^js\/([\w-]+)\.js$/.exec(file);
    let source;
    if (file === "manifest.json") source = "manifest.json";
    else if (bundle) source = `plugin/${bundle[1]}.ts`;
    else if (file === manifest.icon) source = `assets/${path.posix.basename(file)}`;
    else source = `plugin/${file}`;
    if (!fs.existsSync(path.join(rootDir, source))) {
      missing.push(`${file} (expected at ${source})`);
      continue;
    }
    if (bundle) entries[bundle[1]] = { import: `./${source}`, filename: file };
    else staticFiles.push({ output: file, source });
  }
  if (missing.length > 0) {
    throw new Error(`manifest.json names files without a source:\n  ${missing.join("\n  ")}`);
  }
  return { entries, staticFiles };
}

module.exports = { manifestFiles, resolvePluginSources };
