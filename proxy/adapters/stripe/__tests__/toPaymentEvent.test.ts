import type Stripe from "stripe";
import { toPaymentEvent } from "../toPaymentEvent";

function stripeEvent(type: string, object: object): Stripe.Event {
  return {
    id: "evt_1",
    object: "event",
    created: 1_800_000_000,
    type,
    data: { object },
  } as unknown as Stripe.Event;
}

describe("toPaymentEvent", () => {
  it("reads a refunded charge: amounts in minor units and its payment intent", () => {
    const event = toPaymentEvent(
      stripeEvent("charge.refunded", {
        id: "ch_1",
        object: "charge",
        amount: 1250,
        amount_refunded: 500,
        currency: "USD",
        payment_intent: "pi_1",
      }),
    );
    expect(event).toEqual({
      id: "evt_1",
      type: "charge.refunded",
      created: 1_800_000_000,
      charge: {
        id: "ch_1",
        paymentIntentId: "pi_1",
        amount: 1250,
        amountRefunded: 500,
        currency: "usd",
      },
    });
  });

  it("keeps the session of a checkout event in the port's shape", () => {
    const event = toPaymentEvent(
      stripeEvent("checkout.session.async_payment_failed", {
        id: "cs_1",
        object: "checkout.session",
        status: "complete",
        payment_status: "unpaid",
        amount_total: 900,
        currency: "jpy",
        expires_at: 1_800_086_400,
        created: 1_800_000_000,
        payment_intent: { id: "pi_2" },
        metadata: { kintone_app_id: "12" },
      }),
    );
    expect(event).toMatchObject({
      type: "checkout.session.async_payment_failed",
      session: {
        id: "cs_1",
        paymentStatus: "unpaid",
        paymentIntentId: "pi_2",
        metadata: { kintone_app_id: "12" },
      },
    });
  });

  it.each([
    ["charge.dispute.created", "needs_response"],
    ["charge.dispute.closed", "lost"],
  ])("reads a dispute of %s: its charge, payment intent, status and amount", (type, status) => {
    const event = toPaymentEvent(
      stripeEvent(type, {
        id: "dp_1",
        object: "dispute",
        charge: "ch_1",
        payment_intent: { id: "pi_1" },
        status,
        amount: 1250,
        currency: "USD",
      }),
    );
    expect(event).toEqual({
      id: "evt_1",
      type,
      created: 1_800_000_000,
      dispute: {
        id: "dp_1",
        chargeId: "ch_1",
        paymentIntentId: "pi_1",
        status,
        amount: 1250,
        currency: "usd",
      },
    });
  });

  it("names any other type as unhandled", () => {
    expect(toPaymentEvent(stripeEvent("customer.created", { id: "cus_1" }))).toEqual({
      id: "evt_1",
      type: "unhandled",
      stripeType: "customer.created",
      created: 1_800_000_000,
    });
  });
});
