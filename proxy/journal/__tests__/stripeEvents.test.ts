import { SqliteJournal } from "../SqliteJournal";

function event(eventId: string, created: number) {
  return {
    eventId,
    type: "checkout.session.completed",
    created,
    payloadJson: `{"id":"${eventId}"}`,
  };
}

describe("SqliteJournal Stripe events", () => {
  let journal: SqliteJournal;
  beforeEach(() => {
    journal = new SqliteJournal(":memory:");
  });
  afterEach(() => journal.close());

  it("stores an event once and says whether it was applied", () => {
    const at = new Date("2026-11-23T10:00:00Z");
    expect(journal.storeStripeEvent(event("evt_1", 100), at)).toEqual({
      isNew: true,
      applied: false,
    });
    expect(journal.storeStripeEvent(event("evt_1", 100), at)).toEqual({
      isNew: false,
      applied: false,
    });
    journal.markStripeEventApplied("evt_1", "applied", at);
    expect(journal.storeStripeEvent(event("evt_1", 100), at)).toEqual({
      isNew: false,
      applied: true,
    });
    expect(journal.getStripeEvent("evt_1")).toMatchObject({ outcome: "applied", appliedAt: at });
  });

  it("lists unapplied events oldest first, with their failures", () => {
    const at = new Date();
    journal.storeStripeEvent(event("evt_late", 300), at);
    journal.storeStripeEvent(event("evt_early", 100), at);
    journal.storeStripeEvent(event("evt_done", 200), at);
    journal.markStripeEventApplied("evt_done", "no_change", at);
    journal.recordStripeEventFailure("evt_late", "Stripe unreachable");
    expect(
      journal.listUnappliedStripeEvents(10).map((e) => [e.eventId, e.attempts, e.lastError]),
    ).toEqual([
      ["evt_early", 0, null],
      ["evt_late", 1, "Stripe unreachable"],
    ]);
    expect(journal.latestStripeEventCreated()).toBe(300);
  });

  it("finds a session by its payment intent, the first link winning", () => {
    journal.linkPaymentIntent("pi_1", "cs_1");
    journal.linkPaymentIntent("pi_1", "cs_2");
    expect(journal.sessionIdForPaymentIntent("pi_1")).toBe("cs_1");
    expect(journal.sessionIdForPaymentIntent("pi_2")).toBeUndefined();
  });

  it("prunes only applied events created before the limit", () => {
    const at = new Date();
    journal.storeStripeEvent(event("evt_old_applied", 100), at);
    journal.markStripeEventApplied("evt_old_applied", "applied", at);
    journal.storeStripeEvent(event("evt_old_unapplied", 100), at);
    journal.storeStripeEvent(event("evt_new", 500), at);
    journal.markStripeEventApplied("evt_new", "applied", at);
    expect(journal.pruneStripeEvents(200)).toBe(1);
    expect(journal.getStripeEvent("evt_old_applied")).toBeUndefined();
    expect(journal.getStripeEvent("evt_old_unapplied")).toBeDefined();
    expect(journal.getStripeEvent("evt_new")).toBeDefined();
  });
});
