/**
 * The whole product on localhost: a Stripe emulator, a kintone emulator with the sample
 * apps and pages hosting the built plugin, and the proxy wired to both. `npm start` and the browser
 * stories use it; every port can be 0 for a free one.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { startKintoneEmulator, type KintoneEmulator } from "./kintone/KintoneEmulator";
import { LOGIN_USER_TIME_ZONE } from "./kintone/KintoneStore";
import { createPagesRouter } from "./kintone/pages/createPagesRouter";
import { PluginSettingsStore } from "./kintone/pages/PluginSettingsStore";
import { startStripeEmulator, type StripeEmulator } from "./stripe/StripeEmulator";
import { DASHBOARD_PATH } from "./stripe/dashboardPage";
import { preconfigureSampleApps, storePluginSettings } from "./preconfigureSampleApps";
import { readSandboxState, SnapshotKeeper } from "./snapshot/SandboxSnapshot";
import { loadConfig } from "../proxy/config";
import { startProxy, type RunningProxy } from "../proxy/startProxy";
import {
  createSampleApps,
  ORDERS_APP_ID,
  PRODUCTS_APP_ID,
  SAMPLE_KINTONE_API_TOKENS,
} from "./sampleApps";

export const REPO_ROOT = path.resolve(__dirname, "..");
export const DEFAULT_PLUGIN_DIR = path.join(REPO_ROOT, "dist", "plugin");
export const DEFAULT_PLUGIN_ID_FILE = path.join(REPO_ROOT, "dist", "plugin-id.txt");

export const DEFAULT_PORTS = { kintone: 3100, stripe: 12111, proxy: 3000 } as const;

/** Sandbox-only credentials: they open nothing but the local emulators. */
export const SANDBOX_SECRETS = {
  stripeApiKey: "rk_test_sandbox0000000000000000000000000000",
  stripeWebhookSecret: "whsec_sandbox000000000000000000000000000000",
  proxySecret: "sandbox-proxy-secret-change-me-0123456789",
} as const;

export interface SandboxOptions {
  ports?: Partial<Record<keyof typeof DEFAULT_PORTS, number>>;
  /** The built plugin; default `dist/plugin`. */
  pluginDir?: string;
  /** Default the id in `dist/plugin-id.txt`. */
  pluginId?: string;
  /** Start the proxy too (default true). */
  proxy?: boolean;
  /** The proxy's logger; default the proxy's own (pino to stdout). */
  proxyLogger?: Logger;
  /**
   * Where the sandbox remembers (`npm start`: `.sandbox-data/`): its state is read from here at
   * start and saved here as it changes; the proxy's journal lives here too. Default: nothing is
   * kept, the journal is in memory.
   */
  dataDir?: string;
  /** A fresh sandbox's sample apps get the plugin settings saved for them (default false). */
  preconfigure?: boolean;
}

export interface Sandbox {
  kintone: KintoneEmulator;
  stripe: StripeEmulator;
  proxy?: RunningProxy;
  /** Plugin settings and proxy settings per app, as the settings screen saved them. */
  pluginSettings: PluginSettingsStore;
  pluginId: string;
  /** Whether the state came back from `dataDir` (false: a fresh sandbox). */
  restored: boolean;
  urls: {
    kintone: string;
    stripe: string;
    proxy?: string;
    productsList: string;
    ordersList: string;
    pluginSettings: (appId: string) => string;
  };
  close(): Promise<void>;
}

export function readPluginId(file = DEFAULT_PLUGIN_ID_FILE): string {
  return readFileSync(file, "utf8").trim();
}

/**
 * ▶ Where the proxy is wired: the proxy's usual environment (see proxy/config.ts), pointed at the emulators.
 * The journal lives in `dataDir` when the sandbox remembers, else in memory (kintone and Stripe
 * forget everything on restart too).
 */
export async function startSandboxProxy(
  wiring: { port: number; kintoneUrl: string; stripeUrl: string; dataDir?: string },
  logger?: Logger,
): Promise<RunningProxy> {
  const env = {
    STRIPE_API_KEY: SANDBOX_SECRETS.stripeApiKey,
    STRIPE_API_BASE: wiring.stripeUrl,
    STRIPE_WEBHOOK_SECRET: SANDBOX_SECRETS.stripeWebhookSecret,
    PROXY_SECRET: SANDBOX_SECRETS.proxySecret,
    KINTONE_BASE_URL: wiring.kintoneUrl,
    KINTONE_API_TOKENS: SAMPLE_KINTONE_API_TOKENS,
    PORT: String(wiring.port),
    ...(wiring.dataDir === undefined ? {} : { DATA_DIR: wiring.dataDir }),
  };
  const result = loadConfig(env);
  if (!result.ok)
    throw new Error(`the sandbox's proxy configuration is refused: ${result.message}`);
  if (wiring.dataDir !== undefined) mkdirSync(wiring.dataDir, { recursive: true });
  const journalFile = wiring.dataDir === undefined ? ":memory:" : undefined;
  return startProxy(result.config, { host: "127.0.0.1", journalFile, logger });
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const pluginDir = options.pluginDir ?? DEFAULT_PLUGIN_DIR;
  const pluginId = options.pluginId ?? readPluginId();
  const pluginSettings = new PluginSettingsStore();
  const links: Array<{ label: string; url: string }> = [];
  const started: Array<{ close(): Promise<void> }> = [];

  try {
    // The emulator's pages show times on the same clock as the kintone user's (Asia/Tokyo).
    const displayTimeZone = LOGIN_USER_TIME_ZONE;
    const stripe = await startStripeEmulator({ port: ports.stripe, displayTimeZone });
    started.push(stripe);
    const kintone = await startKintoneEmulator({
      port: ports.kintone,
      mount: (app, store) => {
        app.use(createPagesRouter({ store, pluginDir, pluginId, settings: pluginSettings, links }));
      },
    });
    started.push(kintone);
    const { dataDir } = options;
    const emulatorOrigins = { kintone: kintone.url, stripe: stripe.url };
    const saved = dataDir === undefined ? undefined : readSandboxState(dataDir, emulatorOrigins);
    if (saved === undefined) {
      await createSampleApps(kintone.store);
    } else {
      kintone.store.restoreState(saved.kintone);
      stripe.restoreState(saved.stripe);
    }
    links.push({ label: "Stripe emulator (Dashboard)", url: `${stripe.url}${DASHBOARD_PATH}` });

    let proxy: RunningProxy | undefined;
    if (options.proxy ?? true) {
      proxy = await startSandboxProxy(
        {
          port: ports.proxy,
          kintoneUrl: kintone.url,
          stripeUrl: stripe.url,
          dataDir: options.dataDir,
        },
        options.proxyLogger,
      );
      started.push(proxy);
      stripe.configure({
        webhook: {
          url: `${proxy.url}/v1/stripe/webhook`,
          secret: SANDBOX_SECRETS.stripeWebhookSecret,
        },
      });
      links.push({ label: "Proxy", url: `${proxy.url}/healthz` });
    }

    if (dataDir !== undefined && saved !== undefined) {
      // Read again now that the proxy's address is known: the settings name it.
      const origins = { ...emulatorOrigins, proxy: proxy?.url };
      pluginSettings.restoreState(readSandboxState(dataDir, origins)?.pluginSettings ?? []);
    }
    if (saved === undefined && options.preconfigure && proxy !== undefined) {
      const proxyAccess = { url: proxy.url, secret: SANDBOX_SECRETS.proxySecret };
      preconfigureSampleApps(pluginSettings, pluginId, proxyAccess, kintone.url, stripe.url);
    }
    if (dataDir !== undefined) {
      const capture = () => ({
        kintone: kintone.store.captureState(),
        pluginSettings: pluginSettings.captureState(),
        stripe: stripe.captureState(),
      });
      const origins = () => ({ ...emulatorOrigins, proxy: proxy?.url });
      const keeper = new SnapshotKeeper(dataDir, capture, origins);
      keeper.saveNow();
      keeper.start();
      // Closed first (the list closes in reverse): the last save sees everything.
      started.push({ close: async () => keeper.close() });
    }

    const pluginSettingsUrl = (appId: string) =>
      `${kintone.url}/k/admin/app/${appId}/plugin/config?pluginId=${encodeURIComponent(pluginId)}`;
    return {
      kintone,
      stripe,
      proxy,
      pluginSettings,
      pluginId,
      restored: saved !== undefined,
      urls: {
        kintone: kintone.url,
        stripe: stripe.url,
        proxy: proxy?.url,
        productsList: `${kintone.url}/k/${PRODUCTS_APP_ID}/`,
        ordersList: `${kintone.url}/k/${ORDERS_APP_ID}/`,
        pluginSettings: pluginSettingsUrl,
      },
      close: () => closeAll(started),
    };
  } catch (error) {
    await closeAll(started);
    throw error;
  }
}

async function closeAll(started: Array<{ close(): Promise<void> }>): Promise<void> {
  const results = await Promise.allSettled([...started].reverse().map((s) => s.close()));
  started.length = 0;
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure !== undefined) throw failure.reason;
}

/**
 * Stores an app's plugin settings exactly as the settings screen saves them:
 * `proxyUrl` + mapping with setConfig, and for the proxy's URL the Bearer secret and the app
 * binding (`X-Kintone-App-Id`) on GET and POST, with `appId` + mapping as POST data. For stories and screenshots that start past the settings screen.
 */
export function savePluginSettings(sandbox: Sandbox, appId: string, mapping: object): void {
  if (!sandbox.urls.proxy) throw new Error("the sandbox was started without its proxy");
  const { pluginSettings, pluginId } = sandbox;
  const proxy = { url: sandbox.urls.proxy, secret: SANDBOX_SECRETS.proxySecret };
  storePluginSettings(pluginSettings, pluginId, proxy, appId, mapping, sandbox.urls.stripe);
}
