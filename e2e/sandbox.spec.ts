/**
 * The sandbox as a person sees it: the kintone pages host the real built plugin next to the
 * sample apps. Screenshots go to e2e/artifacts/ for a human to judge the look.
 */
import pino from "pino";
import type { Browser, Page } from "playwright-core";
import { ORDERS_APP_ID, PRODUCTS_APP_ID, SAMPLE_PRODUCTS } from "../sandbox/sampleApps";
import { startSandbox, type Sandbox } from "../sandbox/startSandbox";
import { launchChromium, saveScreenshot, waitForKintoneReady, watchPageErrors } from "./browser";
import { ensurePluginBuilt } from "./ensurePluginBuilt";

let sandbox: Sandbox;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  ensurePluginBuilt();
  sandbox = await startSandbox({
    ports: { kintone: 0, stripe: 0, proxy: 0 },
    proxyLogger: pino({ level: "silent" }),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  pageErrors = watchPageErrors(page);
});

afterEach(async () => {
  await page.close();
});

async function open(url: string): Promise<void> {
  await page.goto(url);
  await waitForKintoneReady(page);
}

describe("the sandbox's kintone", () => {
  it("shows the Products records with the plugin's button in the header menu space", async () => {
    await open(`${sandbox.urls.productsList}?lang=en`);

    const rows = page.locator("tr.recordlist-row");
    await expect(rows.count()).resolves.toBe(SAMPLE_PRODUCTS.length);
    const codes = await page.locator('td[data-field="product_code"]').allTextContents();
    expect(codes.map((c) => c.trim()).sort()).toEqual(SAMPLE_PRODUCTS.map((p) => p.code).sort());
    // Product pictures load from the emulator's files.
    const imageWidths = await page
      .locator('td[data-field="image"] img')
      .evaluateAll((images) =>
        images.map((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      );
    expect(imageWidths.length).toBeGreaterThanOrEqual(SAMPLE_PRODUCTS.length);
    expect(imageWidths.every((w) => w > 0)).toBe(true);

    const pluginButton = page.locator("#kintone-header-menu-space button");
    await expect(pluginButton.count()).resolves.toBe(1);
    await expect(pluginButton.isVisible()).resolves.toBe(true);

    await saveScreenshot(page, "products-list");
    expect(pageErrors).toEqual([]);
  });

  it("shows the Orders list in Japanese with the plugin's button", async () => {
    await open(`${sandbox.urls.ordersList}?lang=ja`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("ja");
    await expect(page.locator("tr.recordlist-row").count()).resolves.toBe(10);
    await expect(page.locator("#kintone-header-menu-space button").count()).resolves.toBe(1);
    await saveScreenshot(page, "orders-list-ja");
    expect(pageErrors).toEqual([]);
  });

  it("shows an order's detail with its items subtable", async () => {
    await open(`${sandbox.kintone.url}/k/${ORDERS_APP_ID}/show?lang=en#record=1`);

    await expect(page.locator(".record-number").first().textContent()).resolves.toBe("1");
    const subtableRows = page.locator('[data-field="items"] table.subtable tbody tr');
    await expect(subtableRows.count()).resolves.toBe(2);
    await expect(page.locator('[data-field="customer_email"]').textContent()).resolves.toContain(
      "hanako.yamada@example.jp",
    );
    await saveScreenshot(page, "order-detail");
    expect(pageErrors).toEqual([]);
  });

  it("shows a product's detail with its picture", async () => {
    await open(`${sandbox.kintone.url}/k/${PRODUCTS_APP_ID}/show?lang=en#record=2`);
    const width = await page
      .locator('[data-field="image"] img')
      .first()
      .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    expect(width).toBeGreaterThan(0);
    await saveScreenshot(page, "product-detail");
    expect(pageErrors).toEqual([]);
  });

  it.each(["ja", "en"] as const)(
    "opens the plugin's settings screen in the kintone frame (%s)",
    async (language) => {
      await open(`${sandbox.urls.pluginSettings(PRODUCTS_APP_ID)}&lang=${language}`);

      await expect(page.locator("html").getAttribute("lang")).resolves.toBe(language);
      // The plugin's own settings HTML is inside kintone's settings frame.
      const settingsContent = page.locator("#plugin-config-root *");
      await expect(settingsContent.count()).resolves.toBeGreaterThan(0);
      await saveScreenshot(page, `plugin-settings-${language}`);
      expect(pageErrors).toEqual([]);
    },
  );
});
