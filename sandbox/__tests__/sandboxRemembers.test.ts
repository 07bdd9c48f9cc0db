import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { ORDERS_APP_ID, PRODUCTS_APP_ID } from "../sampleApps";
import { startSandbox, type Sandbox } from "../startSandbox";

// The pages' own stand-in plugin: these tests need no plugin build.
const PLUGIN_DIR = path.join(__dirname, "..", "kintone", "pages", "__tests__", "fixturePlugin");
const PLUGIN_ID = "fixturepluginfixturepluginfixtur";

let dataDir: string;
const running: Sandbox[] = [];

function start(): Promise<Sandbox> {
  return startSandbox({
    ports: { kintone: 0, stripe: 0, proxy: 0 },
    pluginDir: PLUGIN_DIR,
    pluginId: PLUGIN_ID,
    proxyLogger: pino({ level: "silent" }),
    dataDir,
    preconfigure: true,
  }).then((sandbox) => {
    running.push(sandbox);
    return sandbox;
  });
}

async function stop(sandbox: Sandbox): Promise<void> {
  running.splice(running.indexOf(sandbox), 1);
  await sandbox.close();
}

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "sandbox-remembers-"));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

function savedMapping(sandbox: Sandbox, appId: string): { successUrl: string } {
  return JSON.parse(sandbox.pluginSettings.getConfig(appId, PLUGIN_ID).mapping ?? "null");
}

describe("startSandbox with a data folder", () => {
  it("comes fresh with both sample apps preconfigured, the buyer sent back to the record", async () => {
    const sandbox = await start();
    expect(sandbox.restored).toBe(false);
    for (const appId of [PRODUCTS_APP_ID, ORDERS_APP_ID]) {
      expect(sandbox.pluginSettings.getConfig(appId, PLUGIN_ID).proxyUrl).toBe(
        `${sandbox.urls.proxy}/`,
      );
      const [get, post] = sandbox.pluginSettings.listProxyConfigs(appId, PLUGIN_ID);
      expect(get?.headers["X-Kintone-App-Id"]).toBe(appId);
      expect(post?.data.appId).toBe(appId);
      expect(savedMapping(sandbox, appId).successUrl).toBe(
        `${sandbox.urls.kintone}/k/${appId}/checkout-return?session_id={CHECKOUT_SESSION_ID}`,
      );
    }
  });

  it("keeps its settings and records across a restart, at the new addresses", async () => {
    const first = await start();
    first.kintone.store.updateRecord(PRODUCTS_APP_ID, "3", {
      product_name: { value: "Renamed notebook" },
    });
    first.pluginSettings.setConfig(ORDERS_APP_ID, PLUGIN_ID, { proxyUrl: `${first.urls.proxy}/` });
    await stop(first);

    const second = await start();
    expect(second.restored).toBe(true);
    expect(second.kintone.store.getRecord(PRODUCTS_APP_ID, "3")?.product_name?.value).toBe(
      "Renamed notebook",
    );
    expect(second.pluginSettings.getConfig(ORDERS_APP_ID, PLUGIN_ID)).toEqual({
      proxyUrl: `${second.urls.proxy}/`,
    });
    expect(savedMapping(second, PRODUCTS_APP_ID).successUrl).toContain(second.urls.kintone);
  });

  it("sends the buyer back from Checkout to the record the session was made for", async () => {
    const sandbox = await start();
    sandbox.kintone.store.updateRecord(PRODUCTS_APP_ID, "5", {
      checkout_session_id: { value: "cs_test_back" },
    });
    const back = (sessionId: string) =>
      fetch(
        `${sandbox.urls.kintone}/k/${PRODUCTS_APP_ID}/checkout-return?session_id=${sessionId}`,
        {
          redirect: "manual",
        },
      );
    expect((await back("cs_test_back")).headers.get("location")).toBe(
      `/k/${PRODUCTS_APP_ID}/show#record=5`,
    );
    expect((await back("cs_test_other")).headers.get("location")).toBe(`/k/${PRODUCTS_APP_ID}/`);
  });
});
