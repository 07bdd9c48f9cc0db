/**
 * Issue 17, the Checkout options, through HTTP with the real adapters against both emulators:
 * each mapping key reaches Stripe as the parameter the pinned API version documents, and a value
 * outside Stripe's rules is refused before anything is sent to Stripe.
 */
import { DELIVERY_AND_WRAPPING_FIELDS } from "../../testkit/checkoutCustomFields";
import { addOrderRecords } from "../../testkit/orderRecords";
import { ordersMappingJson } from "../../testkit/ordersMapping";
import { ordersProxyPerTest } from "../../testkit/ordersProxyPerTest";
import { ORDERS_STRIPE_KEY, type OrdersProxy } from "../../testkit/startOrdersProxy";

const SESSIONS_PATH = "/v1/checkout/sessions";

/** Checks out one ¥500 record with the mapping's keys over the Orders mapping. */
async function checkout(env: OrdersProxy, overrides: Record<string, unknown>, currency = "") {
  const [recordId] = addOrderRecords(env, [{ code: "TEA", name: "Tea", price: "500", currency }]);
  const answer = await env.call("POST", "/v1/checkouts", {
    appId: env.appId,
    records: [{ id: recordId }],
    mapping: ordersMappingJson(overrides),
  });
  return { recordId: recordId!, answer };
}

/** The parameters of every session the emulator was asked to create. */
function sessionCreates(env: OrdersProxy): Record<string, unknown>[] {
  return env.stripe.requests
    .filter((request) => request.method === "POST" && request.path === SESSIONS_PATH)
    .map((request) => request.params as Record<string, unknown>);
}

/** The one session create the proxy sent, once it answered 201. */
async function sentParams(env: OrdersProxy, overrides: Record<string, unknown>) {
  const { answer } = await checkout(env, overrides);
  expect(answer.status).toBe(201);
  const creates = sessionCreates(env);
  expect(creates).toHaveLength(1);
  return creates[0]!;
}

describe("POST /v1/checkouts with Checkout options", () => {
  const env = ordersProxyPerTest();

  it("sends paymentMethodTypes as allowed_payment_method_types", async () => {
    const params = await sentParams(env, { paymentMethodTypes: ["card", "konbini"] });
    expect(params.allowed_payment_method_types).toEqual(["card", "konbini"]);
    expect(params).not.toHaveProperty("payment_method_types");
  });

  it("sends konbiniExpiresAfterDays as payment_method_options.konbini.expires_after_days", async () => {
    const params = await sentParams(env, {
      paymentMethodTypes: ["konbini"],
      konbiniExpiresAfterDays: 3,
    });
    expect(params.payment_method_options).toEqual({ konbini: { expires_after_days: "3" } });
  });

  it("sends phoneNumberCollection as phone_number_collection.enabled", async () => {
    const params = await sentParams(env, { phoneNumberCollection: true });
    expect(params.phone_number_collection).toEqual({ enabled: "true" });
  });

  it("sends shippingAddressCollection as shipping_address_collection.allowed_countries", async () => {
    const params = await sentParams(env, {
      shippingAddressCollection: { allowedCountries: ["JP", "US"] },
    });
    expect(params.shipping_address_collection).toEqual({ allowed_countries: ["JP", "US"] });
  });

  it("sends shippingRates as shipping_options[].shipping_rate", async () => {
    const params = await sentParams(env, { shippingRates: ["shr_standard", "shr_express"] });
    expect(params.shipping_options).toEqual([
      { shipping_rate: "shr_standard" },
      { shipping_rate: "shr_express" },
    ]);
  });

  it("sends customFields as custom_fields with custom labels and dropdown options", async () => {
    const params = await sentParams(env, { customFields: DELIVERY_AND_WRAPPING_FIELDS });
    expect(params.custom_fields).toEqual([
      { key: "deliveryDate", label: { type: "custom", custom: "配達希望日" }, type: "text" },
      {
        key: "wrapping",
        label: { type: "custom", custom: "ギフト包装" },
        type: "dropdown",
        optional: "true",
        dropdown: {
          options: [
            { value: "none", label: "なし" },
            { value: "gift", label: "ギフト用" },
          ],
        },
      },
    ]);
  });

  it("sends customText as custom_text messages", async () => {
    const params = await sentParams(env, {
      customText: { submit: "ご注文を確定します", afterSubmit: "ありがとうございます" },
    });
    expect(params.custom_text).toEqual({
      submit: { message: "ご注文を確定します" },
      after_submit: { message: "ありがとうございます" },
    });
  });

  it("sends consentCollection and its terms text as consent_collection and custom_text", async () => {
    const params = await sentParams(env, {
      consentCollection: { termsOfService: "required", promotions: "none" },
      customText: { termsOfServiceAcceptance: "利用規約に同意します" },
    });
    expect(params.consent_collection).toEqual({ terms_of_service: "required", promotions: "none" });
    expect(params.custom_text).toEqual({
      terms_of_service_acceptance: { message: "利用規約に同意します" },
    });
  });

  it("sends submitType as submit_type", async () => {
    const params = await sentParams(env, { submitType: "book" });
    expect(params.submit_type).toBe("book");
  });

  it("sends customerCreation as customer_creation", async () => {
    const params = await sentParams(env, { customerCreation: "always" });
    expect(params.customer_creation).toBe("always");
  });

  it("sends the record's existing customer as customer", async () => {
    const made = await fetch(`${env.stripe.url}/v1/customers`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${ORDERS_STRIPE_KEY}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ email: "hanako@example.com", name: "Hanako" }),
    });
    const customer = (await made.json()) as { id: string };
    env.stripe.clearRequests();
    const [recordId] = addOrderRecords(env, [{ name: "Tea", price: "500", region: customer.id }]);
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id: recordId }],
      mapping: ordersMappingJson({ customer: { field: "region" } }),
    });
    expect(answer.status).toBe(201);
    const [params] = sessionCreates(env);
    expect(params?.customer).toBe(customer.id);
    expect(params).not.toHaveProperty("customer_email");
  });

  it("sends locale as locale", async () => {
    const params = await sentParams(env, { locale: "ja" });
    expect(params.locale).toBe("ja");
  });

  it("sends embedded mode as ui_mode embedded_page, redirect_on_completion if_required and return_url, and answers its client secret", async () => {
    const { answer } = await checkout(env, {
      successUrl: undefined,
      uiMode: "embedded",
      returnUrl: "https://shop.example.com/return?s={CHECKOUT_SESSION_ID}",
    });
    expect(answer.status).toBe(201);
    const [params] = sessionCreates(env);
    expect(params?.ui_mode).toBe("embedded_page");
    expect(params?.redirect_on_completion).toBe("if_required");
    expect(params?.return_url).toBe("https://shop.example.com/return?s={CHECKOUT_SESSION_ID}");
    expect(params).not.toHaveProperty("success_url");
    const [session] = answer.body.sessions;
    expect(session.url).toBeNull();
    expect(session.clientSecret).toMatch(/^cs_test_\w+_secret_\w+$/);
  });

  it("answers a hosted session with its url and a null clientSecret", async () => {
    const { answer } = await checkout(env, {});
    expect(answer.status).toBe(201);
    const [session] = answer.body.sessions;
    expect(session.url).toMatch(/^http/);
    expect(session.clientSecret).toBeNull();
  });

  it("sends no option parameter for a mapping without options", async () => {
    const params = await sentParams(env, {});
    for (const key of [
      "ui_mode", "redirect_on_completion", "return_url", "allowed_payment_method_types",
      "payment_method_options", "phone_number_collection", "shipping_address_collection", "shipping_options",
      "custom_fields", "custom_text", "consent_collection", "submit_type", "customer",
      "customer_creation",
    ]) expect(params).not.toHaveProperty(key); // prettier-ignore
  });
});

describe("POST /v1/checkouts refuses options outside Stripe's rules, with no Stripe call", () => {
  const env = ordersProxyPerTest();

  /** The mapping fails its schema: 400, naming the key. */
  async function expectMappingRefused(overrides: Record<string, unknown>, path: string) {
    const { answer } = await checkout(env, overrides);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("BAD_REQUEST");
    expect(answer.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(env.stripe.requests).toHaveLength(0);
  }

  it("refuses konbiniExpiresAfterDays over 60", () =>
    expectMappingRefused(
      { paymentMethodTypes: ["konbini"], konbiniExpiresAfterDays: 61 },
      "konbiniExpiresAfterDays",
    ));

  it("refuses konbini with a USD mapping currency", () =>
    expectMappingRefused(
      { currency: "USD", paymentMethodTypes: ["card", "konbini"] },
      "paymentMethodTypes.1",
    ));

  it("refuses a payment method Stripe does not know", () =>
    expectMappingRefused({ paymentMethodTypes: ["cheque"] }, "paymentMethodTypes.0"));

  it("refuses a shipping country that is no ISO code", () =>
    expectMappingRefused(
      { shippingAddressCollection: { allowedCountries: ["Japan"] } },
      "shippingAddressCollection.allowedCountries.0",
    ));

  it("refuses more than 5 shipping rates", () =>
    expectMappingRefused(
      { shippingRates: ["shr_1", "shr_2", "shr_3", "shr_4", "shr_5", "shr_6"] },
      "shippingRates",
    ));

  it("refuses more than 3 custom fields", () =>
    expectMappingRefused(
      {
        customFields: ["a", "b", "c", "d"].map((key) => ({ key, label: key, type: "text" })),
      },
      "customFields",
    ));

  it("refuses a custom text over 1,200 characters", () =>
    expectMappingRefused({ customText: { submit: "x".repeat(1201) } }, "customText.submit"));

  it("refuses the terms text without the terms checkbox", () =>
    expectMappingRefused(
      { customText: { termsOfServiceAcceptance: "OK" } },
      "customText.termsOfServiceAcceptance",
    ));

  it("refuses a submit type Stripe does not know", () =>
    expectMappingRefused({ submitType: "buy" }, "submitType"));

  it("refuses embedded mode without a return URL", () =>
    expectMappingRefused({ successUrl: undefined, uiMode: "embedded" }, "returnUrl"));

  it("refuses embedded mode with a success URL", () =>
    expectMappingRefused(
      { uiMode: "embedded", returnUrl: "https://shop.example.com/return" },
      "successUrl",
    ));

  it("answers 422 naming the record's currency field for a USD record with konbini", async () => {
    const { recordId, answer } = await checkout(
      env,
      { currency: { field: "currency" }, paymentMethodTypes: ["konbini"] },
      "USD",
    );
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("VALIDATION_FAILED");
    expect(answer.body.error.details).toEqual([
      expect.objectContaining({ recordId, field: "currency", code: "PAYMENT_METHOD_CURRENCY" }),
    ]);
    expect(env.stripe.requests).toHaveLength(0);
  });

  it("answers 422 naming the record's field for a customer that is no cus_ id", async () => {
    const [recordId] = addOrderRecords(env, [{ name: "Tea", price: "500", region: "alice" }]);
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id: recordId }],
      mapping: ordersMappingJson({ customer: { field: "region" } }),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.details).toEqual([
      expect.objectContaining({ recordId, field: "region", code: "INVALID_CUSTOMER_ID" }),
    ]);
    expect(env.stripe.requests).toHaveLength(0);
  });
});
