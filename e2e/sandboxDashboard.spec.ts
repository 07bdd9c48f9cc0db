/**
 * The sandbox tells every story from its pages, and remembers: on a fresh, preconfigured sandbox
 * (as `npm start` starts it) the first payment link takes no settings step; a konbini payment is
 * settled, a payment partly refunded and a dispute lost from the Stripe emulator's Dashboard, and
 * each reaches the record through Stripe's webhooks; a restarted sandbox keeps its settings and
 * records.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import type { Browser } from "playwright-core";
import { PRODUCTS_APP_ID, WRITE_BACK_FIELD_CODES } from "../sandbox/sampleApps";
import { startSandbox, type Sandbox } from "../sandbox/startSandbox";
import { waitFor } from "../testkit/waitFor";
import { launchChromium, saveScreenshot, waitForKintoneReady } from "./browser";
import { ensurePluginBuilt } from "./ensurePluginBuilt";
import { useStoryPages } from "./storyKit";

let dataDir: string;
let sandbox: Sandbox | undefined;
let browser: Browser | undefined;

function startRemembering(): Promise<Sandbox> {
  return startSandbox({
    ports: { kintone: 0, stripe: 0, proxy: 0 },
    proxyLogger: pino({ level: "silent" }),
    dataDir,
    preconfigure: true,
  });
}

beforeAll(async () => {
  ensurePluginBuilt();
  dataDir = mkdtempSync(path.join(tmpdir(), "sandbox-dashboard-story-"));
  sandbox = await startRemembering();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const pages = useStoryPages(() => browser!);

function running(): Sandbox {
  if (sandbox === undefined) throw new Error("the sandbox is not running");
  return sandbox;
}

const field = (recordId: string, code: string) =>
  running().kintone.store.getRecord(PRODUCTS_APP_ID, recordId)?.[code]?.value;

async function waitForField(recordId: string, code: string, expected: string): Promise<void> {
  await waitFor(() => field(recordId, code) === expected, {
    message: () =>
      `record ${recordId}: ${code} is ${String(field(recordId, code))}, not ${expected}`,
  });
}

async function openRecord(recordId: string): Promise<void> {
  const url = `${running().kintone.url}/k/${PRODUCTS_APP_ID}/show?lang=en#record=${recordId}`;
  await pages.page.goto(url);
  await waitForKintoneReady(pages.page);
}

/** The record screen's Create, then the confirmation's OK: the plug-in's two clicks. */
async function createLink(recordId: string): Promise<{ url: string; sessionId: string }> {
  await openRecord(recordId);
  await pages.page.locator(".kintone-stripe-checkout-detail-create").click();
  await Promise.all([
    pages.page.waitForEvent("load"),
    pages.page
      .locator("dialog.kintone-stripe-checkout-confirm .kintone-stripe-checkout-confirm-ok")
      .click(),
  ]);
  await waitForKintoneReady(pages.page);
  const url = String(field(recordId, WRITE_BACK_FIELD_CODES.url));
  const sessionId = String(field(recordId, WRITE_BACK_FIELD_CODES.sessionId));
  expect(url).toMatch(/^http:\/\/localhost:\d+\/c\/pay\//);
  return { url, sessionId };
}

/** Pays on the emulator's checkout page; Checkout then sends the buyer back to the record. */
async function pay(url: string, method: "card" | "konbini", recordId: string): Promise<void> {
  await pages.page.goto(url);
  const button =
    method === "card"
      ? pages.page.locator("form#pay button.primary")
      : pages.page.locator('form#pay button[formaction$="/konbini"]');
  await Promise.all([pages.page.waitForURL(/\/show/), button.click()]);
  await waitForKintoneReady(pages.page);
  expect(pages.page.url()).toContain(`record=${recordId}`);
}

async function openDashboard(language: "ja" | "en" = "en"): Promise<void> {
  await pages.page.goto(`${running().stripe.url}/dashboard?lang=${language}`);
  await pages.page.waitForSelector("h1");
}

/** Presses a Dashboard button on the session's row and waits for the page to say it was done. */
async function dashboardAction(sessionId: string, button: string, amount?: string) {
  const row = pages.page.locator(`tr[data-session-id="${sessionId}"]`);
  if (amount !== undefined) await row.locator('input[name="amount"]').fill(amount);
  await Promise.all([
    pages.page.waitForURL(/\/dashboard\?.*done=/),
    row.locator("button", { hasText: button }).click(),
  ]);
  await expect(pages.page.locator('[data-testid="dashboard-notice"]').count()).resolves.toBe(1);
}

describe("the sandbox's Stripe Dashboard and memory", () => {
  it("makes the first link from a fresh sandbox with no settings step", async () => {
    expect(running().restored).toBe(false);
    // The settings screen shows the saved mapping as if it had been chosen there.
    await pages.page.goto(`${running().urls.pluginSettings(PRODUCTS_APP_ID)}&lang=en`);
    await waitForKintoneReady(pages.page);
    await waitFor(async () => {
      const values = await pages.page
        .locator("#plugin-config-root input")
        .evaluateAll((inputs) =>
          inputs.map((input) => (input as unknown as { value: string }).value),
        );
      return values.some((value) => value.includes("/k/1/checkout-return?session_id="));
    });
    await saveScreenshot(pages.page, "sandbox-preconfigured-settings");

    const { url } = await createLink("1");
    expect(field("1", WRITE_BACK_FIELD_CODES.status)).toBe("open");
    await pages.page.goto(url);
    await expect(pages.page.locator("form#pay button.primary").count()).resolves.toBe(1);
    await saveScreenshot(pages.page, "sandbox-first-link-checkout");
    expect(pages.pageErrors).toEqual([]);
  });

  it("turns the record paid when a konbini payment is settled from the Dashboard", async () => {
    const { url, sessionId } = await createLink("3");
    // The buyer's browser speaks Japanese: so does the checkout page (locale auto or none).
    await pages.page.setExtraHTTPHeaders({ "Accept-Language": "ja-JP,ja;q=0.9" });
    await pages.page.goto(url);
    await expect(pages.page.locator("html").getAttribute("lang")).resolves.toBe("ja");
    await expect(
      pages.page.locator('[data-testid="checkout-expires"]').textContent(),
    ).resolves.toMatch(/有効期限 \d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/);
    await saveScreenshot(pages.page, "sandbox-checkout-ja");
    await pay(url, "konbini", "3");
    await waitForField("3", WRITE_BACK_FIELD_CODES.status, "complete");
    await waitForField("3", WRITE_BACK_FIELD_CODES.paymentStatus, "unpaid");

    await openDashboard("ja");
    await saveScreenshot(pages.page, "sandbox-dashboard-konbini-waiting-ja");
    await dashboardAction(sessionId, "コンビニ入金済み");
    await expect(
      pages.page.locator('[data-testid="dashboard-notice"]').textContent(),
    ).resolves.toContain("入金されました");
    await waitForField("3", WRITE_BACK_FIELD_CODES.paymentStatus, "paid");
    await saveScreenshot(pages.page, "sandbox-dashboard-konbini-paid");

    await openRecord("3");
    await expect(
      pages.page.locator(`[data-field="${WRITE_BACK_FIELD_CODES.paymentStatus}"]`).textContent(),
    ).resolves.toContain("paid");
    expect(pages.pageErrors).toEqual([]);
  });

  it("brings a partial refund and a lost dispute made on the Dashboard to the record", async () => {
    const { url, sessionId } = await createLink("4"); // 抹茶はじめてセット, ¥4,500
    await pay(url, "card", "4");
    await waitForField("4", WRITE_BACK_FIELD_CODES.paymentStatus, "paid");

    await openDashboard();
    await dashboardAction(sessionId, "Refund", "1,500");
    await waitForField("4", WRITE_BACK_FIELD_CODES.paymentStatus, "partially_refunded");
    await waitForField("4", WRITE_BACK_FIELD_CODES.amountRefunded, "1500");

    await dashboardAction(sessionId, "Open dispute");
    await waitForField("4", WRITE_BACK_FIELD_CODES.paymentStatus, "disputed");
    await dashboardAction(sessionId, "Lose dispute");
    await waitForField("4", WRITE_BACK_FIELD_CODES.paymentStatus, "dispute_lost");
    await saveScreenshot(pages.page, "sandbox-dashboard-refund-dispute");

    await openRecord("4");
    await saveScreenshot(pages.page, "sandbox-record-dispute-lost");
    expect(pages.pageErrors).toEqual([]);
  });

  it("keeps its settings and records when restarted", async () => {
    const before = running().kintone.store.getRecord(PRODUCTS_APP_ID, "4");
    const stripeBefore = running().stripe.url;
    const settingsBefore = running().pluginSettings.getConfig(PRODUCTS_APP_ID, running().pluginId);
    await running().close();
    sandbox = undefined;
    sandbox = await startRemembering();

    expect(running().restored).toBe(true);
    // The same record, its link moved to where the Stripe emulator listens now.
    const linkMoved = JSON.parse(
      JSON.stringify(before).replaceAll(stripeBefore, running().stripe.url),
    ) as typeof before;
    expect(running().kintone.store.getRecord(PRODUCTS_APP_ID, "4")).toEqual(linkMoved);
    const settingsAfter = running().pluginSettings.getConfig(PRODUCTS_APP_ID, running().pluginId);
    expect(JSON.parse(settingsAfter.mapping ?? "{}")).toEqual(
      JSON.parse(
        (settingsBefore.mapping ?? "{}").replace(/http:\/\/localhost:\d+/g, running().kintone.url),
      ),
    );
    expect(settingsAfter.proxyUrl).toBe(`${running().urls.proxy}/`);

    await openRecord("4");
    await expect(
      pages.page.locator(`[data-field="${WRITE_BACK_FIELD_CODES.paymentStatus}"]`).textContent(),
    ).resolves.toContain("dispute_lost");
    // The plug-in still works without a settings step: a new link from the restarted sandbox.
    const { url } = await createLink("5");
    expect(url).toContain(running().stripe.url);
    await openDashboard();
    await expect(pages.page.locator('tr[data-testid="dashboard-session"]').count()).resolves.toBe(
      4,
    );
    await saveScreenshot(pages.page, "sandbox-dashboard-after-restart");
    expect(pages.pageErrors).toEqual([]);
  });
});
