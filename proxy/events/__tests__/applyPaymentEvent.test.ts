import type { JournalSession } from "../../journal/Journal";
import type { PaymentEvent } from "../../ports/PaymentEvent";
import type { CheckoutSession } from "../../ports/PaymentGateway";
import { makeDeps } from "../../../testkit/makeDeps";
import { APP, baseMapping } from "../../../testkit/productRecords";
import { silentLogger } from "../../../testkit/silentLogger";
import { ingestPaymentEvent, type PaymentEventDeps } from "../applyPaymentEvent";
import { EventCatchUp } from "../EventCatchUp";
import { paymentEventToJson } from "../paymentEventJson";

const NOW = new Date("2026-01-10T00:00:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;

function setup() {
  const made = makeDeps(() => NOW);
  const recordId = made.records.addRecord(APP, {
    status: { type: "SINGLE_LINE_TEXT", value: "open" },
    pay_status: { type: "SINGLE_LINE_TEXT", value: "" },
  });
  const deps: PaymentEventDeps = { ...made.deps, logger: silentLogger, servedAppIds: [APP] };
  return { ...made, deps, recordId };
}

function journalSession(recordId: string, overrides: Partial<JournalSession> = {}): JournalSession {
  return {
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
    ...overrides,
  };
}

function completed(metadata: Record<string, string>, created = NOW_SECONDS): PaymentEvent {
  const session: CheckoutSession = {
    id: "cs_1",
    url: null,
    status: "complete",
    paymentStatus: "paid",
    amountTotal: 500,
    currency: "jpy",
    customerEmail: "buyer@example.com",
    expiresAt: new Date(NOW.getTime() + 86_400_000),
    createdAt: NOW,
    paymentIntentId: "pi_1",
    clientReferenceId: null,
    metadata,
  };
  return { id: "evt_1", type: "checkout.session.completed", created, session };
}

function writtenStatuses(records: ReturnType<typeof setup>["records"]) {
  return records.updates.flatMap((u) =>
    u.updates.map((w) => (w.record as { pay_status?: { value: string } }).pay_status?.value),
  );
}

describe("ingestPaymentEvent", () => {
  it("waits for a session of an app it serves that the journal does not know yet, and applies the event once it does", async () => {
    const { deps, journal, records, recordId } = setup();
    expect(await ingestPaymentEvent(deps, completed({ kintone_app_id: APP }))).toBe("deferred");
    expect(records.updates).toEqual([]);

    journal.saveSession(journalSession(recordId));
    const pass = await new EventCatchUp(deps).runOnce();
    expect(pass.outcomes).toMatchObject({ applied: 1 });
    expect(writtenStatuses(records)).toEqual(["paid"]);
    expect(journal.getSession("cs_1")).toMatchObject({ status: "complete", paymentStatus: "paid" });
  });

  it("gives up on such a session a day after the event", async () => {
    const { deps, journal } = setup();
    const old = completed({ kintone_app_id: APP }, NOW_SECONDS - 25 * 3600);
    expect(await ingestPaymentEvent(deps, old)).toBe("unknown_session");
    expect(journal.getStripeEvent("evt_1")?.appliedAt).not.toBeNull();
  });

  it("ignores at once a session of an app it does not serve", async () => {
    const { deps, records } = setup();
    expect(await ingestPaymentEvent(deps, completed({ kintone_app_id: "999" }))).toBe(
      "unknown_session",
    );
    expect(await ingestPaymentEvent(deps, completed({ kintone_app_id: "999" }))).toBe("duplicate");
    expect(records.updates).toEqual([]);
  });

  it("writes the records again when an event stored before a crash is retried, even if the journal already has its state", async () => {
    const { deps, journal, records, recordId } = setup();
    // The crash came after the journal's update and before kintone's write.
    journal.saveSession(
      journalSession(recordId, {
        status: "complete",
        paymentStatus: "paid",
        paidAt: NOW,
        customerEmail: "buyer@example.com",
      }),
    );
    const event = completed({ kintone_app_id: APP });
    journal.storeStripeEvent(
      {
        eventId: event.id,
        type: event.type,
        created: event.created,
        payloadJson: paymentEventToJson(event),
      },
      NOW,
    );

    const pass = await new EventCatchUp(deps).runOnce();
    expect(pass.outcomes).toMatchObject({ no_change: 1 });
    expect(writtenStatuses(records)).toEqual(["paid"]);
  });
});
