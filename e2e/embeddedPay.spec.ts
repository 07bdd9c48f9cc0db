/**
 * Paying on this device: an app whose sessions are embedded (`uiMode: "embedded"`) gets a record
 * button that opens Stripe's embedded Checkout in a dialog, with the publishable key and the
 * Stripe.js address the settings hold (here the Stripe emulator's stand-in). The buyer pays inside
 * the dialog; the session being made with `redirect_on_completion: if_required`, a card payment ends
 * there and Stripe.js calls `onComplete`: the dialog and the record screen show it paid with no
 * navigation at all (a marker set on `window` before paying is still there). On kintone mobile the
 * same dialog fits a 390 px phone.
 * Nothing here calls the proxy or writes kintone itself.
 */
import type { Page } from "playwright-core";
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
  en: { payHere: "Pay on this device", received: "The payment was received." },
  ja: { payHere: "この端末で支払う", received: "お支払いを受け付けました。" },
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

const PAY_HERE = "kintone-stripe-checkout-pay-here";

/** Marks the page's window: the mark survives only if the page is never navigated or reloaded. */
const markWindow = (page: Page) => page.evaluate("window.stayedHere = true");
const stayedOnPage = (page: Page) =>
  page.evaluate(
    '({ marked: window.stayedHere === true, navigations: performance.getEntriesByType("navigation").length })',
  );

/** Waits until the Products record's payment status field holds `paid` (the webhook's write). */
const recordWrittenPaid = (recordId: string) =>
  waitFor(
    () =>
      story.sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, recordId)?.[
        WRITE_BACK_FIELD_CODES.paymentStatus
      ]?.value === "paid",
    { timeoutMs: 30000, message: "the record was not written paid" },
  );

describe.each(["en", "ja"] as const)("paying on this device (%s)", (language) => {
  it("completes a card payment inside the dialog, and the record shows it paid without leaving the page", async () => {
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

    const urlBefore = page.url();
    await markWindow(page);
    await pay.locator("button.primary").click();
    // Stripe.js's onComplete: the dialog says paid, the frame is gone, the page is the same one.
    await dialog.locator(`.${PAY_HERE}-state-paid`).waitFor({ timeout: 15000 });
    await expect(dialog.locator("iframe").count()).resolves.toBe(0);
    expect(sandbox.stripe.state.sessions.find((s) => s.id === sessionId)).toMatchObject({
      status: "complete",
      payment_status: "paid",
    });
    await saveScreenshot(page, `embedded-pay-dialog-paid-${language}`);
    await dialog.locator(".kintone-stripe-checkout-modal-close").click();
    await dialog.waitFor({ state: "detached" });
    const onScreen = page.locator(`.${PAY_HERE} > .${PAY_HERE}-state-paid`);
    await onScreen.waitFor();
    await expect(onScreen.textContent()).resolves.toContain(TEXTS[language].received);
    await expect(
      page.getByRole("button", { name: TEXTS[language].payHere }).isDisabled(),
    ).resolves.toBe(true);
    await saveScreenshot(page, `embedded-pay-paid-${language}`);
    expect(page.url()).toBe(urlBefore);
    await expect(stayedOnPage(page)).resolves.toEqual({ marked: true, navigations: 1 });
    // The webhook writes the record on its own time: wait for that too before the page is left.
    await recordWrittenPaid(recordId);
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
      await markWindow(page);
      await pay.locator("button.primary").click();
      await dialog.locator(`.${PAY_HERE}-state-paid`).waitFor({ timeout: 15000 });
      await saveScreenshot(page, "embedded-pay-paid-mobile-en");
      await expect(stayedOnPage(page)).resolves.toEqual({ marked: true, navigations: 1 });
      await recordWrittenPaid(recordId);
      expect(phone.pageErrors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
