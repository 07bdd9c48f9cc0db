/**
 * The administrator sets consumption tax and the qualified invoice on the settings screen: tax
 * excluded, 8 % for every line, the tax's name, an invoice with the registration number — a
 * number that is not T + 13 digits is refused on the screen, the right one saved. Screenshots
 * (en, ja) go to e2e/artifacts/.
 */
import { PRODUCTS_APP_ID } from "../sandbox/sampleApps";
import { saveScreenshot } from "./browser";
import { settingsScreenKit } from "./settingsScreenKit";
import { useSandboxStory } from "./storyKit";

const story = useSandboxStory();
const screen = settingsScreenKit(story);
const { rowOf, typeText, choose } = screen;

/** The registration number's text (the row's first input is the invoice checkbox). */
async function typeRegistrationNumber(value: string): Promise<void> {
  const input = rowOf("invoiceCreation").locator('input[type="text"]').first();
  await input.fill(value);
  await input.press("Tab");
}

const save = () => story.page.locator(".ksc-settings-buttons button").first().click();

describe("the settings screen's consumption tax and invoice", () => {
  it("refuses a registration number that is not T + 13 digits, saves the right one; reopened as saved", async () => {
    await screen.openSettings("en", PRODUCTS_APP_ID);
    await screen.fillRequired();

    await rowOf("taxBehavior").locator("label", { hasText: "Tax excluded" }).first().click();
    await choose("lineItem.taxRate", "One rate for every line", 0);
    await choose("lineItem.taxRate", "8%", 2);
    await typeText("taxDisplayName", "消費税");
    await rowOf("invoiceCreation")
      .locator("label", { hasText: "issue an invoice" })
      .first()
      .click();
    await typeRegistrationNumber("T123");
    await save();
    const error = rowOf("invoiceCreation").getByText(/13 digits/);
    await error.first().waitFor({ timeout: 5000 });
    await rowOf("taxBehavior").scrollIntoViewIfNeeded();
    await saveScreenshot(story.page, "plugin-settings-tax-en");

    await typeRegistrationNumber("T1234567890123");
    await Promise.all([
      story.page.waitForURL((url) => !url.pathname.endsWith("/plugin/config"), { timeout: 15000 }),
      save(),
    ]);
    const config = story.sandbox.pluginSettings.getConfig(PRODUCTS_APP_ID, story.sandbox.pluginId);
    expect(JSON.parse(config.mapping ?? "")).toMatchObject({
      lineItem: { taxRate: { const: "8" } },
      taxBehavior: "exclusive",
      taxDisplayName: "消費税",
      invoiceCreation: {
        enabled: true,
        customFields: [{ name: "登録番号", value: "T1234567890123" }],
      },
    });

    await screen.openSettings("ja", PRODUCTS_APP_ID);
    const number = await rowOf("invoiceCreation")
      .locator('input[type="text"]')
      .first()
      .inputValue();
    expect(number).toBe("T1234567890123");
    await rowOf("taxBehavior").scrollIntoViewIfNeeded();
    await saveScreenshot(story.page, "plugin-settings-tax-ja");
    expect(story.pageErrors).toEqual([]);
  });
});
