/** Opens a record's detail screen and makes its session with the record's own button, confirmed. */
import type { Page } from "playwright-core";
import { waitForKintoneReady } from "./browser";

export async function createOnRecordScreen(
  page: Page,
  recordUrl: { kintoneUrl: string; appId: string; recordId: string; language: "ja" | "en" },
): Promise<void> {
  const { kintoneUrl, appId, recordId, language } = recordUrl;
  await page.goto(`${kintoneUrl}/k/${appId}/show?lang=${language}#record=${recordId}`);
  await waitForKintoneReady(page);
  await page.locator(".kintone-stripe-checkout-detail-create").click();
  const ok = page.locator(
    "dialog.kintone-stripe-checkout-confirm .kintone-stripe-checkout-confirm-ok",
  );
  await Promise.all([page.waitForEvent("load"), ok.click()]);
  await waitForKintoneReady(page);
}
