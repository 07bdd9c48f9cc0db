/**
 * Issue 21's browser story: a monthly ¥5,000 membership. The user creates the subscription's link
 * from the record, the buyer pays it on the Stripe emulator's page, and the record shows the
 * subscription active with its amount per month and the next renewal; the user cancels it at the
 * period's end and the record says when it ends. Stripe → webhooks → proxy → kintone, as in life.
 */
import { PRODUCTS_APP_ID, sampleMapping, WRITE_BACK_FIELD_CODES } from "../sandbox/sampleApps";
import { savePluginSettings, type Sandbox } from "../sandbox/startSandbox";
import { saveScreenshot, waitForKintoneReady } from "./browser";
import { openListDialog } from "./listDialog";
import { useSandboxStory } from "./storyKit";

const membership = (sandbox: Sandbox) => {
  const { writeBack, successUrl, cancelUrl } = sampleMapping("products", sandbox.urls.productsList);
  return {
    version: 1,
    source: { type: "records" },
    grouping: "perRecord",
    mode: "subscription",
    lineItem: {
      name: { const: "月会費 Membership" },
      unitPrice: { const: "5000" },
      recurring: { interval: { const: "month" } },
    },
    currency: "JPY",
    successUrl,
    cancelUrl,
    writeBack,
  };
};

const story = useSandboxStory({
  configure: (sandbox) => savePluginSettings(sandbox, PRODUCTS_APP_ID, membership(sandbox)),
});

const PANEL = ".kintone-stripe-checkout-subscription";

const field = (recordId: string, code: string) =>
  story.sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, recordId)?.[code]?.value;

async function openRecord(recordId: string, language: "ja" | "en" = "en") {
  const { page, sandbox } = story;
  const show = `${sandbox.kintone.url}/k/${PRODUCTS_APP_ID}/show`;
  await page.goto(`${show}?lang=${language}#record=${recordId}`);
  await waitForKintoneReady(page);
  await page.locator("#kintone-stripe-checkout-detail-buttons").waitFor();
}

async function confirmAndWaitForReload(dialog: string) {
  const { page } = story;
  await Promise.all([
    page.waitForEvent("load"),
    page.locator(`dialog.${dialog} .kintone-stripe-checkout-confirm-ok`).click(),
  ]);
  await waitForKintoneReady(page);
}

describe("a monthly membership from a record", () => {
  it.each([
    ["en", "¥5,000 / month"],
    ["ja", "￥5,000 / 月"],
  ] as const)("is previewed per month in the list dialog (%s)", async (language, perMonth) => {
    const dialog = await openListDialog(story.page, story.sandbox.urls.productsList, language);
    await dialog.locator('tr.kintone-stripe-checkout-record[data-record-id="5"] input').check();
    const total = dialog.locator(".kintone-stripe-checkout-session-total");
    await total.waitFor();
    await expect(total.textContent()).resolves.toContain(perMonth);
    await expect(dialog.locator(".kintone-stripe-checkout-line").textContent()).resolves.toContain(
      perMonth,
    );
    await saveScreenshot(story.page, `subscription-list-preview-${language}`);
    expect(story.pageErrors).toEqual([]);
  });

  it("is created from the record, paid, shows its renewal, and is cancelled at period end", async () => {
    const { page, sandbox } = story;
    await openRecord("3");
    await page.locator(".kintone-stripe-checkout-detail-create").click();
    const confirm = page.locator("dialog.kintone-stripe-checkout-confirm");
    await expect(confirm.textContent()).resolves.toContain("5,000");
    await confirmAndWaitForReload("kintone-stripe-checkout-confirm");
    const url = String(field("3", WRITE_BACK_FIELD_CODES.url));
    expect(url).toMatch(/^http/);

    // The buyer pays the first month by card on the emulator's page.
    await page.goto(url);
    const pay = page.locator("form#pay");
    await pay.waitFor();
    await expect(page.locator("body").textContent()).resolves.toMatch(/5,000 \/ (month|月)/);
    await saveScreenshot(page, "subscription-checkout-page-en");
    await Promise.all([page.waitForEvent("load"), pay.locator("button.primary").click()]);

    await sandbox.stripe.flushWebhooks();
    expect(sandbox.stripe.state.webhookDeliveries.filter((d) => !d.ok)).toEqual([]);
    await openRecord("3");
    const panel = page.locator(`${PANEL}:not([hidden])`);
    await panel.waitFor();
    await expect(panel.locator("[data-status]").textContent()).resolves.toBe("Active");
    await expect(panel.textContent()).resolves.toContain("¥5,000 / month");
    await expect(panel.locator(`${PANEL}-renewal`).textContent()).resolves.toMatch(
      /^Next renewal: [A-Z][a-z]{2} \d{1,2}, \d{4}$/,
    );
    await saveScreenshot(page, "subscription-record-active-en");

    // Cancel at the period's end (the default choice), after a confirmation naming the amount.
    await panel.locator(`${PANEL}-cancel`).click();
    const cancel = page.locator("dialog.kintone-stripe-checkout-cancel-subscription");
    await expect(cancel.textContent()).resolves.toContain("¥5,000 / month");
    await expect(cancel.locator('input[value="periodEnd"]').isChecked()).resolves.toBe(true);
    await saveScreenshot(page, "subscription-cancel-confirm-en");
    await confirmAndWaitForReload("kintone-stripe-checkout-cancel-subscription");

    const after = page.locator(`${PANEL}:not([hidden])`);
    await after.waitFor();
    await expect(after.locator(`${PANEL}-renewal`).textContent()).resolves.toMatch(/^Ends on /);
    await expect(after.locator(`${PANEL}-cancel`).count()).resolves.toBe(0);
    await expect(page.textContent("body")).resolves.toContain(
      "The subscription ends at the end of the current period.",
    );
    await saveScreenshot(page, "subscription-record-cancel-scheduled-en");

    await openRecord("3", "ja");
    const shownJa = page.locator(`${PANEL}:not([hidden])`);
    await shownJa.waitFor();
    await expect(shownJa.locator("[data-status]").textContent()).resolves.toBe("有効");
    await expect(shownJa.textContent()).resolves.toMatch(/￥5,000 \/ 月.*に終了します/);
    await saveScreenshot(page, "subscription-record-cancel-scheduled-ja");
    expect(story.pageErrors).toEqual([]);
  });
});
