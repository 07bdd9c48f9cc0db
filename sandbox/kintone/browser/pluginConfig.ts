/** `kintone.plugin.app` settings: getConfig/setConfig and the proxy settings of the plugin's settings page. */
import { context } from "./currentPage";
import { SANDBOX_ROUTES, type PageProxyConfig } from "./PageContext";

const MAX_CONFIG_VALUE_LENGTH = 65_535;
const MAX_CONFIG_TOTAL_BYTES = 256 * 1024;

async function postSettings(route: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(route, {
    method: "POST",
    credentials: "same-origin",
    headers: { "X-Requested-With": "XMLHttpRequest", "Content-Type": "application/json" },
    body: JSON.stringify({
      ...body,
      app: context.appId,
      pluginId: context.pluginId,
      __REQUEST_TOKEN__: context.requestToken,
    }),
  });
  if (!response.ok) throw new Error(`kintone sandbox: ${route} answered ${response.status}`);
}

function requireSettingsPage(name: string): void {
  if (context.page !== "pluginSettings") {
    throw new Error(`kintone.plugin.app.${name} is only available on the plugin's settings page`);
  }
}

/** Without a callback kintone goes to the app's plugin list after saving. */
function afterSave(callback: (() => void) | null | undefined): void {
  if (typeof callback === "function") callback();
  else if (context.page === "pluginSettings") location.href = context.pluginListUrl;
}

export /** https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config : strings only, 256 KB in all. */
function setConfig(config: Record<string, unknown>, callback?: (() => void) | null): void {
  requireSettingsPage("setConfig");
  if (typeof config !== "object" || config === null) throw new Error("config must be an object");
  let totalBytes = 0;
  const encoder = new TextEncoder();
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== "string") throw new Error(`config value of "${key}" must be a string`);
    if (value.length > MAX_CONFIG_VALUE_LENGTH) {
      throw new Error(
        `config value of "${key}" is longer than ${MAX_CONFIG_VALUE_LENGTH} characters`,
      );
    }
    totalBytes += encoder.encode(key).length + encoder.encode(value).length;
  }
  if (totalBytes > MAX_CONFIG_TOTAL_BYTES) {
    throw new Error(`config is larger than ${MAX_CONFIG_TOTAL_BYTES} bytes in all`);
  }
  const saved = { ...(config as Record<string, string>) };
  postSettings(SANDBOX_ROUTES.pluginConfig, { config: saved }).then(
    () => {
      context.pluginConfig = saved;
      afterSave(callback);
    },
    (error: unknown) => console.error(error),
  );
}

export /** https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config-for-proxy */
function setProxyConfig(
  url: string,
  method: string,
  headers: Record<string, unknown>,
  data: Record<string, unknown>,
  callback?: (() => void) | null,
): void {
  requireSettingsPage("setProxyConfig");
  for (const [key, value] of Object.entries(data ?? {})) {
    if (typeof value === "object" && value !== null) {
      throw new Error(`data.${key} must not be an object`);
    }
  }
  postSettings(SANDBOX_ROUTES.pluginProxyConfig, { url, method, headers, data }).then(
    () => {
      if (context.page === "pluginSettings") {
        const entry: PageProxyConfig = {
          url,
          method,
          headers: Object.fromEntries(
            Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)]),
          ),
          data: { ...(data as PageProxyConfig["data"]) },
        };
        context.proxyConfigs = [
          ...context.proxyConfigs.filter((c) => !(c.url === url && c.method === method)),
          entry,
        ];
      }
      afterSave(callback);
    },
    (error: unknown) => console.error(error),
  );
}

export /** https://cybozu.dev/ja/kintone/docs/js-api/plugins/get-config-for-proxy */
function getProxyConfig(
  url: string,
  method: string,
): Omit<PageProxyConfig, "url" | "method"> | null {
  if (context.page !== "pluginSettings") return null;
  const found = context.proxyConfigs.find((c) => c.url === url && c.method === method);
  return found === undefined ? null : { headers: { ...found.headers }, data: { ...found.data } };
}

export function getConfig(pluginId: string): Record<string, string> {
  return pluginId === context.pluginId ? { ...context.pluginConfig } : {};
}
