/** Opens the list view's Stripe Checkout dialog in the user's language, once its records are listed. */
import type { Locator, Page } from "playwright-core";
import { waitForKintoneReady } from "./browser";

export async function openListDialog(
  page: Page,
  listUrl: string,
  language: "ja" | "en",
): Promise<Locator> {
  await page.goto(`${listUrl}?lang=${language}`);
  await waitForKintoneReady(page);
  await page.locator("#kintone-header-menu-space button").click();
  const dialog = page.locator("dialog.kintone-stripe-checkout-dialog");
  await dialog.locator("tr.kintone-stripe-checkout-record").first().waitFor();
  return dialog;
}
