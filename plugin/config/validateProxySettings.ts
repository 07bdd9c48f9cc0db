import type { Messages } from "../i18n/messages";
import { normalizeProxyUrl } from "./normalizeProxyUrl";

/** The methods the plugin calls the proxy with (reads are GET, actions are POST). */
export const PROXY_METHODS = ["GET", "POST"] as const;

/** The proxy refuses to start with a shorter PROXY_SECRET. */
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
  return PROXY_METHODS.every((method) => storedAuthorization(proxyUrl, method) !== undefined);
}

/**
 * The `Authorization` header stored for the URL and method. `getProxyConfig` answers only on the
 * plugin's settings page (https://cybozu.dev/ja/kintone/docs/js-api/plugins/get-config-for-proxy/);
 * the screen re-stores it with new data when the secret field is left empty, never shows it.
 */
export function storedAuthorization(proxyUrl: string, method: string): string | undefined {
  const stored: unknown = kintone.plugin.app.getProxyConfig(proxyUrl, method);
  if (typeof stored !== "object" || stored === null) return undefined;
  const headers = (stored as { headers?: Record<string, unknown> }).headers;
  const authorization = headers?.Authorization;
  return typeof authorization === "string" && authorization.startsWith("Bearer ")
    ? authorization
    : undefined;
}
