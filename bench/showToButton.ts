/**
 * Time from the record list's `app.record.index.show` event to the plugin's button being in the
 * DOM, in Debian's Chromium (e2e/browser.ts) on the sandbox's list page with the built plugin.
 * The sandbox's kintone global marks the dispatch (`performance.mark("kintone:<event type>")`,
 * sandbox/kintone/browser/kintoneGlobal.ts); an init script's MutationObserver marks the moment
 * the button is attached. Both are on the page's own clock (User Timing,
 * https://developer.mozilla.org/docs/Web/API/Performance/mark).
 */
import pino from "pino";
import { launchChromium } from "../e2e/browser";
import { ensurePluginBuilt } from "../e2e/ensurePluginBuilt";
import { PRODUCTS_APP_ID, sampleMapping } from "../sandbox/sampleApps";
import { savePluginSettings, startSandbox } from "../sandbox/startSandbox";

export interface ShowToButton {
  loads: number;
  /** ms from the show event's dispatch to the button attached. */
  showToButton: number[];
  /** ms from navigation start to the button attached (script loading included). */
  navigationToButton: number[];
}

/** plugin/list/addListButton.ts LIST_BUTTON_ID (that module is typed for the browser). */
const LIST_BUTTON_ID = "kintone-stripe-checkout-list-button";

// A string, not a function: the bench runs under tsx, whose transform may add helpers to a
// function's source that do not exist in the page.
const MARK_BUTTON = `
  new MutationObserver((_, observer) => {
    if (document.getElementById(${JSON.stringify(LIST_BUTTON_ID)})) {
      performance.mark("bench:list-button");
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

const READ_MARKS = `(() => {
  const show = performance.getEntriesByName("kintone:app.record.index.show")[0];
  const button = performance.getEntriesByName("bench:list-button")[0];
  return show && button ? { show: show.startTime, button: button.startTime } : null;
})()`;

export async function measureShowToButton(loads = 10): Promise<ShowToButton> {
  ensurePluginBuilt();
  const sandbox = await startSandbox({
    ports: { kintone: 0, stripe: 0, proxy: 0 },
    proxyLogger: pino({ level: "silent" }),
  });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await sandbox.close();
    throw error;
  });
  try {
    savePluginSettings(
      sandbox,
      PRODUCTS_APP_ID,
      sampleMapping("products", sandbox.urls.productsList),
    );
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: MARK_BUTTON });
    const result: ShowToButton = { loads, showToButton: [], navigationToButton: [] };
    // One load more than measured: the first one bundles the sandbox's kintone global.
    for (let i = 0; i <= loads; i++) {
      const page = await context.newPage();
      try {
        await page.goto(sandbox.urls.productsList);
        await page.waitForSelector(`#${LIST_BUTTON_ID}`, { state: "attached", timeout: 15_000 });
        const marks = (await page.evaluate(READ_MARKS)) as { show: number; button: number } | null;
        if (!marks) throw new Error("the page has no show-event or button mark");
        if (i > 0) {
          result.showToButton.push(marks.button - marks.show);
          result.navigationToButton.push(marks.button);
        }
      } finally {
        await page.close();
      }
    }
    return result;
  } finally {
    await browser.close();
    await sandbox.close();
  }
}
