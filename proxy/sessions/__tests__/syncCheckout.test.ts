import type { PaymentEvent } from "../../ports/PaymentEvent";
import { ingestPaymentEvent } from "../../events/applyPaymentEvent";
import { expireCheckout } from "../expireCheckout";
import { syncCheckout } from "../syncCheckout";
import { APP } from "../../../testkit/productRecords";
import { journalSession, NOW, oneRecordSetup, stripeSession } from "./sessionFixtures";

async function setup() {
  const made = oneRecordSetup();
  await made.journal.sessions.save(journalSession(made.recordId));
  const field = (code: string) => made.records.field(APP, made.recordId, code);
  return { ...made, field };
}

function paidEvent(): PaymentEvent {
  return {
    id: "evt_paid",
    type: "checkout.session.async_payment_succeeded",
    created: NOW.getTime() / 1000,
    session: stripeSession({ status: "complete", paymentStatus: "paid", paymentIntentId: "pi_1" }),
  };
}

describe("syncCheckout", () => {
  it("leaves a record paid when Stripe's snapshot is older than the event already applied", async () => {
    const { deps, gateway, journal, eventDeps, field } = await setup();
    expect(await ingestPaymentEvent(eventDeps, paidEvent())).toBe("applied");
    expect(field("pay_status")).toBe("paid");

    // Read from Stripe before the payment settled: complete, unpaid (a konbini payment).
    gateway.sessions.set("cs_1", stripeSession({ status: "complete", paymentStatus: "unpaid" }));
    const view = await syncCheckout(deps, "cs_1");

    expect(view).toMatchObject({ status: "complete", paymentStatus: "paid" });
    expect(await journal.sessions.get("cs_1")).toMatchObject({
      status: "complete",
      paymentStatus: "paid",
    });
    expect(field("pay_status")).toBe("paid");
    expect(field("status")).toBe("complete");
  });

  it("waits for the session's lock that webhook events take, then writes the newer state", async () => {
    const { deps, gateway, journal, records, field } = await setup();
    gateway.sessions.set("cs_1", stripeSession({ status: "complete", paymentStatus: "paid" }));

    let sync: Promise<unknown> | undefined;
    await deps.coordination.withLocks(["stripe-session:cs_1"], async () => {
      sync = syncCheckout(deps, "cs_1");
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(records.updates).toEqual([]);
      expect((await journal.sessions.get("cs_1"))?.paymentStatus).toBe("unpaid");
    });
    await sync;
    expect(await journal.sessions.get("cs_1")).toMatchObject({
      paymentStatus: "paid",
      paidAt: NOW,
    });
    expect(field("pay_status")).toBe("paid");
  });

  it("does not undo a refund the journal learnt, nor a completion with a stale open snapshot", async () => {
    const { deps, gateway, journal, eventDeps, field } = await setup();
    await ingestPaymentEvent(eventDeps, paidEvent());
    await ingestPaymentEvent(eventDeps, {
      id: "evt_refund",
      type: "charge.refunded",
      created: NOW.getTime() / 1000 + 60,
      charge: {
        id: "ch_1",
        paymentIntentId: "pi_1",
        amount: 500,
        amountRefunded: 500,
        currency: "jpy",
      },
    });
    expect(field("pay_status")).toBe("refunded");

    gateway.sessions.set("cs_1", stripeSession({ status: "open", paymentStatus: "unpaid" }));
    await syncCheckout(deps, "cs_1");
    expect(await journal.sessions.get("cs_1")).toMatchObject({
      status: "complete",
      paymentStatus: "refunded",
    });
    expect(field("pay_status")).toBe("refunded");
    expect(field("status")).toBe("complete");
  });
});

describe("expireCheckout", () => {
  it("records an expiry through the same rule", async () => {
    const { deps, gateway, journal, field } = await setup();
    gateway.sessions.set("cs_1", stripeSession({}));
    expect(await expireCheckout(deps, "cs_1")).toMatchObject({ status: "expired" });
    expect((await journal.sessions.get("cs_1"))?.status).toBe("expired");
    expect(field("status")).toBe("expired");
  });
});
