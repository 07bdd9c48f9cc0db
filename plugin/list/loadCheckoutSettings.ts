import { ProxyClient } from "../api/ProxyClient";
import { kintoneProxyTransport } from "../api/ProxyTransport";
import type { Language } from "../i18n/messages";
import { readCheckoutSettings, type CheckoutSettings } from "./readCheckoutSettings";

/**
 * The settings saved for this app, with a client for the proxy they name; undefined until the
 * plugin is set up.
 */
export function loadCheckoutSettings(
  pluginId: string,
  language: Language,
): (CheckoutSettings & { client: ProxyClient }) | undefined {
  const settings = readCheckoutSettings(kintone.plugin.app.getConfig(pluginId));
  if (settings === undefined) return undefined;
  const client = new ProxyClient(kintoneProxyTransport(pluginId), settings.proxyUrl, language);
  return { ...settings, client };
}
