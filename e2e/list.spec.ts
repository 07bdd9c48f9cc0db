/**
 * The list story: a kintone user checks three products, sees what will be charged, and creates
 * ONE payment link for the three; the link lands in all three records.
 */
import type { Page } from "playwright-core";
import { PRODUCTS_APP_ID, sampleMapping, WRITE_BACK_FIELD_CODES } from "../sandbox/sampleApps";
import { savePluginSettings } from "../sandbox/startSandbox";
import { saveScreenshot, waitForKintoneReady } from "./browser";
import { openListDialog } from "./listDialog";
import { useSandboxStory } from "./storyKit";

const story = useSandboxStory({
  configure: (sandbox) =>
    savePluginSettings(sandbox, PRODUCTS_APP_ID, {
      ...sampleMapping("products", sandbox.urls.productsList),
      grouping: "single",
    }),
});

const openDialog = (language: "ja" | "en") =>
  openListDialog(story.page, story.sandbox.urls.productsList, language);

async function checkRecords(dialog: ReturnType<Page["locator"]>, ids: string[]) {
  for (const id of ids) {
    await dialog.locator(`tr.kintone-stripe-checkout-record[data-record-id="${id}"] input`).check();
  }
  await dialog.locator(".kintone-stripe-checkout-session").first().waitFor();
}

describe("the record list's Stripe Checkout dialog", () => {
  it.each(["ja", "en"] as const)(
    "previews the checked records with their total before anything is charged (%s)",
    async (language) => {
      const dialog = await openDialog(language);
      await checkRecords(dialog, ["1", "3", "4"]);

      const total = await dialog
        .locator(".kintone-stripe-checkout-preview-grand-total")
        .textContent();
      expect(total).toMatch(/[¥￥]7,180/);
      await expect(dialog.locator(".kintone-stripe-checkout-line").count()).resolves.toBe(3);
      await expect(dialog.locator(".kintone-stripe-checkout-create").isEnabled()).resolves.toBe(
        true,
      );
      await saveScreenshot(story.page, `list-dialog-preview-${language}`);
      expect(story.pageErrors).toEqual([]);
    },
  );

  it("shows the problem next to a record that cannot be combined, and blocks Create", async () => {
    const dialog = await openDialog("en");
    // Record 2 is priced in USD: one link cannot mix currencies.
    await checkRecords(dialog, ["1", "2"]);
    const issue = dialog.locator(".kintone-stripe-checkout-issue").first();
    await issue.waitFor();
    await issue.scrollIntoViewIfNeeded();
    // The problem sits under the record it is about.
    await expect(
      dialog.locator('tr.kintone-stripe-checkout-issue-row[data-record-id="1"]').textContent(),
    ).resolves.toMatch(/currenc/i);
    await expect(dialog.locator(".kintone-stripe-checkout-create").isEnabled()).resolves.toBe(
      false,
    );
    await saveScreenshot(story.page, "list-dialog-issue-en");
    expect(story.pageErrors).toEqual([]);
  });

  it("refuses to charge a record another user changed since it was shown, and says to reload", async () => {
    const dialog = await openDialog("ja");
    await checkRecords(dialog, ["10", "12"]);
    // Someone edits record 12's price after the user saw it.
    story.sandbox.kintone.store.updateRecords(PRODUCTS_APP_ID, [
      { id: "12", record: { unit_price: { value: "2480" } } },
    ]);
    await dialog.locator(".kintone-stripe-checkout-create").click();
    await story.page
      .locator("dialog.kintone-stripe-checkout-confirm .kintone-stripe-checkout-confirm-ok")
      .click();
    const notice = dialog.locator(".kintone-stripe-checkout-notice-error");
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain(
      "他のユーザーがレコードを変更しました。画面を再読み込みしてください。請求は行われていません。",
    );
    await expect(dialog.locator(".kintone-stripe-checkout-create").isEnabled()).resolves.toBe(
      false,
    );
    await saveScreenshot(story.page, "list-dialog-record-changed-ja");
    for (const id of ["10", "12"]) {
      expect(
        story.sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, id)?.[WRITE_BACK_FIELD_CODES.url]
          ?.value,
      ).toBe("");
    }
    // The proxy's 409 is an expected answer here, not a page error.
    expect(story.pageErrors.filter((e) => !e.startsWith("409 "))).toEqual([]);
  });

  it("creates ONE checkout for three records after a confirmation, and the link lands in all three", async () => {
    const dialog = await openDialog("en");
    await checkRecords(dialog, ["1", "3", "4"]);
    await dialog.locator(".kintone-stripe-checkout-create").click();

    const confirm = story.page.locator("dialog.kintone-stripe-checkout-confirm");
    await expect(confirm.textContent()).resolves.toContain("¥7,180");
    await saveScreenshot(story.page, "list-dialog-confirm-en");
    await confirm.locator(".kintone-stripe-checkout-confirm-ok").click();

    const link = dialog.locator(".kintone-stripe-checkout-link-url");
    await link.waitFor();
    await expect(link.count()).resolves.toBe(1);
    const url = await link.inputValue();
    expect(url).toMatch(/^http/);
    await saveScreenshot(story.page, "list-dialog-created-en");

    // The copy notice takes its own slot: the link's box keeps its width.
    const widthBefore = (await link.boundingBox())?.width;
    await dialog.locator(".kintone-stripe-checkout-link .kintone-stripe-checkout-button").click();
    const feedback = dialog.locator(".kintone-stripe-checkout-copy-feedback");
    await story.page.waitForFunction(
      (node) => (node?.textContent ?? "") !== "",
      await feedback.elementHandle(),
    );
    await expect(link.boundingBox().then((box) => box?.width)).resolves.toBe(widthBefore);
    await saveScreenshot(story.page, "list-dialog-copied-en");

    const urls = ["1", "3", "4"].map(
      (id) =>
        story.sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, id)?.[WRITE_BACK_FIELD_CODES.url]
          ?.value,
    );
    expect(urls).toEqual([url, url, url]);
    expect(
      story.sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, "2")?.[WRITE_BACK_FIELD_CODES.url]
        ?.value,
    ).toBe("");

    await dialog.locator(".kintone-stripe-checkout-reload").click();
    await waitForKintoneReady(story.page);
    expect(story.pageErrors).toEqual([]);
  });
});
