/**
 * What the plugin keeps with `kintone.plugin.app.setConfig`: strings only, visible to every user
 * of the app, so never a secret. The proxy secret lives in the proxy config (saveSettings).
 */
export interface PluginConfig {
  /** The proxy's base URL as normalizeProxyUrl returns it (ends with "/"). */
  proxyUrl?: string;
  /** The MappingConfig (core/mapping/MappingConfig.ts) as a JSON string. */
  mapping?: string;
  /** Stripe's publishable key (pk_…), for paying on the record screen (embeddedCheckoutSettings). */
  publishableKey?: string;
  /** Where Stripe.js is loaded from. */
  stripeJsUrl?: string;
}

export function readPluginConfig(pluginId: string): PluginConfig {
  const stored: unknown = kintone.plugin.app.getConfig(pluginId);
  if (typeof stored !== "object" || stored === null) return {};
  const { proxyUrl, mapping, publishableKey, stripeJsUrl } = stored as Record<string, unknown>;
  return {
    ...(typeof proxyUrl === "string" && proxyUrl !== "" ? { proxyUrl } : {}),
    ...(typeof mapping === "string" && mapping !== "" ? { mapping } : {}),
    ...(typeof publishableKey === "string" && publishableKey !== "" ? { publishableKey } : {}),
    ...(typeof stripeJsUrl === "string" && stripeJsUrl !== "" ? { stripeJsUrl } : {}),
  };
}
