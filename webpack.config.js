// Builds the kintone plugin into dist/plugin/ exactly as manifest.json lays it out:
// js/<name>.js bundles from plugin/<name>.ts, plus the static files the manifest names (html,
// css, icon, manifest.json itself). scripts/packPlugin.ts then signs dist/plugin/ into dist/plugin.zip.
const fs = require("node:fs");
const path = require("node:path");
const { resolvePluginSources } = require("./scripts/pluginSources");

const ROOT = __dirname;
const OUTPUT_DIR = path.join(ROOT, "dist", "plugin");

/** Emits files unchanged into the output; a few lines instead of another dependency. */
class CopyPluginFilesPlugin {
  constructor(files) {
    this.files = files;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(CopyPluginFilesPlugin.name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: CopyPluginFilesPlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const { output, source } of this.files) {
            const absolute = path.join(ROOT, source);
            compilation.fileDependencies.add(absolute); // rebuild on change in watch mode
            compilation.emitAsset(output, new sources.RawSource(fs.readFileSync(absolute)));
          }
        },
      );
    });
  }
}

module.exports = (_env, argv = {}) => {
  const production = argv.mode !== "development";
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"));
  const { entries, staticFiles } = resolvePluginSources(manifest, ROOT);

  return {
    mode: production ? "production" : "development",
    context: ROOT,
    entry: entries,
    target: ["web", "es2020"],
    output: { path: OUTPUT_DIR, clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "swc-loader",
            // The repo's .swcrc is for jest (CommonJS); bundles need ES modules for tree shaking.
            options: {
              swcrc: false,
              jsc: { parser: { syntax: "typescript" }, target: "es2020" },
              module: { type: "es6" },
              sourceMaps: !production,
            },
          },
        },
      ],
    },
    // No source maps in production: they would ship this machine's file paths inside the zip.
    devtool: production ? false : "inline-source-map",
    performance: { hints: false }, // the pack script checks the gzip budget instead
    plugins: [new CopyPluginFilesPlugin(staticFiles)],
  };
};
