import type Stripe from "stripe";
import { TOKYO_ADDRESS, TOKYO_STRIPE_ADDRESS } from "../../../../testkit/buyerAddresses";
import { toCheckoutSession } from "../toCheckoutSession";

const tokyo: Stripe.Address = TOKYO_STRIPE_ADDRESS;

function completedSession(
  overrides: Partial<Stripe.Checkout.Session> = {},
): Stripe.Checkout.Session {
  return {
    id: "cs_test_1",
    object: "checkout.session",
    url: null,
    status: "complete",
    payment_status: "paid",
    amount_total: 1999,
    currency: "jpy",
    customer: "cus_123",
    customer_email: null,
    customer_details: {
      address: tokyo,
      business_name: null,
      email: "taro@example.com",
      individual_name: null,
      name: "山田 太郎",
      phone: "+81312345678",
      tax_exempt: "none",
      tax_ids: [],
    },
    collected_information: {
      business_name: null,
      individual_name: null,
      shipping_details: { name: "山田 花子", address: { ...tokyo, line2: null } },
    },
    expires_at: 1_790_000_000,
    created: 1_789_990_000,
    payment_intent: "pi_1",
    client_reference_id: null,
    metadata: {},
    ...overrides,
  } as Stripe.Checkout.Session;
}

describe("toCheckoutSession › buyer", () => {
  it("maps a completed session's customer, customer_details and collected shipping details", () => {
    expect(toCheckoutSession(completedSession()).buyer).toEqual({
      customerId: "cus_123",
      name: "山田 太郎",
      phone: "+81312345678",
      billingAddress: TOKYO_ADDRESS,
      shipping: {
        name: "山田 花子",
        address: { ...TOKYO_ADDRESS, line2: null },
      },
    });
  });

  it("takes the id of an expanded customer and null for what Stripe did not collect", () => {
    const buyer = toCheckoutSession(
      completedSession({
        customer: { id: "cus_9", object: "customer" } as Stripe.Customer,
        customer_details: {
          address: null,
          business_name: null,
          email: "a@example.com",
          individual_name: null,
          name: null,
          phone: null,
          tax_exempt: "none",
          tax_ids: [],
        },
        collected_information: null,
      }),
    ).buyer;
    expect(buyer).toEqual({
      customerId: "cus_9",
      name: null,
      phone: null,
      billingAddress: null,
      shipping: null,
    });
  });

  it("has no buyer before the session completes", () => {
    expect(toCheckoutSession(completedSession({ status: "open" })).buyer).toBeUndefined();
    expect(toCheckoutSession(completedSession({ status: "expired" }))).not.toHaveProperty("buyer");
  });
});
