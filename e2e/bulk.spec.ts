/**
 * The bulk story: a kintone user opens a view of 250 products, checks them all and creates one
 * payment link per record. Over 100 records the plugin hands the work to a proxy job and shows
 * its progress; at the end every record holds its own link.
 */
import { PRODUCTS_APP_ID, sampleMapping, WRITE_BACK_FIELD_CODES } from "../sandbox/sampleApps";
import { savePluginSettings, type Sandbox } from "../sandbox/startSandbox";
import { saveScreenshot, waitForKintoneReady } from "./browser";
import { useSandboxStory } from "./storyKit";

const RECORD_COUNT = 250;
/** The list filter that shows exactly the bulk records (and none of the 12 sample products). */
const BULK_QUERY = 'product_code like "BULK-"';

let bulkIds: string[];

/** 250 JPY products, BULK-001 … BULK-250, with prices from ¥500 up. */
function addBulkRecords(sandbox: Sandbox): string[] {
  const records = Array.from({ length: RECORD_COUNT }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    return {
      product_code: { value: `BULK-${n}` },
      product_name: { value: `まとめ買いセット ${n}` },
      description: { value: `Bulk item ${n}` },
      unit_price: { value: String(500 + (i % 50) * 10) },
      currency: { value: "JPY" },
    };
  });
  return sandbox.kintone.store.addRecords(PRODUCTS_APP_ID, records).ids;
}

const story = useSandboxStory({
  configure: (sandbox) => {
    bulkIds = addBulkRecords(sandbox);
    savePluginSettings(
      sandbox,
      PRODUCTS_APP_ID,
      sampleMapping("products", sandbox.urls.productsList),
    );
  },
});

function writtenBack(id: string, field: string): string {
  const value = story.sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, id)?.[field]?.value;
  return typeof value === "string" ? value : "";
}

describe("Bulk checkouts from the record list", () => {
  it("creates one link per record for a view of 250 records, with a progress bar, and writes every link back", async () => {
    expect(story.sandbox.kintone.store.queryAllRecordIds(PRODUCTS_APP_ID, BULK_QUERY)).toHaveLength(
      RECORD_COUNT,
    );
    // The emulator answers like Stripe, a little late and never rate-limited; the job's pace is the
    // proxy's own (25 Stripe requests/s with a test key, 4 per record with a new product): ~40 s.
    story.sandbox.stripe.configure({ latencyMs: 20, rateLimitPerSecond: 1000 });

    await story.page.goto(
      `${story.sandbox.urls.productsList}?lang=en&query=${encodeURIComponent(BULK_QUERY)}`,
    );
    await waitForKintoneReady(story.page);
    await story.page.locator("#kintone-header-menu-space button").click();
    const dialog = story.page.locator("dialog.kintone-stripe-checkout-dialog");
    await dialog.locator("tr.kintone-stripe-checkout-record").first().waitFor();
    await expect(dialog.locator("tr.kintone-stripe-checkout-record").count()).resolves.toBe(
      RECORD_COUNT,
    );
    await expect(dialog.locator(".kintone-stripe-checkout-status").textContent()).resolves.toBe(
      `${RECORD_COUNT} records in this view`,
    );

    await dialog
      .locator(".kintone-stripe-checkout-toolbar button", { hasText: "Select all" })
      .click();
    // The dry run covers all 250 (three proxy calls of up to 100) before Create is offered.
    const create = dialog.locator(".kintone-stripe-checkout-create");
    await dialog.locator(".kintone-stripe-checkout-create:enabled").waitFor({ timeout: 30000 });
    await expect(
      dialog.locator(".kintone-stripe-checkout-preview-grand-total").textContent(),
    ).resolves.toBe("Payment links: 250 · Total: ¥186,250");
    await expect(create.textContent()).resolves.toContain(String(RECORD_COUNT));
    expect(story.sandbox.stripe.state.sessions).toHaveLength(0);

    await create.click();
    const confirm = story.page.locator("dialog.kintone-stripe-checkout-confirm");
    await expect(confirm.textContent()).resolves.toContain(String(RECORD_COUNT));
    await confirm.locator(".kintone-stripe-checkout-confirm-ok").click();

    // The progress bar, sampled until the summary replaces it: seen part-way, then advancing.
    await dialog.locator(".kintone-stripe-checkout-progress progress").waitFor();
    const progress = dialog.locator(".kintone-stripe-checkout-progress");
    // Read at once (no waiting for an element): the summary replaces the bar when the job ends.
    const readProgress = async () => {
      const finished =
        (await dialog.locator(".kintone-stripe-checkout-notice-success").count()) > 0;
      const [bar] = await progress.locator("progress").evaluateAll((nodes) =>
        nodes.map((n) => ({
          value: Number(n.getAttribute("value")),
          max: Number(n.getAttribute("max")),
        })),
      );
      const text = (await progress.allTextContents()).join("");
      return { finished, bar: bar ?? null, text };
    };
    const seen: Array<{ value: number; max: number }> = [];
    let partWayText: string | undefined;
    const deadline = Date.now() + 90000;
    for (;;) {
      const { finished, bar, text } = await readProgress();
      if (finished) break;
      if (Date.now() > deadline) throw new Error(`the job did not finish; progress ${text}`);
      if (bar !== null && seen.at(-1)?.value !== bar.value) seen.push(bar);
      if (partWayText === undefined && bar !== null && bar.value > 0 && bar.value < RECORD_COUNT) {
        partWayText = text;
        await saveScreenshot(story.page, "bulk-progress-en");
      }
      await story.page.waitForTimeout(100);
    }
    expect(partWayText).toMatch(/^\d+ of 250 records$/);
    const partWay = seen.filter((s) => s.value > 0 && s.value < RECORD_COUNT);
    expect(partWay.length).toBeGreaterThanOrEqual(1);
    expect(seen.every((s) => s.max === RECORD_COUNT)).toBe(true);
    const values = seen.map((s) => s.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));

    // The summary: 250 links, no failure.
    const summary = dialog.locator(".kintone-stripe-checkout-notice-success");
    await expect(summary.locator("p").first().textContent()).resolves.toBe(
      `${RECORD_COUNT} payment links created.`,
    );
    await expect(dialog.locator(".kintone-stripe-checkout-failure").count()).resolves.toBe(0);
    await expect(
      dialog.locator(".kintone-stripe-checkout-notice").textContent(),
    ).resolves.not.toMatch(/failed/i);
    await saveScreenshot(story.page, "bulk-summary-en");

    // Every record has its own session and link, written back by the job.
    const sessions = story.sandbox.stripe.state.sessions;
    expect(sessions).toHaveLength(RECORD_COUNT);
    expect(sessions.every((s) => s.status === "open")).toBe(true);
    const bySessionId = new Map(sessions.map((s) => [s.id, s]));
    const urls = bulkIds.map((id) => writtenBack(id, WRITE_BACK_FIELD_CODES.url));
    const sessionIds = bulkIds.map((id) => writtenBack(id, WRITE_BACK_FIELD_CODES.sessionId));
    expect(urls.filter((u) => u === "")).toEqual([]);
    expect(new Set(urls).size).toBe(RECORD_COUNT);
    expect(new Set(sessionIds).size).toBe(RECORD_COUNT);
    bulkIds.forEach((id, i) => {
      const session = bySessionId.get(sessionIds[i] ?? "");
      expect(session?.url).toBe(urls[i]);
      // Stripe's own record of whom the session charges: this record alone.
      expect(session?.metadata).toMatchObject({
        kintone_app_id: PRODUCTS_APP_ID,
        kintone_record_ids: id,
      });
      expect(writtenBack(id, WRITE_BACK_FIELD_CODES.status)).toBe("open");
    });
    // The sample products outside the view were not touched.
    for (const id of ["1", "2", "12"]) {
      expect(writtenBack(id, WRITE_BACK_FIELD_CODES.url)).toBe("");
    }
    expect(story.pageErrors).toEqual([]);
  });
});
