import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startKintoneEmulator, type KintoneEmulator } from "../../KintoneEmulator";
import {
  MOBILE_HEADER_SPACE_ID,
  PAGE_CONTEXT_ELEMENT_ID,
  SANDBOX_ROUTES,
  type PageContext,
} from "../../browser/PageContext";
import { createPagesRouter } from "../createPagesRouter";
import { mobileRecordUrl } from "../mobileRecordPage";

const PLUGIN_ID = "fixturepluginfixturepluginfixtur";
const HOSTILE_NAME = `<script>alert("x")</script>`;

let kintone: KintoneEmulator;
let pluginDir: string;

beforeAll(async () => {
  pluginDir = mkdtempSync(path.join(tmpdir(), "mobile-plugin-"));
  writeFileSync(
    path.join(pluginDir, "manifest.json"),
    JSON.stringify({
      manifest_version: 1,
      version: 1,
      type: "APP",
      name: { en: "Fixture plug-in" },
      desktop: { js: ["js/desktop.js"], css: ["css/desktop.css"] },
      mobile: { js: ["js/mobile.js", "https://cdn.example.com/x.js"], css: ["css/mobile.css"] },
    }),
  );
  kintone = await startKintoneEmulator({
    apps: [
      {
        id: "7",
        name: "Items",
        fields: [{ code: "name", label: "Name", type: "SINGLE_LINE_TEXT" }],
        records: [{ name: { value: HOSTILE_NAME } }],
      },
    ],
    mount: (app, store) => {
      app.use(createPagesRouter({ store, pluginDir, pluginId: PLUGIN_ID }));
    },
  });
});

afterAll(async () => {
  await kintone.close();
  rmSync(pluginDir, { recursive: true, force: true });
});

async function open(pathAndQuery: string) {
  const response = await fetch(kintone.url + pathAndQuery);
  const html = await response.text();
  const match = new RegExp(
    `<script type="application/json" id="${PAGE_CONTEXT_ELEMENT_ID}">([^<]*)</script>`,
  ).exec(html);
  const context = (match === null ? undefined : JSON.parse(match[1]!)) as PageContext | undefined;
  return { status: response.status, html, context };
}

describe("GET /k/m/:appId/show?record=:id (kintone mobile's record screen)", () => {
  it("serves the record with the plugin's mobile scripts and styles and the header space", async () => {
    const page = await open(mobileRecordUrl("7", "1"));
    expect(page.status).toBe(200);
    expect(page.context).toMatchObject({
      page: "detail",
      mobile: true,
      appId: "7",
      recordId: "1",
      pluginId: PLUGIN_ID,
      pluginScripts: [`${SANDBOX_ROUTES.pluginFiles}js/mobile.js`],
    });
    expect(page.html).toContain(`href="${SANDBOX_ROUTES.pluginFiles}css/mobile.css"`);
    expect(page.html).not.toContain("desktop.js");
    expect(page.html).toContain(`id="${MOBILE_HEADER_SPACE_ID}"`);
    expect(page.html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
  });

  it("shows the record's values escaped", async () => {
    const page = await open(mobileRecordUrl("7", "1"));
    expect(page.html).not.toContain(HOSTILE_NAME);
    expect(page.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("answers 404 for an unknown record or app", async () => {
    await expect(open(mobileRecordUrl("7", "99")).then((p) => p.status)).resolves.toBe(404);
    await expect(open(mobileRecordUrl("8", "1")).then((p) => p.status)).resolves.toBe(404);
    await expect(open("/k/m/7/show?record=x").then((p) => p.status)).resolves.toBe(404);
  });
});
