import { ingestPaymentEvent } from "../applyPaymentEvent";
import type { PaymentEvent } from "../../ports/PaymentEvent";
import type { StripeSubscription } from "../../ports/Subscription";
import {
  journalSession,
  NOW,
  oneRecordSetup,
  stripeSession,
} from "../../sessions/__tests__/sessionFixtures";
import { APP, baseMapping } from "../../../testkit/productRecords";
import { syncCheckout } from "../../sessions/syncCheckout";
import { ORDERS_LINE_ITEM } from "../../../testkit/ordersMapping";

const T0 = NOW.getTime() / 1000;
const DAY = 86_400;
const P1 = T0 + 31 * DAY;
const P2 = P1 + 28 * DAY;
const metadata = { kintone_app_id: APP, kintone_record_ids: "1" };

const SUBSCRIPTION_WRITE_BACK = {
  status: "status",
  paymentStatus: "pay_status",
  paidAt: "paid_at",
  subscriptionId: "sub_id",
  subscriptionStatus: "sub_status",
  currentPeriodEnd: "period_end",
};

async function setup() {
  const made = oneRecordSetup();
  const mappingJson = JSON.stringify(
    baseMapping({
      mode: "subscription",
      lineItem: { ...ORDERS_LINE_ITEM, recurring: { interval: { const: "month" } } },
      writeBack: SUBSCRIPTION_WRITE_BACK,
    }),
  );
  await made.journal.sessions.save(journalSession(made.recordId, { mappingJson }));
  const field = (code: string) => made.records.field(APP, made.recordId, code);
  return { ...made, field };
}

let eventCount = 0;
function completed(created = T0): PaymentEvent {
  const session = stripeSession({
    status: "complete",
    paymentStatus: "paid",
    metadata,
    subscriptionId: "sub_1",
  });
  return { id: `evt_${++eventCount}`, type: "checkout.session.completed", created, session };
}

function subscriptionEvent(
  type: "customer.subscription.created" | "customer.subscription.updated",
  created: number,
  subscription: Partial<StripeSubscription>,
): PaymentEvent {
  return {
    id: `evt_${++eventCount}`,
    type,
    created,
    subscription: {
      id: "sub_1",
      status: "active",
      currentPeriodEnd: P1,
      cancelAtPeriodEnd: false,
      metadata,
      ...subscription,
    },
  };
}

function invoiceEvent(paid: boolean, created: number, periodEnd: number): PaymentEvent {
  return {
    id: `evt_${++eventCount}`,
    type: paid ? "invoice.paid" : "invoice.payment_failed",
    created,
    invoice: {
      id: `in_${eventCount}`,
      number: null,
      hostedInvoiceUrl: null,
      invoicePdf: null,
      metadata: {},
      subscription: { id: "sub_1", periodEnd, metadata },
    },
  };
}

const kintoneTime = (seconds: number) =>
  new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

describe("a subscription's events", () => {
  it("write the subscription's id, state and period end into the record of its session", async () => {
    const { eventDeps, field } = await setup();
    expect(await ingestPaymentEvent(eventDeps, completed())).toBe("applied");
    expect(field("sub_id")).toBe("sub_1");
    expect(field("pay_status")).toBe("paid");

    await ingestPaymentEvent(eventDeps, subscriptionEvent("customer.subscription.created", T0, {}));
    expect(field("sub_status")).toBe("active");
    expect(field("period_end")).toBe(kintoneTime(P1));
  });

  it("are kept when they come before the session's completion, and applied once it arrives", async () => {
    const { eventDeps, field, journal } = await setup();
    const early = subscriptionEvent("customer.subscription.created", T0, {});
    expect(await ingestPaymentEvent(eventDeps, early)).toBe("deferred");
    expect(await ingestPaymentEvent(eventDeps, invoiceEvent(true, T0, P1))).toBe("deferred");

    await ingestPaymentEvent(eventDeps, completed());
    expect(field("sub_status")).toBe("active");
    expect(field("period_end")).toBe(kintoneTime(P1));
    expect(await journal.stripeEvents.listUnapplied(10)).toEqual([]);
  });

  it("move paidAt and the period on with each renewal, then show a failed one as failed / past_due", async () => {
    const { eventDeps, field } = await setup();
    await ingestPaymentEvent(eventDeps, completed());
    await ingestPaymentEvent(eventDeps, subscriptionEvent("customer.subscription.created", T0, {}));
    await ingestPaymentEvent(eventDeps, invoiceEvent(true, T0, P1));

    await ingestPaymentEvent(eventDeps, invoiceEvent(true, P1, P2));
    expect(field("paid_at")).toBe(kintoneTime(P1));
    expect(field("period_end")).toBe(kintoneTime(P2));
    expect(field("pay_status")).toBe("paid");

    await ingestPaymentEvent(eventDeps, invoiceEvent(false, P2, P2 + 30 * DAY));
    expect(field("pay_status")).toBe("failed");
    expect(field("sub_status")).toBe("past_due");
    expect(field("paid_at")).toBe(kintoneTime(P1));
  });

  it("leave a record's failed renewal in place when its session is synced later", async () => {
    const { eventDeps, deps, gateway, field } = await setup();
    await ingestPaymentEvent(eventDeps, completed());
    await ingestPaymentEvent(eventDeps, invoiceEvent(true, T0, P1));
    await ingestPaymentEvent(eventDeps, invoiceEvent(false, P1, P2));
    gateway.sessions.set(
      "cs_1",
      stripeSession({
        status: "complete",
        paymentStatus: "paid",
        metadata,
        subscriptionId: "sub_1",
      }),
    );

    const view = await syncCheckout(deps, "cs_1");
    expect(field("pay_status")).toBe("failed");
    expect(view).toMatchObject({ subscriptionId: "sub_1", subscriptionStatus: "past_due" });
  });
});
