/**
 * Of proxies sharing one journal, only the leader runs the timed catch-up passes: a stored event
 * waiting to be applied is applied by the leader's pass, and left alone by another proxy's.
 */
import type { PaymentEvent } from "../../ports/PaymentEvent";
import {
  journalSession,
  NOW,
  oneRecordSetup,
  stripeSession,
} from "../../sessions/__tests__/sessionFixtures";
import { APP } from "../../../testkit/productRecords";
import { ingestPaymentEvent } from "../applyPaymentEvent";
import { EventCatchUp } from "../EventCatchUp";

function completed(): PaymentEvent {
  const session = stripeSession({
    url: null,
    status: "complete",
    paymentStatus: "paid",
    paymentIntentId: "pi_1",
    metadata: { kintone_app_id: APP },
  });
  return {
    id: "evt_1",
    type: "checkout.session.completed",
    created: NOW.getTime() / 1000,
    session,
  };
}

describe("EventCatchUp on proxies sharing a journal", () => {
  it("runs its timed passes only while this proxy leads", async () => {
    const { eventDeps: deps, journal, records, recordId } = oneRecordSetup();
    // An event stored before its session was journalled: the next pass applies it.
    expect(await ingestPaymentEvent(deps, completed())).toBe("deferred");
    await journal.sessions.save(journalSession(recordId));

    let leading = false;
    const catchUp = new EventCatchUp(deps, { isLeader: () => leading });
    catchUp.start();
    await catchUp.stop();
    expect(records.updates).toEqual([]);
    expect(await journal.stripeEvents.listUnapplied(10)).toHaveLength(1);

    leading = true;
    catchUp.start();
    await catchUp.stop();
    expect(records.updates).toHaveLength(1);
    expect(await journal.stripeEvents.listUnapplied(10)).toEqual([]);
  });
});
