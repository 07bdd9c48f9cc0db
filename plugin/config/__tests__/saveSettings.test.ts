/** @jest-environment jsdom */
import { messages } from "../../i18n/messages";
import { saveSettings, storeSecretForTest } from "../saveSettings";
import { PROXY_METHODS, hasStoredSecret, validateProxySettings } from "../validateProxySettings";
import { PLUGIN_ID, installFakeKintone, removeFakeKintone } from "./fakeKintone";

const SECRET = "s3cr3t-0123456789-abcdefghijklmnopqrstuvwxyz";
const OTHER_SECRET = "another-secret-0123456789-abcdefghijklmnopq";
const MAPPING = '{"version":1}';
const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
/** What Save stores as headers: the secret and the app every call is bound to. */
const savedHeaders = (secret: string, appId = "12") => ({
  ...bearer(secret),
  "X-Kintone-App-Id": appId,
});

/** kintone holding the secret for both methods, as an earlier Save stored it. */
const withStoredSecret = (postData: Record<string, string>) =>
  installFakeKintone({
    proxy: {
      "GET https://proxy.example.com/": { headers: bearer(SECRET), data: {} },
      "POST https://proxy.example.com/": { headers: bearer(SECRET), data: postData },
    },
  });
/** Save with the secret field left empty. */
const saveWithoutSecret = (appId: string) =>
  saveSettings({
    proxyUrl: "https://proxy.example.com/",
    secret: null,
    appId,
    mappingJson: MAPPING,
  });

afterEach(removeFakeKintone);

describe("saveSettings", () => {
  it("keeps the secret only in the proxy config, with appId and mapping as POST data", async () => {
    const fake = installFakeKintone();
    await saveSettings({
      proxyUrl: "https://proxy.example.com/",
      secret: SECRET,
      appId: "12",
      mappingJson: MAPPING,
    });
    expect(fake.proxy.get("POST https://proxy.example.com/")).toEqual({
      headers: savedHeaders(SECRET),
      data: { appId: "12", mapping: MAPPING },
    });
    expect(fake.proxy.get("GET https://proxy.example.com/")).toEqual({
      headers: savedHeaders(SECRET),
      data: {},
    });
    expect(fake.config).toEqual({ proxyUrl: "https://proxy.example.com/", mapping: MAPPING });
    // The secret can never be read back through getConfig.
    const readBack = (
      globalThis as unknown as {
        kintone: { plugin: { app: { getConfig(id: string): unknown } } };
      }
    ).kintone.plugin.app.getConfig(PLUGIN_ID);
    expect(JSON.stringify(readBack)).not.toContain(SECRET);
    // setConfig last: without a callback kintone leaves the page once it is called.
    expect(fake.calls.at(-1)).toBe("setConfig");
  });

  it("re-stores the stored secret with the new mapping when the secret field is left empty", async () => {
    const fake = withStoredSecret({ appId: "12", mapping: "old" });
    await saveWithoutSecret("12");
    expect(fake.proxy.get("POST https://proxy.example.com/")).toEqual({
      headers: savedHeaders(SECRET),
      data: { appId: "12", mapping: MAPPING },
    });
  });

  it("binds every method to this app, so an older config without the binding gets it at the next Save", async () => {
    // Saved by a version before issue #8: the secret only.
    const fake = withStoredSecret({ appId: "7", mapping: "old" });
    await saveWithoutSecret("7");
    for (const method of PROXY_METHODS) {
      expect(fake.proxy.get(`${method} https://proxy.example.com/`)?.headers).toEqual(
        savedHeaders(SECRET, "7"),
      );
    }
    expect(PROXY_METHODS).toEqual(["GET", "POST"]);
  });

  it("refuses to save without any secret for the URL", async () => {
    const fake = installFakeKintone();
    await expect(saveWithoutSecret("12")).rejects.toThrow("no secret");
    expect(fake.calls).toEqual([]);
  });

  it("wipes the secret from the previous URL when the URL changes", async () => {
    const fake = installFakeKintone({
      proxy: { "POST https://old.example.com/": { headers: bearer(SECRET), data: {} } },
    });
    await saveSettings(
      { proxyUrl: "https://new.example.com/", secret: SECRET, appId: "12", mappingJson: MAPPING },
      ["https://old.example.com/", "https://new.example.com/"],
    );
    expect(fake.proxy.get("GET https://old.example.com/")).toEqual({ headers: {}, data: {} });
    expect(fake.proxy.get("POST https://old.example.com/")).toEqual({ headers: {}, data: {} });
    expect(fake.proxy.get("GET https://new.example.com/")?.headers).toEqual(savedHeaders(SECRET));
  });
});

describe("storeSecretForTest", () => {
  it("stores the typed secret for GET, then puts back what was stored before", async () => {
    const working = { headers: bearer(SECRET), data: {} };
    const fake = installFakeKintone({ proxy: { "GET https://proxy.example.com/": working } });
    const restore = await storeSecretForTest("https://proxy.example.com/", OTHER_SECRET);
    expect(fake.proxy.get("GET https://proxy.example.com/")?.headers).toEqual(bearer(OTHER_SECRET));
    expect(fake.proxy.has("POST https://proxy.example.com/")).toBe(false);
    await restore();
    expect(fake.proxy.get("GET https://proxy.example.com/")).toEqual(working);
  });

  it("leaves no secret behind for a URL that had none", async () => {
    const fake = installFakeKintone();
    const restore = await storeSecretForTest("https://tried.example.com/", OTHER_SECRET);
    await restore();
    expect(fake.proxy.get("GET https://tried.example.com/")).toEqual({ headers: {}, data: {} });
  });
});

describe("validateProxySettings", () => {
  const t = messages.en;

  it("normalises the URL and keeps a stored secret when none is typed", () => {
    withStoredSecret({});
    expect(hasStoredSecret("https://proxy.example.com/")).toBe(true);
    expect(validateProxySettings({ proxyUrl: "https://proxy.example.com", secret: "" }, t)).toEqual(
      { ok: true, proxyUrl: "https://proxy.example.com/", secret: null },
    );
  });

  it.each([
    ["not a url", SECRET, "proxyUrl", t.errorProxyUrlInvalid],
    ["http://proxy.example.com/", SECRET, "proxyUrl", t.errorProxyUrlScheme],
    ["https://proxy.example.com/", "", "secret", t.errorProxySecretRequired],
    ["https://proxy.example.com/", "too-short", "secret", t.errorProxySecretTooShort(32)],
    ["https://proxy.example.com/", `${SECRET} x`, "secret", t.errorProxySecretWhitespace],
  ])("refuses URL %p with secret %p on the %s field", (proxyUrl, secret, field, message) => {
    installFakeKintone();
    expect(validateProxySettings({ proxyUrl, secret }, t)).toEqual({ ok: false, field, message });
  });
});
