/**
 * The administrator sets a monthly subscription on the settings screen: a konbini subscription is
 * refused before saving, with Stripe's reason, and the card-only one is saved with its interval.
 * Screenshots (en, ja) go to e2e/artifacts/.
 */
import { PRODUCTS_APP_ID } from "../sandbox/sampleApps";
import { saveScreenshot } from "./browser";
import { settingsScreenKit } from "./settingsScreenKit";
import { useSandboxStory } from "./storyKit";

const story = useSandboxStory();
const screen = settingsScreenKit(story);
const { rowOf, typeText } = screen;

const save = () => story.page.locator(".ksc-settings-buttons button").first().click();
const tick = (control: string, label: string) =>
  rowOf(control).locator("label", { hasText: label }).first().click();

describe("the settings screen's subscription section", () => {
  it("refuses a konbini subscription with the reason, then saves the card one; reopened as saved", async () => {
    await screen.openSettings("en", PRODUCTS_APP_ID);
    await screen.fillRequired();
    await tick("mode", "Subscription (billed every period)");
    await typeText("lineItem.recurring.intervalCount", "3");
    await tick("paymentMethodTypes", "Konbini");
    await save();
    const error = rowOf("mode").getByText(/Cannot be saved as a subscription/);
    await error.first().waitFor({ timeout: 5000 });
    await rowOf("mode").scrollIntoViewIfNeeded();
    await saveScreenshot(story.page, "plugin-settings-subscription-refused-en");

    await tick("paymentMethodTypes", "Konbini");
    await Promise.all([
      story.page.waitForURL((url) => !url.pathname.endsWith("/plugin/config"), { timeout: 15000 }),
      save(),
    ]);
    const config = story.sandbox.pluginSettings.getConfig(PRODUCTS_APP_ID, story.sandbox.pluginId);
    const saved = JSON.parse(config.mapping ?? "") as Record<string, unknown>;
    expect(saved).toMatchObject({
      mode: "subscription",
      lineItem: { recurring: { interval: { const: "month" }, intervalCount: { const: "3" } } },
    });
    expect(saved).not.toHaveProperty("paymentMethodTypes");

    await screen.openSettings("ja", PRODUCTS_APP_ID);
    await rowOf("mode").scrollIntoViewIfNeeded();
    await expect(
      rowOf("lineItem.recurring.intervalCount").locator("input").inputValue(),
    ).resolves.toBe("3");
    await saveScreenshot(story.page, "plugin-settings-subscription-ja");
    expect(story.pageErrors).toEqual([]);
  });
});
