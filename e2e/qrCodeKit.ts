/**
 * What the QR stories share: reading the QR code on screen the way a phone's camera would (a
 * screenshot of it, decoded with jsQR), and a buyer paying a link on their own device (a browser
 * context of its own, on the Stripe emulator's checkout page).
 */
import jsQR from "jsqr";
import type { Browser, Locator } from "playwright-core";
import sharp from "sharp";

/** The text the QR code on screen holds, or undefined when no decoder could read it. */
export async function decodeQrCode(code: Locator): Promise<string | undefined> {
  const png = await code.screenshot();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

/** The buyer opens the link on their phone and pays by card; resolves once Checkout sent them on. */
export async function payOnOwnDevice(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const pay = page.locator("form#pay");
    await pay.waitFor();
    await Promise.all([page.waitForEvent("load"), pay.locator("button.primary").click()]);
  } finally {
    await context.close();
  }
}

/** Marks the page's document, so a story can tell it was never reloaded. */
export const MARK_DOCUMENT = () => {
  (globalThis as { qrStoryMark?: boolean }).qrStoryMark = true;
};
export const DOCUMENT_IS_MARKED = () =>
  (globalThis as { qrStoryMark?: boolean }).qrStoryMark === true;
