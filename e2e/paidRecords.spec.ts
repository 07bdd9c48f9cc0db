/**
 * The paid-record story: in the Orders app one order was paid by card and another is awaiting its
 * konbini payment, both through Stripe (the emulator's buyer actions and its signed webhooks).
 * In the list's dialog neither can be chosen, and each says why, in Japanese and in English;
 * the record screen's Create says why it is disabled.
 */
import { APP_BINDING_HEADER } from "../core/api/proxyApi";
import { ORDERS_APP_ID, sampleMapping, WRITE_BACK_FIELD_CODES } from "../sandbox/sampleApps";
import { SANDBOX_SECRETS, savePluginSettings, type Sandbox } from "../sandbox/startSandbox";
import { callProxy } from "../testkit/callProxy";
import { waitFor } from "../testkit/waitFor";
import { saveScreenshot, waitForKintoneReady } from "./browser";
import { openListDialog } from "./listDialog";
import { useSandboxStory } from "./storyKit";

const PAID_BY_CARD = "1";
const AWAITING_KONBINI = "3";
const NOT_BILLED = "2";

const paymentStatusOf = (sandbox: Sandbox, recordId: string) =>
  sandbox.kintone.store.getRecord(ORDERS_APP_ID, recordId)?.[WRITE_BACK_FIELD_CODES.paymentStatus]
    ?.value;

/** A link for the order, made as a script would (the proxy's API), then paid as the buyer would. */
async function billThroughStripe(
  sandbox: Sandbox,
  recordId: string,
  pay: (sessionId: string) => Promise<void>,
): Promise<void> {
  const mapping = JSON.stringify(sampleMapping("orders", sandbox.urls.ordersList));
  const created = await callProxy(
    sandbox.urls.proxy ?? "",
    SANDBOX_SECRETS.proxySecret,
    "POST",
    "/v1/checkouts",
    { appId: ORDERS_APP_ID, records: [{ id: recordId }], mapping },
    { headers: { [APP_BINDING_HEADER]: ORDERS_APP_ID } },
  );
  if (created.status !== 201) throw new Error(`checkout for ${recordId}: ${created.text}`);
  await pay(created.body.sessions[0].id as string);
  await sandbox.stripe.flushWebhooks();
}

const story = useSandboxStory({
  configure: async (sandbox) => {
    savePluginSettings(sandbox, ORDERS_APP_ID, sampleMapping("orders", sandbox.urls.ordersList));
    await billThroughStripe(sandbox, PAID_BY_CARD, (id) => sandbox.stripe.payWithCard(id));
    await billThroughStripe(sandbox, AWAITING_KONBINI, (id) =>
      sandbox.stripe.payWithDelayedMethod(id),
    );
    // The webhook is answered once stored; the record is written right after.
    await waitFor(() => paymentStatusOf(sandbox, PAID_BY_CARD) === "paid", {
      message: "the card payment never reached the order",
    });
  },
});

const TEXTS = {
  ja: {
    paid: "支払い済み",
    awaiting: "入金待ち",
    reason: "請求済みのため、新しい決済リンクは作れません",
    selected: "8 件を選択中",
  },
  en: {
    paid: "Paid",
    awaiting: "Awaiting payment",
    reason: "Already billed, so no new link can be made",
    selected: "8 selected",
  },
} as const;

const openOrdersDialog = (language: "ja" | "en") =>
  openListDialog(story.page, story.sandbox.urls.ordersList, language);

describe("an order that is already paid", () => {
  it.each(["ja", "en"] as const)(
    "cannot be chosen in the list's dialog, and the dialog says why (%s)",
    async (language) => {
      const texts = TEXTS[language];
      const dialog = await openOrdersDialog(language);
      const row = (id: string) =>
        dialog.locator(`tr.kintone-stripe-checkout-record[data-record-id="${id}"]`);

      await expect(row(PAID_BY_CARD).locator("input").isDisabled()).resolves.toBe(true);
      await expect(row(AWAITING_KONBINI).locator("input").isDisabled()).resolves.toBe(true);
      await expect(row(NOT_BILLED).locator("input").isEnabled()).resolves.toBe(true);
      const badge = (id: string) =>
        row(id).locator(".kintone-stripe-checkout-billed-badge").textContent();
      await expect(badge(PAID_BY_CARD)).resolves.toBe(texts.paid);
      await expect(badge(AWAITING_KONBINI)).resolves.toBe(texts.awaiting);
      await expect(row(PAID_BY_CARD).textContent()).resolves.toContain(texts.reason);

      // Select all takes every order but the billed ones; a click on a billed row changes nothing.
      await dialog.locator(".kintone-stripe-checkout-toolbar button").first().click();
      await row(PAID_BY_CARD).click();
      await expect(row(PAID_BY_CARD).locator("input").isChecked()).resolves.toBe(false);
      await expect(row(NOT_BILLED).locator("input").isChecked()).resolves.toBe(true);
      await expect(
        dialog.locator(".kintone-stripe-checkout-selected-count").textContent(),
      ).resolves.toBe(texts.selected);
      await dialog.locator(".kintone-stripe-checkout-billed-note").scrollIntoViewIfNeeded();
      await saveScreenshot(story.page, `paid-records-list-${language}`);
      expect(story.pageErrors).toEqual([]);
    },
  );

  it("has its record screen's Create disabled, saying why (ja)", async () => {
    const { page, sandbox } = story;
    await page.goto(
      `${sandbox.kintone.url}/k/${ORDERS_APP_ID}/show?lang=ja#record=${PAID_BY_CARD}`,
    );
    await waitForKintoneReady(page);
    const buttons = page.locator("#kintone-stripe-checkout-detail-buttons");
    await expect(
      buttons.locator(".kintone-stripe-checkout-detail-create").isDisabled(),
    ).resolves.toBe(true);
    await expect(
      buttons.locator(".kintone-stripe-checkout-detail-blocked").textContent(),
    ).resolves.toContain(TEXTS.ja.reason);
    await saveScreenshot(page, "paid-records-detail-ja");
    expect(story.pageErrors).toEqual([]);
  });
});
