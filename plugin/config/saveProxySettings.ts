import type { Messages } from "../i18n/messages";
import { normalizeProxyUrl } from "./normalizeProxyUrl";

/** The methods the plugin calls the proxy with (reads are GET, actions are POST). */
export const PROXY_METHODS = ["GET", "POST"] as const;

/** The proxy refuses to start with a shorter PROXY_SECRET (DESIGN §4). */
export const MIN_PROXY_SECRET_LENGTH = 32;

export interface ProxySettingsInput {
  proxyUrl: string;
  /** Empty: keep the secret already stored for this URL. */
  secret: string;
}

export type ProxySettingsValidation =
  | { ok: true; proxyUrl: string; secret: string | null }
  | { ok: false; field: "proxyUrl" | "secret"; message: string };

/** Checks the form's values; `secret: null` means "keep the stored one". */
export function validateProxySettings(
  input: ProxySettingsInput,
  messages: Messages,
): ProxySettingsValidation {
  const url = normalizeProxyUrl(input.proxyUrl);
  if (!url.ok) {
    const message =
      url.reason === "invalid" ? messages.errorProxyUrlInvalid : messages.errorProxyUrlScheme;
    return { ok: false, field: "proxyUrl", message };
  }
  const secret = input.secret.trim();
  if (secret === "") {
    if (hasStoredSecret(url.url)) return { ok: true, proxyUrl: url.url, secret: null };
    return { ok: false, field: "secret", message: messages.errorProxySecretRequired };
  }
  if (/\s/.test(secret)) {
    return { ok: false, field: "secret", message: messages.errorProxySecretWhitespace };
  }
  if (secret.length < MIN_PROXY_SECRET_LENGTH) {
    return {
      ok: false,
      field: "secret",
      message: messages.errorProxySecretTooShort(MIN_PROXY_SECRET_LENGTH),
    };
  }
  return { ok: true, proxyUrl: url.url, secret };
}

/** Whether every method already has an Authorization header stored for this URL. */
export function hasStoredSecret(proxyUrl: string): boolean {
  return PROXY_METHODS.every((method) => {
    const stored: unknown = kintone.plugin.app.getProxyConfig(proxyUrl, method);
    if (typeof stored !== "object" || stored === null) return false;
    const headers = (stored as { headers?: Record<string, unknown> }).headers;
    const authorization = headers?.Authorization;
    return typeof authorization === "string" && authorization.startsWith("Bearer ");
  });
}

function setProxyConfig(url: string, method: string, headers: Record<string, string>) {
  return new Promise<void>((resolve) => {
    // With a callback kintone stays on the page; without one it would leave before we finish.
    kintone.plugin.app.setProxyConfig(url, method, headers, {}, () => resolve());
  });
}

/**
 * Stores the secret as `Authorization: Bearer …` in kintone's proxy config for the URL (GET and
 * POST), where the browser cannot read it back outside this screen and kintone adds it server-side
 * (https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config-for-proxy/); then saves the URL
 * with setConfig, keeping other settings. When the URL changed, the old URL's headers are
 * overwritten with none so the secret is not left attached to it. setConfig is called last and
 * without a callback, so kintone then returns to the app's plugin list with its own message
 * (https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config/).
 */
export async function saveProxySettings(
  pluginId: string,
  settings: { proxyUrl: string; secret: string | null },
  previousProxyUrl: string | undefined,
): Promise<void> {
  if (settings.secret !== null) {
    for (const method of PROXY_METHODS) {
      await setProxyConfig(settings.proxyUrl, method, {
        Authorization: `Bearer ${settings.secret}`,
      });
    }
  }
  if (previousProxyUrl !== undefined && previousProxyUrl !== settings.proxyUrl) {
    for (const method of PROXY_METHODS) await setProxyConfig(previousProxyUrl, method, {});
  }
  const current: unknown = kintone.plugin.app.getConfig(pluginId);
  const others = typeof current === "object" && current !== null ? current : {};
  kintone.plugin.app.setConfig({ ...others, proxyUrl: settings.proxyUrl });
}
