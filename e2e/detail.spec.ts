/**
 * The record story: on a product's detail screen the user creates a payment link, refreshes its
 * status and expires it; each action asks first where it matters and reloads the record.
 */
import { PRODUCTS_APP_ID, sampleMapping, WRITE_BACK_FIELD_CODES } from "../sandbox/sampleApps";
import { savePluginSettings } from "../sandbox/startSandbox";
import { saveScreenshot, waitForKintoneReady } from "./browser";
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

async function openRecord(recordId: string, language: "ja" | "en") {
  await story.page.goto(
    `${story.sandbox.kintone.url}/k/${PRODUCTS_APP_ID}/show?lang=${language}#record=${recordId}`,
  );
  await waitForKintoneReady(story.page);
  return story.page.locator("#kintone-stripe-checkout-detail-buttons");
}

/** Confirms the open confirmation and waits for the record page to load again. */
async function confirmAndWaitForReload() {
  await Promise.all([
    story.page.waitForEvent("load"),
    story.page
      .locator("dialog.kintone-stripe-checkout-confirm .kintone-stripe-checkout-confirm-ok")
      .click(),
  ]);
  await waitForKintoneReady(story.page);
}

describe("the record's Stripe Checkout buttons", () => {
  it("offers only Create on a record without a link", async () => {
    const buttons = await openRecord("5", "ja");
    await expect(
      buttons.locator(".kintone-stripe-checkout-detail-create").isEnabled(),
    ).resolves.toBe(true);
    for (const name of ["sync", "expire", "copy"]) {
      await expect(
        buttons.locator(`.kintone-stripe-checkout-detail-${name}`).isDisabled(),
      ).resolves.toBe(true);
    }
    await saveScreenshot(story.page, "detail-buttons-ja");
    expect(story.pageErrors).toEqual([]);
  });

  it("creates a link after showing its amount, refreshes its status and expires it", async () => {
    let buttons = await openRecord("2", "en");
    await buttons.locator(".kintone-stripe-checkout-detail-create").click();
    const confirm = story.page.locator("dialog.kintone-stripe-checkout-confirm");
    await expect(confirm.textContent()).resolves.toContain("$28.00");
    await saveScreenshot(story.page, "detail-confirm-create-en");
    await confirmAndWaitForReload();

    const url = field("2", WRITE_BACK_FIELD_CODES.url);
    expect(url).toMatch(/^http/);
    expect(field("2", WRITE_BACK_FIELD_CODES.status)).toBe("open");
    buttons = story.page.locator("#kintone-stripe-checkout-detail-buttons");
    await expect(
      buttons.locator(".kintone-stripe-checkout-detail-create").textContent(),
    ).resolves.toBe("Re-issue payment link");
    await saveScreenshot(story.page, "detail-buttons-open-en");

    // Refresh: the proxy pulls the session from Stripe; nothing changed, and the page says so.
    await buttons.locator(".kintone-stripe-checkout-detail-sync").click();
    await story.page
      .getByText("The payment status is already up to date. Nothing changed.")
      .waitFor();
    await saveScreenshot(story.page, "detail-refresh-up-to-date-en");
    expect(field("2", WRITE_BACK_FIELD_CODES.status)).toBe("open");

    // Expire asks first; Back leaves the link working.
    buttons = story.page.locator("#kintone-stripe-checkout-detail-buttons");
    await buttons.locator(".kintone-stripe-checkout-detail-expire").click();
    await saveScreenshot(story.page, "detail-confirm-expire-en");
    await story.page
      .locator("dialog.kintone-stripe-checkout-confirm .kintone-stripe-checkout-confirm-cancel")
      .click();
    expect(field("2", WRITE_BACK_FIELD_CODES.status)).toBe("open");

    await buttons.locator(".kintone-stripe-checkout-detail-expire").click();
    await confirmAndWaitForReload();
    expect(field("2", WRITE_BACK_FIELD_CODES.status)).toBe("expired");
    buttons = story.page.locator("#kintone-stripe-checkout-detail-buttons");
    await expect(
      buttons.locator(".kintone-stripe-checkout-detail-expire").isDisabled(),
    ).resolves.toBe(true);
    await expect(
      buttons.locator(".kintone-stripe-checkout-detail-copy").isDisabled(),
    ).resolves.toBe(true);
    await saveScreenshot(story.page, "detail-buttons-expired-en");
    expect(story.pageErrors).toEqual([]);
  });
});
