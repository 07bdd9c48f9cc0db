/**
 * The in-page `kintone` global of the sandbox, exercised in Chromium by a stand-in plugin
 * (sandbox/kintone/pages/__tests__/fixturePlugin): what kintone's JS API documents, the plugin gets.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { startKintoneEmulator, type KintoneEmulator } from "../sandbox/kintone/KintoneEmulator";
import { createPagesRouter } from "../sandbox/kintone/pages/createPagesRouter";
import { PluginSettingsStore } from "../sandbox/kintone/pages/PluginSettingsStore";
import { FIXTURE_PLUGIN_DIR, FIXTURE_PLUGIN_ID } from "../testkit/fixturePlugin";
import { launchChromium, waitForKintoneReady } from "./browser";
import { useStoryPages } from "./storyKit";

let kintone: KintoneEmulator;
let settings: PluginSettingsStore;
let echo: http.Server;
let echoUrl: string;
let browser: Browser;

/** What the fixture plugin keeps in `window.fixture`. */
interface Fixture {
  pluginId?: string;
  events: Array<Record<string, unknown> & { records?: unknown[] }>;
  handledAsync?: boolean;
  config: Record<string, string>;
}

/** The part of the page's `kintone` these stories call (the page defines it; Node has no DOM types). */
interface PageKintone {
  $PLUGIN_ID?: string;
  api: ((path: string, method: string, params: object) => Promise<unknown>) & {
    url(path: string): string;
  };
  app: {
    getId(): number;
    getQueryCondition(): string | null;
    getQuery(): string | null;
    getHeaderSpaceElement(): { id: string } | null;
    getFieldElements(fieldCode: string): unknown[] | null;
    record: {
      getId(): number | null;
      get(): { record: Record<string, { value: unknown }> } | null;
    };
  };
  getLoginUser(): { language: string };
  plugin: {
    app: {
      getConfig(pluginId: string): Record<string, string>;
      setConfig(config: Record<string, unknown>, callback?: () => void): void;
      getProxyConfig(url: string, method: string): unknown;
      setProxyConfig(
        url: string,
        method: string,
        headers: object,
        data: object,
        callback?: () => void,
      ): void;
      proxy(
        pluginId: string,
        url: string,
        method: string,
        headers: object,
        data: unknown,
      ): Promise<[string, number, Record<string, string>]>;
    };
  };
}

beforeAll(async () => {
  settings = new PluginSettingsStore();
  kintone = await startKintoneEmulator({
    apps: [
      {
        id: "5",
        name: "Fixture app",
        fields: [
          { code: "title", label: "Title", type: "SINGLE_LINE_TEXT" },
          { code: "amount", label: "Amount", type: "NUMBER" },
        ],
        records: Array.from({ length: 23 }, (_, i) => ({
          title: { value: `Row ${i + 1}` },
          amount: { value: String(i * 10) },
        })),
      },
    ],
    mount: (app, store) =>
      app.use(
        createPagesRouter({
          store,
          pluginDir: FIXTURE_PLUGIN_DIR,
          pluginId: FIXTURE_PLUGIN_ID,
          settings,
        }),
      ),
  });
  echo = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      res.writeHead(202, { "Content-Type": "application/json", "X-Echo": "1" });
      res.end(JSON.stringify({ authorization: req.headers.authorization, body }));
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  echoUrl = `http://localhost:${(echo.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kintone?.close();
  await new Promise((resolve) => echo.close(resolve));
});

// Before the traced pages' hooks, so that it runs first: a page error fails the test while its
// trace is still being recorded.
afterEach(() => {
  expect(story.pageErrors).toEqual([]);
});

const story = useStoryPages(() => browser);

async function open(pathAndQuery: string): Promise<void> {
  await story.page.goto(kintone.url + pathAndQuery);
  await waitForKintoneReady(story.page);
}

function fixture(): Promise<Fixture> {
  return story.page.evaluate(() => (globalThis as unknown as { fixture: Fixture }).fixture);
}

describe("kintone.events and the list page", () => {
  it("runs the plugin with $PLUGIN_ID and awaits its handler of app.record.index.show", async () => {
    await open("/k/5/");
    const seen = await fixture();

    expect(seen.pluginId).toBe(FIXTURE_PLUGIN_ID);
    expect(seen.handledAsync).toBe(true);
    expect(seen.events).toHaveLength(1);
    expect(seen.events[0]).toMatchObject({
      type: "app.record.index.show",
      appId: 5,
      viewId: 20,
      viewType: "list",
      offset: 0,
      size: 20,
    });
    expect(seen.events[0]?.records).toHaveLength(20);
    // $PLUGIN_ID exists only while the plugin's scripts run.
    await expect(
      story.page.evaluate(
        () => (globalThis as unknown as { kintone: PageKintone }).kintone.$PLUGIN_ID,
      ),
    ).resolves.toBeUndefined();
    await expect(
      story.page.locator("#kintone-header-menu-space #fixture-button").count(),
    ).resolves.toBe(1);
  });

  it("fires the event again on the next page, keeping the header menu space", async () => {
    await open("/k/5/");
    await story.page.click(".pager-next");
    await story.page.waitForSelector('html[data-kintone-renders="2"]', { state: "attached" });
    const events = (await fixture()).events;
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ type: "app.record.index.show", offset: 20, size: 3 });
    expect(events[1]?.records).toHaveLength(3);
    expect(story.page.url()).toMatch(/\/k\/5\/\?offset=20$/);
    await expect(story.page.locator("tr.recordlist-row").count()).resolves.toBe(3);
    await expect(story.page.locator("#fixture-button").count()).resolves.toBe(1);
  });

  it("sorts by a column title in place and fires the event again", async () => {
    await open("/k/5/");
    await story.page.click('th a.sort-link:has-text("Amount")');
    await story.page.waitForSelector('html[data-kintone-renders="2"]', { state: "attached" });
    const events = (await fixture()).events;
    expect(events).toHaveLength(2);
    const firstAmount = (events[1]?.records?.[0] as { amount: { value: string } }).amount.value;
    expect(firstAmount).toBe("0");
    await expect(story.page.locator("#fixture-button").count()).resolves.toBe(1);
  });

  it("answers the list's query, app id and header spaces", async () => {
    await open(`/k/5/?query=${encodeURIComponent("amount > 100")}`);
    const answers = await story.page.evaluate(() => {
      const kintone = (globalThis as unknown as { kintone: PageKintone }).kintone;
      return {
        appId: kintone.app.getId(),
        condition: kintone.app.getQueryCondition(),
        query: kintone.app.getQuery(),
        headerSpace: kintone.app.getHeaderSpaceElement()?.id,
        amountCells: kintone.app.getFieldElements("amount")?.length,
        recordId: kintone.app.record.getId(),
      };
    });
    expect(answers).toEqual({
      appId: 5,
      condition: "amount > 100",
      query: "amount > 100 order by Record_number desc limit 20 offset 0",
      headerSpace: "kintone-header-space",
      amountCells: 12, // amount = 10 × (n − 1) for rows 1..23
      recordId: null,
    });
  });
});

describe("the detail page", () => {
  it("fires app.record.detail.show and answers kintone.app.record.get()", async () => {
    await open("/k/5/show#record=4");
    const [event] = (await fixture()).events;
    expect(event).toMatchObject({ type: "app.record.detail.show", appId: 5, recordId: 4 });
    const got = await story.page.evaluate(() => {
      const kintone = (globalThis as unknown as { kintone: PageKintone }).kintone;
      return {
        id: kintone.app.record.getId(),
        title: kintone.app.record.get()?.record.title?.value,
      };
    });
    expect(got).toEqual({ id: 4, title: "Row 4" });
    await expect(
      story.page.locator("#kintone-record-header-menu-space #fixture-button").count(),
    ).resolves.toBe(1);
  });
});

describe("kintone.api with the page's session", () => {
  it("reads and writes records as the login user", async () => {
    await open("/k/5/?lang=en");
    const result = await story.page.evaluate(async () => {
      const kintone = (globalThis as unknown as { kintone: PageKintone }).kintone;
      const read = (await kintone.api(kintone.api.url("/k/v1/record"), "GET", {
        app: 5,
        id: 2,
      })) as { record: { $revision: { value: string } } };
      const written = (await kintone.api("/k/v1/record.json", "PUT", {
        app: 5,
        id: 2,
        record: { title: { value: "Changed from the page" } },
      })) as { revision: string };
      let failure: unknown;
      await kintone.api("/k/v1/record.json", "GET", { app: 5, id: 999 }).catch((e: unknown) => {
        failure = e;
      });
      return {
        revisionBefore: read.record.$revision.value,
        revisionAfter: written.revision,
        failureCode: (failure as { code?: string }).code,
        language: kintone.getLoginUser().language,
        url: kintone.api.url("/k/v1/records"),
      };
    });
    expect(Number(result.revisionAfter)).toBe(Number(result.revisionBefore) + 1);
    expect(result.failureCode).toBe("GAIA_RE01");
    // That 404 was asked for; any other failed load still fails the story.
    story.pageErrors.splice(
      story.pageErrors.findIndex((e) => e.includes("id=999")),
      1,
    );
    expect(result.language).toBe("en");
    expect(result.url).toBe(`${kintone.url}/k/v1/records.json`);
    expect(kintone.store.getRecord("5", "2")?.title?.value).toBe("Changed from the page");
  });
});

describe("plugin settings and plugin.app.proxy", () => {
  const settingsPath = `/k/admin/app/5/plugin/config?pluginId=${FIXTURE_PLUGIN_ID}`;

  it("saves config and proxy config on the settings page, readable back as kintone allows", async () => {
    await open(settingsPath);
    const result = await story.page.evaluate(
      async ({ pluginId, url }) => {
        const kintone = (globalThis as unknown as { kintone: PageKintone }).kintone;
        await new Promise<void>((resolve) =>
          kintone.plugin.app.setConfig({ proxyUrl: url }, () => resolve()),
        );
        await new Promise<void>((resolve) =>
          kintone.plugin.app.setProxyConfig(
            `${url}/v1/`,
            "POST",
            { Authorization: "Bearer from-settings", Retries: 3 },
            { appId: "5" },
            () => resolve(),
          ),
        );
        let refusal = "";
        try {
          kintone.plugin.app.setConfig({ n: 1 }, () => undefined);
        } catch (error) {
          refusal = String(error);
        }
        return {
          config: kintone.plugin.app.getConfig(pluginId),
          proxyConfig: kintone.plugin.app.getProxyConfig(`${url}/v1/`, "POST"),
          otherMethod: kintone.plugin.app.getProxyConfig(`${url}/v1/`, "GET"),
          refusal,
        };
      },
      { pluginId: FIXTURE_PLUGIN_ID, url: echoUrl },
    );
    expect(result).toEqual({
      config: { proxyUrl: echoUrl },
      proxyConfig: {
        headers: { Authorization: "Bearer from-settings", Retries: "3" },
        data: { appId: "5" },
      },
      otherMethod: null,
      refusal: expect.stringContaining("must be a string"),
    });
    expect(settings.getConfig("5", FIXTURE_PLUGIN_ID)).toEqual({ proxyUrl: echoUrl });
  });

  it("goes to the plugin list after setConfig without a callback", async () => {
    await open(settingsPath);
    await Promise.all([
      story.page.waitForURL(/\/k\/admin\/app\/5\/plugin\/\?saved=1$/),
      story.page.evaluate(() =>
        (globalThis as unknown as { kintone: PageKintone }).kintone.plugin.app.setConfig({
          proxyUrl: "http://localhost:1",
        }),
      ),
    ]);
    await expect(story.page.locator("#settings-saved").count()).resolves.toBe(1);
  });

  it("sends plugin.app.proxy through kintone with the stored headers and data winning", async () => {
    settings.setProxyConfig("5", FIXTURE_PLUGIN_ID, {
      url: `${echoUrl}/v1/`,
      method: "POST",
      headers: { Authorization: "Bearer stored" },
      data: { appId: "5" },
    });
    await open("/k/5/");
    const [body, status, headers] = await story.page.evaluate(
      ({ pluginId, url }) =>
        (globalThis as unknown as { kintone: PageKintone }).kintone.plugin.app.proxy(
          pluginId,
          `${url}/v1/checkouts`,
          "POST",
          { Authorization: "Bearer page" },
          { appId: "6", records: [{ id: "1" }] },
        ),
      { pluginId: FIXTURE_PLUGIN_ID, url: echoUrl },
    );
    expect(status).toBe(202);
    expect(headers["x-echo"]).toBe("1");
    const echoed = JSON.parse(body) as { authorization: string; body: string };
    expect(echoed.authorization).toBe("Bearer stored");
    expect(JSON.parse(echoed.body)).toEqual({ appId: "5", records: [{ id: "1" }] });
    // Outside the settings page, proxy settings cannot be read back.
    await expect(
      story.page.evaluate(
        (url) =>
          (globalThis as unknown as { kintone: PageKintone }).kintone.plugin.app.getProxyConfig(
            `${url}/v1/`,
            "POST",
          ),
        echoUrl,
      ),
    ).resolves.toBeNull();
  });
});
