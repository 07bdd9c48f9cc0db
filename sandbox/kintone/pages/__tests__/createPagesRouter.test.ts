import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { startKintoneEmulator, type KintoneEmulator } from "../../KintoneEmulator";
import type { PageContext } from "../../browser/PageContext";
import { PAGE_CONTEXT_ELEMENT_ID, SANDBOX_ROUTES } from "../../browser/PageContext";
import { createPagesRouter } from "../createPagesRouter";
import { PluginSettingsStore } from "../PluginSettingsStore";

const PLUGIN_ID = "fixturepluginfixturepluginfixtur";
const PLUGIN_DIR = path.join(__dirname, "fixturePlugin");
const HOSTILE_NAME = `<script>alert("x")</script>`;

interface EchoedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let kintone: KintoneEmulator;
let settings: PluginSettingsStore;
let echo: http.Server;
let echoUrl: string;

beforeAll(async () => {
  settings = new PluginSettingsStore();
  kintone = await startKintoneEmulator({
    apps: [
      {
        id: "7",
        name: "Items & more",
        fields: [
          { code: "name", label: "Name", type: "SINGLE_LINE_TEXT" },
          { code: "price", label: "Price", type: "NUMBER" },
          { code: "link", label: "Link", type: "LINK", protocol: "WEB" },
        ],
        records: Array.from({ length: 25 }, (_, i) => ({
          name: { value: i === 0 ? HOSTILE_NAME : `Item ${i + 1}` },
          price: { value: String(100 + i) },
          link: { value: i === 0 ? "javascript:alert(1)" : "https://example.com/" },
        })),
        views: [{ id: "300", name: "Cheap", condition: "price < 105" }],
      },
    ],
    mount: (app, store) => {
      app.use(createPagesRouter({ store, pluginDir: PLUGIN_DIR, pluginId: PLUGIN_ID, settings }));
    },
  });
  echo = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const echoed: EchoedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body,
      };
      res.writeHead(201, { "Content-Type": "application/json", "X-Echo": "yes" });
      res.end(JSON.stringify(echoed));
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  echoUrl = `http://localhost:${(echo.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await kintone.close();
  await new Promise((resolve) => echo.close(resolve));
});

interface OpenedPage {
  status: number;
  html: string;
  cookie: string;
  context: PageContext;
}

async function openPage(pathAndQuery: string, cookie?: string): Promise<OpenedPage> {
  const response = await fetch(kintone.url + pathAndQuery, {
    headers: cookie === undefined ? {} : { Cookie: cookie },
  });
  const html = await response.text();
  const setCookie = response.headers.get("set-cookie");
  const match = new RegExp(
    `<script type="application/json" id="${PAGE_CONTEXT_ELEMENT_ID}">([^<]*)</script>`,
  ).exec(html);
  return {
    status: response.status,
    html,
    cookie: setCookie === null ? (cookie ?? "") : setCookie.split(";")[0]!,
    context: (match === null ? undefined : JSON.parse(match[1]!)) as PageContext,
  };
}

async function postFromPage(
  page: OpenedPage,
  route: string,
  body: Record<string, unknown>,
  token: string | undefined = page.context.requestToken,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(kintone.url + route, {
    method: "POST",
    headers: {
      Cookie: page.cookie,
      "X-Requested-With": "XMLHttpRequest",
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ app: "7", pluginId: PLUGIN_ID, ...body, __REQUEST_TOKEN__: token }),
  });
  return { status: response.status, json: await response.json() };
}

describe("the record list page", () => {
  it("shows 20 records, newest first, and hands them to the page's kintone global", async () => {
    const page = await openPage("/k/7/");
    expect(page.status).toBe(200);
    if (page.context.page !== "list") throw new Error("not a list page");
    expect(page.context.records).toHaveLength(20);
    expect(page.context.records[0]?.name?.value).toBe("Item 25");
    expect(page.context).toMatchObject({
      appId: "7",
      viewId: "20",
      offset: 0,
      size: 20,
      totalCount: 25,
      queryCondition: "",
      pluginScripts: [`${SANDBOX_ROUTES.pluginFiles}js/desktop.js`],
    });
    expect(page.html).toContain('href="/k/_sandbox/plugin/files/css/desktop.css"');
    expect(page.html).toContain('id="kintone-header-menu-space"');
  });

  it("pages with offset and filters with the view and ?query=", async () => {
    const second = await openPage("/k/7/?offset=20");
    if (second.context.page !== "list") throw new Error("not a list page");
    expect(second.context.records.map((r) => r.name?.value)).toEqual([
      "Item 5",
      "Item 4",
      "Item 3",
      "Item 2",
      HOSTILE_NAME,
    ]);

    const filtered = await openPage(`/k/7/?view=300&query=${encodeURIComponent("price >= 103")}`);
    if (filtered.context.page !== "list") throw new Error("not a list page");
    expect(filtered.context.queryCondition).toBe("(price < 105) and (price >= 103)");
    expect(filtered.context.query).toContain("limit 20 offset 0");
    expect(filtered.context.records.map((r) => r.price?.value).sort()).toEqual(["103", "104"]);
  });

  it("sorts by a column of the app, ignoring anything else", async () => {
    const sorted = await openPage(`/k/7/?sort=${encodeURIComponent("price asc")}`);
    if (sorted.context.page !== "list") throw new Error("not a list page");
    expect(sorted.context.query).toBe("order by price asc limit 20 offset 0");
    expect(sorted.context.records[0]?.price?.value).toBe("100");
    expect(sorted.html).toContain('href="/k/7/?sort=price+desc"');

    const refused = await openPage(`/k/7/?sort=${encodeURIComponent("price asc, $id asc")}`);
    if (refused.context.page !== "list") throw new Error("not a list page");
    expect(refused.context.query).toBe("order by Record_number desc limit 20 offset 0");
  });

  it("escapes record data in the markup and in the embedded JSON", async () => {
    const page = await openPage("/k/7/?offset=20");
    expect(page.html).not.toContain(HOSTILE_NAME);
    expect(page.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page.html).not.toContain('href="javascript:');
    expect(page.html).toContain("Items &amp; more");
  });

  it("starts a session that kintone's REST API accepts from the page", async () => {
    const page = await openPage("/k/7/");
    expect(page.cookie).toMatch(/^kintone_session=/);
    const response = await fetch(`${kintone.url}/k/v1/records.json?app=7&query=limit%201`, {
      headers: { Cookie: page.cookie, "X-Requested-With": "XMLHttpRequest" },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { records: unknown[] }).records).toHaveLength(1);
  });
});

describe("the record detail page", () => {
  it("shows one record and hands it to the page", async () => {
    const page = await openPage("/k/7/show?record=3");
    if (page.context.page !== "detail") throw new Error("not a detail page");
    expect(page.context.recordId).toBe("3");
    expect(page.context.record.name?.value).toBe("Item 3");
    expect(page.html).toContain('id="kintone-record-header-menu-space"');
  });

  it("answers 404 for a record that does not exist", async () => {
    expect((await openPage("/k/7/show?record=999")).status).toBe(404);
  });
});

describe("the plugin settings page and its endpoints", () => {
  const settingsPath = `/k/admin/app/7/plugin/config?pluginId=${PLUGIN_ID}&lang=en`;

  it("embeds the plugin's settings HTML and config script", async () => {
    const page = await openPage(settingsPath);
    expect(page.status).toBe(200);
    expect(page.html).toContain('id="fixture-url"');
    expect(page.context).toMatchObject({
      page: "pluginSettings",
      pluginScripts: [`${SANDBOX_ROUTES.pluginFiles}js/config.js`],
      loginUser: { language: "en" },
    });
  });

  it("saves the config only with the session's request token", async () => {
    const page = await openPage(settingsPath);
    const refused = await postFromPage(
      page,
      SANDBOX_ROUTES.pluginConfig,
      { config: { proxyUrl: "x" } },
      "wrong-token",
    );
    expect(refused.status).toBe(400);

    const saved = await postFromPage(page, SANDBOX_ROUTES.pluginConfig, {
      config: { proxyUrl: echoUrl },
    });
    expect(saved.status).toBe(200);
    const list = await openPage("/k/7/", page.cookie);
    expect(list.context.pluginConfig).toEqual({ proxyUrl: echoUrl });
  });

  it("never shows stored proxy headers or data outside the settings page", async () => {
    const page = await openPage(settingsPath);
    await postFromPage(page, SANDBOX_ROUTES.pluginProxyConfig, {
      url: echoUrl,
      method: "POST",
      headers: { Authorization: "Bearer stored-secret-123" },
      data: { mapping: "stored-mapping" },
    });
    const list = await openPage("/k/7/", page.cookie);
    expect(list.html).not.toContain("stored-secret-123");
    expect(list.html).not.toContain("stored-mapping");
    const again = await openPage(settingsPath, page.cookie);
    if (again.context.page !== "pluginSettings") throw new Error("not the settings page");
    expect(again.context.proxyConfigs).toContainEqual(
      expect.objectContaining({ headers: { Authorization: "Bearer stored-secret-123" } }),
    );
  });

  it("forwards plugin.app.proxy with stored headers and data winning over the page's", async () => {
    settings.setProxyConfig("7", PLUGIN_ID, {
      url: `${echoUrl}/v1/`,
      method: "POST",
      headers: { Authorization: "Bearer stored" },
      data: { appId: "7", mapping: "stored" },
    });
    const page = await openPage("/k/7/");
    const { status, json } = await postFromPage(page, SANDBOX_ROUTES.pluginProxy, {
      url: `${echoUrl}/v1/checkouts`,
      method: "POST",
      headers: { authorization: "Bearer forged", "X-Extra": "kept" },
      data: { appId: "999", mapping: "forged", records: [{ id: "1" }] },
    });

    expect(status).toBe(200);
    const answer = json as { body: string; status: number; headers: Record<string, string> };
    expect(answer.status).toBe(201);
    expect(answer.headers["x-echo"]).toBe("yes");
    const echoed = JSON.parse(answer.body) as EchoedRequest;
    expect(echoed.url).toBe("/v1/checkouts");
    expect(echoed.headers.authorization).toBe("Bearer stored");
    expect(echoed.headers["x-extra"]).toBe("kept");
    expect(JSON.parse(echoed.body)).toEqual({
      appId: "7",
      mapping: "stored",
      records: [{ id: "1" }],
    });
  });

  it("adds stored settings only for the same app, plugin, method and URL prefix, the stored header winning in any letter case", async () => {
    const stored = (appId: string, method: string) => ({
      url: `${echoUrl}/v1/`,
      method,
      headers: { Authorization: `Bearer app${appId}`, "X-Kintone-App-Id": appId },
      data: {},
    });
    settings.setProxyConfig("7", PLUGIN_ID, stored("7", "GET"));
    settings.setProxyConfig("8", PLUGIN_ID, stored("8", "GET"));
    settings.setProxyConfig("8", PLUGIN_ID, stored("8", "PUT"));
    settings.setProxyConfig("7", "anotherpluginanotherpluginanothe", stored("9", "PUT"));
    const page = await openPage("/k/7/");
    const send = async (method: string, url: string, headers: Record<string, string>) => {
      const { json } = await postFromPage(page, SANDBOX_ROUTES.pluginProxy, {
        url,
        method,
        headers,
        data: {},
      });
      return JSON.parse((json as { body: string }).body) as EchoedRequest;
    };

    // A page of app 7 forging app 8's binding, twice in other letter cases: app 7's stored one wins.
    const forged = await send("GET", `${echoUrl}/v1/checkouts?appId=8`, {
      "x-kintone-app-id": "8",
      "X-KINTONE-APP-ID": "8",
    });
    expect(forged.headers["x-kintone-app-id"]).toBe("7");
    expect(forged.headers.authorization).toBe("Bearer app7");
    // App 8's PUT settings and another plugin's are not app 7's: nothing is added.
    const put = await send("PUT", `${echoUrl}/v1/checkouts`, {});
    expect(put.headers.authorization).toBeUndefined();
    expect(put.headers["x-kintone-app-id"]).toBeUndefined();
    // A URL the stored one does not prefix gets nothing either, whatever the page sends.
    const elsewhere = await send("GET", `${echoUrl}/healthz`, { "X-Kintone-App-Id": "8" });
    expect(elsewhere.headers.authorization).toBeUndefined();
    expect(elsewhere.headers["x-kintone-app-id"]).toBe("8");
  });

  it("sends no body for GET and applies no stored settings to kintone.proxy", async () => {
    const page = await openPage("/k/7/");
    const { json } = await postFromPage(page, SANDBOX_ROUTES.pluginProxy, {
      pluginId: undefined,
      url: `${echoUrl}/v1/checkouts`,
      method: "GET",
      headers: {},
      data: { ignored: true },
    });
    const echoed = JSON.parse((json as { body: string }).body) as EchoedRequest;
    expect(echoed.method).toBe("GET");
    expect(echoed.body).toBe("");
    expect(echoed.headers.authorization).toBeUndefined();
  });

  it("forwards only to this machine", async () => {
    const page = await openPage("/k/7/");
    const { status } = await postFromPage(page, SANDBOX_ROUTES.pluginProxy, {
      url: "https://api.stripe.com/v1/checkout/sessions",
      method: "POST",
      headers: {},
      data: {},
    });
    expect(status).toBe(400);
  });
});

describe("the portal", () => {
  it("lists the apps with links to their record lists", async () => {
    const page = await openPage("/");
    expect(page.html).toContain('href="/k/7/"');
    expect(page.html).toContain("Items &amp; more");
  });
});
