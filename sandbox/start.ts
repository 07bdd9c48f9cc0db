/**
 * `npm start`: builds the plugin when `dist/plugin/` is missing or older than its sources, starts
 * the sandbox (Stripe emulator, kintone emulator with the sample apps, proxy), prints where to go.
 * Ports: SANDBOX_KINTONE_PORT (3100), SANDBOX_STRIPE_PORT (12111), SANDBOX_PROXY_PORT (3000).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { closeOnSignals } from "../proxy/main";
import { PRODUCTS_APP_ID, ORDERS_APP_ID, PRODUCTS_API_TOKEN, ORDERS_API_TOKEN } from "./sampleApps";
import {
  DEFAULT_PLUGIN_DIR,
  DEFAULT_PLUGIN_ID_FILE,
  DEFAULT_PORTS,
  REPO_ROOT,
  SANDBOX_SECRETS,
  startSandbox,
} from "./startSandbox";

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

async function main(): Promise<void> {
  if (pluginBuildIsStale()) buildPlugin();
  const sandbox = await startSandbox({
    ports: {
      kintone: port("SANDBOX_KINTONE_PORT", DEFAULT_PORTS.kintone),
      stripe: port("SANDBOX_STRIPE_PORT", DEFAULT_PORTS.stripe),
      proxy: port("SANDBOX_PROXY_PORT", DEFAULT_PORTS.proxy),
    },
  });
  const { urls } = sandbox;
  console.log(`
The sandbox is running (everything on this machine, no accounts):

  kintone   ${urls.kintone}/           sample apps "Products" (app ${PRODUCTS_APP_ID}) and "Orders" (app ${ORDERS_APP_ID})
  Stripe    ${urls.stripe}         the Stripe emulator (API and checkout pages)
  Proxy     ${urls.proxy ?? "(not started)"}

What to do next:
  1. Open the plug-in settings of Products: ${urls.pluginSettings(PRODUCTS_APP_ID)}
     Proxy URL: ${urls.proxy ?? ""}    Proxy secret: ${SANDBOX_SECRETS.proxySecret}
     Map the fields (product_code, product_name, unit_price, currency, image, the checkout_* write-back fields) and save.
  2. Open the record list: ${urls.productsList}  and press the plug-in's button in the header.
  3. Open a checkout link, then pay, cancel or let it expire on the emulator's page; reload the record.
  Orders works the same with the "items" subtable: ${urls.pluginSettings(ORDERS_APP_ID)}

  The proxy's kintone API tokens: ${PRODUCTS_APP_ID}:${PRODUCTS_API_TOKEN}, ${ORDERS_APP_ID}:${ORDERS_API_TOKEN}
  Add ?lang=en or ?lang=ja to any kintone page to switch the language. Ctrl-C stops everything.
`);

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
