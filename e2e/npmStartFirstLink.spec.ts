/**
 * The first payment link from a fresh `npm start` (the real command, a fresh data folder) takes no
 * settings step: the list's button, a record, Create, the confirmation's Create — and the link
 * opens the Stripe emulator's checkout page.
 */
import type { Browser } from "playwright-core";
import { checkoutPageTexts } from "../sandbox/stripe/checkoutPageTexts";
import { launchChromium, saveScreenshot } from "./browser";
import { ensurePluginBuilt } from "./ensurePluginBuilt";
import { openListDialog } from "./listDialog";
import { npmStartProcess } from "./npmStartProcess";
import { openTracedPage } from "./storyKit";

const npmStart = npmStartProcess();
let browser: Browser | undefined;
let traced: Awaited<ReturnType<typeof openTracedPage>> | undefined;

afterAll(async () => {
  await traced?.close(); // keeps the trace if the story failed
  await browser?.close();
  await npmStart.dispose();
});

describe("the first payment link after a fresh npm start", () => {
  it("takes the list's button and two Creates, no settings step", async () => {
    ensurePluginBuilt();
    const { kintoneUrl, output } = await npmStart.start(["--reset"]);
    expect(output()).not.toContain("came back as you left it");
    browser = await launchChromium();
    traced = await openTracedPage(browser);
    const { page, pageErrors } = traced;

    const dialog = await openListDialog(page, `${kintoneUrl}/k/1/`, "en");
    await dialog.locator('tr.kintone-stripe-checkout-record[data-record-id="1"] input').check();
    await dialog.locator(".kintone-stripe-checkout-preview-grand-total").waitFor();
    await dialog.locator(".kintone-stripe-checkout-create").click();
    const confirm = page.locator("dialog.kintone-stripe-checkout-confirm");
    await expect(
      confirm.locator(".kintone-stripe-checkout-confirm-ok").textContent(),
    ).resolves.toBe("Create");
    await confirm.locator(".kintone-stripe-checkout-confirm-ok").click();
    const link = dialog.locator(".kintone-stripe-checkout-link-url");
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/^http:\/\/localhost:\d+\/c\/pay\/cs_test_/);
    await saveScreenshot(page, "npm-start-first-link");

    await page.goto(url);
    await expect(page.locator("form#pay button.primary").textContent()).resolves.toContain(
      checkoutPageTexts("en").payWithCard,
    );
    expect(pageErrors).toEqual([]);
  });
});
