/** @jest-environment jsdom */
import type { ProxyTransport } from "../../api/ProxyTransport";
import { messages } from "../../i18n/messages";
import { ORDER_FORM_FIELDS, installFakeKintone, removeFakeKintone } from "./fakeKintone";
import { renderSettingsForTest } from "./settingsScreenKit";

// KUC uses uuid (ESM-only, which the repo's jest config does not transform) just to give its
// inner elements unique ids; a counter does the same here.
jest.mock("uuid", () => {
  let next = 0;
  return { v4: () => `kuc-id-${++next}` };
});

const SECRET = "s3cr3t-0123456789-abcdefghijklmnopqrstuvwxyz";
const t = messages.en;

const DIAGNOSTICS = {
  stripe: { ok: true, mode: "test", keyType: "restricted", problems: [] },
  kintone: { ok: true, apps: [{ appId: "12", ok: true, problems: [] }] },
};

const STORED_MAPPING = JSON.stringify({
  version: 1,
  source: { type: "subtable", field: "items" },
  grouping: "perRecord",
  lineItem: { name: { field: "item_name" }, unitPrice: { field: "item_unit_price" } },
  currency: "USD",
  successUrl: "https://shop.example.com/thanks",
  writeBack: { status: "checkout_status" },
});

/** The proxy as reached through kintone: records the call and the secret kintone would add. */
function fakeTransport(answer: { status: number; body: unknown }) {
  const sent: string[] = [];
  const authorizationSent: Array<string | undefined> = [];
  const languagesSent: Array<string | undefined> = [];
  const transport: ProxyTransport = {
    send: (url, method, headers) => {
      sent.push(`${method} ${url}`);
      languagesSent.push(headers["Accept-Language"]);
      const stored = (
        globalThis as unknown as {
          kintone: {
            plugin: {
              app: {
                getProxyConfig(u: string, m: string): { headers: Record<string, string> } | null;
              };
            };
          };
        }
      ).kintone.plugin.app.getProxyConfig("https://proxy.example.com/", method);
      authorizationSent.push(stored?.headers.Authorization);
      return Promise.resolve({ status: answer.status, body: JSON.stringify(answer.body) });
    },
  };
  return { transport, sent, authorizationSent, languagesSent };
}

/** The field codes a dropdown offers (its first component), without the empty choice. */
function offeredFields(components: unknown[]): string[] {
  return (components[0] as { items: Array<{ value: string }> }).items
    .map((item) => item.value)
    .filter((value) => value !== "");
}

async function render(
  transport = fakeTransport({ status: 200, body: DIAGNOSTICS }).transport,
  language: "ja" | "en" = "en",
) {
  const rendered = await renderSettingsForTest({ fields: ORDER_FORM_FIELDS, transport, language });
  const { container, components } = rendered;
  const secret = container.querySelector<HTMLInputElement>("#ksc-settings-proxy-secret");
  if (secret === null) throw new Error("no secret input");
  const setUrl = (url: string) => {
    const [text] = components("proxyUrl");
    if (text === undefined) throw new Error("no URL input");
    text.value = url;
  };
  return { ...rendered, secret, setUrl };
}

afterEach(removeFakeKintone);

describe("renderSettingsScreen", () => {
  it("fills the form from getConfig and never shows the stored secret", async () => {
    installFakeKintone({
      config: { proxyUrl: "https://proxy.example.com/", mapping: STORED_MAPPING },
      proxy: {
        "GET https://proxy.example.com/": {
          headers: { Authorization: `Bearer ${SECRET}` },
          data: {},
        },
        "POST https://proxy.example.com/": {
          headers: { Authorization: `Bearer ${SECRET}` },
          data: {},
        },
      },
    });
    const { container, components, secret, screen } = await render();
    expect(components("proxyUrl")[0]?.value).toBe("https://proxy.example.com/");
    expect(secret.value).toBe("");
    expect(secret.type).toBe("password");
    expect(secret.placeholder).toBe(t.settingsSecretStoredPlaceholder);
    expect(container.innerHTML).not.toContain(SECRET);
    expect(screen.state.subtableField).toBe("items");
    // The name row: mode "Field", the field dropdown (visible) holding the stored column.
    const [mode, field, text] = components("lineItem.name");
    expect([mode?.value, field?.value, field?.visible, text?.visible]).toEqual([
      "field",
      "item_name",
      true,
      false,
    ]);
    expect(components("writeBack.status")[0]?.value).toBe("checkout_status");

    // Another URL has no stored secret: the field no longer says one is stored.
    const url = components("proxyUrl")[0];
    if (url === undefined) throw new Error("no URL input");
    url.value = "https://other.example.com/";
    url.dispatchEvent(new CustomEvent("change", { bubbles: true, detail: {} }));
    expect(secret.placeholder).toBe("");
  });

  it("shows each error on its field and in a summary, and saves nothing", async () => {
    const fake = installFakeKintone();
    const { container, screen, components, secret } = await render();
    secret.value = "short";
    screen.state.writeBack.paymentStatus = "payment_status";
    await expect(screen.save()).resolves.toBe(false);

    expect(fake.calls.filter((call) => !call.startsWith("api"))).toEqual([]);
    expect(components("proxyUrl")[0]?.error).toBe(t.settingsErrorEnterUrl);
    expect(container.querySelector(".ksc-settings-error")?.textContent).toBe(
      t.errorProxySecretTooShort(32),
    );
    expect(components("lineItem.name")[1]?.error).toBe(t.settingsErrorChooseField);
    expect(components("successUrl")[0]?.error).toBe(t.settingsErrorEnterUrl);
    expect(components("writeBack.paymentStatus")[0]?.error).toContain("no_payment_required");
    const summary = container.querySelector<HTMLElement>(".ksc-settings-summary");
    expect(summary?.hidden).toBe(false);
    expect(summary?.textContent).toContain(`${t.settingsName}: ${t.settingsErrorChooseField}`);
  });

  it("clears an error as soon as the field is corrected", async () => {
    installFakeKintone();
    const { container, screen, components } = await render();
    await expect(screen.save()).resolves.toBe(false);
    const field = components("lineItem.name")[1];
    if (field === undefined) throw new Error("no name field dropdown");
    expect(field.error).toBe(t.settingsErrorChooseField);

    field.value = "customer_name"; // as when the user picks it; KUC then fires change
    field.dispatchEvent(new CustomEvent("change", { bubbles: true, detail: {} }));

    expect(screen.state.lineItem.name.field).toBe("customer_name");
    expect(field.error).toBe("");
    const summary = container.querySelector(".ksc-settings-summary")?.textContent ?? "";
    expect(summary).not.toContain(t.settingsName);
    expect(summary).toContain(t.settingsSuccessUrl);
  });

  it("in subtable mode offers the chosen table's columns first in the line-item dropdowns", async () => {
    installFakeKintone();
    const { row, components, screen } = await render();
    expect(row("source.field").hidden).toBe(true);
    const change = (element: Element | undefined, value: string) => {
      if (element === undefined) throw new Error("no such control");
      (element as unknown as { value: string }).value = value;
      element.dispatchEvent(new CustomEvent("change", { bubbles: true, detail: {} }));
    };
    change(row("source.type").querySelector("kuc-radio-button-1-24-0") ?? undefined, "subtable");
    expect(row("source.field").hidden).toBe(false);
    change(components("source.field")[0], "items");
    expect(screen.state).toMatchObject({ sourceType: "subtable", subtableField: "items" });

    const priceItems = (
      components("lineItem.unitPrice")[1] as unknown as {
        items: Array<{ value: string }>;
      }
    ).items.map((item) => item.value);
    expect(priceItems.slice(0, 4)).toEqual(["", "item_unit_price", "item_quantity", "item_name"]);
    expect(priceItems).toContain("total");
    expect(priceItems).not.toContain("note_text");
  });

  it("offers repeat payments and recovery links, each explained, and saves them only when checked", async () => {
    const fake = installFakeKintone({
      config: { proxyUrl: "https://proxy.example.com/", mapping: STORED_MAPPING },
    });
    const { row, screen, secret } = await render();
    expect(row("allowRepeatPayment").textContent).toContain(t.settingsAllowRepeatPaymentHelp);
    expect(row("afterExpirationRecovery").textContent).toContain(
      t.settingsAfterExpirationRecoveryHelp,
    );
    const repeat = row("allowRepeatPayment").querySelector("kuc-checkbox-1-24-0") as unknown as
      (HTMLElement & { value: string[] }) | null;
    if (repeat === null) throw new Error("no repeat-payment checkbox");
    expect(repeat.value).toEqual([]);
    repeat.value = ["yes"];
    repeat.dispatchEvent(new CustomEvent("change", { bubbles: true, detail: {} }));
    expect(screen.state).toMatchObject({
      allowRepeatPayment: true,
      afterExpirationRecovery: false,
    });

    secret.value = SECRET;
    await expect(screen.save()).resolves.toBe(true);
    const saved = JSON.parse(fake.config.mapping ?? "") as Record<string, unknown>;
    expect(saved.allowRepeatPayment).toBe(true);
    expect(saved).not.toHaveProperty("afterExpirationRecovery");
  });

  it("offers number fields for the refunded amount, text for the PaymentIntent, links for the recovery URL", async () => {
    installFakeKintone();
    const { components } = await render();
    const offered = (control: string) => offeredFields(components(control));
    expect(offered("writeBack.amountRefunded")).toEqual([
      "amount_total",
      "customer_name",
      "customer_email",
    ]);
    expect(offered("writeBack.paymentIntentId")).toEqual(["customer_name", "customer_email"]);
    expect(offered("writeBack.recoveryUrl")).toEqual([
      "checkout_url",
      "customer_name",
      "customer_email",
    ]);
  });

  it("offers text fields for the buyer's id, name and phone, and only multi-line text for addresses", async () => {
    installFakeKintone();
    const { components } = await render();
    const offered = (control: string) => offeredFields(components(control));
    for (const key of ["customerId", "customerName", "customerPhone"]) {
      expect(offered(`writeBack.${key}`)).toEqual(["customer_name", "customer_email"]);
    }
    // The Orders form has no multi-line text field: an address has nowhere to go.
    expect(offered("writeBack.billingAddress")).toEqual([]);
    expect(offered("writeBack.shippingAddress")).toEqual([]);
  });

  it("saves a complete form: mapping in setConfig, secret and mapping in the proxy config", async () => {
    const fake = installFakeKintone();
    const { screen, secret, setUrl } = await render();
    setUrl("https://proxy.example.com");
    secret.value = SECRET;
    screen.state.lineItem.name = { mode: "field", field: "customer_name", text: "" };
    screen.state.lineItem.unitPrice = { mode: "const", field: "", text: "1800" };
    screen.state.successUrl = "https://shop.example.com/thanks";
    await expect(screen.save()).resolves.toBe(true);

    expect(fake.config.proxyUrl).toBe("https://proxy.example.com/");
    expect(JSON.parse(fake.config.mapping ?? "")).toMatchObject({
      lineItem: { name: { field: "customer_name" }, unitPrice: { const: "1800" } },
      currency: "JPY",
    });
    expect(JSON.stringify(fake.config)).not.toContain(SECRET);
    expect(fake.proxy.get("POST https://proxy.example.com/")).toEqual({
      headers: { Authorization: `Bearer ${SECRET}`, "X-Kintone-App-Id": "12" },
      data: { appId: "12", mapping: fake.config.mapping },
    });
    expect(secret.value).toBe("");
  });

  it("has kintone send a typed secret to diagnostics, says it works, and stores nothing for good", async () => {
    const fake = installFakeKintone();
    const { transport, sent, authorizationSent } = fakeTransport({
      status: 200,
      body: DIAGNOSTICS,
    });
    const { container, screen, secret, setUrl } = await render(transport);
    setUrl("https://proxy.example.com/");
    secret.value = SECRET;
    const report = await screen.testConnection();

    expect(report?.level).toBe("success");
    expect(sent).toEqual(["GET https://proxy.example.com/v1/diagnostics"]);
    expect(authorizationSent).toEqual([`Bearer ${SECRET}`]);
    expect(fake.proxy.get("GET https://proxy.example.com/")).toEqual({ headers: {}, data: {} });
    expect(fake.config).toEqual({});
    expect(container.querySelector(".ksc-settings-test-result")?.textContent).toContain(
      t.settingsTestTitleOk,
    );
  });

  it("asks for the secret before testing when none is stored", async () => {
    installFakeKintone();
    const { transport, sent } = fakeTransport({ status: 200, body: DIAGNOSTICS });
    const { container, screen, setUrl } = await render(transport);
    setUrl("https://proxy.example.com/");
    await expect(screen.testConnection()).resolves.toBeUndefined();
    expect(sent).toEqual([]);
    expect(container.querySelector(".ksc-settings-error")?.textContent).toBe(
      t.settingsErrorSecretForTest,
    );
  });

  it("says the secret is wrong when the proxy answers 401", async () => {
    installFakeKintone();
    const { transport } = fakeTransport({
      status: 401,
      body: { error: { code: "UNAUTHORIZED", message: "Unauthorized" } },
    });
    const { screen, secret, setUrl } = await render(transport);
    setUrl("https://proxy.example.com/");
    secret.value = SECRET;
    await expect(screen.testConnection()).resolves.toMatchObject({
      level: "danger",
      title: t.settingsTestWrongSecret,
    });
  });

  it("asks for the diagnostics in the screen's language and shows each problem with its fix", async () => {
    installFakeKintone();
    // What the proxy answers a Japanese caller for a read-only key and a view-only token.
    const keyProblem =
      "制限付きキーに Checkout Sessions の書き込み権限がありません (Stripe が権限エラーを返しました)。Stripe ダッシュボードで「Checkout Sessions: 書き込み」を付与してください。 → docs/ja/troubleshooting.md#stripe-permission-missing";
    const tokenProblem =
      "アプリ 12: API トークンはレコードを閲覧できますが編集できません。トークンに「レコード編集」を付けてください。 → docs/ja/troubleshooting.md#kintone-token-cannot-edit";
    const { transport, languagesSent } = fakeTransport({
      status: 200,
      body: {
        stripe: { ok: false, mode: "test", keyType: "restricted", problems: [keyProblem] },
        kintone: { ok: false, apps: [{ appId: "12", ok: false, problems: [tokenProblem] }] },
      },
    });
    const { container, screen, secret, setUrl } = await render(transport, "ja");
    setUrl("https://proxy.example.com/");
    secret.value = SECRET;
    const report = await screen.testConnection();

    expect(languagesSent).toEqual(["ja"]);
    expect(report?.level).toBe("danger");
    const ja = messages.ja;
    const shown = [...container.querySelectorAll(".ksc-settings-test-result li")].map(
      (item) => item.textContent,
    );
    expect(container.querySelector(".ksc-settings-test-title")?.textContent).toBe(
      ja.settingsTestTitleProblems,
    );
    expect(shown).toEqual([
      ja.settingsTestModeTest,
      ja.settingsTestKeyRestricted,
      ja.settingsTestStripeProblems,
      `• ${keyProblem}`,
      "アプリ 12: API トークンに問題があります:",
      `• ${tokenProblem}`,
    ]);
  });
});
