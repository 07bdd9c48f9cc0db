/**
 * kintone mobile, on a 390 × 844 phone screen: the user opens a record, creates its payment link,
 * copies it, shows its QR code (which a camera reads as exactly the record's link), the buyer pays
 * on their own device, and the record turns paid while it is watched; after a reload it shows
 * paid from the record's own fields. In Japanese and English, never wider than the screen, every
 * button and link the plugin adds at least 44 px high. Screenshots go to e2e/artifacts/.
 */
import type { Page } from "playwright-core";
import { PRODUCTS_APP_ID, WRITE_BACK_FIELD_CODES } from "../sandbox/sampleApps";
import { mobileRecordUrl } from "../sandbox/kintone/pages/mobileRecordPage";
import { saveScreenshot, waitForKintoneReady } from "./browser";
import { saveReadmeImage } from "./readmeImages";
import {
  decodeQrCode,
  DOCUMENT_IS_MARKED,
  MARK_DOCUMENT,
  payOnOwnDevice,
  useProductsStory,
} from "./qrCodeKit";

const PHONE = { width: 390, height: 844 } as const;

const { story, liveLink } = useProductsStory({ viewport: PHONE });

const TEXTS = {
  en: {
    none: "No link yet",
    create: "Create payment link",
    copied: "Copied",
    showQr: "Show QR code",
    paid: "Paid",
  },
  ja: {
    none: "未作成",
    create: "決済リンクを作成",
    copied: "コピーしました",
    showQr: "QRコードを表示",
    paid: "支払い済み",
  },
};

async function openMobileRecord(page: Page, recordId: string, language: "ja" | "en") {
  await page.goto(
    `${story.sandbox.kintone.url}${mobileRecordUrl(PRODUCTS_APP_ID, recordId)}&lang=${language}`,
  );
  await waitForKintoneReady(page);
  return page.locator("#kintone-stripe-checkout-mobile");
}

/** Nothing wider than the phone, and every visible button and link of the plugin ≥ 44 px high. */
async function expectPhoneSized(page: Page) {
  const targets = page.locator(
    "#kintone-stripe-checkout-mobile button, #kintone-stripe-checkout-mobile a, dialog button",
  );
  expect(await targets.count()).toBeGreaterThan(0);
  const small: Array<{ text: string; height: number }> = [];
  for (const target of await targets.all()) {
    const box = await target.boundingBox();
    if (box === null || box.height >= 44) continue; // null: not shown
    small.push({ text: (await target.textContent()) ?? "", height: box.height });
  }
  expect(small).toEqual([]);
  const scrollWidth = await page.evaluate("document.documentElement.scrollWidth");
  expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
}

async function createLink(page: Page, createLabel: string) {
  await page.getByRole("button", { name: createLabel }).click();
  const confirm = page.locator("dialog.kintone-stripe-checkout-confirm");
  await confirm.waitFor();
  await expectPhoneSized(page);
  return confirm;
}

describe.each([
  ["en", "4"],
  ["ja", "5"],
] as const)("the kintone mobile record screen in %s", (language, recordId) => {
  const t = TEXTS[language];

  it("creates a link, copies and shows it, and turns paid when the buyer pays", async () => {
    const { page, sandbox } = story;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: sandbox.kintone.url,
    });
    // Headless Chromium has no share sheet; a stand-in records what the phone would share.
    await page.addInitScript(
      "navigator.share = async (data) => { globalThis.sharedData = data; };",
    );
    let panel = await openMobileRecord(page, recordId, language);
    await panel.waitFor();
    await expect(
      panel.locator(".kintone-stripe-checkout-mobile-state").textContent(),
    ).resolves.toBe(t.none);
    await expectPhoneSized(page);
    await saveScreenshot(page, `mobile-record-${language}`);

    const confirm = await createLink(page, t.create);
    await saveScreenshot(page, `mobile-confirm-create-${language}`);
    await Promise.all([
      page.waitForEvent("load"),
      confirm.locator(".kintone-stripe-checkout-confirm-ok").click(),
    ]);
    await waitForKintoneReady(page);
    const url = liveLink(recordId);
    panel = page.locator("#kintone-stripe-checkout-mobile");
    await expect(
      panel.locator(".kintone-stripe-checkout-mobile-link-url").textContent(),
    ).resolves.toBe(url);
    await expectPhoneSized(page);
    await saveScreenshot(page, `mobile-record-link-${language}`);
    await saveReadmeImage(page, `mobile-record-link-${language}`);

    await panel.locator(".kintone-stripe-checkout-detail-copy").click();
    await panel.getByText(t.copied).waitFor();
    await expect(page.evaluate("navigator.clipboard.readText()")).resolves.toBe(url);
    await panel.locator(".kintone-stripe-checkout-mobile-share").click();
    await expect(
      page.evaluate(() => (globalThis as { sharedData?: { url?: string } }).sharedData?.url),
    ).resolves.toBe(url);

    await panel.getByRole("button", { name: t.showQr }).click();
    const code = panel.locator("svg.kintone-stripe-checkout-qr-code");
    await code.scrollIntoViewIfNeeded();
    const box = await code.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(200);
    await expect(decodeQrCode(code)).resolves.toBe(url);
    await expectPhoneSized(page);
    await saveScreenshot(page, `mobile-record-qr-${language}`);

    await page.evaluate(MARK_DOCUMENT);
    await payOnOwnDevice(story.browser, url);
    const paid = panel.locator(".kintone-stripe-checkout-qr-state-paid");
    await paid.waitFor({ timeout: 30000 });
    await paid.scrollIntoViewIfNeeded();
    await panel
      .locator(".kintone-stripe-checkout-mobile-state .kintone-stripe-checkout-billed-paid")
      .waitFor();
    await expect(page.evaluate(DOCUMENT_IS_MARKED)).resolves.toBe(true);
    await saveScreenshot(page, `mobile-record-paid-live-${language}`);
    await saveReadmeImage(page, `mobile-record-paid-live-${language}`);

    // The record itself says paid once Stripe's webhook reached the proxy.
    await sandbox.stripe.flushWebhooks();
    const record = sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, recordId);
    expect(record?.[WRITE_BACK_FIELD_CODES.paymentStatus]?.value).toBe("paid");
    panel = await openMobileRecord(page, recordId, language);
    const badge = panel.locator(
      ".kintone-stripe-checkout-mobile-state .kintone-stripe-checkout-billed-paid",
    );
    await badge.waitFor();
    await expect(badge.textContent()).resolves.toBe(t.paid);
    await expectPhoneSized(page);
    await saveScreenshot(page, `mobile-record-paid-${language}`);
    expect(story.pageErrors).toEqual([]);
  });
});
