import { buildCheckoutSessionParams } from "../buildCheckoutSessionParams";
import type { CheckoutSessionRequest } from "../../../ports/PaymentGateway";

const expiresAt = new Date("2026-11-24T10:00:00.500Z");

function request(overrides: Partial<CheckoutSessionRequest> = {}): CheckoutSessionRequest {
  return {
    idempotencyKey: "checkout-1",
    currency: "JPY",
    lineItems: [{ product: { id: "kc_abc" }, unitAmount: 500, quantity: 2 }],
    successUrl: "https://shop.example/thanks?session={CHECKOUT_SESSION_ID}",
    expiresAt,
    clientReferenceId: "12:1",
    metadata: { appId: "12", recordIds: "1" },
    ...overrides,
  };
}

/**
 * The request's optional settings, Stripe's parameter for each, a value, and an empty value the
 * request may carry (`undefined`: the setting is simply not given).
 */
const OPTIONAL_SETTINGS: {
  field: keyof CheckoutSessionRequest;
  param: string;
  value: string | boolean;
  empty?: string;
}[] = [
  { field: "cancelUrl", param: "cancel_url", value: "https://shop.example/cancel", empty: "" },
  { field: "customerEmail", param: "customer_email", value: "buyer@example.com", empty: " " },
  { field: "locale", param: "locale", value: "ja", empty: "" },
  { field: "allowPromotionCodes", param: "allow_promotion_codes", value: false },
  { field: "billingAddressCollection", param: "billing_address_collection", value: "required" },
];

describe("buildCheckoutSessionParams", () => {
  it("builds a payment-mode session with catalogue products, lower-case currency and unix expiry", () => {
    expect(buildCheckoutSessionParams(request())).toEqual({
      mode: "payment",
      line_items: [
        {
          price_data: { currency: "jpy", unit_amount: 500, product: "kc_abc" },
          quantity: 2,
        },
      ],
      success_url: "https://shop.example/thanks?session={CHECKOUT_SESSION_ID}",
      expires_at: Math.floor(expiresAt.getTime() / 1000),
      client_reference_id: "12:1",
      metadata: { appId: "12", recordIds: "1" },
    });
  });

  it("asks for a recovery URL on expiry when the request wants recovery", () => {
    expect(buildCheckoutSessionParams(request({ afterExpirationRecovery: true }))).toMatchObject({
      after_expiration: { recovery: { enabled: true } },
    });
    expect(buildCheckoutSessionParams(request())).not.toHaveProperty("after_expiration");
  });

  it("passes every optional setting that has a value", () => {
    const given = Object.fromEntries(OPTIONAL_SETTINGS.map((s) => [s.field, s.value]));
    const sent = Object.fromEntries(OPTIONAL_SETTINGS.map((s) => [s.param, s.value]));
    expect(buildCheckoutSessionParams(request(given))).toMatchObject(sent);
  });

  it("leaves out empty optional values instead of sending empty strings", () => {
    const empty = Object.fromEntries(
      OPTIONAL_SETTINGS.flatMap((s) => (s.empty === undefined ? [] : [[s.field, s.empty]])),
    );
    const params = buildCheckoutSessionParams(
      request({
        ...empty,
        clientReferenceId: "",
        metadata: { appId: "12", note: "" },
        lineItems: [
          {
            product: {
              name: "T-shirt",
              description: "",
              images: ["", "https://img.example/a.png"],
            },
            unitAmount: 1999,
            quantity: 1,
          },
          { product: { name: "Cap", images: [] }, unitAmount: 500, quantity: 1 },
        ],
      }),
    );
    for (const { param } of OPTIONAL_SETTINGS) expect(params).not.toHaveProperty(param);
    expect(params).not.toHaveProperty("client_reference_id");
    expect(params.metadata).toEqual({ appId: "12" });
    expect(params.line_items?.[0]?.price_data?.product_data).toEqual({
      name: "T-shirt",
      images: ["https://img.example/a.png"],
    });
    expect(params.line_items?.[1]?.price_data?.product_data).toEqual({ name: "Cap" });
  });

  it("leaves metadata out entirely when nothing is left in it", () => {
    expect(buildCheckoutSessionParams(request({ metadata: {} }))).not.toHaveProperty("metadata");
  });

  it("turns adjustable quantity on with only the bounds given", () => {
    const params = buildCheckoutSessionParams(
      request({
        lineItems: [
          {
            product: { id: "kc_1" },
            unitAmount: 100,
            quantity: 1,
            adjustableQuantity: { minimum: 1, maximum: 10 },
          },
          { product: { id: "kc_2" }, unitAmount: 100, quantity: 1, adjustableQuantity: {} },
          { product: { id: "kc_3" }, unitAmount: 100, quantity: 1 },
        ],
      }),
    );
    expect(params.line_items?.map((line) => line.adjustable_quantity)).toEqual([
      { enabled: true, minimum: 1, maximum: 10 },
      { enabled: true },
      undefined,
    ]);
  });
});
