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

  it("passes every optional setting that has a value", () => {
    const params = buildCheckoutSessionParams(
      request({
        cancelUrl: "https://shop.example/cancel",
        customerEmail: "buyer@example.com",
        locale: "ja",
        allowPromotionCodes: false,
        billingAddressCollection: "required",
      }),
    );
    expect(params).toMatchObject({
      cancel_url: "https://shop.example/cancel",
      customer_email: "buyer@example.com",
      locale: "ja",
      allow_promotion_codes: false,
      billing_address_collection: "required",
    });
  });

  it("leaves out empty optional values instead of sending empty strings", () => {
    const params = buildCheckoutSessionParams(
      request({
        cancelUrl: "",
        customerEmail: " ",
        locale: "",
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
    expect(params).not.toHaveProperty("cancel_url");
    expect(params).not.toHaveProperty("customer_email");
    expect(params).not.toHaveProperty("locale");
    expect(params).not.toHaveProperty("client_reference_id");
    expect(params).not.toHaveProperty("allow_promotion_codes");
    expect(params).not.toHaveProperty("billing_address_collection");
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
