/**
 * Paying in person on the desktop record screen: the user shows the live link as a QR code, a
 * phone's camera (jsQR on a screenshot) reads exactly the record's link, the buyer pays on their
 * own device, and the record screen turns to "paid" while it is watched, without a reload.
 */
import { PRODUCTS_APP_ID, sampleMapping, WRITE_BACK_FIELD_CODES } from "../sandbox/sampleApps";
import { savePluginSettings } from "../sandbox/startSandbox";
import { saveScreenshot, waitForKintoneReady } from "./browser";
import { saveReadmeImage } from "./readmeImages";
import { decodeQrCode, DOCUMENT_IS_MARKED, MARK_DOCUMENT, payOnOwnDevice } from "./qrCodeKit";
import { useSandboxStory } from "./storyKit";

const story = useSandboxStory({
  configure: (sandbox) =>
    savePluginSettings(
      sandbox,
      PRODUCTS_APP_ID,
      sampleMapping("products", sandbox.urls.productsList),
    ),
});

const field = (recordId: string, code: string) =>
  story.sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, recordId)?.[code]?.value;

/** Opens the record and creates its link with the record's own button. */
async function recordWithLiveLink(recordId: string, language: "ja" | "en") {
  const { page, sandbox } = story;
  await page.goto(
    `${sandbox.kintone.url}/k/${PRODUCTS_APP_ID}/show?lang=${language}#record=${recordId}`,
  );
  await waitForKintoneReady(page);
  await page.locator(".kintone-stripe-checkout-detail-create").click();
  await Promise.all([
    page.waitForEvent("load"),
    page
      .locator("dialog.kintone-stripe-checkout-confirm .kintone-stripe-checkout-confirm-ok")
      .click(),
  ]);
  await waitForKintoneReady(page);
  const url = field(recordId, WRITE_BACK_FIELD_CODES.url);
  expect(url).toMatch(/^http/);
  return String(url);
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
