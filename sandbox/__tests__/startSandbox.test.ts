import path from "node:path";
import pino from "pino";
import { SANDBOX_ROUTES } from "../kintone/browser/PageContext";
import { PRODUCTS_APP_ID, sampleMapping } from "../sampleApps";
import { SANDBOX_SECRETS, startSandbox, type Sandbox } from "../startSandbox";

// The pages' own stand-in plugin: these tests need no plugin build.
const PLUGIN_DIR = path.join(__dirname, "..", "kintone", "pages", "__tests__", "fixturePlugin");
const PLUGIN_ID = "fixturepluginfixturepluginfixtur";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    ports: { kintone: 0, stripe: 0, proxy: 0 },
    pluginDir: PLUGIN_DIR,
    pluginId: PLUGIN_ID,
    proxyLogger: pino({ level: "silent" }),
  });
});

afterAll(async () => {
  await sandbox?.close();
});

async function openListPage(): Promise<{ cookie: string; requestToken: string }> {
  const response = await fetch(sandbox.urls.productsList);
  const html = await response.text();
  const token = /"requestToken":"([^"]+)"/.exec(html)?.[1];
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (token === undefined || cookie === undefined) throw new Error("the page started no session");
  return { cookie, requestToken: token };
}

describe("startSandbox", () => {
  it("serves the sample apps on the kintone pages and starts the proxy", async () => {
    const portal = await (await fetch(`${sandbox.urls.kintone}/`)).text();
    expect(portal).toContain("Products");
    expect(portal).toContain("Orders");
    const health = await fetch(`${sandbox.urls.proxy}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true });
  });

  it("lets a page reach the proxy through plugin.app.proxy with the secret stored in kintone", async () => {
    const proxyUrl = sandbox.urls.proxy!;
    sandbox.pluginSettings.setProxyConfig(PRODUCTS_APP_ID, PLUGIN_ID, {
      url: `${proxyUrl}/v1/checkouts`,
      method: "POST",
      headers: {
        Authorization: `Bearer ${SANDBOX_SECRETS.proxySecret}`,
        "Content-Type": "application/json",
      },
      data: {
        appId: PRODUCTS_APP_ID,
        mapping: JSON.stringify(sampleMapping("products", sandbox.urls.productsList)),
      },
    });
    const { cookie, requestToken } = await openListPage();

    // The page names records and asks for a preview; it sends no secret and a forged app id.
    const response = await fetch(sandbox.urls.kintone + SANDBOX_ROUTES.pluginProxy, {
      method: "POST",
      headers: {
        Cookie: cookie,
        "X-Requested-With": "XMLHttpRequest",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        app: PRODUCTS_APP_ID,
        pluginId: PLUGIN_ID,
        url: `${proxyUrl}/v1/checkouts`,
        method: "POST",
        headers: {},
        data: { appId: "999", records: [{ id: "2" }], dryRun: true },
        __REQUEST_TOKEN__: requestToken,
      }),
    });

    expect(response.status).toBe(200);
    const answer = (await response.json()) as { body: string; status: number };
    expect(answer.status).toBe(200);
    const preview = JSON.parse(answer.body) as {
      preview: { sessions: Array<{ currency: string; amountTotal: number; recordIds: string[] }> };
    };
    expect(preview.preview.sessions).toEqual([
      expect.objectContaining({ recordIds: ["2"], currency: "usd", amountTotal: 2800 }),
    ]);
  });

  it("stops every server on close", async () => {
    const other = await startSandbox({
      ports: { kintone: 0, stripe: 0, proxy: 0 },
      pluginDir: PLUGIN_DIR,
      pluginId: PLUGIN_ID,
      proxyLogger: pino({ level: "silent" }),
    });
    await other.close();
    for (const url of [other.urls.kintone, other.urls.stripe, other.urls.proxy!]) {
      await expect(fetch(url)).rejects.toThrow();
    }
  });
});
