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

export interface ProxyAccess {
  /** The proxy's base URL, without the trailing "/". */
  url: string;
  secret: string;
}

/**
 * `proxyUrl` + mapping with setConfig, and for the proxy's URL the Bearer secret and the app
 * binding (`X-Kintone-App-Id`) on GET and POST, with `appId` + mapping as POST data.
 */
export function storePluginSettings(
  settings: PluginSettingsStore,
  pluginId: string,
  proxy: ProxyAccess,
  appId: string,
  mapping: object,
): void {
  const proxyUrl = `${proxy.url}/`;
  const mappingJson = JSON.stringify(mapping);
  settings.setConfig(appId, pluginId, { proxyUrl, mapping: mappingJson });
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
    storePluginSettings(settings, pluginId, proxy, appId, mapping);
  }
}
