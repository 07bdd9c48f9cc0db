/**
 * Bundles `browser/kintoneGlobal.ts` into one script for the pages, once per process: the pages
 * run the real TypeScript the plugin's tests type-check, with no build step of its own.
 */
import path from "node:path";
import { build } from "esbuild";

let bundle: Promise<string> | undefined;

export function bundleKintoneGlobal(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(__dirname, "..", "browser", "kintoneGlobal.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
  }).then((result) => {
    const output = result.outputFiles[0];
    if (output === undefined) throw new Error("esbuild produced no output for kintoneGlobal.ts");
    return output.text;
  });
  bundle.catch(() => {
    bundle = undefined; // let the next request try again
  });
  return bundle;
}
