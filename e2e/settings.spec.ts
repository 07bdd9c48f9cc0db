/**
 * The administrator's story on the plugin's settings screen: connect to the sandbox's proxy, map
 * the Products app, test the connection, save; the secret never comes back through getConfig.
 * Screenshots (ja, en) go to e2e/artifacts/ for a human to judge the look.
 */
import { ORDERS_APP_ID, PRODUCTS_APP_ID } from "../sandbox/sampleApps";
import { SANDBOX_SECRETS } from "../sandbox/startSandbox";
import { saveScreenshot } from "./browser";
import { settingsScreenKit } from "./settingsScreenKit";
import { useSandboxStory } from "./storyKit";

const story = useSandboxStory();

const screen = settingsScreenKit(story);
const { rowOf, typeText, choose } = screen;

async function openSettings(language: "ja" | "en", appId = PRODUCTS_APP_ID): Promise<void> {
  await screen.openSettings(language, appId);
}

async function testConnection(): Promise<{ level: string; text: string }> {
  await rowOf("testConnection").locator("button").click();
  const result = story.page.locator(".ksc-settings-test-result:not([hidden])");
  await result.waitFor({ timeout: 15000 });
  const className = (await result.getAttribute("class")) ?? "";
  const level = /ksc-settings-test-result--(\w+)/.exec(className)?.[1] ?? "";
  return { level, text: (await result.textContent()) ?? "" };
}

async function readConfigFromPage(): Promise<Record<string, string>> {
  return story.page.evaluate(
    (pluginId) =>
      (
        globalThis as unknown as {
          kintone: { plugin: { app: { getConfig(id: string): Record<string, string> } } };
        }
      ).kintone.plugin.app.getConfig(pluginId),
    story.sandbox.pluginId,
  );
}

describe("the plugin's settings screen", () => {
  it("connects to the proxy, maps the Products app, tests, saves, and keeps the secret out of getConfig", async () => {
    await openSettings("en");

    // Saving an empty form shows the errors on their fields and a summary; nothing is stored.
    await story.page.locator(".ksc-settings-buttons button").first().click();
    await expect(story.page.locator(".ksc-settings-summary").isVisible()).resolves.toBe(true);
    const nameError = rowOf("lineItem.name").locator(".kuc-base-error-1-24-0__error:visible");
    await expect(nameError.textContent()).resolves.toMatch(/^\s*Choose a field\.\s*$/);
    await saveScreenshot(story.page, "plugin-settings-errors-en");
    expect(story.sandbox.pluginSettings.getConfig(PRODUCTS_APP_ID, story.sandbox.pluginId)).toEqual(
      {},
    );

    await typeText("proxyUrl", story.sandbox.urls.proxy ?? "");
    await story.page.locator("#ksc-settings-proxy-secret").fill(SANDBOX_SECRETS.proxySecret);
    await choose("lineItem.productCode", "Field", 0);
    await choose("lineItem.productCode", "(product_code)", 1);
    await choose("lineItem.name", "(product_name)", 1);
    await choose("lineItem.description", "Field", 0);
    await choose("lineItem.description", "(description)", 1);
    await choose("lineItem.image", "(image)");
    await choose("lineItem.unitPrice", "(unit_price)", 1);
    await choose("currency", "Field", 0);
    await choose("currency", "(currency)", 2);
    await typeText(
      "successUrl",
      `${story.sandbox.urls.productsList}?session_id={CHECKOUT_SESSION_ID}`,
    );
    await choose("writeBack.url", "(checkout_url)");
    await choose("writeBack.status", "(checkout_status)");
    await choose("writeBack.paymentStatus", "(payment_status)");
    await choose("writeBack.expiresAt", "(checkout_expires_at)");

    const test = await testConnection();
    expect(test.level).toBe("success");
    expect(test.text).toContain("Connected. The proxy, Stripe and kintone are ready.");
    expect(test.text).toContain("Stripe: test mode");
    await saveScreenshot(story.page, "plugin-settings-filled-en");

    await Promise.all([
      story.page.waitForURL((url) => !url.pathname.endsWith("/plugin/config"), { timeout: 15000 }),
      story.page.locator(".ksc-settings-buttons button").first().click(),
    ]);

    // The secret only in the plugin's proxy config, appId + mapping in the proxy's POST data.
    const config = story.sandbox.pluginSettings.getConfig(PRODUCTS_APP_ID, story.sandbox.pluginId);
    expect(Object.keys(config).sort()).toEqual(["mapping", "proxyUrl"]);
    expect(config.proxyUrl).toBe(`${story.sandbox.urls.proxy}/`);
    const mapping = JSON.parse(config.mapping ?? "") as Record<string, unknown>;
    expect(mapping).toMatchObject({
      source: { type: "records" },
      lineItem: {
        productCode: { field: "product_code" },
        name: { field: "product_name" },
        description: { field: "description" },
        image: { field: "image" },
        unitPrice: { field: "unit_price" },
      },
      currency: { field: "currency" },
      writeBack: {
        url: "checkout_url",
        status: "checkout_status",
        paymentStatus: "payment_status",
        expiresAt: "checkout_expires_at",
      },
    });
    const proxyConfigs = story.sandbox.pluginSettings.listProxyConfigs(
      PRODUCTS_APP_ID,
      story.sandbox.pluginId,
    );
    const post = proxyConfigs.find((c) => c.method === "POST" && c.url === config.proxyUrl);
    const get = proxyConfigs.find((c) => c.method === "GET" && c.url === config.proxyUrl);
    // …and every call bound to this app (issue #8): the proxy acts on no other app for it.
    expect(post?.headers).toEqual({
      Authorization: `Bearer ${SANDBOX_SECRETS.proxySecret}`,
      "X-Kintone-App-Id": PRODUCTS_APP_ID,
    });
    expect(post?.data).toEqual({ appId: PRODUCTS_APP_ID, mapping: config.mapping });
    expect(get).toMatchObject({ headers: post?.headers, data: {} });

    // Reopened: the form shows what was saved, never the secret; getConfig holds no secret.
    await openSettings("en");
    const fromPage = await readConfigFromPage();
    expect(fromPage).toEqual(config);
    expect(JSON.stringify(fromPage)).not.toContain(SANDBOX_SECRETS.proxySecret);
    await expect(story.page.locator("#ksc-settings-proxy-secret").inputValue()).resolves.toBe("");
    // (kintone itself hands the admin's settings page its proxy config, for getProxyConfig;
    // the screen never puts the secret in the form.)
    await expect(story.page.locator(".ksc-settings").innerHTML()).resolves.not.toContain(
      SANDBOX_SECRETS.proxySecret,
    );
    await expect(
      rowOf("lineItem.name").locator(".kuc-dropdown-1-24-0__group__toggle").nth(1).textContent(),
    ).resolves.toContain("(product_name)");
    await expect(testConnection()).resolves.toMatchObject({ level: "success" });
    expect(story.pageErrors).toEqual([]);
  });

  it("says the secret is wrong when the proxy refuses it, and keeps the saved secret working", async () => {
    // Saved settings, as an earlier visit left them.
    const proxyUrl = `${story.sandbox.urls.proxy}/`;
    const authorization = { Authorization: `Bearer ${SANDBOX_SECRETS.proxySecret}` };
    for (const method of ["GET", "POST"]) {
      story.sandbox.pluginSettings.setProxyConfig(PRODUCTS_APP_ID, story.sandbox.pluginId, {
        url: proxyUrl,
        method,
        headers: authorization,
        data: {},
      });
    }
    story.sandbox.pluginSettings.setConfig(PRODUCTS_APP_ID, story.sandbox.pluginId, { proxyUrl });

    await openSettings("en");
    const secret = story.page.locator("#ksc-settings-proxy-secret");
    await secret.fill("a-wrong-secret-that-is-long-enough-0123456789");
    const wrong = await testConnection();
    expect(wrong.level).toBe("danger");
    expect(wrong.text).toContain("The secret is wrong (401).");

    // The test did not replace the saved secret: with the field empty, it is used and works.
    await secret.fill("");
    await expect(testConnection()).resolves.toMatchObject({ level: "success" });
    const get = story.sandbox.pluginSettings
      .listProxyConfigs(PRODUCTS_APP_ID, story.sandbox.pluginId)
      .find((c) => c.method === "GET" && c.url === proxyUrl);
    expect(get?.headers).toEqual(authorization);
    // The diagnostics call answered 401: that is the expected outcome here, not a page error.
    expect(story.pageErrors.filter((e) => !e.startsWith("401 "))).toEqual([]);
  });

  it("maps the Orders app's items table in Japanese: the table's columns come first", async () => {
    await openSettings("ja", ORDERS_APP_ID);
    await typeText("proxyUrl", story.sandbox.urls.proxy ?? "");
    await story.page.locator("#ksc-settings-proxy-secret").fill(SANDBOX_SECRETS.proxySecret);
    await rowOf("source.type").getByText("テーブルの行ごとに 1 行").click();
    await choose("source.field", "(items)");

    // The name's field choices: the items table's columns, then the record's fields.
    const nameField = rowOf("lineItem.name").locator("kuc-dropdown-1-24-0").nth(1);
    const options = await nameField.locator('li[role="option"]').allTextContents();
    const codes = options.map((o) => /\(([^()]+)\)\s*$/.exec(o.trim())?.[1]).filter(Boolean);
    expect(codes.slice(0, 2)).toEqual(["item_code", "item_name"]);
    expect(codes).toContain("customer_name");

    await choose("lineItem.name", "(item_name)", 1);
    await choose("lineItem.unitPrice", "(item_unit_price)", 1);
    await choose("lineItem.quantity", "フィールド", 0);
    await choose("lineItem.quantity", "(item_quantity)", 1);
    await choose("currency", "フィールド", 0);
    await choose("currency", "(currency)", 2);
    await choose("customerEmail", "フィールド", 0);
    await choose("customerEmail", "(customer_email)", 1);
    await typeText(
      "successUrl",
      `${story.sandbox.urls.ordersList}?session_id={CHECKOUT_SESSION_ID}`,
    );
    await typeText("expiresAfterMinutes", "20");
    await choose("writeBack.paymentStatus", "(payment_status)");
    await story.page.locator(".ksc-settings-buttons button").first().click();
    await expect(story.page.locator(".ksc-settings-summary").textContent()).resolves.toContain(
      "有効期限は 30〜1440 の整数 (分) です。",
    );
    await saveScreenshot(story.page, "plugin-settings-errors-ja");

    await typeText("expiresAfterMinutes", "60");
    await expect(story.page.locator(".ksc-settings-summary").isVisible()).resolves.toBe(false);
    await expect(testConnection()).resolves.toMatchObject({ level: "success" });
    await Promise.all([
      story.page.waitForURL((url) => !url.pathname.endsWith("/plugin/config"), { timeout: 15000 }),
      story.page.locator(".ksc-settings-buttons button").first().click(),
    ]);
    const config = story.sandbox.pluginSettings.getConfig(ORDERS_APP_ID, story.sandbox.pluginId);
    expect(JSON.parse(config.mapping ?? "")).toMatchObject({
      source: { type: "subtable", field: "items" },
      lineItem: { name: { field: "item_name" }, quantity: { field: "item_quantity" } },
      customerEmail: { field: "customer_email" },
      expiresAfterMinutes: 60,
      writeBack: { paymentStatus: "payment_status" },
    });
    expect(story.pageErrors).toEqual([]);
  });

  it("says the proxy cannot be reached at a URL where nothing listens", async () => {
    await openSettings("en");
    await typeText("proxyUrl", "http://127.0.0.1:9/");
    await story.page.locator("#ksc-settings-proxy-secret").fill(SANDBOX_SECRETS.proxySecret);
    const test = await testConnection();
    expect(test.level).toBe("danger");
    expect(test.text).toContain("The proxy cannot be reached.");
  });

  it.each(["ja", "en"] as const)("looks like a kintone settings page (%s)", async (language) => {
    await openSettings(language);
    await saveScreenshot(story.page, `plugin-settings-screen-${language}`);
    await story.page.screenshot({
      path: `${__dirname}/artifacts/plugin-settings-screen-${language}-full.png`,
      fullPage: true,
    });
    expect(story.pageErrors).toEqual([]);
  });
});
