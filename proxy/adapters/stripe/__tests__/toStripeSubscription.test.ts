import type Stripe from "stripe";
import { toPaymentEvent } from "../toPaymentEvent";

const metadata = { kintone_app_id: "12", kintone_record_ids: "1" };

function stripeEvent(type: string, object: object): Stripe.Event {
  return {
    id: "evt_1",
    object: "event",
    created: 1_800_000_000,
    type,
    data: { object },
  } as unknown as Stripe.Event;
}

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
        metadata,
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
        metadata,
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
          subscription_details: { subscription: "sub_1", metadata },
        },
        lines: { object: "list", data: [{ period: { start: 1_800_000_000, end: 1_802_600_000 } }] },
      }),
    );
    expect(event).toMatchObject({
      type: "invoice.payment_failed",
      invoice: {
        id: "in_1",
        subscription: { id: "sub_1", periodEnd: 1_802_600_000, metadata },
      },
    });
  });

  it("leave a one-time invoice without a subscription", () => {
    const event = toPaymentEvent(
      stripeEvent("invoice.paid", {
        id: "in_2",
        object: "invoice",
        number: "ABC-0003",
        metadata,
        parent: null,
        lines: { object: "list", data: [] },
      }),
    );
    expect(event).toMatchObject({ type: "invoice.paid", invoice: { subscription: null } });
  });
});
