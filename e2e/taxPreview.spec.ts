/**
 * Issue 18's browser story: the list dialog previews the consumption tax per rate as the invoice
 * will show it — subtotal, the tax included at 10 %, total — in Japanese and English.
 */
import { PRODUCTS_APP_ID, sampleMapping } from "../sandbox/sampleApps";
import { savePluginSettings } from "../sandbox/startSandbox";
import { saveScreenshot } from "./browser";
import { openListDialog } from "./listDialog";
import { useSandboxStory } from "./storyKit";

const story = useSandboxStory({
  configure: (sandbox) => {
    const mapping = sampleMapping("products", sandbox.urls.productsList);
    return savePluginSettings(sandbox, PRODUCTS_APP_ID, {
      ...mapping,
      grouping: "single",
      lineItem: { ...mapping.lineItem, taxRate: { const: "10" } },
      taxDisplayName: "消費税",
    });
  },
});

const EXPECTED = {
  ja: { subtotal: "小計", tax: /うち消費税 10% 対象 ￥7,180/ },
  en: { subtotal: "Subtotal", tax: /incl\. consumption tax 10% on ¥7,180/ },
};

describe("the list dialog's preview with consumption tax", () => {
  it.each(["ja", "en"] as const)(
    "shows subtotal, tax per rate and total (%s)",
    async (language) => {
      const dialog = await openListDialog(story.page, story.sandbox.urls.productsList, language);
      for (const id of ["1", "3", "4"]) {
        await dialog
          .locator(`tr.kintone-stripe-checkout-record[data-record-id="${id}"] input`)
          .check();
      }
      const taxRow = dialog.locator(".kintone-stripe-checkout-session-tax");
      await taxRow.waitFor();
      // ¥7,180 includes 7,180 × 10 / 110 = 652.7… → ¥653 of tax, rounded once for the rate.
      await expect(taxRow.textContent()).resolves.toMatch(EXPECTED[language].tax);
      await expect(taxRow.textContent()).resolves.toMatch(/[¥￥]653/);
      await expect(
        dialog.locator(".kintone-stripe-checkout-session-subtotal").textContent(),
      ).resolves.toContain(EXPECTED[language].subtotal);
      await expect(
        dialog.locator(".kintone-stripe-checkout-session-total").textContent(),
      ).resolves.toMatch(/[¥￥]7,180/);
      await taxRow.scrollIntoViewIfNeeded();
      await saveScreenshot(story.page, `list-dialog-tax-${language}`);
      expect(story.pageErrors).toEqual([]);
    },
  );
});
