/**
 * The kintone pages' stand-in plugin (sandbox/kintone/pages/__tests__/fixturePlugin): what a
 * story or the sandbox's test load instead of the built plugin, so no plugin build is needed.
 */
import path from "node:path";

export const FIXTURE_PLUGIN_ID = "fixturepluginfixturepluginfixtur";

export const FIXTURE_PLUGIN_DIR = path.join(
  __dirname,
  "..",
  "sandbox",
  "kintone",
  "pages",
  "__tests__",
  "fixturePlugin",
);
