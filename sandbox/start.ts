/**
 * `npm start`: builds the plugin when `dist/plugin/` is missing or older than its sources, starts
 * the sandbox (Stripe emulator, kintone emulator with the sample apps, proxy), prints where to go.
 * Ports: SANDBOX_KINTONE_PORT (3100), SANDBOX_STRIPE_PORT (12111), SANDBOX_PROXY_PORT (3000).
 * The sandbox remembers in SANDBOX_DATA_DIR (default `.sandbox-data/`); `npm start -- --reset`
 * empties it first.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { closeOnSignals } from "../proxy/closeOnSignals";
import { renderStartBanner } from "./startBanner";
import { DASHBOARD_PATH } from "./stripe/dashboardPage";
import {
  DEFAULT_PLUGIN_DIR,
  DEFAULT_PLUGIN_ID_FILE,
  DEFAULT_PORTS,
  REPO_ROOT,
  SANDBOX_SECRETS,
  startSandbox,
} from "./startSandbox";

export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, ".sandbox-data");

/** What the plugin build reads; a change in any of them means `dist/plugin/` is stale. */
const PLUGIN_SOURCES = ["plugin", "core", "manifest.json", "webpack.config.js", "scripts"];

function newestModification(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (child === "__tests__" || child === "node_modules") continue;
    newest = Math.max(newest, newestModification(path.join(entry, child)));
  }
  return newest;
}

export function pluginBuildIsStale(): boolean {
  const built = path.join(DEFAULT_PLUGIN_DIR, "manifest.json");
  if (!existsSync(built) || !existsSync(DEFAULT_PLUGIN_ID_FILE)) return true;
  const builtAt = Math.min(statSync(built).mtimeMs, statSync(DEFAULT_PLUGIN_ID_FILE).mtimeMs);
  const sourcesAt = Math.max(
    ...PLUGIN_SOURCES.map((entry) => newestModification(path.join(REPO_ROOT, entry))),
  );
  return sourcesAt > builtAt;
}

function buildPlugin(): void {
  console.log("Building the plugin (npm run build)…");
  const result = spawnSync("npm", ["run", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
  if (result.status !== 0) {
    throw new Error("npm run build failed; fix the build and run npm start again");
  }
}

function port(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new Error(`${name} must be a port number, not ${JSON.stringify(value)}`);
  }
  return parsed;
}

/** SANDBOX_DATA_DIR, else `.sandbox-data/` in the repository. */
function sandboxDataDir(): string {
  const chosen = process.env.SANDBOX_DATA_DIR;
  return chosen === undefined || chosen === "" ? DEFAULT_DATA_DIR : path.resolve(chosen);
}

function dataDirLabel(dataDir: string): string {
  const relative = path.relative(process.cwd(), dataDir);
  return `${relative === "" || relative.startsWith("..") ? dataDir : relative}${path.sep}`;
}

async function main(): Promise<void> {
  const dataDir = sandboxDataDir();
  if (process.argv.slice(2).includes("--reset")) {
    rmSync(dataDir, { recursive: true, force: true });
    console.log(`Starting fresh: ${dataDirLabel(dataDir)} was emptied (--reset).`);
  }
  if (pluginBuildIsStale()) buildPlugin();
  const sandbox = await startSandbox({
    dataDir,
    preconfigure: true,
    ports: {
      kintone: port("SANDBOX_KINTONE_PORT", DEFAULT_PORTS.kintone),
      stripe: port("SANDBOX_STRIPE_PORT", DEFAULT_PORTS.stripe),
      proxy: port("SANDBOX_PROXY_PORT", DEFAULT_PORTS.proxy),
    },
  });
  const { urls } = sandbox;
  console.log(
    renderStartBanner({
      kintoneUrl: urls.kintone,
      dashboardUrl: `${urls.stripe}${DASHBOARD_PATH}`,
      proxyUrl: urls.proxy,
      productsList: urls.productsList,
      ordersList: urls.ordersList,
      pluginSettings: urls.pluginSettings,
      proxySecret: SANDBOX_SECRETS.proxySecret,
      dataDirLabel: dataDirLabel(dataDir),
      restored: sandbox.restored,
    }),
  );

  closeOnSignals(
    () => {
      console.log("\nStopping the sandbox…");
      return sandbox.close();
    },
    (error) => console.error("The sandbox did not stop cleanly:", error),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error("The sandbox failed to start:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
