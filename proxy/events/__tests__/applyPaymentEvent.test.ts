import type { PaymentEvent } from "../../ports/PaymentEvent";
import {
  journalSession,
  NOW,
  oneRecordSetup,
  stripeSession,
} from "../../sessions/__tests__/sessionFixtures";
import { APP } from "../../../testkit/productRecords";
import { ingestPaymentEvent, type PaymentEventDeps } from "../applyPaymentEvent";
import { EventCatchUp } from "../EventCatchUp";
import { paymentEventToJson } from "../paymentEventJson";

const NOW_SECONDS = NOW.getTime() / 1000;

function setup() {
  const { eventDeps, ...made } = oneRecordSetup();
  const deps: PaymentEventDeps = eventDeps;
  return { ...made, deps };
}

function completed(metadata: Record<string, string>, created = NOW_SECONDS): PaymentEvent {
  const session = stripeSession({
    url: null,
    status: "complete",
    paymentStatus: "paid",
    customerEmail: "buyer@example.com",
    paymentIntentId: "pi_1",
    metadata,
  });
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

    await journal.sessions.save(journalSession(recordId));
    const pass = await new EventCatchUp(deps).runOnce();
    expect(pass.outcomes).toMatchObject({ applied: 1 });
    expect(writtenStatuses(records)).toEqual(["paid"]);
    expect(await journal.sessions.get("cs_1")).toMatchObject({
      status: "complete",
      paymentStatus: "paid",
    });
  });

  it("gives up on such a session a day after the event", async () => {
    const { deps, journal } = setup();
    const old = completed({ kintone_app_id: APP }, NOW_SECONDS - 25 * 3600);
    expect(await ingestPaymentEvent(deps, old)).toBe("unknown_session");
    expect((await journal.stripeEvents.get("evt_1"))?.appliedAt).not.toBeNull();
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
    await journal.sessions.save(
      journalSession(recordId, {
        status: "complete",
        paymentStatus: "paid",
        paidAt: NOW,
        customerEmail: "buyer@example.com",
        paymentIntentId: "pi_1",
      }),
    );
    const event = completed({ kintone_app_id: APP });
    await journal.stripeEvents.store(
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
