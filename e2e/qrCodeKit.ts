/**
 * What the QR stories share: reading the QR code on screen the way a phone's camera would (a
 * screenshot of it, decoded with jsQR), and a buyer paying a link on their own device (a browser
 * context of its own, on the Stripe emulator's checkout page).
 */
import jsQR from "jsqr";
import type { Browser, Locator } from "playwright-core";
import sharp from "sharp";
import { PRODUCTS_APP_ID, sampleMapping, WRITE_BACK_FIELD_CODES } from "../sandbox/sampleApps";
import { savePluginSettings } from "../sandbox/startSandbox";
import { useSandboxStory, type PageOptions, type SandboxStory } from "./storyKit";

/** The sandbox with the Products app set up as `npm start` sets it, and its records' link field. */
export function useProductsStory(page?: PageOptions): {
  story: SandboxStory;
  liveLink: (recordId: string) => string;
} {
  const story = useSandboxStory({
    configure: (sandbox) =>
      savePluginSettings(
        sandbox,
        PRODUCTS_APP_ID,
        sampleMapping("products", sandbox.urls.productsList),
      ),
    page,
  });
  const liveLink = (recordId: string) => {
    const url = story.sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, recordId)?.[
      WRITE_BACK_FIELD_CODES.url
    ]?.value;
    expect(url).toMatch(/^http/);
    return String(url);
  };
  return { story, liveLink };
}

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
