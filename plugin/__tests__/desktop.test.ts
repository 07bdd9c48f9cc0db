/** @jest-environment jsdom */
import { DETAIL_BUTTONS_ID } from "../detail/addDetailButtons";
import { LIST_BUTTON_ID } from "../list/addListButton";
import { CHECKOUT_DIALOG_CLASS } from "../list/openCheckoutDialog";
import { MESSAGE_DIALOG_CLASS } from "../ui/showMessage";
import { testMapping } from "./testMapping";

type Handler = (event: Record<string, unknown>) => unknown;

const mapping = JSON.stringify(testMapping({ grouping: "single" }));

describe("desktop entry", () => {
  const handlers = new Map<string, Handler>();
  const headerMenuSpace = document.createElement("div");
  const recordHeaderMenuSpace = document.createElement("div");
  let config: Record<string, string> = {};
  const apiCalls: Array<{ url: string; params: Record<string, unknown> }> = [];

  beforeAll(async () => {
    document.body.append(headerMenuSpace, recordHeaderMenuSpace);
    const api = async (url: string, _method: string, params: Record<string, unknown>) => {
      apiCalls.push({ url, params });
      return url.endsWith("fields.json") ? { properties: {} } : { records: [], totalCount: "0" };
    };
    api.url = (path: string) => `https://example.cybozu.com${path}`;
    (window as unknown as { kintone: unknown }).kintone = {
      $PLUGIN_ID: "plugin1",
      events: { on: (type: string, handler: Handler) => handlers.set(type, handler) },
      api,
      app: {
        getId: () => 1,
        getHeaderMenuSpaceElement: () => headerMenuSpace,
        getQuery: () => 'state in ("open") order by price asc limit 20 offset 40',
        getQueryCondition: () => 'state in ("open")',
        record: { getHeaderMenuSpaceElement: () => recordHeaderMenuSpace, getId: () => 7 },
      },
      plugin: { app: { getConfig: () => config, proxy: jest.fn() } },
      getLoginUser: () => ({ language: "en" }),
    };
    await import("../desktop");
  });

  afterEach(() => {
    document.querySelectorAll("dialog").forEach((d) => d.remove());
  });

  afterAll(() => {
    delete (window as unknown as { kintone?: unknown }).kintone;
  });

  function fire(type: string, event: Record<string, unknown>) {
    const handler = handlers.get(type);
    if (!handler) throw new Error(`no ${type} handler`);
    expect(handler(event)).toBe(event); // kintone expects the event back
  }

  it("keeps one button on the list view while the user pages and filters", () => {
    for (const size of [250, 120, 7]) fire("app.record.index.show", { appId: 1, size });
    expect(headerMenuSpace.querySelectorAll(`#${LIST_BUTTON_ID}`)).toHaveLength(1);
  });

  it("says the plugin is not set up when the settings are missing", () => {
    config = { proxyUrl: "https://proxy.example.com/" };
    fire("app.record.index.show", { appId: 1 });
    document.getElementById(LIST_BUTTON_ID)?.click();
    expect(document.querySelector(`dialog.${MESSAGE_DIALOG_CLASS}`)?.textContent).toContain(
      "The plugin is not set up yet",
    );
    expect(document.querySelector(`dialog.${CHECKOUT_DIALOG_CLASS}`)).toBeNull();
  });

  it("opens the checkout dialog on the view's records, without the page's limit and offset", async () => {
    config = { proxyUrl: "https://proxy.example.com/", mapping };
    fire("app.record.index.show", { appId: 1 });
    document.getElementById(LIST_BUTTON_ID)?.click();
    expect(document.querySelector(`dialog.${CHECKOUT_DIALOG_CLASS}`)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const read = apiCalls.find((c) => c.url.endsWith("/k/v1/records.json"));
    expect(read?.params).toMatchObject({
      app: "1",
      query: 'state in ("open") order by price asc limit 500 offset 0',
    });
  });

  it("puts the record's buttons in the detail header", () => {
    config = { proxyUrl: "https://proxy.example.com/", mapping };
    fire("app.record.detail.show", { appId: 1, recordId: 7, record: { sid: { value: "cs_1" } } });
    expect(recordHeaderMenuSpace.querySelectorAll(`#${DETAIL_BUTTONS_ID} button`)).toHaveLength(4);
  });
});
