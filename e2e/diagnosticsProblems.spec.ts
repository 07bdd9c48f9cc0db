/**
 * The administrator presses "Test connection" on the plugin's settings screen while the Stripe key
 * may only read Checkout Sessions and the Products app's token may view but not edit: the screen
 * shows both problems with their fix, in the screen's language. Screenshots (ja, en) go to
 * e2e/artifacts/ for a human to judge the look.
 */
import { PRODUCTS_APP_ID } from "../sandbox/sampleApps";
import { SANDBOX_SECRETS } from "../sandbox/startSandbox";
import { saveScreenshot } from "./browser";
import { settingsScreenKit } from "./settingsScreenKit";
import { useSandboxStory } from "./storyKit";

/** Everything the product uses but Checkout Sessions write. */
const READ_ONLY_SESSIONS = [
  "checkout_session_read",
  "product_write",
  "file_write",
  "file_link_write",
  "event_read",
  "webhook_endpoint_read",
];

const story = useSandboxStory({
  configure: (sandbox) => {
    sandbox.stripe.configure({
      restrictedKeys: { [SANDBOX_SECRETS.stripeApiKey]: READ_ONLY_SESSIONS },
    });
    // The Products app's token loses its edit right, as an admin unticking "Edit records" would.
    for (const token of sandbox.kintone.store.requireApp(PRODUCTS_APP_ID).apiTokens) {
      token.rights = { ...token.rights, edit: false };
    }
  },
});
const screen = settingsScreenKit(story);

async function testConnection(language: "ja" | "en"): Promise<{ level: string; text: string }> {
  await screen.openSettings(language, PRODUCTS_APP_ID);
  await screen.typeText("proxyUrl", story.sandbox.urls.proxy ?? "");
  await story.page.locator("#ksc-settings-proxy-secret").fill(SANDBOX_SECRETS.proxySecret);
  await screen.rowOf("testConnection").locator("button").click();
  const result = story.page.locator(".ksc-settings-test-result:not([hidden])");
  await result.waitFor({ timeout: 15000 });
  const className = (await result.getAttribute("class")) ?? "";
  return {
    level: /ksc-settings-test-result--(\w+)/.exec(className)?.[1] ?? "",
    text: (await result.textContent()) ?? "",
  };
}

/** What each language's screen must show: the problem, the grant to add, and where the fix is written. */
const EXPECTED = {
  ja: [
    "制限付きキーに Checkout Sessions の書き込み権限がありません",
    "「Checkout Sessions: 書き込み」",
    "docs/ja/troubleshooting.md#stripe-permission-missing",
    "トークンに「レコード編集」を付けて保存し",
    "docs/ja/troubleshooting.md#kintone-token-cannot-edit",
  ],
  en: [
    "The restricted key may not write Checkout Sessions",
    '"Checkout Sessions: Write"',
    "docs/en/troubleshooting.md#stripe-permission-missing",
    'Give the token "Edit records", Save, then Update App.',
    "docs/en/troubleshooting.md#kintone-token-cannot-edit",
  ],
};

describe("Test connection with a read-only Checkout Sessions key and a view-only token", () => {
  it.each(["ja", "en"] as const)("shows each problem with its fix (%s)", async (language) => {
    const { level, text } = await testConnection(language);
    expect(level).toBe("danger");
    for (const expected of EXPECTED[language]) expect(text).toContain(expected);
    await saveScreenshot(story.page, `plugin-settings-diagnostics-problems-${language}`);
    expect(story.pageErrors).toEqual([]);
  });
});
