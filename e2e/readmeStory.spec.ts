/**
 * The README's story, step by step, on the sandbox as `npm start` starts it (sample apps
 * preconfigured, a fresh data folder), in English and in Japanese: the Products list and its
 * button, the dialog's preview, the confirmation, the links; the buyer pays by card on the Stripe
 * emulator's checkout page and comes back to a paid record; a konbini payment is settled on the
 * emulator's Dashboard and reaches its record; the settings screen shows how the app was set up.
 * Each step's screenshot is the README's picture of it (docs/images/<step>-<language>.png).
 */
import { PRODUCTS_APP_ID, WRITE_BACK_FIELD_CODES } from "../sandbox/sampleApps";
import { checkoutPageTexts } from "../sandbox/stripe/checkoutPageTexts";
import { dashboardTexts } from "../sandbox/stripe/dashboardTexts";
import { waitFor } from "../testkit/waitFor";
import { waitForKintoneReady } from "./browser";
import { openListDialog } from "./listDialog";
import { saveReadmeImage } from "./readmeImages";
import { useSandboxStory, type SandboxStory } from "./storyKit";

/** The records the README's story bills: 1 paid by card, 3 by konbini, 4 left waiting. */
const BY_CARD = "1";
const BY_KONBINI = "3";
const CHOSEN = [BY_CARD, BY_KONBINI, "4"];
const { url: URL_FIELD, sessionId: SESSION_FIELD, paymentStatus } = WRITE_BACK_FIELD_CODES;

type Language = "ja" | "en";

/** What the person reads on the plug-in's screens (the stories name texts, never import them). */
const TEXTS = {
  en: {
    listButtonLabel: "Stripe Checkout",
    createLinksButton: (count: number) => `Create ${count} payment links`,
    confirmCreateTitle: "Create payment links?",
    confirmCreateKindsNew: (count: number) => `${count} records get a new payment link.`,
    selectAll: "Select all",
    selectedCount: (count: number) => `${count} selected`,
    billedPaid: "Paid",
  },
  ja: {
    listButtonLabel: "Stripe Checkout",
    createLinksButton: (count: number) => `決済リンクを作成 (${count} 件)`,
    confirmCreateTitle: "決済リンクを作成しますか?",
    confirmCreateKindsNew: (count: number) =>
      `${count} 件のレコードに新しい決済リンクを作成します。`,
    selectAll: "すべて選択",
    selectedCount: (count: number) => `${count} 件を選択中`,
    billedPaid: "支払い済み",
  },
} as const;

function tellTheStory(language: Language, story: SandboxStory): void {
  const texts = TEXTS[language];
  const image = (step: string) => saveReadmeImage(story.page, `${step}-${language}`);
  const field = (recordId: string, code: string) =>
    story.sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, recordId)?.[code]?.value;
  const recordUrl = (recordId: string) =>
    `${story.sandbox.kintone.url}/k/${PRODUCTS_APP_ID}/show#record=${recordId}`;

  /** The record screen as the person sees it: its payment status field once it reads `expected`. */
  async function seeRecordPaymentStatus(recordId: string, expected: string): Promise<void> {
    await waitFor(() => field(recordId, paymentStatus) === expected, {
      message: () => `record ${recordId} is ${String(field(recordId, paymentStatus))}`,
    });
    const shown = story.page.locator(`[data-field="${paymentStatus}"]`);
    // The record screen reloads itself when Stripe's confirmation lands; open it again otherwise.
    const showsIt = async () =>
      new RegExp(`\\b${expected}\\b`).test((await shown.textContent()) ?? "");
    if (!(await showsIt())) {
      await story.page.goto(recordUrl(recordId));
      await waitForKintoneReady(story.page);
    }
    await waitFor(showsIt, { message: `the record screen never showed ${expected}` });
  }

  it("makes payment links from the list with no settings step", async () => {
    const { page, sandbox } = story;
    expect(sandbox.restored).toBe(false);
    await page.goto(`${sandbox.urls.productsList}?lang=${language}`);
    await waitForKintoneReady(page);
    const button = page.locator("#kintone-header-menu-space button");
    await expect(button.textContent()).resolves.toContain(texts.listButtonLabel);
    await image("list");

    await button.click();
    const dialog = page.locator("dialog.kintone-stripe-checkout-dialog");
    const row = (id: string) =>
      dialog.locator(`tr.kintone-stripe-checkout-record[data-record-id="${id}"]`);
    await row(BY_CARD).waitFor();
    for (const id of CHOSEN) await row(id).locator("input").check();
    await dialog.locator(".kintone-stripe-checkout-preview-grand-total").waitFor();
    await expect(dialog.locator(".kintone-stripe-checkout-create").textContent()).resolves.toBe(
      texts.createLinksButton(CHOSEN.length),
    );
    await image("list-dialog-preview");

    await dialog.locator(".kintone-stripe-checkout-create").click();
    const confirm = page.locator("dialog.kintone-stripe-checkout-confirm");
    await expect(confirm.textContent()).resolves.toContain(texts.confirmCreateTitle);
    await expect(confirm.textContent()).resolves.toContain(
      texts.confirmCreateKindsNew(CHOSEN.length),
    );
    await image("list-dialog-confirm");

    await confirm.locator(".kintone-stripe-checkout-confirm-ok").click();
    const links = dialog.locator(".kintone-stripe-checkout-link-url");
    await links.first().waitFor();
    await expect(links.count()).resolves.toBe(CHOSEN.length);
    for (const id of CHOSEN) expect(field(id, URL_FIELD)).toMatch(/^http:\/\/localhost:\d+\//);
    await image("list-dialog-created");
    expect(story.pageErrors).toEqual([]);
  });

  it("takes the buyer from the link through the checkout page back to a paid record", async () => {
    const { page } = story;
    const checkout = checkoutPageTexts(language);
    await page.goto(String(field(BY_CARD, URL_FIELD)));
    const pay = page.locator("form#pay button.primary");
    await expect(pay.textContent()).resolves.toContain(checkout.payWithCard);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe(checkout.htmlLang);
    await image("checkout-page");

    await Promise.all([page.waitForURL(/\/show/), pay.click()]);
    await waitForKintoneReady(page);
    expect(page.url()).toContain(`record=${BY_CARD}`);
    await seeRecordPaymentStatus(BY_CARD, "paid");
    await page.locator("#kintone-stripe-checkout-detail-buttons").waitFor();
    await image("detail-paid");
    expect(story.pageErrors).toEqual([]);
  });

  it("settles a konbini payment on the emulator's Dashboard, and the record shows it paid", async () => {
    const { page, sandbox } = story;
    const dashboard = dashboardTexts(language);
    await page.goto(String(field(BY_KONBINI, URL_FIELD)));
    await Promise.all([
      page.waitForURL(/\/show/),
      page.locator('form#pay button[formaction$="/konbini"]').click(),
    ]);
    await waitForKintoneReady(page);
    await waitFor(() => field(BY_KONBINI, paymentStatus) === "unpaid", {
      message: "the konbini order never reached the record",
    });

    await page.goto(`${sandbox.stripe.url}/dashboard?lang=${language}`);
    const session = page.locator(
      `tr[data-session-id="${String(field(BY_KONBINI, SESSION_FIELD))}"]`,
    );
    const settle = session.locator("button", { hasText: dashboard.konbiniPaid });
    await settle.waitFor();
    await image("dashboard");

    await Promise.all([page.waitForURL(/\/dashboard\?.*done=/), settle.click()]);
    await expect(page.locator('[data-testid="dashboard-notice"]').textContent()).resolves.toContain(
      dashboard.settledPaid(String(field(BY_KONBINI, SESSION_FIELD))).split(" (")[0],
    );
    await page.goto(recordUrl(BY_KONBINI));
    await waitForKintoneReady(page);
    await seeRecordPaymentStatus(BY_KONBINI, "paid");
    expect(story.pageErrors).toEqual([]);
  });

  it("never offers the paid records for a new link when all are selected", async () => {
    const { page, sandbox } = story;
    const dialog = await openListDialog(page, sandbox.urls.productsList, language);
    const row = (id: string) =>
      dialog.locator(`tr.kintone-stripe-checkout-record[data-record-id="${id}"]`);
    await dialog
      .locator(".kintone-stripe-checkout-toolbar button", { hasText: texts.selectAll })
      .click();
    for (const id of [BY_CARD, BY_KONBINI]) {
      await expect(row(id).locator("input").isDisabled()).resolves.toBe(true);
      await expect(row(id).locator("input").isChecked()).resolves.toBe(false);
      await expect(
        row(id).locator(".kintone-stripe-checkout-billed-badge").textContent(),
      ).resolves.toBe(texts.billedPaid);
    }
    const records = await dialog.locator("tr.kintone-stripe-checkout-record").count();
    await expect(
      dialog.locator(".kintone-stripe-checkout-selected-count").textContent(),
    ).resolves.toBe(texts.selectedCount(records - 2));
    await dialog.locator(".kintone-stripe-checkout-preview-grand-total").waitFor();
    await expect(dialog.locator(".kintone-stripe-checkout-create").textContent()).resolves.toBe(
      texts.createLinksButton(records - 2),
    );
    await row(BY_CARD).scrollIntoViewIfNeeded();
    await image("list-dialog-paid");
    expect(story.pageErrors).toEqual([]);
  });

  it("shows the administrator the preconfigured settings and a passing connection test", async () => {
    const { page, sandbox } = story;
    await page.goto(sandbox.urls.pluginSettings(PRODUCTS_APP_ID));
    await waitForKintoneReady(page);
    await page.waitForSelector(".ksc-settings[data-fields-loaded]", { timeout: 15000 });
    for (const [control, name] of [
      ["source.type", "settings-mapping"],
      ["writeBack.url", "settings-write-back"],
    ] as const) {
      await page
        .locator(`[data-control="${control}"]`)
        .evaluate((element) => element.scrollIntoView({ block: "start" }));
      await image(name);
    }
    await page.evaluate("window.scrollTo(0, 0)");
    // The secret is stored already: the test runs with it, nothing typed.
    await expect(page.locator("#ksc-settings-proxy-secret").inputValue()).resolves.toBe("");
    await page.locator('[data-control="testConnection"] button').click();
    const result = page.locator(".ksc-settings-test-result:not([hidden])");
    await result.waitFor({ timeout: 15000 });
    await result.scrollIntoViewIfNeeded();
    await image("settings-test-connection");
    expect(story.pageErrors).toEqual([]);
  });
}

describe.each(["en", "ja"] as const)("the README's story (%s)", (language) => {
  const story = useSandboxStory({
    likeNpmStart: true,
    page: { viewport: { width: 1280, height: 800 }, locale: language === "ja" ? "ja-JP" : "en-US" },
  });
  tellTheStory(language, story);
});
