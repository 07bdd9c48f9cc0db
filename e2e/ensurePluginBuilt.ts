/**
 * The stories host the real built plugin. When `dist/plugin/` is missing they build it once
 * (`npm run build`) rather than fail; CI builds before running them.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { DEFAULT_PLUGIN_DIR, DEFAULT_PLUGIN_ID_FILE, REPO_ROOT } from "../sandbox/startSandbox";

export function ensurePluginBuilt(): void {
  if (
    existsSync(path.join(DEFAULT_PLUGIN_DIR, "manifest.json")) &&
    existsSync(DEFAULT_PLUGIN_ID_FILE)
  ) {
    return;
  }
  const result = spawnSync("npm", ["run", "build"], { cwd: REPO_ROOT, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(
      `dist/plugin/ is missing and \`npm run build\` failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}
