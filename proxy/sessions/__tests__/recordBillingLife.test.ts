import { diagnose } from "../../diagnostics/diagnose";
import { ingestPaymentEvent } from "../../events/applyPaymentEvent";
import type { PaymentEvent } from "../../ports/PaymentEvent";
import { APP } from "../../../testkit/productRecords";
import {
  disputeEvent,
  NOW_SECONDS,
  paidEvent,
  refundEvent,
  twoOpenSessions,
} from "./billingLifeFixtures";
import { stripeSession } from "./sessionFixtures";

function expiredEvent(sessionId: string, recoveryUrl: string | null = null): PaymentEvent {
  return {
    id: `evt_expired_${sessionId}`,
    type: "checkout.session.expired",
    created: NOW_SECONDS,
    session: stripeSession({ id: sessionId, url: null, status: "expired", recoveryUrl }),
  };
}

describe("a payment on any session of a record", () => {
  it("reaches the record when the older of two open links is paid, and the newer link is expired in Stripe", async () => {
    const { eventDeps, gateway, journal, field } = await twoOpenSessions();
    expect(await ingestPaymentEvent(eventDeps, paidEvent("cs_old"))).toBe("applied");

    expect(field("pay_status")).toBe("paid");
    expect(field("status")).toBe("complete");
    expect(field("session_id")).toBe("cs_old");
    expect(field("payment_intent")).toBe("pi_cs_old");
    expect(gateway.sessions.get("cs_new")?.status).toBe("expired");
    expect((await journal.sessions.get("cs_new"))?.status).toBe("expired");
  });

  it("keeps the payment in the record when the expired event of the link it superseded comes", async () => {
    const { eventDeps, records, field } = await twoOpenSessions();
    await ingestPaymentEvent(eventDeps, paidEvent("cs_old"));
    const writes = records.updates.length;

    await ingestPaymentEvent(eventDeps, expiredEvent("cs_new"));
    expect(records.updates).toHaveLength(writes);
    expect(field("pay_status")).toBe("paid");
  });

  it("changes nothing in the record for the expiry of a session that is not its newest", async () => {
    const { eventDeps, records } = await twoOpenSessions();
    expect(await ingestPaymentEvent(eventDeps, expiredEvent("cs_old"))).toBe("applied");
    expect(records.updates).toEqual([]);
  });

  it("says in the record's error field and in the diagnostics that both links were paid", async () => {
    const { deps, eventDeps, gateway, field } = await twoOpenSessions({ locale: "en" });
    // Both paid before either webhook came: Stripe refuses to expire the second.
    gateway.pay("cs_new");
    await ingestPaymentEvent(eventDeps, paidEvent("cs_old"));
    expect(field("error") ?? "").toBe("");
    await ingestPaymentEvent(eventDeps, paidEvent("cs_new"));

    expect(field("error")).toBe(
      "Paid more than once (sessions cs_old, cs_new): decide which payment to refund in Stripe.",
    );
    const report = await diagnose(deps, {
      appIds: [APP],
      stripeKeyType: "restricted",
      stripeMode: "test",
      webhookConfigured: true,
    });
    expect(report.kintone.apps[0]).toMatchObject({ ok: false });
    expect(report.kintone.apps[0]?.problems).toEqual([
      expect.stringMatching(
        /^App 12: record 1 was paid more than once \(sessions cs_old, cs_new\);.*#record-paid-twice$/,
      ),
    ]);
  });

  it("writes the paid-twice error in Japanese and English when the mapping names no language", async () => {
    const { eventDeps, gateway, field } = await twoOpenSessions();
    gateway.pay("cs_new");
    await ingestPaymentEvent(eventDeps, paidEvent("cs_old"));
    await ingestPaymentEvent(eventDeps, paidEvent("cs_new"));
    expect(field("error")).toMatch(
      /^二重に支払われています.*cs_old, cs_new.*\nPaid more than once/s,
    );
  });

  it("leaves the other open links of a record billed repeatedly (allowRepeatPayment)", async () => {
    const { eventDeps, gateway, field } = await twoOpenSessions({ allowRepeatPayment: true });
    await ingestPaymentEvent(eventDeps, paidEvent("cs_old"));
    expect(field("pay_status")).toBe("paid");
    expect(gateway.sessions.get("cs_new")?.status).toBe("open");
  });
});

describe("refunds and disputes of a record's payment", () => {
  it("shows partially_refunded then refunded, with the exact amount refunded each time", async () => {
    const { eventDeps, field } = await twoOpenSessions();
    await ingestPaymentEvent(eventDeps, paidEvent("cs_new"));
    await ingestPaymentEvent(eventDeps, refundEvent("cs_new", 200));
    expect([field("pay_status"), field("refunded")]).toEqual(["partially_refunded", "200"]);
    await ingestPaymentEvent(eventDeps, refundEvent("cs_new", 500));
    expect([field("pay_status"), field("refunded")]).toEqual(["refunded", "500"]);
  });

  it("shows disputed, then dispute_lost when the dispute is lost", async () => {
    const { eventDeps, field } = await twoOpenSessions();
    await ingestPaymentEvent(eventDeps, paidEvent("cs_new"));
    await ingestPaymentEvent(
      eventDeps,
      disputeEvent("cs_new", "charge.dispute.created", "needs_response"),
    );
    expect(field("pay_status")).toBe("disputed");
    await ingestPaymentEvent(eventDeps, disputeEvent("cs_new", "charge.dispute.closed", "lost"));
    expect(field("pay_status")).toBe("dispute_lost");
  });

  it("shows paid again when the dispute is won", async () => {
    const { eventDeps, field } = await twoOpenSessions();
    await ingestPaymentEvent(eventDeps, paidEvent("cs_new"));
    await ingestPaymentEvent(
      eventDeps,
      disputeEvent("cs_new", "charge.dispute.created", "needs_response"),
    );
    await ingestPaymentEvent(eventDeps, disputeEvent("cs_new", "charge.dispute.closed", "won"));
    expect(field("pay_status")).toBe("paid");
  });

  it("reaches the record for a refund of its older session's payment", async () => {
    const { eventDeps, field } = await twoOpenSessions();
    await ingestPaymentEvent(eventDeps, paidEvent("cs_old"));
    await ingestPaymentEvent(eventDeps, refundEvent("cs_old", 500));
    expect([field("pay_status"), field("refunded"), field("session_id")]).toEqual([
      "refunded",
      "500",
      "cs_old",
    ]);
  });
});

describe("a session's recovery link", () => {
  const RECOVERY = "https://checkout.example/r/cs_new";

  it("takes the place of the expired link in the record", async () => {
    const { eventDeps, journal, field } = await twoOpenSessions();
    await ingestPaymentEvent(eventDeps, expiredEvent("cs_new", RECOVERY));
    expect([field("status"), field("recovery_url"), field("url")]).toEqual([
      "expired",
      RECOVERY,
      RECOVERY,
    ]);
    expect((await journal.sessions.get("cs_new"))?.recoveryUrl).toBe(RECOVERY);
  });

  it("makes a session whose payment is written to the expired session's records, with its own id", async () => {
    const { eventDeps, journal, field } = await twoOpenSessions();
    await ingestPaymentEvent(eventDeps, expiredEvent("cs_new", RECOVERY));
    const recovered = paidEvent("cs_recovered");
    if (recovered.type !== "checkout.session.completed") throw new Error("a session event");
    recovered.session = { ...recovered.session, recoveredFrom: "cs_new", metadata: {} };

    expect(await ingestPaymentEvent(eventDeps, recovered)).toBe("applied");
    expect([field("status"), field("pay_status"), field("session_id")]).toEqual([
      "complete",
      "paid",
      "cs_recovered",
    ]);
    expect(await journal.sessions.get("cs_recovered")).toMatchObject({
      appId: APP,
      recordIds: (await journal.sessions.get("cs_new"))?.recordIds,
      mappingJson: (await journal.sessions.get("cs_new"))?.mappingJson,
      paymentStatus: "paid",
    });
  });

  it("leaves a session recovered from one that is not ours unknown", async () => {
    const { eventDeps, records } = await twoOpenSessions();
    const stranger = paidEvent("cs_stranger");
    if (stranger.type !== "checkout.session.completed") throw new Error("a session event");
    stranger.session = { ...stranger.session, recoveredFrom: "cs_elsewhere", metadata: {} };
    expect(await ingestPaymentEvent(eventDeps, stranger)).toBe("unknown_session");
    expect(records.updates).toEqual([]);
  });
});
