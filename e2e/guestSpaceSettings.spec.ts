/**
 * An app in a kintone guest space, on the plugin's settings screen: the form's fields load through
 * the guest space's API path, and Save stores X-Kintone-Guest-Space-Id beside the app binding, so
 * the proxy can refuse a call that names another space.
 */
import { PRODUCTS_APP_ID } from "../sandbox/sampleApps";
import { SANDBOX_SECRETS } from "../sandbox/startSandbox";
import { placeAppInGuestSpace } from "../sandbox/kintone/KintoneGuestSpaces";
import { saveScreenshot, waitForKintoneReady } from "./browser";
import { useSandboxStory } from "./storyKit";

const GUEST_SPACE_ID = "5";
const story = useSandboxStory({
  configure: (sandbox) =>
    placeAppInGuestSpace(sandbox.kintone.store, PRODUCTS_APP_ID, GUEST_SPACE_ID),
});

const rowOf = (control: string) => story.page.locator(`[data-control="${control}"]`);

async function choose(control: string, label: string, nth = 0): Promise<void> {
  const dropdown = rowOf(control).locator("kuc-dropdown-1-24-0").nth(nth);
  await dropdown.locator("button.kuc-dropdown-1-24-0__group__toggle").click();
  await dropdown.locator('li[role="option"]', { hasText: label }).first().click();
}

describe("the settings screen of an app in a guest space", () => {
  it("loads the form through the guest-space path and saves the guest space with the app binding", async () => {
    story.sandbox.kintone.clearRequests();
    await story.page.goto(`${story.sandbox.urls.pluginSettings(PRODUCTS_APP_ID)}&lang=en`);
    await waitForKintoneReady(story.page);
    await story.page.waitForSelector(".ksc-settings[data-fields-loaded]", { timeout: 15000 });
    const formReads = story.sandbox.kintone.requests.filter((r) =>
      r.path.endsWith("/app/form/fields.json"),
    );
    expect(formReads.map((r) => [r.path, r.status])).toEqual([
      [`/k/guest/${GUEST_SPACE_ID}/v1/app/form/fields.json`, 200],
    ]);

    const url = rowOf("proxyUrl").locator("input").first();
    await url.fill(story.sandbox.urls.proxy ?? "");
    await url.press("Tab");
    await story.page.locator("#ksc-settings-proxy-secret").fill(SANDBOX_SECRETS.proxySecret);
    await choose("lineItem.name", "(product_name)", 1);
    await choose("lineItem.unitPrice", "(unit_price)", 1);
    await choose("currency", "Field", 0);
    await choose("currency", "(currency)", 2);
    const success = rowOf("successUrl").locator("input").first();
    await success.fill(`${story.sandbox.urls.productsList}?session_id={CHECKOUT_SESSION_ID}`);
    await success.press("Tab");
    // The buyer's write-back rows, for a human to judge.
    await rowOf("writeBack.shippingAddress").scrollIntoViewIfNeeded();
    await saveScreenshot(story.page, "plugin-settings-buyer-fields-en");
    await Promise.all([
      story.page.waitForURL((u) => !u.pathname.endsWith("/plugin/config"), { timeout: 15000 }),
      story.page.locator(".ksc-settings-buttons button").first().click(),
    ]);

    const proxyConfigs = story.sandbox.pluginSettings.listProxyConfigs(
      PRODUCTS_APP_ID,
      story.sandbox.pluginId,
    );
    expect(proxyConfigs.map((c) => c.method).sort()).toEqual(["GET", "POST"]);
    for (const config of proxyConfigs) {
      expect(config.headers).toEqual({
        Authorization: `Bearer ${SANDBOX_SECRETS.proxySecret}`,
        "X-Kintone-App-Id": PRODUCTS_APP_ID,
        "X-Kintone-Guest-Space-Id": GUEST_SPACE_ID,
      });
    }
    expect(story.pageErrors).toEqual([]);
  });
});
