/** @jest-environment jsdom */
import manifest from "../../../manifest.json";
import { messages } from "../../i18n/messages";
import { renderConfigForm } from "../renderConfigForm";

const PLUGIN_ID = "fnniabijhckddejkdkboonomnnilaknk";
const SECRET = "s3cr3t-0123456789-abcdefghijklmnopqrstuvwxyz";

interface StoredProxyConfig {
  headers: Record<string, string>;
  data: Record<string, string>;
}

/** A stand-in for kintone's plugin settings APIs, keeping what they store. */
function installFakeKintone(initial: {
  config?: Record<string, string>;
  proxy?: Record<string, StoredProxyConfig>;
}) {
  const stored = {
    config: { ...(initial.config ?? {}) },
    proxy: new Map(Object.entries(initial.proxy ?? {})),
    calls: [] as string[],
    /** Settles when setConfig is called. */
    saved: undefined as unknown as Promise<void>,
  };
  let markSaved: () => void = () => undefined;
  stored.saved = new Promise<void>((resolve) => (markSaved = resolve));
  (window as unknown as { kintone: unknown }).kintone = {
    plugin: {
      app: {
        getConfig: (pluginId: string) => (pluginId === PLUGIN_ID ? { ...stored.config } : {}),
        setConfig: (config: Record<string, string>, callback?: () => void) => {
          stored.calls.push("setConfig");
          stored.config = { ...config };
          markSaved();
          callback?.();
        },
        getProxyConfig: (url: string, method: string) =>
          stored.proxy.get(`${method} ${url}`) ?? null,
        setProxyConfig: (
          url: string,
          method: string,
          headers: Record<string, string>,
          data: Record<string, string>,
          callback?: () => void,
        ) => {
          stored.calls.push(`setProxyConfig ${method} ${url}`);
          stored.proxy.set(`${method} ${url}`, { headers, data });
          setTimeout(() => callback?.(), 0); // kintone saves asynchronously
        },
      },
    },
  };
  return stored;
}

function render() {
  const container = document.createElement("div");
  document.body.replaceChildren(container);
  const view = renderConfigForm(container, PLUGIN_ID, messages.en);
  const inputs = container.querySelectorAll("input");
  const [url, secret] = [inputs[0], inputs[1]];
  if (!url || !secret) throw new Error("the form has no URL and secret inputs");
  const error = () => container.querySelector('[role="alert"]')?.textContent ?? "";
  return { container, view, url, secret, error };
}

function keepHint(container: HTMLElement) {
  return [...container.querySelectorAll("p")].find(
    (paragraph) => paragraph.textContent === messages.en.proxySecretKeepHelp,
  );
}

const bearer = { headers: { Authorization: `Bearer ${SECRET}` }, data: {} };

describe("renderConfigForm", () => {
  afterEach(() => {
    delete (window as unknown as { kintone?: unknown }).kintone;
  });

  it("saves the URL with setConfig and the secret only as a proxy header for GET and POST", async () => {
    const stored = installFakeKintone({});
    const { view, url, secret } = render();
    url.value = "https://proxy.example.com";
    secret.value = SECRET;

    await expect(view.submit()).resolves.toBe(true);

    expect(stored.config).toEqual({ proxyUrl: "https://proxy.example.com/" });
    for (const key of manifest.config.required_params) expect(stored.config[key]).toBeTruthy();
    expect(JSON.stringify(stored.config)).not.toContain(SECRET);
    expect(stored.proxy.get("GET https://proxy.example.com/")).toEqual(bearer);
    expect(stored.proxy.get("POST https://proxy.example.com/")).toEqual(bearer);
    // setConfig last: without a callback kintone leaves the page once it is called.
    expect(stored.calls.at(-1)).toBe("setConfig");
    expect(secret.value).toBe("");
  });

  it("saves when the form is submitted with Enter or the Save button", async () => {
    const stored = installFakeKintone({});
    const { container, url, secret } = render();
    url.value = "https://proxy.example.com/";
    secret.value = SECRET;
    container.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await stored.saved;
    expect(stored.config.proxyUrl).toBe("https://proxy.example.com/");
  });

  it("shows the stored URL but never the secret", () => {
    installFakeKintone({
      config: { proxyUrl: "https://proxy.example.com/" },
      proxy: {
        "GET https://proxy.example.com/": bearer,
        "POST https://proxy.example.com/": bearer,
      },
    });
    const { container, url, secret } = render();
    expect(url.value).toBe("https://proxy.example.com/");
    expect(secret.value).toBe("");
    expect(secret.type).toBe("password");
    expect(container.innerHTML).not.toContain(SECRET);
    expect(keepHint(container)?.hidden).toBe(false);
  });

  it("keeps the stored secret when the secret field is left empty", async () => {
    const stored = installFakeKintone({
      config: { proxyUrl: "https://proxy.example.com/", mapping: "{}" },
      proxy: {
        "GET https://proxy.example.com/": bearer,
        "POST https://proxy.example.com/": bearer,
      },
    });
    const { view } = render();
    await expect(view.submit()).resolves.toBe(true);
    expect(stored.calls).toEqual(["setConfig"]);
    expect(stored.proxy.get("POST https://proxy.example.com/")).toEqual(bearer);
    expect(stored.config).toEqual({ proxyUrl: "https://proxy.example.com/", mapping: "{}" });
  });

  it("asks for the secret when none is stored for the URL", async () => {
    const stored = installFakeKintone({});
    const { container, view, url, error } = render();
    expect(keepHint(container)?.hidden).toBe(true);
    url.value = "https://proxy.example.com/";
    await expect(view.submit()).resolves.toBe(false);
    expect(error()).toBe(messages.en.errorProxySecretRequired);
    expect(stored.calls).toEqual([]);
  });

  it("moves the secret to a new URL and clears it from the old one", async () => {
    const stored = installFakeKintone({
      config: { proxyUrl: "https://old.example.com/" },
      proxy: { "GET https://old.example.com/": bearer, "POST https://old.example.com/": bearer },
    });
    const { view, url, secret } = render();
    url.value = "https://new.example.com/";
    secret.value = SECRET;
    await expect(view.submit()).resolves.toBe(true);
    expect(stored.proxy.get("POST https://new.example.com/")).toEqual(bearer);
    expect(stored.proxy.get("GET https://old.example.com/")).toEqual({ headers: {}, data: {} });
    expect(stored.proxy.get("POST https://old.example.com/")).toEqual({ headers: {}, data: {} });
    expect(stored.config.proxyUrl).toBe("https://new.example.com/");
  });

  it.each([
    ["not a url", SECRET, messages.en.errorProxyUrlInvalid],
    ["http://proxy.example.com/", SECRET, messages.en.errorProxyUrlScheme],
    ["https://proxy.example.com/", "too-short", messages.en.errorProxySecretTooShort(32)],
    ["https://proxy.example.com/", `${SECRET} x`, messages.en.errorProxySecretWhitespace],
  ])("refuses URL %p with secret %p and saves nothing", async (proxyUrl, secretValue, message) => {
    const stored = installFakeKintone({});
    const { view, url, secret, error } = render();
    url.value = proxyUrl;
    secret.value = secretValue;
    await expect(view.submit()).resolves.toBe(false);
    expect(error()).toBe(message);
    expect(stored.calls).toEqual([]);
  });

  it("goes back without saving on Cancel", () => {
    const stored = installFakeKintone({});
    const back = jest.spyOn(window.history, "back").mockImplementation(() => undefined);
    const { container } = render();
    container.querySelector<HTMLButtonElement>('button[type="button"]')?.click();
    expect(back).toHaveBeenCalledTimes(1);
    expect(stored.calls).toEqual([]);
    back.mockRestore();
  });
});
