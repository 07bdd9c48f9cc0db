/**
 * What the settings-screen stories do on the page: open an app's plug-in settings and wait for its
 * fields, find a row by its control, type into a KUC text, pick from a KUC dropdown.
 */
import type { Page } from "playwright-core";
import { SANDBOX_SECRETS } from "../sandbox/startSandbox";
import { waitForKintoneReady } from "./browser";
import type { SandboxStory } from "./storyKit";

export function settingsScreenKit(story: SandboxStory) {
  const rowOf = (control: string) => story.page.locator(`[data-control="${control}"]`);
  const kit = {
    rowOf,
    async openSettings(language: "ja" | "en", appId: string): Promise<Page> {
      await story.page.goto(`${story.sandbox.urls.pluginSettings(appId)}&lang=${language}`);
      await waitForKintoneReady(story.page);
      await story.page.waitForSelector(".ksc-settings[data-fields-loaded]", { timeout: 15000 });
      return story.page;
    },
    /** The proxy, its secret, the Products app's name and price, a success URL: what every save needs. */
    async fillRequired(): Promise<void> {
      await kit.typeText("proxyUrl", story.sandbox.urls.proxy ?? "");
      await story.page.locator("#ksc-settings-proxy-secret").fill(SANDBOX_SECRETS.proxySecret);
      await kit.choose("lineItem.name", "(product_name)", 1);
      await kit.choose("lineItem.unitPrice", "(unit_price)", 1);
      await kit.typeText("successUrl", "https://shop.example.com/thanks?s={CHECKOUT_SESSION_ID}");
    },
    async typeText(control: string, value: string): Promise<void> {
      const input = rowOf(control).locator("input").first();
      await input.fill(value);
      await input.press("Tab"); // KUC's Text reports its value on change (blur)
    },
    /** Opens the n-th KUC dropdown of a row and clicks the item whose label contains `label`. */
    async choose(control: string, label: string, nth = 0): Promise<void> {
      const dropdown = rowOf(control).locator("kuc-dropdown-1-24-0").nth(nth);
      await dropdown.locator("button.kuc-dropdown-1-24-0__group__toggle").click();
      await dropdown.locator('li[role="option"]', { hasText: label }).first().click();
    },
  };
  return kit;
}
