/**
 * The administrator sets the Checkout options on the settings screen: konbini only with its
 * deadline, the buyer asked for a phone number, a shipping address in Japan and a delivery date,
 * a text by the pay button. Saved, reopened in Japanese, shown as saved. The pictures (en, ja) are
 * those of docs/en/kintone.md and docs/ja/kintone.md.
 */
import { PRODUCTS_APP_ID } from "../sandbox/sampleApps";
import { SANDBOX_SECRETS } from "../sandbox/startSandbox";
import { saveReadmeImage } from "./readmeImages";
import { settingsScreenKit } from "./settingsScreenKit";
import { useSandboxStory } from "./storyKit";

const story = useSandboxStory();
const screen = settingsScreenKit(story);
const { rowOf, typeText, choose } = screen;

const CUSTOM_FIELDS = [{ key: "deliveryDate", label: "配達希望日", type: "text" }];

/** Ticks the KUC checkbox item of a row whose label contains `label`. */
async function tick(control: string, label: string): Promise<void> {
  await rowOf(control).locator("label", { hasText: label }).first().click();
}

describe("the settings screen's Checkout options", () => {
  it("saves konbini only, the buyer's phone, shipping country, a custom field and a page text; reopened as saved", async () => {
    await screen.openSettings("en", PRODUCTS_APP_ID);
    await typeText("proxyUrl", story.sandbox.urls.proxy ?? "");
    await story.page.locator("#ksc-settings-proxy-secret").fill(SANDBOX_SECRETS.proxySecret);
    await choose("lineItem.name", "(product_name)", 1);
    await choose("lineItem.unitPrice", "(unit_price)", 1);
    await typeText("successUrl", "https://shop.example.com/thanks?s={CHECKOUT_SESSION_ID}");

    await tick("paymentMethodTypes", "Konbini");
    await typeText("konbiniExpiresAfterDays", "5");
    await tick("phoneNumberCollection", "phone");
    await typeText("shippingAddressCollection", "JP");
    const customFields = rowOf("customFields").locator("textarea").first();
    await customFields.fill(JSON.stringify(CUSTOM_FIELDS));
    await customFields.press("Tab");
    const submitText = rowOf("customText.submit").locator("textarea").first();
    await submitText.fill("ご注文を確定します");
    await submitText.press("Tab");
    await rowOf("paymentMethodTypes").scrollIntoViewIfNeeded();
    await saveReadmeImage(story.page, "settings-checkout-options-en");

    await Promise.all([
      story.page.waitForURL((url) => !url.pathname.endsWith("/plugin/config"), { timeout: 15000 }),
      story.page.locator(".ksc-settings-buttons button").first().click(),
    ]);
    const config = story.sandbox.pluginSettings.getConfig(PRODUCTS_APP_ID, story.sandbox.pluginId);
    expect(JSON.parse(config.mapping ?? "")).toMatchObject({
      paymentMethodTypes: ["konbini"],
      konbiniExpiresAfterDays: 5,
      phoneNumberCollection: true,
      shippingAddressCollection: { allowedCountries: ["JP"] },
      customFields: CUSTOM_FIELDS,
      customText: { submit: "ご注文を確定します" },
    });

    await screen.openSettings("ja", PRODUCTS_APP_ID);
    const days = await rowOf("konbiniExpiresAfterDays").locator("input").first().inputValue();
    expect(days).toBe("5");
    await rowOf("paymentMethodTypes").scrollIntoViewIfNeeded();
    await saveReadmeImage(story.page, "settings-checkout-options-ja");
    expect(story.pageErrors).toEqual([]);
  });
});
