/**
 * What happens to a payment link after it is created, end to end: the buyer acts on the checkout
 * page in the browser (the Stripe emulator's stand-in for Stripe's hosted page), Stripe's side moves
 * on as Stripe would (a konbini payment settles, the clock passes the expiry, the Dashboard refunds),
 * the emulator delivers signed webhooks to the proxy, the proxy writes kintone, and the record's
 * detail screen, reloaded, shows it. Nothing here calls the proxy or writes kintone on its behalf.
 */
import type { Page } from "playwright-core";
import { PRODUCTS_APP_ID, sampleMapping, WRITE_BACK_FIELD_CODES } from "../sandbox/sampleApps";
import { savePluginSettings, type Sandbox } from "../sandbox/startSandbox";
import { saveScreenshot, waitForKintoneReady } from "./browser";
import { useSandboxStory } from "./storyKit";

const mappingFor = (sandbox: Sandbox, extra: object = {}) => ({
  ...sampleMapping("products", sandbox.urls.productsList),
  ...extra,
});

const story = useSandboxStory({
  configure: (sandbox) => savePluginSettings(sandbox, PRODUCTS_APP_ID, mappingFor(sandbox)),
});

type Language = "ja" | "en";

async function openRecord(recordId: string, language: Language = "en"): Promise<void> {
  const { page, sandbox } = story;
  await page.goto(
    `${sandbox.kintone.url}/k/${PRODUCTS_APP_ID}/show?lang=${language}#record=${recordId}`,
  );
  await waitForKintoneReady(page);
  await page.locator("#kintone-stripe-checkout-detail-buttons").waitFor();
}

/** A write-back field as the record's detail screen shows it. */
async function shown(code: string): Promise<string> {
  const text = await story.page
    .locator(`.control[data-field="${code}"] .control-value`)
    .textContent();
  return (text ?? "").trim();
}

async function shownLink(): Promise<string> {
  const href = await story.page
    .locator(`.control[data-field="${WRITE_BACK_FIELD_CODES.url}"] a`)
    .getAttribute("href");
  return href ?? "";
}

/** Presses the record's Create (or Re-issue) button, confirms, and waits for the record to reload. */
async function createOnRecord(recordId: string, language: Language = "en"): Promise<void> {
  const page = story.page;
  await openRecord(recordId, language);
  await page.locator(".kintone-stripe-checkout-detail-create").click();
  await page.locator("dialog.kintone-stripe-checkout-confirm").waitFor();
  await Promise.all([
    page.waitForEvent("load"),
    page
      .locator("dialog.kintone-stripe-checkout-confirm .kintone-stripe-checkout-confirm-ok")
      .click(),
  ]);
  await waitForKintoneReady(page);
  await page.locator("#kintone-stripe-checkout-detail-buttons").waitFor();
}

/** On the checkout page: pays by card or by konbini; the browser ends on the success URL. */
async function payOnCheckoutPage(
  page: Page,
  method: "card" | "konbini",
  screenshot: string,
): Promise<void> {
  const pay = page.locator("form#pay");
  await pay.waitFor();
  await saveScreenshot(page, screenshot);
  const button = method === "card" ? "button.primary" : "button.secondary";
  await Promise.all([page.waitForEvent("load"), pay.locator(button).click()]);
}

/** Waits until the emulator has delivered every webhook, and checks that the proxy accepted them. */
async function webhooksDelivered(sandbox: Sandbox, eventTypes: string[]): Promise<void> {
  await sandbox.stripe.flushWebhooks();
  const deliveries = sandbox.stripe.state.webhookDeliveries;
  for (const type of eventTypes) {
    expect(deliveries.filter((d) => d.eventType === type && d.ok).length).toBeGreaterThan(0);
  }
  expect(deliveries.filter((d) => !d.ok)).toEqual([]);
}

const sessionOf = (sandbox: Sandbox, id: string) =>
  sandbox.stripe.state.sessions.find((session) => session.id === id);

describe("a payment link after it was created", () => {
  it("is paid by card on the checkout page, and the record shows complete and paid", async () => {
    const { page, sandbox } = story;
    // The user creates the link from the list, for one record.
    await page.goto(`${sandbox.urls.productsList}?lang=en`);
    await waitForKintoneReady(page);
    await page.locator("#kintone-header-menu-space button").click();
    const dialog = page.locator("dialog.kintone-stripe-checkout-dialog");
    await dialog.locator('tr.kintone-stripe-checkout-record[data-record-id="3"] input').check();
    await dialog.locator(".kintone-stripe-checkout-session").first().waitFor();
    await dialog.locator(".kintone-stripe-checkout-create").click();
    await page
      .locator("dialog.kintone-stripe-checkout-confirm .kintone-stripe-checkout-confirm-ok")
      .click();
    const link = dialog.locator(".kintone-stripe-checkout-link-url");
    await link.waitFor();
    const url = await link.inputValue();
    await saveScreenshot(page, "pay-card-link-created-en");

    // The buyer opens the link and pays by card.
    await page.goto(url);
    await expect(page.locator('[data-testid="checkout-total"]').textContent()).resolves.toBe(
      "¥880",
    );
    await payOnCheckoutPage(page, "card", "pay-card-checkout-page-en");
    // Stripe sends the buyer to the success URL: the list, with the session's id.
    expect(page.url()).toMatch(
      new RegExp(`^${sandbox.urls.productsList}\\?session_id=cs_test_[A-Za-z0-9]+$`),
    );

    // Stripe → signed webhook → proxy → kintone; the record, opened again, shows it.
    await webhooksDelivered(sandbox, ["checkout.session.completed"]);
    await openRecord("3");
    await expect(shownLink()).resolves.toBe(url);
    await expect(shown(WRITE_BACK_FIELD_CODES.status)).resolves.toBe("complete");
    await expect(shown(WRITE_BACK_FIELD_CODES.paymentStatus)).resolves.toBe("paid");
    await expect(shown(WRITE_BACK_FIELD_CODES.paidAt)).resolves.not.toBe("");
    await expect(shown(WRITE_BACK_FIELD_CODES.customerEmail)).resolves.toBe("customer@example.com");
    // A paid link is neither copied nor expired any more.
    await expect(page.locator(".kintone-stripe-checkout-detail-expire").isDisabled()).resolves.toBe(
      true,
    );
    await saveScreenshot(page, "pay-card-record-paid-en");
    expect(story.pageErrors).toEqual([]);
  });

  it("is paid at a konbini: the record awaits the payment, then shows paid once it settles", async () => {
    const { page, sandbox } = story;
    await createOnRecord("4", "ja");
    const url = await shownLink();
    const sessionId = await shown(WRITE_BACK_FIELD_CODES.sessionId);
    await page.goto(url);
    await payOnCheckoutPage(page, "konbini", "pay-konbini-checkout-page-ja");

    await webhooksDelivered(sandbox, ["checkout.session.completed"]);
    await openRecord("4", "ja");
    await expect(shown(WRITE_BACK_FIELD_CODES.status)).resolves.toBe("complete");
    await expect(shown(WRITE_BACK_FIELD_CODES.paymentStatus)).resolves.toBe("unpaid");
    await expect(shown(WRITE_BACK_FIELD_CODES.paidAt)).resolves.toBe("");
    await saveScreenshot(page, "pay-konbini-record-awaiting-ja");

    // The buyer pays at the store days later; Stripe settles the payment.
    await sandbox.stripe.settleDelayedPayment(sessionId, "succeeded");
    await webhooksDelivered(sandbox, ["checkout.session.async_payment_succeeded"]);
    await openRecord("4", "ja");
    await expect(shown(WRITE_BACK_FIELD_CODES.status)).resolves.toBe("complete");
    await expect(shown(WRITE_BACK_FIELD_CODES.paymentStatus)).resolves.toBe("paid");
    await expect(shown(WRITE_BACK_FIELD_CODES.paidAt)).resolves.not.toBe("");
    await saveScreenshot(page, "pay-konbini-record-paid-ja");
    expect(story.pageErrors).toEqual([]);
  });

  it("expires when nobody pays it in time: the record shows expired and the link no longer pays", async () => {
    const { page, sandbox } = story;
    // This app's links last 30 minutes.
    savePluginSettings(sandbox, PRODUCTS_APP_ID, mappingFor(sandbox, { expiresAfterMinutes: 30 }));
    try {
      await createOnRecord("7");
    } finally {
      savePluginSettings(sandbox, PRODUCTS_APP_ID, mappingFor(sandbox));
    }
    const url = await shownLink();
    const sessionId = await shown(WRITE_BACK_FIELD_CODES.sessionId);
    await expect(shown(WRITE_BACK_FIELD_CODES.status)).resolves.toBe("open");
    const session = sessionOf(sandbox, sessionId);
    if (session === undefined) throw new Error(`no session ${sessionId} in the emulator`);
    const minutesLeft = (session.expires_at - sandbox.stripe.now()) / 60;
    expect(minutesLeft).toBeGreaterThanOrEqual(30);
    expect(minutesLeft).toBeLessThan(60);

    // Time passes on Stripe's side, just past the link's expiry.
    await sandbox.stripe.advanceClock(session.expires_at - sandbox.stripe.now() + 60);
    await webhooksDelivered(sandbox, ["checkout.session.expired"]);
    await openRecord("7");
    await expect(shown(WRITE_BACK_FIELD_CODES.status)).resolves.toBe("expired");
    await expect(shown(WRITE_BACK_FIELD_CODES.paymentStatus)).resolves.toBe("unpaid");
    await expect(page.locator(".kintone-stripe-checkout-detail-copy").isDisabled()).resolves.toBe(
      true,
    );
    await saveScreenshot(page, "expired-record-en");

    // The buyer who opens the link now cannot pay.
    await page.goto(url);
    await expect(page.locator('[data-testid="checkout-notice"] h2').textContent()).resolves.toBe(
      "This checkout session has expired",
    );
    await expect(page.locator("form#pay").count()).resolves.toBe(0);
    await saveScreenshot(page, "expired-checkout-page-en");
    expect(story.pageErrors).toEqual([]);
  });

  it("re-issued from the record, stops the old link from paying, and the record holds the new one", async () => {
    const { page, sandbox } = story;
    await createOnRecord("1");
    const oldUrl = await shownLink();
    const oldSessionId = await shown(WRITE_BACK_FIELD_CODES.sessionId);

    await page.locator(".kintone-stripe-checkout-detail-create").click();
    const confirm = page.locator("dialog.kintone-stripe-checkout-confirm");
    await expect(confirm.textContent()).resolves.toContain(
      "The current link will stop working. The new link charges ¥1,800.",
    );
    await saveScreenshot(page, "reissue-confirm-en");
    await Promise.all([
      page.waitForEvent("load"),
      confirm.locator(".kintone-stripe-checkout-confirm-ok").click(),
    ]);
    await waitForKintoneReady(page);

    // The old session's expiry reaches the proxy too; it must not touch the record's new link.
    await webhooksDelivered(sandbox, ["checkout.session.expired"]);
    expect(sessionOf(sandbox, oldSessionId)?.status).toBe("expired");
    await openRecord("1");
    const newUrl = await shownLink();
    const newSessionId = await shown(WRITE_BACK_FIELD_CODES.sessionId);
    expect(newUrl).toMatch(/^http/);
    expect(newUrl).not.toBe(oldUrl);
    expect(newSessionId).not.toBe(oldSessionId);
    await expect(shown(WRITE_BACK_FIELD_CODES.status)).resolves.toBe("open");
    await expect(shown(WRITE_BACK_FIELD_CODES.paymentStatus)).resolves.toBe("unpaid");
    await saveScreenshot(page, "reissue-record-new-link-en");

    // The old link: the page says it expired, and paying through it is refused.
    await page.goto(oldUrl);
    await expect(page.locator('[data-testid="checkout-notice"] h2').textContent()).resolves.toBe(
      "This checkout session has expired",
    );
    await expect(page.locator("form#pay").count()).resolves.toBe(0);
    await saveScreenshot(page, "reissue-old-link-en");
    const paidThroughOld = await page.request.post(`${oldUrl}/card`, { maxRedirects: 0 });
    expect(paidThroughOld.status()).toBe(409);
    expect(sessionOf(sandbox, oldSessionId)?.payment_intent).toBeNull();

    // The new link pays.
    await page.goto(newUrl);
    await payOnCheckoutPage(page, "card", "reissue-new-link-checkout-page-en");
    await webhooksDelivered(sandbox, ["checkout.session.completed"]);
    await openRecord("1");
    await expect(shownLink()).resolves.toBe(newUrl);
    await expect(shown(WRITE_BACK_FIELD_CODES.paymentStatus)).resolves.toBe("paid");
    expect(story.pageErrors).toEqual([]);
  });

  it("refunded in Stripe after it was paid: the record shows refunded, and a new link for it starts unpaid", async () => {
    const { page, sandbox } = story;
    await createOnRecord("6");
    const url = await shownLink();
    const sessionId = await shown(WRITE_BACK_FIELD_CODES.sessionId);
    await page.goto(url);
    await expect(page.locator('[data-testid="checkout-total"]').textContent()).resolves.toBe(
      "$79.99",
    );
    await payOnCheckoutPage(page, "card", "refund-checkout-page-en");
    await webhooksDelivered(sandbox, ["checkout.session.completed"]);
    await openRecord("6");
    await expect(shown(WRITE_BACK_FIELD_CODES.paymentStatus)).resolves.toBe("paid");

    // Someone refunds the payment in the Stripe Dashboard.
    const refund = await sandbox.stripe.refundSession(sessionId);
    expect(refund.amount).toBe(7999);
    await webhooksDelivered(sandbox, ["charge.refunded"]);
    await openRecord("6");
    await expect(shown(WRITE_BACK_FIELD_CODES.status)).resolves.toBe("complete");
    await expect(shown(WRITE_BACK_FIELD_CODES.paymentStatus)).resolves.toBe("refunded");
    await saveScreenshot(page, "refund-record-en");

    // The customer wants it after all: a new link for the record starts unpaid, with no paid date.
    await page.locator(".kintone-stripe-checkout-detail-create").click();
    const confirm = page.locator("dialog.kintone-stripe-checkout-confirm");
    await expect(confirm.textContent()).resolves.toContain(
      "This record's checkout is already complete. Create another payment link ($79.99) anyway?",
    );
    await Promise.all([
      page.waitForEvent("load"),
      confirm.locator(".kintone-stripe-checkout-confirm-ok").click(),
    ]);
    await waitForKintoneReady(page);
    await openRecord("6");
    await expect(shown(WRITE_BACK_FIELD_CODES.sessionId)).resolves.not.toBe(sessionId);
    await expect(shown(WRITE_BACK_FIELD_CODES.status)).resolves.toBe("open");
    await expect(shown(WRITE_BACK_FIELD_CODES.paymentStatus)).resolves.toBe("unpaid");
    await expect(shown(WRITE_BACK_FIELD_CODES.paidAt)).resolves.toBe("");
    await saveScreenshot(page, "refund-record-new-link-en");
    expect(story.pageErrors).toEqual([]);
  });
});
