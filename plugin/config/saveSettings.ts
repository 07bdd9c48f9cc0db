/**
 * Where each setting is kept, so that the secret and the mapping the proxy trusts never pass
 * through the page:
 * - `setProxyConfig(proxyUrl, "POST", { Authorization, "X-Kintone-App-Id" }, { appId, mapping })`
 *   and `setProxyConfig(proxyUrl, "GET", { Authorization, "X-Kintone-App-Id" }, {})`: kintone
 *   adds them on its server to every `kintone.plugin.app.proxy` call of this app and plugin whose
 *   method matches and whose URL starts with proxyUrl, and stored values win over the page's
 *   (https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config-for-proxy/). So the secret never
 *   reaches the browser, users choose records, never prices, and every call is bound to this app:
 *   the proxy acts on no other app's sessions, jobs or lists for it (issue #8). An app in a
 *   guest space also stores `X-Kintone-Guest-Space-Id`, which the proxy checks against the
 *   space it serves the app in.
 * - `setConfig({ proxyUrl, mapping, publishableKey?, stripeJsUrl? })`: readable by every user of
 *   the app (the list view and record buttons read the write-back fields from it, the record
 *   screen Stripe's publishable key), so never the secret.
 */
import { APP_BINDING_HEADER } from "../../core/api/proxyApi";
import { GUEST_SPACE_BINDING_HEADER } from "../../core/api/guestSpaceHeader";
import type { EmbeddedCheckoutSettings } from "./embeddedCheckoutSettings";
import { currentGuestSpaceId } from "./guestSpaceId";
import { PROXY_METHODS, storedAuthorization } from "./validateProxySettings";

export interface SettingsToSave {
  /** Normalised (ends with "/"). */
  proxyUrl: string;
  /** null: keep the secret stored for proxyUrl. */
  secret: string | null;
  appId: string;
  /** The validated mapping as a JSON string. */
  mappingJson: string;
  /** Public: the publishable key and Stripe.js address, when paying on the device is set up. */
  embeddedCheckout?: EmbeddedCheckoutSettings;
}

export function setProxyConfig(
  url: string,
  method: string,
  headers: Record<string, string>,
  data: Record<string, string>,
): Promise<void> {
  return new Promise<void>((resolve) => {
    // With a callback kintone stays on the page; without one it would leave before we finish.
    kintone.plugin.app.setProxyConfig(url, method, headers, data, () => resolve());
  });
}

/**
 * Stores a newly typed secret for GET only, so "Test connection" (a GET) can be sent before the
 * form is saved: kintone adds the secret on its server, never from the page. Resolves to a
 * function that puts back what was stored before, so a test (perhaps of a wrong secret) leaves
 * the working settings as they were; Save stores the secret for good.
 */
export async function storeSecretForTest(
  proxyUrl: string,
  secret: string,
): Promise<() => Promise<void>> {
  const previous = kintone.plugin.app.getProxyConfig(proxyUrl, "GET") as {
    headers?: Record<string, string>;
    data?: Record<string, string>;
  } | null;
  await setProxyConfig(proxyUrl, "GET", { Authorization: `Bearer ${secret}` }, {});
  return () => setProxyConfig(proxyUrl, "GET", previous?.headers ?? {}, previous?.data ?? {});
}

/**
 * Saves everything. `otherUrls`: URLs the secret may have been stored for earlier (the previous
 * proxy URL): their proxy config is overwritten with nothing, so the
 * secret is not left attached to a URL the plugin no longer uses. setConfig comes last and
 * without a callback, so kintone then returns to the app's plugin list with its own message
 * (https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config/).
 */
export async function saveSettings(
  settings: SettingsToSave,
  otherUrls: Iterable<string> = [],
): Promise<void> {
  const { proxyUrl, secret, appId, mappingJson } = settings;
  const authorization =
    secret !== null
      ? `Bearer ${secret}`
      : (storedAuthorization(proxyUrl, "POST") ?? storedAuthorization(proxyUrl, "GET"));
  if (authorization === undefined) throw new Error("no secret is stored for this URL");
  const guestSpaceId = currentGuestSpaceId();
  const guestSpace: Record<string, string> = guestSpaceId
    ? { [GUEST_SPACE_BINDING_HEADER]: guestSpaceId }
    : {};
  for (const method of PROXY_METHODS) {
    const data: Record<string, string> = method === "POST" ? { appId, mapping: mappingJson } : {};
    const headers = { Authorization: authorization, [APP_BINDING_HEADER]: appId, ...guestSpace };
    await setProxyConfig(proxyUrl, method, headers, data);
  }
  for (const url of new Set(otherUrls)) {
    if (url === proxyUrl) continue;
    for (const method of PROXY_METHODS) await setProxyConfig(url, method, {}, {});
  }
  kintone.plugin.app.setConfig({ proxyUrl, mapping: mappingJson, ...settings.embeddedCheckout });
}
