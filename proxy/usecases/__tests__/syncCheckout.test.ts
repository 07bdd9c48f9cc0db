import type { JournalSession } from "../../journal/Journal";
import type { PaymentEvent } from "../../ports/PaymentEvent";
import type { CheckoutSession } from "../../ports/PaymentGateway";
import { ingestPaymentEvent } from "../../events/applyPaymentEvent";
import { expireCheckout } from "../expireCheckout";
import { syncCheckout } from "../syncCheckout";
import { makeDeps } from "../../../testkit/makeDeps";
import { APP, baseMapping } from "../../../testkit/productRecords";
import { silentLogger } from "../../../testkit/silentLogger";

const NOW = new Date("2026-01-10T00:00:00Z");

function setup() {
  const made = makeDeps(() => NOW);
  const recordId = made.records.addRecord(APP, {
    status: { type: "SINGLE_LINE_TEXT", value: "open" },
    pay_status: { type: "SINGLE_LINE_TEXT", value: "" },
  });
  const session: JournalSession = {
    sessionId: "cs_1",
    appId: APP,
    recordIds: [recordId],
    mappingJson: JSON.stringify(
      baseMapping({ writeBack: { status: "status", paymentStatus: "pay_status" } }),
    ),
    status: "open",
    paymentStatus: "unpaid",
    url: "https://pay.example/cs_1",
    currency: "jpy",
    amountTotal: 500,
    customerEmail: null,
    expiresAt: new Date(NOW.getTime() + 86_400_000),
    createdAt: NOW,
    paidAt: null,
  };
  made.journal.saveSession(session);
  const eventDeps = { ...made.deps, logger: silentLogger, servedAppIds: [APP] };
  const field = (code: string) => made.records.field(APP, recordId, code);
  return { ...made, eventDeps, recordId, field };
}

function stripeSession(overrides: Partial<CheckoutSession>): CheckoutSession {
  return {
    id: "cs_1",
    url: "https://pay.example/cs_1",
    status: "open",
    paymentStatus: "unpaid",
    amountTotal: 500,
    currency: "jpy",
    customerEmail: null,
    expiresAt: new Date(NOW.getTime() + 86_400_000),
    createdAt: NOW,
    paymentIntentId: null,
    clientReferenceId: null,
    metadata: { kintone_app_id: APP },
    ...overrides,
  };
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
    const { deps, gateway, journal, eventDeps, field } = setup();
    expect(await ingestPaymentEvent(eventDeps, paidEvent())).toBe("applied");
    expect(field("pay_status")).toBe("paid");

    // Read from Stripe before the payment settled: complete, unpaid (a konbini payment).
    gateway.sessions.set("cs_1", stripeSession({ status: "complete", paymentStatus: "unpaid" }));
    const view = await syncCheckout(deps, "cs_1");

    expect(view).toMatchObject({ status: "complete", paymentStatus: "paid" });
    expect(journal.getSession("cs_1")).toMatchObject({ status: "complete", paymentStatus: "paid" });
    expect(field("pay_status")).toBe("paid");
    expect(field("status")).toBe("complete");
  });

  it("waits for the session's lock that webhook events take, then writes the newer state", async () => {
    const { deps, gateway, journal, records, field } = setup();
    gateway.sessions.set("cs_1", stripeSession({ status: "complete", paymentStatus: "paid" }));

    let sync: Promise<unknown> | undefined;
    await deps.coordination.withLocks(["stripe-session:cs_1"], async () => {
      sync = syncCheckout(deps, "cs_1");
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(records.updates).toEqual([]);
      expect(journal.getSession("cs_1")?.paymentStatus).toBe("unpaid");
    });
    await sync;
    expect(journal.getSession("cs_1")).toMatchObject({ paymentStatus: "paid", paidAt: NOW });
    expect(field("pay_status")).toBe("paid");
  });

  it("does not undo a refund the journal learnt, nor a completion with a stale open snapshot", async () => {
    const { deps, gateway, journal, eventDeps, field } = setup();
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
    expect(journal.getSession("cs_1")).toMatchObject({
      status: "complete",
      paymentStatus: "refunded",
    });
    expect(field("pay_status")).toBe("refunded");
    expect(field("status")).toBe("complete");
  });
});

describe("expireCheckout", () => {
  it("records an expiry through the same rule", async () => {
    const { deps, gateway, journal, field } = setup();
    gateway.sessions.set("cs_1", stripeSession({}));
    expect(await expireCheckout(deps, "cs_1")).toMatchObject({ status: "expired" });
    expect(journal.getSession("cs_1")?.status).toBe("expired");
    expect(field("status")).toBe("expired");
  });
});
