import {
  MAX_CONFIG_TOTAL_BYTES,
  MAX_CONFIG_VALUE_LENGTH,
  PluginSettingsError,
  PluginSettingsStore,
} from "../PluginSettingsStore";

const APP = "1";
const PLUGIN = "abcdefghijklmnopabcdefghijklmnop";

describe("PluginSettingsStore", () => {
  it("keeps the last config saved, per app and per plugin", () => {
    const store = new PluginSettingsStore();
    store.setConfig(APP, PLUGIN, { proxyUrl: "http://localhost:3000", a: "1" });
    store.setConfig(APP, PLUGIN, { proxyUrl: "http://localhost:3001" });

    expect(store.getConfig(APP, PLUGIN)).toEqual({ proxyUrl: "http://localhost:3001" });
    expect(store.getConfig("2", PLUGIN)).toEqual({});
    expect(store.getConfig(APP, "otherplugin")).toEqual({});
  });

  it("refuses values that are not strings, too long, or over 256 KB in all", () => {
    const store = new PluginSettingsStore();
    expect(() => store.setConfig(APP, PLUGIN, { n: 1 })).toThrow(PluginSettingsError);
    expect(() =>
      store.setConfig(APP, PLUGIN, { long: "x".repeat(MAX_CONFIG_VALUE_LENGTH + 1) }),
    ).toThrow(/longer than/);
    const fiveValues = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`k${i}`, "x".repeat(MAX_CONFIG_VALUE_LENGTH)]),
    );
    expect(() => store.setConfig(APP, PLUGIN, fiveValues)).toThrow(
      new RegExp(`larger than ${MAX_CONFIG_TOTAL_BYTES}`),
    );
    expect(store.getConfig(APP, PLUGIN)).toEqual({});
  });

  it("keeps proxy settings apart from the config", () => {
    const store = new PluginSettingsStore();
    store.setProxyConfig(APP, PLUGIN, {
      url: "http://localhost:3000/v1/",
      method: "POST",
      headers: { Authorization: "Bearer secret-value" },
      data: { appId: "1" },
    });
    expect(JSON.stringify(store.getConfig(APP, PLUGIN))).not.toContain("secret-value");
  });

  it("matches the longest stored URL that prefixes the request, same method only", () => {
    const store = new PluginSettingsStore();
    const save = (url: string, method: string, tag: string) =>
      store.setProxyConfig(APP, PLUGIN, { url, method, headers: { tag }, data: {} });
    save("http://localhost:3000", "POST", "short");
    save("http://localhost:3000/v1/checkouts", "POST", "long");
    save("http://localhost:3000/v1/checkouts", "GET", "get");

    const match = (method: string, url: string) =>
      store.matchProxyConfig(APP, PLUGIN, method, url)?.headers.tag;
    expect(match("POST", "http://localhost:3000/v1/checkouts")).toBe("long");
    expect(match("POST", "http://localhost:3000/v1/jobs")).toBe("short");
    expect(match("GET", "http://localhost:3000/v1/checkouts/cs_1")).toBe("get");
    expect(match("GET", "http://localhost:3000/healthz")).toBeUndefined();
    // URLs compare case-sensitively, as kintone documents.
    expect(match("POST", "HTTP://LOCALHOST:3000/v1/checkouts")).toBeUndefined();
  });

  it("overwrites the entry of the same URL and method, with header values as strings", () => {
    const store = new PluginSettingsStore();
    const url = "http://localhost:3000";
    store.setProxyConfig(APP, PLUGIN, { url, method: "POST", headers: { a: "1" }, data: {} });
    store.setProxyConfig(APP, PLUGIN, {
      url,
      method: "POST",
      headers: { b: 2, c: true },
      data: {},
    });

    expect(store.listProxyConfigs(APP, PLUGIN)).toEqual([
      { url, method: "POST", headers: { b: "2", c: "true" }, data: {} },
    ]);
  });

  it("refuses object values in proxy data", () => {
    const store = new PluginSettingsStore();
    expect(() =>
      store.setProxyConfig(APP, PLUGIN, {
        url: "http://localhost:3000",
        method: "POST",
        headers: {},
        data: { mapping: { version: 1 } },
      }),
    ).toThrow(PluginSettingsError);
  });
});
