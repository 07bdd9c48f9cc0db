/**
 * The quick start as a person runs it: `npm start` (not a test helper) brings up the sandbox and
 * prints where to go; the printed address serves the sample app's record list with the plugin's
 * button. Ports are chosen freely (SANDBOX_*_PORT=0) so the story never collides with a running sandbox.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium, saveScreenshot, waitForKintoneReady } from "./browser";
import { ensurePluginBuilt } from "./ensurePluginBuilt";
import { npmStartProcess } from "./npmStartProcess";
import { openTracedPage } from "./storyKit";

/** Its memory is for these stories only, never the developer's `.sandbox-data/`. */
const npmStart = npmStartProcess();
let browser: Browser | undefined;
let traced: Awaited<ReturnType<typeof openTracedPage>> | undefined;

afterEach(async () => {
  await traced?.close(); // keeps the trace if the story failed
  traced = undefined;
});

afterAll(async () => {
  await browser?.close();
  await npmStart.dispose();
});

describe("npm start", () => {
  it("serves the sample app's record list with the plugin's button at the address it prints", async () => {
    ensurePluginBuilt();
    const { kintoneUrl, output } = await npmStart.start();
    expect(output()).toMatch(/Proxy\s+http:\/\/localhost:\d+/);
    expect(output()).toContain("the sample apps come with the plug-in already set up");
    expect(output()).toContain("Start fresh: npm start -- --reset");

    browser = await launchChromium();
    traced = await openTracedPage(browser);
    const { page, pageErrors: errors } = traced;
    await page.goto(`${kintoneUrl}/k/1/`);
    await waitForKintoneReady(page);

    const rows = await page.locator("table tbody tr").count();
    expect(rows).toBeGreaterThanOrEqual(10);
    await expect(page.locator("#kintone-header-menu-space button").count()).resolves.toBe(1);
    await saveScreenshot(page, "npm-start-products-list");
    expect(errors).toEqual([]);
  });

  it("comes back as it was left after Ctrl-C, and starts fresh with --reset", async () => {
    await npmStart.stop();
    expect(existsSync(path.join(npmStart.dataDir, "sandbox-state.json"))).toBe(true);
    expect(existsSync(path.join(npmStart.dataDir, "journal.sqlite"))).toBe(true);
    const restarted = await npmStart.start();
    expect(restarted.output()).toContain("The sandbox came back as you left it");
    await npmStart.stop();
    const fresh = await npmStart.start(["--reset"]);
    expect(fresh.output()).toContain("was emptied (--reset)");
    expect(fresh.output()).not.toContain("came back as you left it");
  });
});
