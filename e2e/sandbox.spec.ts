/**
 * The sandbox as a person sees it: the kintone pages host the real built plugin next to the
 * sample apps. Screenshots go to e2e/artifacts/ for a human to judge the look.
 */
import { ORDERS_APP_ID, PRODUCTS_APP_ID, SAMPLE_PRODUCTS } from "../sandbox/sampleApps";
import { saveScreenshot, waitForKintoneReady } from "./browser";
import { useSandboxStory } from "./storyKit";

const story = useSandboxStory();

async function open(url: string): Promise<void> {
  await story.page.goto(url);
  await waitForKintoneReady(story.page);
}

describe("the sandbox's kintone", () => {
  it("shows the Products records with the plugin's button in the header menu space", async () => {
    await open(`${story.sandbox.urls.productsList}?lang=en`);

    const rows = story.page.locator("tr.recordlist-row");
    await expect(rows.count()).resolves.toBe(SAMPLE_PRODUCTS.length);
    const codes = await story.page.locator('td[data-field="product_code"]').allTextContents();
    expect(codes.map((c) => c.trim()).sort()).toEqual(SAMPLE_PRODUCTS.map((p) => p.code).sort());
    // Product pictures load from the emulator's files.
    const imageWidths = await story.page
      .locator('td[data-field="image"] img')
      .evaluateAll((images) =>
        images.map((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      );
    expect(imageWidths.length).toBeGreaterThanOrEqual(SAMPLE_PRODUCTS.length);
    expect(imageWidths.every((w) => w > 0)).toBe(true);

    const pluginButton = story.page.locator("#kintone-header-menu-space button");
    await expect(pluginButton.count()).resolves.toBe(1);
    await expect(pluginButton.isVisible()).resolves.toBe(true);

    await saveScreenshot(story.page, "products-list");
    expect(story.pageErrors).toEqual([]);
  });

  it("shows the Orders list in Japanese with the plugin's button", async () => {
    await open(`${story.sandbox.urls.ordersList}?lang=ja`);
    await expect(story.page.locator("html").getAttribute("lang")).resolves.toBe("ja");
    await expect(story.page.locator("tr.recordlist-row").count()).resolves.toBe(10);
    await expect(story.page.locator("#kintone-header-menu-space button").count()).resolves.toBe(1);
    await saveScreenshot(story.page, "orders-list-ja");
    expect(story.pageErrors).toEqual([]);
  });

  it("shows an order's detail with its items subtable", async () => {
    await open(`${story.sandbox.kintone.url}/k/${ORDERS_APP_ID}/show?lang=en#record=1`);

    await expect(story.page.locator(".record-number").first().textContent()).resolves.toBe("1");
    const subtableRows = story.page.locator('[data-field="items"] table.subtable tbody tr');
    await expect(subtableRows.count()).resolves.toBe(2);
    await expect(
      story.page.locator('[data-field="customer_email"]').textContent(),
    ).resolves.toContain("hanako.yamada@example.jp");
    await saveScreenshot(story.page, "order-detail");
    expect(story.pageErrors).toEqual([]);
  });

  it("shows a product's detail with its picture", async () => {
    await open(`${story.sandbox.kintone.url}/k/${PRODUCTS_APP_ID}/show?lang=en#record=2`);
    const width = await story.page
      .locator('[data-field="image"] img')
      .first()
      .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    expect(width).toBeGreaterThan(0);
    await saveScreenshot(story.page, "product-detail");
    expect(story.pageErrors).toEqual([]);
  });

  it.each(["ja", "en"] as const)(
    "opens the plugin's settings screen in the kintone frame (%s)",
    async (language) => {
      await open(`${story.sandbox.urls.pluginSettings(PRODUCTS_APP_ID)}&lang=${language}`);

      await expect(story.page.locator("html").getAttribute("lang")).resolves.toBe(language);
      // The plugin's own settings HTML is inside kintone's settings frame.
      const settingsContent = story.page.locator("#plugin-config-root *");
      await expect(settingsContent.count()).resolves.toBeGreaterThan(0);
      await saveScreenshot(story.page, `plugin-settings-${language}`);
      expect(story.pageErrors).toEqual([]);
    },
  );

  it("links the portal to the Stripe emulator's Dashboard, a page and not a JSON error", async () => {
    await story.page.goto(`${story.sandbox.kintone.url}/?lang=en`);
    await Promise.all([
      story.page.waitForURL(/\/dashboard$/),
      story.page.locator(".portal-links a", { hasText: "/dashboard" }).click(),
    ]);
    await expect(story.page.locator("h1").textContent()).resolves.toContain("Dashboard");
    await saveScreenshot(story.page, "stripe-dashboard-empty");
    expect(story.pageErrors).toEqual([]);
  });

  it("opens a new-record page from the list's + and saves the record", async () => {
    await open(`${story.sandbox.urls.ordersList}?lang=en`);
    await Promise.all([
      story.page.waitForURL(/\/edit$/),
      story.page.locator("a.add-record").click(),
    ]);
    await story.page.locator('input[name="customer_name"]').fill("Mia Chen");
    await story.page.locator('select[name="currency"]').selectOption("USD");
    await story.page.locator('input[name="items.0.item_name"]').fill("Sticker Pack");
    await story.page.locator('input[name="items.0.item_unit_price"]').fill("4.99");
    await story.page.locator('input[name="items.0.item_quantity"]').fill("3");
    await saveScreenshot(story.page, "new-record-en");
    await Promise.all([
      story.page.waitForURL(/\/show/),
      story.page.locator("#save-record").click(),
    ]);
    await waitForKintoneReady(story.page);
    await expect(
      story.page.locator('[data-field="customer_name"]').textContent(),
    ).resolves.toContain("Mia Chen");
    expect(story.pageErrors).toEqual([]);
  });

  it("offers Update App (アプリを更新) after the plug-in settings are saved", async () => {
    await story.page.goto(
      `${story.sandbox.kintone.url}/k/admin/app/${PRODUCTS_APP_ID}/plugin/?saved=1&lang=ja`,
    );
    await expect(story.page.locator("#settings-saved").textContent()).resolves.toContain(
      "「アプリを更新」",
    );
    await saveScreenshot(story.page, "plugin-list-update-app-ja");
    await Promise.all([
      story.page.waitForURL(/\/k\/1\/\?updated=1$/),
      story.page.locator("#update-app").click(),
    ]);
    await waitForKintoneReady(story.page);
    await expect(story.page.locator("#list-notice").textContent()).resolves.toContain(
      "アプリを更新しました",
    );
    await saveScreenshot(story.page, "list-after-update-app-ja");
    expect(story.pageErrors).toEqual([]);
  });
});
