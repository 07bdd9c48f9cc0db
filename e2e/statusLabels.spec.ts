/**
 * The administrator of a Japanese app maps its own status texts and a process-management action on
 * the settings screen: the payment-status drop-down reads 未決済 / 入金済み / 期限切れ…, the app
 * runs process management. Saved, reopened, shown as saved. Screenshots go to e2e/artifacts/.
 */
import { createProcessApp } from "../sandbox/kintone/ProcessManagement";
import { SANDBOX_SECRETS } from "../sandbox/startSandbox";
import {
  LABELLED_ORDERS_FIELDS,
  ORDERS_PROCESS,
  STATUS_LABELS,
} from "../testkit/labelledOrdersApp";
import { saveScreenshot } from "./browser";
import { settingsScreenKit } from "./settingsScreenKit";
import { useSandboxStory } from "./storyKit";

let appId = "";
const story = useSandboxStory({
  configure: (sandbox) => {
    appId = createProcessApp(
      sandbox.kintone.store,
      { name: "受注（日本語）", fields: LABELLED_ORDERS_FIELDS },
      ORDERS_PROCESS,
    ).id;
  },
});

const screen = settingsScreenKit(story);
const { rowOf, typeText, choose } = screen;
const openSettings = (language: "ja" | "en") => screen.openSettings(language, appId);

/** The value of the row's (first) KUC dropdown. */
function valueOf(control: string): Promise<string> {
  return rowOf(control)
    .locator("kuc-dropdown-1-24-0")
    .first()
    .evaluate((dropdown) => (dropdown as unknown as { value: string }).value);
}

describe("the settings screen of an app with its own status texts and process management", () => {
  it("maps each state to the drop-down's option and picks an action; saved and reopened as saved", async () => {
    await openSettings("en");
    await typeText("proxyUrl", story.sandbox.urls.proxy ?? "");
    await story.page.locator("#ksc-settings-proxy-secret").fill(SANDBOX_SECRETS.proxySecret);
    await choose("lineItem.name", "(name)", 1);
    await choose("lineItem.unitPrice", "(price)", 1);
    await typeText("successUrl", "https://shop.example.com/thanks?s={CHECKOUT_SESSION_ID}");
    await choose("writeBack.status", "(status)");
    await choose("writeBack.paymentStatus", "(pay_status)");

    for (const [state, label] of Object.entries(STATUS_LABELS.status)) {
      await choose(`statusLabels.status.${state}`, label);
    }
    for (const [state, label] of Object.entries(STATUS_LABELS.paymentStatus)) {
      // "不審請求" is also the start of "不審請求（敗訴）": pick the whole text.
      await rowOf(`statusLabels.paymentStatus.${state}`)
        .locator("button.kuc-dropdown-1-24-0__group__toggle")
        .click();
      await rowOf(`statusLabels.paymentStatus.${state}`)
        .locator('li[role="option"]')
        .getByText(label, { exact: true })
        .click();
    }
    await expect(story.page.locator('[data-section="processActions"]').isVisible()).resolves.toBe(
      true,
    );
    await choose("processActions.paid", "入金を確認する");
    await rowOf("statusLabels.paymentStatus.unpaid").scrollIntoViewIfNeeded();
    await saveScreenshot(story.page, "plugin-settings-status-labels-en");
    await rowOf("processActions.paid").scrollIntoViewIfNeeded();
    await saveScreenshot(story.page, "plugin-settings-process-actions-en");

    await Promise.all([
      story.page.waitForURL((url) => !url.pathname.endsWith("/plugin/config"), { timeout: 15000 }),
      story.page.locator(".ksc-settings-buttons button").first().click(),
    ]);
    const config = story.sandbox.pluginSettings.getConfig(appId, story.sandbox.pluginId);
    const mapping = JSON.parse(config.mapping ?? "") as Record<string, unknown>;
    expect(mapping).toMatchObject({
      writeBack: { status: "status", paymentStatus: "pay_status" },
      statusLabels: STATUS_LABELS,
      processActions: { paid: "入金を確認する" },
    });

    await openSettings("ja");
    await story.page.locator('[data-section="processActions"]:not([hidden])').waitFor();
    expect(await valueOf("statusLabels.paymentStatus.paid")).toBe("入金済み");
    expect(await valueOf("statusLabels.status.expired")).toBe("期限切れ");
    expect(await valueOf("processActions.paid")).toBe("入金を確認する");
    expect(await valueOf("processActions.expired")).toBe("");
    await rowOf("statusLabels.paymentStatus.unpaid").scrollIntoViewIfNeeded();
    await saveScreenshot(story.page, "plugin-settings-status-labels-ja");
    expect(story.pageErrors).toEqual([]);
  });
});
