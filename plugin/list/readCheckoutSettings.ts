import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import {
  readEmbeddedCheckoutSettings,
  type EmbeddedCheckoutSettings,
} from "../config/embeddedCheckoutSettings";

export interface CheckoutSettings {
  /** Ends with "/". */
  proxyUrl: string;
  mapping: MappingConfig;
  /** Stripe's publishable key and Stripe.js's address, when paying on the device is set up. */
  embeddedCheckout?: EmbeddedCheckoutSettings;
}

/**
 * The plugin config as the settings screen saves it (`proxyUrl`, and `mapping` as a JSON string):
 * undefined until both are there and valid, so the buttons can say the plugin is not set up.
 * The mapping here only shapes the screen (grouping, write-back fields); the proxy prices with
 * the copy kintone stores server-side.
 */
export function readCheckoutSettings(stored: unknown): CheckoutSettings | undefined {
  if (typeof stored !== "object" || stored === null) return undefined;
  const { proxyUrl, mapping } = stored as Record<string, unknown>;
  if (typeof proxyUrl !== "string" || proxyUrl === "" || typeof mapping !== "string") {
    return undefined;
  }
  const parsed = parseMappingConfig(mapping);
  if (!parsed.ok) return undefined;
  const embeddedCheckout = readEmbeddedCheckoutSettings(stored);
  return {
    proxyUrl: proxyUrl.endsWith("/") ? proxyUrl : `${proxyUrl}/`,
    mapping: parsed.mapping,
    ...(embeddedCheckout === undefined ? {} : { embeddedCheckout }),
  };
}
