import type Stripe from "stripe";
import { toCheckoutSession } from "../toCheckoutSession";

function stripeSession(overrides: Partial<Stripe.Checkout.Session> = {}): Stripe.Checkout.Session {
  return {
    id: "cs_test_1",
    object: "checkout.session",
    url: "https://checkout.example/pay/cs_test_1",
    status: "open",
    payment_status: "unpaid",
    amount_total: 1999,
    currency: "usd",
    customer_details: null,
    customer_email: null,
    expires_at: 1_790_000_000,
    created: 1_789_990_000,
    payment_intent: null,
    client_reference_id: "12:1",
    metadata: { appId: "12" },
    ...overrides,
  } as Stripe.Checkout.Session;
}

describe("toCheckoutSession", () => {
  it("maps Stripe's session to the port's shape with Dates", () => {
    expect(toCheckoutSession(stripeSession())).toEqual({
      id: "cs_test_1",
      url: "https://checkout.example/pay/cs_test_1",
      clientSecret: null,
      status: "open",
      paymentStatus: "unpaid",
      amountTotal: 1999,
      currency: "usd",
      customerEmail: null,
      expiresAt: new Date(1_790_000_000_000),
      createdAt: new Date(1_789_990_000_000),
      paymentIntentId: null,
      clientReferenceId: "12:1",
      metadata: { appId: "12" },
      recoveryUrl: null,
      recoveredFrom: null,
    });
  });

  it("maps an expired session's recovery URL and a recovered session's origin", () => {
    const expired = toCheckoutSession(
      stripeSession({
        status: "expired",
        after_expiration: {
          recovery: {
            enabled: true,
            allow_promotion_codes: false,
            expires_at: 1_792_592_000,
            url: "https://checkout.example/c/recover/abc",
          },
        },
      }),
    );
    expect(expired.recoveryUrl).toBe("https://checkout.example/c/recover/abc");
    const recovered = toCheckoutSession(stripeSession({ recovered_from: "cs_test_0" }));
    expect(recovered.recoveredFrom).toBe("cs_test_0");
  });

  it("takes the e-mail the buyer entered over the prefilled one, and the payment intent's id", () => {
    const session = toCheckoutSession(
      stripeSession({
        status: "complete",
        payment_status: "paid",
        currency: "JPY",
        customer_email: "prefill@example.com",
        customer_details: { email: "buyer@example.com" } as Stripe.Checkout.Session.CustomerDetails,
        payment_intent: { id: "pi_1" } as Stripe.PaymentIntent,
        url: null,
        metadata: null,
      }),
    );
    expect(session).toMatchObject({
      status: "complete",
      paymentStatus: "paid",
      currency: "jpy",
      customerEmail: "buyer@example.com",
      paymentIntentId: "pi_1",
      url: null,
      metadata: {},
    });
  });

  it("keeps the prefilled e-mail and a payment intent given as an id", () => {
    const session = toCheckoutSession(
      stripeSession({ customer_email: "prefill@example.com", payment_intent: "pi_2" }),
    );
    expect(session.customerEmail).toBe("prefill@example.com");
    expect(session.paymentIntentId).toBe("pi_2");
  });
});
