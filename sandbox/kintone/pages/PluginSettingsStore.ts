/**
 * What kintone keeps server-side for a plugin in an app: its settings (`setConfig`) and its
 * proxy settings (`setProxyConfig`). In memory, per app and per plugin.
 *
 * The two are kept apart on purpose: `getConfig` never sees proxy headers or data, which is how
 * a plugin hides secrets from the app's users in real kintone.
 * https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config-for-proxy
 */

export type PluginConfig = Record<string, string>;

export interface ProxyConfig {
  url: string;
  method: ProxyMethod;
  headers: Record<string, string>;
  data: Record<string, ProxyDataValue>;
}

/** Stored body data keeps its JSON type; only objects are refused. */
export type ProxyDataValue = string | number | boolean | null;

export const PROXY_METHODS = ["GET", "POST", "PUT", "DELETE"] as const;
export type ProxyMethod = (typeof PROXY_METHODS)[number];

/** kintone's limits for `setConfig`. https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config */
export const MAX_CONFIG_VALUE_LENGTH = 65_535;
export const MAX_CONFIG_TOTAL_BYTES = 256 * 1024;

export class PluginSettingsError extends Error {}

interface PluginEntry {
  config: PluginConfig;
  proxyConfigs: ProxyConfig[];
}

export type PluginSettingsState = Array<PluginEntry & { appId: string; pluginId: string }>;

export class PluginSettingsStore {
  private readonly entries = new Map<string, PluginEntry>();

  getConfig(appId: string, pluginId: string): PluginConfig {
    return { ...this.entry(appId, pluginId).config };
  }

  /** Replaces the whole config, as kintone does: only the last saved config is kept. */
  setConfig(appId: string, pluginId: string, config: unknown): void {
    this.entry(appId, pluginId).config = validatePluginConfig(config);
  }

  listProxyConfigs(appId: string, pluginId: string): ProxyConfig[] {
    return this.entry(appId, pluginId).proxyConfigs.map((c) => structuredClone(c));
  }

  /** The same URL and method overwrite the earlier entry. */
  setProxyConfig(appId: string, pluginId: string, input: unknown): ProxyConfig {
    const proxyConfig = validateProxyConfig(input);
    const entry = this.entry(appId, pluginId);
    entry.proxyConfigs = entry.proxyConfigs.filter(
      (c) => !(c.url === proxyConfig.url && c.method === proxyConfig.method),
    );
    entry.proxyConfigs.push(proxyConfig);
    return structuredClone(proxyConfig);
  }

  /**
   * The proxy config kintone applies to a `plugin.app.proxy` call: same app, plugin and method,
   * stored URL a case-sensitive prefix of the requested URL; the longest such URL wins.
   */
  matchProxyConfig(
    appId: string,
    pluginId: string,
    method: string,
    url: string,
  ): ProxyConfig | undefined {
    const candidates = this.entry(appId, pluginId).proxyConfigs.filter(
      (c) => c.method === method && url.startsWith(c.url),
    );
    candidates.sort((a, b) => b.url.length - a.url.length);
    const best = candidates[0];
    return best === undefined ? undefined : structuredClone(best);
  }

  /** Every app's settings, as `restoreState` takes them back. */
  captureState(): PluginSettingsState {
    return [...this.entries.entries()].map(([key, entry]) => {
      const [appId = "", pluginId = ""] = key.split("\u0000");
      return { appId, pluginId, ...structuredClone(entry) };
    });
  }

  restoreState(state: PluginSettingsState): void {
    this.entries.clear();
    for (const { appId, pluginId, config, proxyConfigs } of state) {
      this.entries.set(`${appId}\u0000${pluginId}`, { config, proxyConfigs });
    }
  }

  private entry(appId: string, pluginId: string): PluginEntry {
    const key = `${appId}\u0000${pluginId}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = { config: {}, proxyConfigs: [] };
      this.entries.set(key, entry);
    }
    return entry;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function validatePluginConfig(config: unknown): PluginConfig {
  if (!isPlainObject(config)) throw new PluginSettingsError("config must be an object");
  const result: PluginConfig = {};
  let totalBytes = 0;
  for (const [key, value] of Object.entries(config)) {
    if (!/^[\x20-\x7e]+$/.test(key)) {
      throw new PluginSettingsError(`config key must be ASCII: ${JSON.stringify(key)}`);
    }
    if (typeof value !== "string") {
      throw new PluginSettingsError(`config value of "${key}" must be a string`);
    }
    if (value.length > MAX_CONFIG_VALUE_LENGTH) {
      throw new PluginSettingsError(
        `config value of "${key}" is longer than ${MAX_CONFIG_VALUE_LENGTH} characters`,
      );
    }
    totalBytes += Buffer.byteLength(key) + Buffer.byteLength(value);
    result[key] = value;
  }
  if (totalBytes > MAX_CONFIG_TOTAL_BYTES) {
    throw new PluginSettingsError(`config is larger than ${MAX_CONFIG_TOTAL_BYTES} bytes in all`);
  }
  return result;
}

function validateProxyConfig(input: unknown): ProxyConfig {
  if (!isPlainObject(input)) throw new PluginSettingsError("proxy config must be an object");
  const { url, method, headers, data } = input;
  if (typeof url !== "string" || !/^https?:\/\//.test(url)) {
    throw new PluginSettingsError("url must be an http:// or https:// URL");
  }
  if (typeof method !== "string" || !(PROXY_METHODS as readonly string[]).includes(method)) {
    throw new PluginSettingsError(`method must be one of ${PROXY_METHODS.join(", ")}`);
  }
  return {
    url,
    method: method as ProxyMethod,
    headers: headerValues(headers ?? {}),
    data: dataValues(data ?? {}),
  };
}

/** Header values come back as strings (numbers and booleans converted), as kintone documents. */
function headerValues(input: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(dataValues(input, "headers"))) {
    result[key] = String(value);
  }
  return result;
}

function dataValues(input: unknown, what = "data"): Record<string, ProxyDataValue> {
  if (!isPlainObject(input)) throw new PluginSettingsError(`${what} must be an object`);
  const result: Record<string, ProxyDataValue> = {};
  for (const [key, value] of Object.entries(input)) {
    if (
      value !== null &&
      typeof value !== "string" &&
      typeof value !== "number" &&
      typeof value !== "boolean"
    ) {
      throw new PluginSettingsError(`${what}.${key} must be a string, number or boolean`);
    }
    result[key] = value;
  }
  return result;
}
