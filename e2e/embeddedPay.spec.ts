/**
 * Paying on this device: an app whose sessions are embedded (`uiMode: "embedded"`) gets a record
 * button that opens Stripe's embedded Checkout in a dialog, with the publishable key and the
 * Stripe.js address the settings hold (here the Stripe emulator's stand-in). The buyer pays inside
 * the dialog; Stripe then sends the page on to the session's return URL, which leads back to the
 * record, and the record shows it paid. On kintone mobile the same dialog fits a 390 px phone.
 * Nothing here calls the proxy or writes kintone itself.
 */
import { checkoutReturnUrl } from "../sandbox/kintone/pages/checkoutReturnPage";
import { mobileRecordUrl } from "../sandbox/kintone/pages/mobileRecordPage";
import { PRODUCTS_APP_ID, sampleMapping, WRITE_BACK_FIELD_CODES } from "../sandbox/sampleApps";
import { savePluginSettings, type Sandbox } from "../sandbox/startSandbox";
import { saveScreenshot, waitForKintoneReady } from "./browser";
import { createOnRecordScreen } from "./createOnRecordScreen";
import { saveReadmeImage } from "./readmeImages";
import { waitFor } from "../testkit/waitFor";
import { openTracedPage, useSandboxStory } from "./storyKit";

/** The Products app's mapping with embedded sessions: a return URL instead of success/cancel. */
function embeddedMapping(sandbox: Sandbox) {
  const {
    successUrl: _success,
    cancelUrl: _cancel,
    ...hosted
  } = sampleMapping("products", sandbox.urls.productsList);
  return {
    ...hosted,
    uiMode: "embedded",
    returnUrl: checkoutReturnUrl(sandbox.kintone.url, PRODUCTS_APP_ID),
  };
}

const story = useSandboxStory({
  configure: (sandbox) => savePluginSettings(sandbox, PRODUCTS_APP_ID, embeddedMapping(sandbox)),
});

const TEXTS = {
  en: { payHere: "Pay on this device", paid: "paid" },
  ja: { payHere: "この端末で支払う", paid: "paid" },
} as const;

/** Opens the record, makes its (embedded) session with the record's own button, confirmed. */
async function recordWithEmbeddedSession(recordId: string, language: "ja" | "en") {
  const { page, sandbox } = story;
  const kintoneUrl = sandbox.kintone.url;
  await createOnRecordScreen(page, { kintoneUrl, appId: PRODUCTS_APP_ID, recordId, language });
  const record = sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, recordId);
  const sessionId = String(record?.[WRITE_BACK_FIELD_CODES.sessionId]?.value ?? "");
  expect(sessionId).toMatch(/^cs_test_/);
  // An embedded session has no link: nothing to copy or to show as a QR code.
  expect(record?.[WRITE_BACK_FIELD_CODES.url]?.value ?? "").toBe("");
  return sessionId;
}

/** A write-back field as the record's detail screen shows it. */
const shown = (code: string) => story.page.locator(`.control[data-field="${code}"] .control-value`);

describe.each(["en", "ja"] as const)("paying on this device (%s)", (language) => {
  it("completes a payment inside the dialog, and the record shows it paid", async () => {
    const { page, sandbox } = story;
    const recordId = language === "en" ? "2" : "3";
    const sessionId = await recordWithEmbeddedSession(recordId, language);
    await page.getByRole("button", { name: TEXTS[language].payHere }).click();
    const dialog = page.locator("dialog.kintone-stripe-checkout-pay-here-dialog");
    await dialog.waitFor();
    // Stripe.js came from the address in the settings: the emulator's stand-in, loaded once.
    await expect(page.locator('script[src$="/_emulator/stripe.js"]').count()).resolves.toBe(1);
    const checkout = page.frameLocator("dialog.kintone-stripe-checkout-pay-here-dialog iframe");
    const pay = checkout.locator("form#pay");
    await pay.waitFor();
    await saveScreenshot(page, `embedded-pay-dialog-${language}`);
    await saveReadmeImage(page, `embedded-pay-dialog-${language}`);

    // The return page leads to the record's screen (without the ?lang= it was opened with).
    const backOnRecord = (url: URL) =>
      url.pathname.endsWith("/show") && url.search === "" && url.hash === `#record=${recordId}`;
    await Promise.all([
      page.waitForURL(backOnRecord, { timeout: 15000 }),
      pay.locator("button.primary").click(),
    ]);
    expect(sandbox.stripe.state.sessions.find((s) => s.id === sessionId)).toMatchObject({
      status: "complete",
      payment_status: "paid",
    });
    await waitForKintoneReady(page);
    // The webhook may land a moment after the page: the record screen waits and shows it then.
    await shown(WRITE_BACK_FIELD_CODES.paymentStatus)
      .getByText(TEXTS[language].paid, { exact: true })
      .waitFor({ timeout: 30000 });
    await saveScreenshot(page, `embedded-pay-paid-${language}`);
    await expect(page.getByRole("button", { name: TEXTS[language].payHere }).count()).resolves.toBe(
      0,
    );
    expect(story.pageErrors).toEqual([]);
  });
});

describe("paying on this device on kintone mobile", () => {
  it("opens the same form in a dialog that fits a 390 px phone, and the payment lands", async () => {
    const { sandbox } = story;
    const phone = await openTracedPage(story.browser, { viewport: { width: 390, height: 844 } });
    try {
      const { page } = phone;
      const recordId = "4";
      await page.goto(
        `${sandbox.kintone.url}${mobileRecordUrl(PRODUCTS_APP_ID, recordId)}&lang=en`,
      );
      await waitForKintoneReady(page);
      await page.getByRole("button", { name: "Create payment link" }).click();
      const ok = page.locator(
        "dialog.kintone-stripe-checkout-confirm .kintone-stripe-checkout-confirm-ok",
      );
      await Promise.all([page.waitForEvent("load"), ok.click()]);
      await waitForKintoneReady(page);
      await page.getByRole("button", { name: TEXTS.en.payHere }).click();
      const dialog = page.locator("dialog.kintone-stripe-checkout-pay-here-dialog");
      const pay = page
        .frameLocator("dialog.kintone-stripe-checkout-pay-here-dialog iframe")
        .locator("form#pay");
      await pay.waitFor();
      const box = await dialog.boundingBox();
      expect(box?.width).toBeLessThanOrEqual(390);
      await expect(
        page.evaluate("document.documentElement.scrollWidth"),
      ).resolves.toBeLessThanOrEqual(390);
      await saveScreenshot(page, "embedded-pay-dialog-mobile-en");
      await Promise.all([page.waitForEvent("load"), pay.locator("button.primary").click()]);
      await waitFor(
        () =>
          sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, recordId)?.[
            WRITE_BACK_FIELD_CODES.paymentStatus
          ]?.value === "paid",
        { timeoutMs: 30000, message: "the record was not written paid" },
      );
      expect(phone.pageErrors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
