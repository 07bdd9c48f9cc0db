/**
 * Issue 17, what the Checkout options do end to end, through HTTP with the real adapters against
 * both emulators: a konbini-only link paid later, a buyer filling phone, shipping address and
 * custom fields on the emulator's page, an embedded session completed, a line with an existing Price.
 */
import { TOKYO_STRIPE_ADDRESS, tokyoAddressText } from "../../testkit/buyerAddresses";
import { DELIVERY_AND_WRAPPING_FIELDS } from "../../testkit/checkoutCustomFields";
import { addOrderRecords } from "../../testkit/orderRecords";
import { ORDERS_FIELDS } from "../../testkit/ordersFields";
import { ordersMappingJson, ORDERS_WRITE_BACK } from "../../testkit/ordersMapping";
import { ordersProxyPerTest } from "../../testkit/ordersProxyPerTest";
import { ORDERS_STRIPE_KEY, type OrdersProxy } from "../../testkit/startOrdersProxy";
import { TEST_WEBHOOK_SECRET } from "../../testkit/testSecrets";
import { waitFor } from "../../testkit/waitFor";

const OPTION_FIELDS = [
  { code: "customer_phone", label: "Phone", type: "SINGLE_LINE_TEXT" },
  { code: "shipping_address", label: "Shipping address", type: "MULTI_LINE_TEXT" },
  { code: "delivery_date", label: "Delivery date", type: "SINGLE_LINE_TEXT" },
  { code: "wrapping", label: "Wrapping", type: "SINGLE_LINE_TEXT" },
] as const;

const WRITE_BACK = { ...ORDERS_WRITE_BACK, paymentStatus: "pay_status" };

async function checkout(env: OrdersProxy, overrides: Record<string, unknown>, dryRun = false) {
  const [recordId] = addOrderRecords(env, [{ code: "TEA", name: "Tea", price: "500" }]);
  const answer = await env.call("POST", "/v1/checkouts", {
    appId: env.appId,
    records: [{ id: recordId }],
    mapping: ordersMappingJson({ writeBack: WRITE_BACK, ...overrides }),
    dryRun,
  });
  return { recordId: recordId!, answer };
}

describe("Checkout options end to end", () => {
  const env = ordersProxyPerTest({
    env: { STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET },
    stripe: { webhookRetry: { initialDelayMs: 20, maxAttempts: 2 } },
    fields: [...ORDERS_FIELDS, ...OPTION_FIELDS],
  });
  beforeEach(() =>
    env.stripe.configure({
      webhook: { url: `${env.proxy.url}/v1/stripe/webhook`, secret: TEST_WEBHOOK_SECRET },
    }),
  );

  it("writes a konbini-only JPY link complete / unpaid, then paid once the buyer pays at the store", async () => {
    const { recordId, answer } = await checkout(env, {
      paymentMethodTypes: ["konbini"],
      konbiniExpiresAfterDays: 3,
    });
    expect(answer.status).toBe(201);
    const sessionId = answer.body.sessions[0].id;
    // The session offers konbini only: a card payment is refused.
    await expect(env.stripe.payWithCard(sessionId)).rejects.toThrow();

    await env.stripe.payWithDelayedMethod(sessionId);
    await env.stripe.flushWebhooks();
    await waitFor(() => env.field(recordId, "status") === "complete");
    await waitFor(() => env.field(recordId, "pay_status") === "unpaid");

    await env.stripe.settleDelayedPayment(sessionId, "succeeded");
    await env.stripe.flushWebhooks();
    await waitFor(() => env.field(recordId, "pay_status") === "paid");
    expect(env.field(recordId, "status")).toBe("complete");
  });

  it("writes the phone, shipping address and two custom fields the buyer filled on the page", async () => {
    const { recordId, answer } = await checkout(env, {
      locale: "ja",
      phoneNumberCollection: true,
      shippingAddressCollection: { allowedCountries: ["JP"] },
      customFields: DELIVERY_AND_WRAPPING_FIELDS,
      writeBack: {
        ...WRITE_BACK,
        customerPhone: "customer_phone",
        shippingAddress: "shipping_address",
        customFields: { deliveryDate: "delivery_date", wrapping: "wrapping" },
      },
    });
    expect(answer.status).toBe(201);
    const url: string = answer.body.sessions[0].url;
    const page = await (await fetch(url)).text();
    // The session's locale is ja: the buyer's fields read in Japanese.
    for (const label of [
      "氏名",
      "電話番号",
      "配送先住所",
      "郵便番号",
      "配達希望日",
      "ギフト包装 (任意)",
    ])
      expect(page).toContain(label);
    expect(page).toContain('name="custom_deliveryDate"');

    const form = new URLSearchParams({
      name: "山田 太郎",
      phone: "+81312345678",
      shipping_country: "JP",
      shipping_postal_code: TOKYO_STRIPE_ADDRESS.postal_code,
      shipping_state: TOKYO_STRIPE_ADDRESS.state,
      shipping_city: TOKYO_STRIPE_ADDRESS.city,
      shipping_line1: TOKYO_STRIPE_ADDRESS.line1,
      shipping_line2: TOKYO_STRIPE_ADDRESS.line2,
      custom_deliveryDate: "12月24日午前",
      custom_wrapping: "gift",
    });
    const paid = await fetch(`${url}/card`, { method: "POST", body: form, redirect: "manual" });
    expect(paid.status).toBe(303);
    await env.stripe.flushWebhooks();
    await waitFor(() => env.field(recordId, "pay_status") === "paid");
    await waitFor(() => env.field(recordId, "delivery_date") === "12月24日午前");
    expect(env.field(recordId, "customer_phone")).toBe("+81312345678");
    expect(env.field(recordId, "shipping_address")).toBe(tokyoAddressText("山田 太郎"));
    expect(env.field(recordId, "wrapping")).toBe("ギフト用");
  });

  it("answers an embedded session's client secret, and writes paid once it is completed", async () => {
    const { recordId, answer } = await checkout(env, {
      successUrl: undefined,
      uiMode: "embedded",
      returnUrl: "https://shop.example.com/return?s={CHECKOUT_SESSION_ID}",
    });
    expect(answer.status).toBe(201);
    const [session] = answer.body.sessions;
    expect(session.url).toBeNull();
    expect(session.clientSecret).toEqual(expect.stringContaining("_secret_"));
    // The buyer pays on the page opened with the client secret and returns to the return URL.
    const page = `${env.stripe.url}/c/pay/${encodeURIComponent(session.clientSecret)}`;
    expect((await fetch(page)).status).toBe(200);
    const paid = await fetch(`${env.stripe.url}/c/pay/${session.id}/card`, {
      method: "POST",
      redirect: "manual",
    });
    expect(paid.headers.get("location")).toBe(`https://shop.example.com/return?s=${session.id}`);
    await env.stripe.flushWebhooks();
    await waitFor(() => env.field(recordId, "pay_status") === "paid");
    await waitFor(() => env.field(recordId, "status") === "complete");
  });

  it("previews and charges a line's existing Price at that Price's amount", async () => {
    const created = await fetch(`${env.stripe.url}/v1/prices`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${ORDERS_STRIPE_KEY}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        currency: "jpy",
        unit_amount: "1200",
        "product_data[name]": "Matcha set",
      }),
    });
    const price = (await created.json()) as { id: string };
    expect(price.id).toMatch(/^price_/);
    const mapping = { lineItem: { name: { field: "name" }, priceId: { const: price.id } } };

    const preview = await checkout(env, mapping, true);
    expect(preview.answer.status).toBe(200);
    const [planned] = preview.answer.body.preview.sessions;
    expect(planned.amountTotal).toBe(1200);
    expect(planned.lineItems[0]).toMatchObject({ unitAmount: 1200, quantity: 1 });

    env.stripe.clearRequests();
    const { answer } = await checkout(env, mapping);
    expect(answer.status).toBe(201);
    expect(answer.body.sessions[0].amountTotal).toBe(1200);
    const create = env.stripe.requests.find(
      (request) => request.method === "POST" && request.path === "/v1/checkout/sessions",
    );
    expect((create?.params as { line_items: unknown[] }).line_items).toEqual([
      { price: price.id, quantity: "1" },
    ]);
  });

  it("answers 422 for a line's Price that Stripe does not know, and creates no session", async () => {
    const { recordId, answer } = await checkout(env, {
      lineItem: { name: { field: "name" }, priceId: { const: "price_unknown" } },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.details).toEqual([
      expect.objectContaining({ recordId, code: "PRICE_NOT_FOUND" }),
    ]);
    expect(env.stripe.requests.filter((r) => r.path === "/v1/checkout/sessions")).toHaveLength(0);
  });
});
