/**
 * The pictures of the README and docs/: starts the sandbox on free ports, drives Chromium through
 * the settings screen, the list dialog, the emulator's checkout page and the record's detail
 * screen, in Japanese and English, and saves PNGs (< 150 KB each) to docs/images/.
 *
 *   npx tsx scripts/docsScreenshots.ts
 *
 * Builds the plugin first when dist/plugin/ is missing (as the browser stories do).
 */
import fs from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import sharp from "sharp";
import type { Browser, Page } from "playwright-core";
import { launchChromium, waitForKintoneReady } from "../e2e/browser";
import { ensurePluginBuilt } from "../e2e/ensurePluginBuilt";
import { PRODUCTS_APP_ID, sampleMapping } from "../sandbox/sampleApps";
import {
  REPO_ROOT,
  SANDBOX_SECRETS,
  savePluginSettings,
  startSandbox,
} from "../sandbox/startSandbox";

export const IMAGES_DIR = path.join(REPO_ROOT, "docs", "images");
export const MAX_IMAGE_BYTES = 150 * 1024;
type Language = "ja" | "en";

/** A screenshot, shrunk to a palette PNG under MAX_IMAGE_BYTES. */
async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  const raw = await page.screenshot({ fullPage: options.fullPage ?? false });
  let width = 1200;
  for (;;) {
    const png = await sharp(raw)
      .resize({ width, withoutEnlargement: true })
      .png({ palette: true, colours: 128, compressionLevel: 9, effort: 10 })
      .toBuffer();
    if (png.byteLength <= MAX_IMAGE_BYTES || width <= 600) {
      const file = path.join(IMAGES_DIR, `${name}.png`);
      await fs.writeFile(file, png);
      console.log(`${path.relative(REPO_ROOT, file)}  ${Math.round(png.byteLength / 1024)} KB`);
      return;
    }
    width -= 100;
  }
}

async function tell(language: Language, browser: Browser): Promise<void> {
  const sandbox = await startSandbox({
    ports: { kintone: 0, stripe: 0, proxy: 0 },
    proxyLogger: pino({ level: "silent" }),
  });
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
    locale: language === "ja" ? "ja-JP" : "en-US",
  });
  try {
    savePluginSettings(sandbox, PRODUCTS_APP_ID, {
      ...sampleMapping("products", sandbox.urls.productsList),
      grouping: "single",
    });

    // 1. The settings screen, after "Test connection".
    await page.goto(`${sandbox.urls.pluginSettings(PRODUCTS_APP_ID)}&lang=${language}`);
    await waitForKintoneReady(page);
    await page.waitForSelector(".ksc-settings[data-fields-loaded]", { timeout: 15000 });
    for (const [control, name] of [
      ["source.type", "settings-mapping"],
      ["writeBack.url", "settings-write-back"],
    ] as const) {
      await page
        .locator(`[data-control="${control}"]`)
        .evaluate((element) => element.scrollIntoView({ block: "start" }));
      await shoot(page, `${name}-${language}`);
    }
    await page.evaluate("window.scrollTo(0, 0)");
    await page.locator("#ksc-settings-proxy-secret").fill(SANDBOX_SECRETS.proxySecret);
    await page.locator('[data-control="testConnection"] button').click();
    const result = page.locator(".ksc-settings-test-result:not([hidden])");
    await result.waitFor({ timeout: 15000 });
    await result.scrollIntoViewIfNeeded();
    await shoot(page, `settings-test-connection-${language}`);

    // 2. The list: the button, the dialog with a preview, the confirmation, the created link.
    await page.goto(`${sandbox.urls.productsList}?lang=${language}`);
    await waitForKintoneReady(page);
    await shoot(page, `list-${language}`);
    await page.locator("#kintone-header-menu-space button").click();
    const dialog = page.locator("dialog.kintone-stripe-checkout-dialog");
    await dialog.locator("tr.kintone-stripe-checkout-record").first().waitFor();
    for (const id of ["1", "3", "4"]) {
      await dialog
        .locator(`tr.kintone-stripe-checkout-record[data-record-id="${id}"] input`)
        .check();
    }
    await dialog.locator(".kintone-stripe-checkout-preview-grand-total").waitFor();
    await shoot(page, `list-dialog-preview-${language}`);
    await dialog.locator(".kintone-stripe-checkout-create").click();
    const confirm = page.locator("dialog.kintone-stripe-checkout-confirm");
    await confirm.waitFor();
    await shoot(page, `list-dialog-confirm-${language}`);
    await confirm.locator(".kintone-stripe-checkout-confirm-ok").click();
    const link = dialog.locator(".kintone-stripe-checkout-link-url");
    await link.waitFor();
    await shoot(page, `list-dialog-created-${language}`);
    const url = await link.inputValue();

    // 3. The Stripe emulator's checkout page (Stripe's own page in production); pay by card.
    await page.goto(url);
    await page.locator("#pay").waitFor();
    await shoot(page, `checkout-page-${language}`);
    await Promise.all([page.waitForEvent("load"), page.locator("#pay button.primary").click()]);

    // 4. The record afterwards: the webhook wrote the status back.
    await sandbox.proxy?.retryPendingWriteBacks({ all: true });
    await page.goto(`${sandbox.kintone.url}/k/${PRODUCTS_APP_ID}/show?lang=${language}#record=1`);
    await waitForKintoneReady(page);
    await page.locator("#kintone-stripe-checkout-detail-buttons").waitFor();
    await shoot(page, `detail-paid-${language}`);
  } finally {
    await page.close();
    await sandbox.close();
  }
}

async function main(): Promise<void> {
  ensurePluginBuilt();
  await fs.mkdir(IMAGES_DIR, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const language of ["ja", "en"] as const) await tell(language, browser);
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
