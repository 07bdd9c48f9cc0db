/**
 * Jobs you can come back to: a user creates links for a view of 105 products (a proxy job), three
 * of which a colleague edits in the meantime. After closing the dialog and opening it again, the
 * job is still listed — from the proxy, not the page's memory — with its progress, each failed
 * record's reason, and a link that opens exactly those records in the list. Each of them shows its
 * reason in its row too, written into its error field by the job.
 */
import { PRODUCTS_APP_ID, sampleMapping, WRITE_BACK_FIELD_CODES } from "../sandbox/sampleApps";
import { savePluginSettings, type Sandbox } from "../sandbox/startSandbox";
import { saveScreenshot, waitForKintoneReady } from "./browser";
import { useSandboxStory } from "./storyKit";

const RECORD_COUNT = 105;
/** The list filter that shows exactly these records (and none of the sample products). */
const JOB_QUERY = 'product_code like "JOBS-"';

let jobIds: string[];

/** 105 JPY products on five product codes (few Stripe products to make), ¥600 each. */
function addJobRecords(sandbox: Sandbox): string[] {
  const records = Array.from({ length: RECORD_COUNT }, (_, i) => ({
    product_code: { value: `JOBS-${i % 5}` },
    product_name: { value: `定期便セット ${i % 5}` },
    description: { value: `Job item ${i + 1}` },
    unit_price: { value: "600" },
    currency: { value: "JPY" },
  }));
  return sandbox.kintone.store.addRecords(PRODUCTS_APP_ID, records).ids;
}

const story = useSandboxStory({
  configure: (sandbox) => {
    jobIds = addJobRecords(sandbox);
    savePluginSettings(
      sandbox,
      PRODUCTS_APP_ID,
      sampleMapping("products", sandbox.urls.productsList),
    );
  },
});

const listUrl = () =>
  `${story.sandbox.urls.productsList}?lang=en&query=${encodeURIComponent(JOB_QUERY)}`;

async function openDialog() {
  await waitForKintoneReady(story.page);
  await story.page.locator("#kintone-header-menu-space button").click();
  const dialog = story.page.locator("dialog.kintone-stripe-checkout-dialog");
  await dialog.locator("tr.kintone-stripe-checkout-record").first().waitFor();
  return dialog;
}

describe("Recent jobs in the list dialog", () => {
  it("lists a finished job again after the dialog is closed and reopened, with each failed record's reason and a link to them", async () => {
    story.sandbox.stripe.configure({ latencyMs: 5, rateLimitPerSecond: 1000 });
    await story.page.goto(listUrl());
    let dialog = await openDialog();
    await dialog
      .locator(".kintone-stripe-checkout-toolbar button", { hasText: "Select all" })
      .click();
    await dialog.locator(".kintone-stripe-checkout-create:enabled").waitFor({ timeout: 30000 });

    // A colleague edits three of the chosen records before Create is pressed.
    const edited = [jobIds[4]!, jobIds[50]!, jobIds[99]!];
    for (const id of edited) {
      story.sandbox.kintone.store.updateRecord(PRODUCTS_APP_ID, id, {
        description: { value: "Edited meanwhile" },
      });
    }
    await dialog.locator(".kintone-stripe-checkout-create").click();
    await story.page
      .locator("dialog.kintone-stripe-checkout-confirm .kintone-stripe-checkout-confirm-ok")
      .click();
    // The summary names the three records that failed (an error notice, as some failed).
    const summary = dialog.locator(".kintone-stripe-checkout-notice-error");
    await summary.locator(".kintone-stripe-checkout-failure").first().waitFor({ timeout: 60000 });
    await expect(summary.locator("p").first().textContent()).resolves.toBe(
      `${RECORD_COUNT - 3} payment links created.`,
    );
    await expect(summary.locator(".kintone-stripe-checkout-failure").count()).resolves.toBe(3);

    // Closing reloads the list (links were made); the dialog opened again knows nothing itself.
    await Promise.all([
      story.page.waitForEvent("load"),
      dialog.locator(".kintone-stripe-checkout-modal-close").click(),
    ]);
    dialog = await openDialog();
    const jobs = dialog.locator(".kintone-stripe-checkout-jobs");
    const job = jobs.locator(".kintone-stripe-checkout-jobs-job").first();
    await job.waitFor();
    await expect(jobs.getAttribute("open")).resolves.not.toBeNull();
    await expect(job.locator(".kintone-stripe-checkout-status-pill").textContent()).resolves.toBe(
      "Partly failed",
    );
    await expect(job.locator(".kintone-stripe-checkout-jobs-progress").textContent()).resolves.toBe(
      `${RECORD_COUNT - 3} of ${RECORD_COUNT} records done, 3 failed`,
    );
    const reasons = await job.locator(".kintone-stripe-checkout-jobs-errors li").allTextContents();
    expect(reasons).toHaveLength(3);
    for (const reason of reasons) {
      expect(reason).toMatch(/^Record \d+: No payment link made: the record was changed/);
    }

    // Each edited record's row shows its reason, read from its error field.
    for (const id of edited) {
      const note = dialog.locator(
        `tr.kintone-stripe-checkout-record[data-record-id="${id}"] .kintone-stripe-checkout-last-error`,
      );
      await expect(note.textContent()).resolves.toMatch(/record was changed after it was chosen/);
      expect(
        String(
          story.sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, id)?.[WRITE_BACK_FIELD_CODES.error]
            ?.value,
        ),
      ).toMatch(/^No payment link made: the record was changed/);
    }
    // The first edited record's row in sight, under the job that names it.
    await dialog
      .locator(`tr.kintone-stripe-checkout-record[data-record-id="${edited[2]}"]`)
      .scrollIntoViewIfNeeded();
    await saveScreenshot(story.page, "recent-jobs-en");

    // The link opens the list with exactly the failed records.
    const link = job.locator(".kintone-stripe-checkout-jobs-open-failed");
    await expect(link.textContent()).resolves.toBe("Open the 3 failed records in the list");
    await Promise.all([story.page.waitForEvent("load"), link.click()]);
    await waitForKintoneReady(story.page);
    const listed = await story.page
      .locator("tr.recordlist-row")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-record-id")));
    expect([...listed].sort()).toEqual([...edited].sort());
    expect(story.pageErrors).toEqual([]);
  });
});
