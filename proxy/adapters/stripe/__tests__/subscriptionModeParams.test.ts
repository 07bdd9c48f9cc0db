import { buildCheckoutSessionParams } from "../buildCheckoutSessionParams";
import type { CheckoutSessionRequest } from "../../../ports/PaymentGateway";

const metadata = { kintone_app_id: "12", kintone_record_ids: "1" };

function subscriptionRequest(overrides: Partial<CheckoutSessionRequest> = {}) {
  const request: CheckoutSessionRequest = {
    idempotencyKey: "checkout-1",
    currency: "JPY",
    lineItems: [
      {
        product: { name: "Membership" },
        unitAmount: 5000,
        quantity: 1,
        recurring: { interval: "month", intervalCount: 1 },
      },
      { product: { name: "Joining fee" }, unitAmount: 1000, quantity: 1 },
    ],
    successUrl: "https://shop.example/thanks",
    expiresAt: new Date("2026-11-24T10:00:00Z"),
    clientReferenceId: "kintone-12-1",
    metadata,
    subscription: { metadata },
    ...overrides,
  };
  return buildCheckoutSessionParams(request);
}

describe("buildCheckoutSessionParams in subscription mode", () => {
  it("asks for a subscription with recurring price_data beside one-time lines", () => {
    const params = subscriptionRequest();
    expect(params.mode).toBe("subscription");
    expect(params.line_items).toEqual([
      {
        price_data: {
          currency: "jpy",
          unit_amount: 5000,
          recurring: { interval: "month", interval_count: 1 },
          product_data: { name: "Membership" },
        },
        quantity: 1,
      },
      {
        price_data: { currency: "jpy", unit_amount: 1000, product_data: { name: "Joining fee" } },
        quantity: 1,
      },
    ]);
  });

  it("gives the subscription the session's metadata, so its events find the records", () => {
    const params = subscriptionRequest();
    expect(params.metadata).toEqual(metadata);
    expect(params.subscription_data).toEqual({ metadata });
  });

  it("charges an existing recurring Price as it is", () => {
    const params = subscriptionRequest({
      lineItems: [
        {
          product: { name: "Membership" },
          unitAmount: 5000,
          quantity: 1,
          priceId: "price_monthly",
          recurring: { interval: "month", intervalCount: 1 },
        },
      ],
    });
    expect(params.line_items).toEqual([{ price: "price_monthly", quantity: 1 }]);
  });

  it("leaves out what Stripe takes in payment mode only", () => {
    const params = subscriptionRequest({
      options: { customerCreation: "always", submitType: "pay", konbiniExpiresAfterDays: 3 },
      taxAndInvoice: { invoiceCreation: { enabled: true, footer: "T1234567890123" } },
    });
    expect(params).not.toHaveProperty("customer_creation");
    expect(params).not.toHaveProperty("payment_method_options");
    expect(params).not.toHaveProperty("invoice_creation");
    expect(params).not.toHaveProperty("payment_intent_data");
  });

  it("keeps submit_type, which Stripe takes in subscription mode too", () => {
    const params = subscriptionRequest({ options: { submitType: "book" } });
    expect(params.submit_type).toBe("book");
  });

  it("keeps a payment session's mode and parameters when no subscription is asked for", () => {
    const params = subscriptionRequest({
      subscription: undefined,
      options: { customerCreation: "always" },
    });
    expect(params.mode).toBe("payment");
    expect(params.customer_creation).toBe("always");
    expect(params).not.toHaveProperty("subscription_data");
  });
});
