/**
 * Paying in person on the desktop record screen: the user shows the live link as a QR code, a
 * phone's camera (jsQR on a screenshot) reads exactly the record's link, the buyer pays on their
 * own device, and the record screen turns to "paid" while it is watched, without a reload.
 */
import { PRODUCTS_APP_ID } from "../sandbox/sampleApps";
import { saveScreenshot } from "./browser";
import { createOnRecordScreen } from "./createOnRecordScreen";
import { saveReadmeImage } from "./readmeImages";
import {
  decodeQrCode,
  DOCUMENT_IS_MARKED,
  MARK_DOCUMENT,
  payOnOwnDevice,
  useProductsStory,
} from "./qrCodeKit";

const { story, liveLink } = useProductsStory();

/** Opens the record and creates its link with the record's own button, confirmed. */
async function recordWithLiveLink(recordId: string, language: "ja" | "en") {
  const kintoneUrl = story.sandbox.kintone.url;
  await createOnRecordScreen(story.page, {
    kintoneUrl,
    appId: PRODUCTS_APP_ID,
    recordId,
    language,
  });
  return liveLink(recordId);
}

describe("the record screen's QR code of the live link", () => {
  it("decodes to exactly the record's link, and turns to paid when the buyer pays, without a reload", async () => {
    const { page } = story;
    const url = await recordWithLiveLink("2", "en");
    await page.getByRole("button", { name: "Show QR code" }).click();
    const code = page.locator("svg.kintone-stripe-checkout-qr-code");
    const box = await code.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(200);
    expect(box?.height).toBeGreaterThanOrEqual(200);
    await expect(decodeQrCode(code)).resolves.toBe(url);
    const panel = page.locator(".kintone-stripe-checkout-qr-panel");
    await panel.getByText("$28.00").waitFor();
    await expect(panel.locator(".kintone-stripe-checkout-qr-state").textContent()).resolves.toBe(
      "Waiting for the payment…",
    );
    await saveScreenshot(page, "record-qr-code-en");
    await saveReadmeImage(page, "record-qr-code-en");

    await page.evaluate(MARK_DOCUMENT);
    await payOnOwnDevice(story.browser, url);
    await panel.locator(".kintone-stripe-checkout-qr-state-paid").waitFor({ timeout: 30000 });
    await expect(panel.locator(".kintone-stripe-checkout-qr-state").textContent()).resolves.toBe(
      "PaidThe payment was received.",
    );
    await expect(code.count()).resolves.toBe(0);
    await expect(page.evaluate(DOCUMENT_IS_MARKED)).resolves.toBe(true);
    await saveScreenshot(page, "record-qr-code-paid-en");
    expect(story.pageErrors).toEqual([]);
  });

  it("speaks Japanese to a Japanese user and shows the amount under the code", async () => {
    const { page } = story;
    const url = await recordWithLiveLink("3", "ja");
    await page.getByRole("button", { name: "QRコードを表示" }).click();
    const code = page.locator("svg.kintone-stripe-checkout-qr-code");
    await expect(decodeQrCode(code)).resolves.toBe(url);
    const panel = page.locator(".kintone-stripe-checkout-qr-panel");
    await panel.getByText("￥880").or(panel.getByText("¥880")).waitFor();
    await expect(panel.textContent()).resolves.toContain("お支払いを待っています…");
    await saveScreenshot(page, "record-qr-code-ja");
    await saveReadmeImage(page, "record-qr-code-ja");
    await page.getByRole("button", { name: "QRコードを閉じる" }).click();
    await expect(panel.isHidden()).resolves.toBe(true);
    expect(story.pageErrors).toEqual([]);
  });
});
