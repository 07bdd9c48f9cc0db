/**
 * The sample apps come preconfigured: the plugin settings a person would save on the settings
 * screen (proxy URL and secret, the mapping that fits the app) are stored for both apps, so the
 * first payment link is the list's button away. Stored exactly as plugin/config/saveSettings.ts
 * stores them, so the settings screen shows each part as if it had been chosen there.
 */
import { APP_BINDING_HEADER } from "../core/api/proxyApi";
import type { PluginSettingsStore } from "./kintone/pages/PluginSettingsStore";
import { checkoutReturnUrl } from "./kintone/pages/checkoutReturnPage";
import { ORDERS_APP_ID, PRODUCTS_APP_ID, sampleMapping } from "./sampleApps";
import { STRIPE_JS_PATH } from "./stripe/embeddedCheckoutScript";

/** Publishable, so not a secret: the Stripe emulator's stand-in of Stripe.js takes any pk_test_. */
export const SANDBOX_PUBLISHABLE_KEY = "pk_test_sandbox0000000000000000000000000000";

/** The public settings for paying on the record screen's device, pointed at the Stripe emulator. */
export function emulatorEmbeddedCheckout(stripeUrl: string) {
  return { publishableKey: SANDBOX_PUBLISHABLE_KEY, stripeJsUrl: `${stripeUrl}${STRIPE_JS_PATH}` };
}

export interface ProxyAccess {
  /** The proxy's base URL, without the trailing "/". */
  url: string;
  secret: string;
}

/**
 * `proxyUrl` + mapping with setConfig, and for the proxy's URL the Bearer secret and the app
 * binding (`X-Kintone-App-Id`) on GET and POST, with `appId` + mapping as POST data. With
 * `stripeUrl`, the publishable key and Stripe.js's address (the emulator's stand-in) too.
 */
export function storePluginSettings(
  settings: PluginSettingsStore,
  pluginId: string,
  proxy: ProxyAccess,
  appId: string,
  mapping: object,
  stripeUrl?: string,
): void {
  const proxyUrl = `${proxy.url}/`;
  const mappingJson = JSON.stringify(mapping);
  const embedded = stripeUrl === undefined ? {} : emulatorEmbeddedCheckout(stripeUrl);
  settings.setConfig(appId, pluginId, { proxyUrl, mapping: mappingJson, ...embedded });
  for (const method of ["GET", "POST"] as const) {
    settings.setProxyConfig(appId, pluginId, {
      url: proxyUrl,
      method,
      headers: { Authorization: `Bearer ${proxy.secret}`, [APP_BINDING_HEADER]: appId },
      data: method === "POST" ? { appId, mapping: mappingJson } : {},
    });
  }
}

/** The sample mapping of each app, the buyer sent back to the record they paid for. */
export function preconfigureSampleApps(
  settings: PluginSettingsStore,
  pluginId: string,
  proxy: ProxyAccess,
  kintoneUrl: string,
  stripeUrl?: string,
): void {
  const apps = [
    { appId: PRODUCTS_APP_ID, kind: "products" as const },
    { appId: ORDERS_APP_ID, kind: "orders" as const },
  ];
  for (const { appId, kind } of apps) {
    const listUrl = `${kintoneUrl}/k/${appId}/`;
    const mapping = {
      ...sampleMapping(kind, listUrl),
      successUrl: checkoutReturnUrl(kintoneUrl, appId),
    };
    storePluginSettings(settings, pluginId, proxy, appId, mapping, stripeUrl);
  }
}
