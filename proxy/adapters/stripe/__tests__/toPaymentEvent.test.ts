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

const subscriptionMetadata = { kintone_app_id: "12", kintone_record_ids: "1" };

function item(current_period_end: number) {
  return { id: `si_${current_period_end}`, current_period_end, current_period_start: 1 };
}

describe("subscription events in the port's shape", () => {
  it("read the period end from the items, as the pinned API version puts it: the earliest", () => {
    const event = toPaymentEvent(
      stripeEvent("customer.subscription.updated", {
        id: "sub_1",
        object: "subscription",
        status: "past_due",
        cancel_at_period_end: true,
        metadata: subscriptionMetadata,
        items: { object: "list", data: [item(1_802_000_000), item(1_801_000_000)] },
      }),
    );
    expect(event).toEqual({
      id: "evt_1",
      type: "customer.subscription.updated",
      created: 1_800_000_000,
      subscription: {
        id: "sub_1",
        status: "past_due",
        currentPeriodEnd: 1_801_000_000,
        cancelAtPeriodEnd: true,
        metadata: subscriptionMetadata,
      },
    });
  });

  it("read a subscription's invoice: its subscription, and the end of the period its lines bill", () => {
    const event = toPaymentEvent(
      stripeEvent("invoice.payment_failed", {
        id: "in_1",
        object: "invoice",
        number: "ABC-0002",
        hosted_invoice_url: null,
        invoice_pdf: null,
        metadata: {},
        // The invoice's own period is the one that just ended; its lines bill the next one.
        period_end: 1_800_000_000,
        parent: {
          type: "subscription_details",
          subscription_details: { subscription: "sub_1", metadata: subscriptionMetadata },
        },
        lines: { object: "list", data: [{ period: { start: 1_800_000_000, end: 1_802_600_000 } }] },
      }),
    );
    expect(event).toMatchObject({
      type: "invoice.payment_failed",
      invoice: {
        id: "in_1",
        subscription: { id: "sub_1", periodEnd: 1_802_600_000, metadata: subscriptionMetadata },
      },
    });
  });

  it("leave a one-time invoice without a subscription", () => {
    const event = toPaymentEvent(
      stripeEvent("invoice.paid", {
        id: "in_2",
        object: "invoice",
        number: "ABC-0003",
        metadata: subscriptionMetadata,
        parent: null,
        lines: { object: "list", data: [] },
      }),
    );
    expect(event).toMatchObject({ type: "invoice.paid", invoice: { subscription: null } });
  });
});
