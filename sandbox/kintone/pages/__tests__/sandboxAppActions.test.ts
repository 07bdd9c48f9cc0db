import path from "node:path";
import { startKintoneEmulator, type KintoneEmulator } from "../../KintoneEmulator";
import { createPagesRouter } from "../createPagesRouter";
import { wallClockToUtc } from "../newRecordPage";

const PLUGIN_ID = "fixturepluginfixturepluginfixtur";
const PLUGIN_DIR = path.join(__dirname, "fixturePlugin");

let kintone: KintoneEmulator;

beforeAll(async () => {
  kintone = await startKintoneEmulator({
    apps: [
      {
        id: "9",
        name: "Orders",
        fields: [
          { code: "customer", label: "Customer", type: "SINGLE_LINE_TEXT", required: true },
          { code: "currency", label: "Currency", type: "DROP_DOWN", options: ["JPY", "USD"] },
          { code: "due", label: "Due", type: "DATETIME" },
          { code: "photo", label: "Photo", type: "FILE" },
          {
            code: "items",
            label: "Items",
            type: "SUBTABLE",
            fields: [
              { code: "item_name", label: "Item", type: "SINGLE_LINE_TEXT" },
              { code: "qty", label: "Qty", type: "NUMBER" },
            ],
          },
        ],
      },
    ],
    mount: (app, store) => {
      app.use(createPagesRouter({ store, pluginDir: PLUGIN_DIR, pluginId: PLUGIN_ID }));
    },
  });
});
afterAll(() => kintone.close());

/** Opens a page as a browser would: its cookie and the request token its forms carry. */
async function openPage(
  pagePath: string,
): Promise<{ html: string; cookie: string; token: string }> {
  const response = await fetch(`${kintone.url}${pagePath}`);
  const html = await response.text();
  const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
  const token = /name="__REQUEST_TOKEN__" value="([^"]+)"/.exec(html)?.[1] ?? "";
  return { html, cookie, token };
}

function postForm(pagePath: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${kintone.url}${pagePath}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

describe("the list's + button", () => {
  it("opens the new-record page with the app's fields and a few subtable rows", async () => {
    const list = await openPage("/k/9/?lang=en");
    expect(list.html).toContain('class="add-record" href="/k/9/edit"');
    const { html } = await openPage("/k/9/edit");
    expect(html).toContain('name="customer"');
    expect(html).toContain('<option value="USD"');
    expect(html).toContain('name="items.2.qty"');
    expect(html).not.toContain('name="photo"');
  });

  it("adds the record from the form and opens it", async () => {
    const { cookie, token } = await openPage("/k/9/edit");
    const response = await postForm("/k/9/edit", cookie, {
      __REQUEST_TOKEN__: token,
      customer: "山田 花子",
      currency: "JPY",
      due: "2026-12-08T14:30",
      "items.0.item_name": "Mug",
      "items.0.qty": "2",
      "items.1.item_name": "",
    });
    expect(response.status).toBe(303);
    const id = /#record=(\d+)$/.exec(response.headers.get("location") ?? "")?.[1] ?? "";
    const record = kintone.store.getRecord("9", id);
    expect(record?.customer?.value).toBe("山田 花子");
    expect(record?.due?.value).toBe("2026-12-08T05:30:00Z"); // typed on the user's Tokyo clock
    const rows = record?.items?.value as Array<{ value: Record<string, { value: string }> }>;
    expect(rows.map((row) => [row.value.item_name?.value, row.value.qty?.value])).toEqual([
      ["Mug", "2"],
    ]);
  });

  it("shows kintone's message next to a required field left empty, keeping what was typed", async () => {
    const { cookie, token } = await openPage("/k/9/edit");
    const response = await postForm("/k/9/edit", cookie, {
      __REQUEST_TOKEN__: token,
      currency: "USD",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/data-field="customer"[\s\S]*class="field-error"/);
    expect(html).toMatch(/<option value="USD"\s+selected/);
  });

  it("refuses a form without the page's request token", async () => {
    const { cookie } = await openPage("/k/9/edit");
    const response = await postForm("/k/9/edit", cookie, { customer: "x" });
    expect(response.status).toBe(400);
  });
});

describe("Update App on the app's plug-in list", () => {
  it("is offered there and returns to the list saying the settings are in effect", async () => {
    const { html, cookie, token } = await openPage("/k/admin/app/9/plugin/?saved=1&lang=ja");
    expect(html).toContain("アプリを更新");
    const response = await postForm("/k/admin/app/9/deploy", cookie, { __REQUEST_TOKEN__: token });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/k/9/?updated=1");
    const list = await (await fetch(`${kintone.url}/k/9/?updated=1`)).text();
    expect(list).toContain("アプリを更新しました");
  });

  it("refuses a post without the page's request token", async () => {
    const { cookie } = await openPage("/k/admin/app/9/plugin/");
    expect((await postForm("/k/admin/app/9/deploy", cookie, {})).status).toBe(400);
  });
});

describe("wallClockToUtc", () => {
  it("reads a wall-clock time in the given zone", () => {
    expect(wallClockToUtc("2026-12-08T14:30", "Asia/Tokyo")).toBe("2026-12-08T05:30:00.000Z");
    expect(wallClockToUtc("2026-07-01T09:00", "America/New_York")).toBe("2026-07-01T13:00:00.000Z");
  });
});
