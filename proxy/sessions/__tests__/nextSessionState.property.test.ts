import fc from "fast-check";
import type { PaymentEvent } from "../../ports/PaymentEvent";
import { nextSessionState, type SessionState } from "../nextSessionState";
import { sessionChangeFromEvent } from "../sessionChangeFromEvent";
import { disputeEvent, paidEvent, refundEvent } from "./billingLifeFixtures";

const T0 = 1_800_000_000;
const CHARGED = 500;

const OPEN: SessionState = {
  status: "open",
  paymentStatus: "unpaid",
  paidAt: null,
  amountTotal: CHARGED,
  customerEmail: null,
};

/** One payment's life as Stripe tells it: paid, refunds (cumulative), maybe a dispute. */
const billingLife = fc
  .record({
    refunds: fc.uniqueArray(fc.integer({ min: 1, max: CHARGED }), { maxLength: 3 }),
    dispute: fc.constantFrom(undefined, "open", "won", "lost", "warning_closed"),
    closedOnly: fc.boolean(),
  })
  .map(({ refunds, dispute, closedOnly }) => {
    const events: PaymentEvent[] = [paidEvent("cs_1", T0)];
    [...refunds]
      .sort((a, b) => a - b)
      .forEach((total, i) => {
        events.push(refundEvent("cs_1", total, T0 + 10 + i));
      });
    if (dispute) {
      if (!(closedOnly && dispute !== "open")) {
        events.push(disputeEvent("cs_1", "charge.dispute.created", "needs_response", T0 + 20));
      }
      if (dispute !== "open") {
        events.push(disputeEvent("cs_1", "charge.dispute.closed", dispute, T0 + 30));
      }
    }
    return { events, refunded: Math.max(0, ...refunds), dispute };
  });

function applyAll(events: PaymentEvent[]): SessionState {
  return events.reduce((s, e) => nextSessionState(s, sessionChangeFromEvent(e)).state, OPEN);
}

describe("nextSessionState, whatever order a payment's events arrive in", () => {
  it("ends in the state of the events in their order, also when some come twice", () => {
    fc.assert(
      fc.property(
        billingLife.chain((life) =>
          fc.record({
            life: fc.constant(life),
            order: fc.shuffledSubarray(life.events, {
              minLength: life.events.length,
              maxLength: life.events.length,
            }),
            replayed: fc.subarray(life.events),
          }),
        ),
        ({ life, order, replayed }) => {
          expect(applyAll([...order, ...replayed])).toEqual(applyAll(life.events));
        },
      ),
    );
  });

  it("ends with the largest refunded total and the status the dispute and refunds make", () => {
    fc.assert(
      fc.property(billingLife, ({ events, refunded, dispute }) => {
        const final = applyAll([...events].reverse());
        expect(final.amountRefunded).toBe(refunded);
        const afterRefunds =
          refunded === CHARGED ? "refunded" : refunded > 0 ? "partially_refunded" : "paid";
        const expected =
          dispute === "lost" ? "dispute_lost" : dispute === "open" ? "disputed" : afterRefunds;
        expect(final.paymentStatus).toBe(expected);
        expect(final.status).toBe("complete");
      }),
    );
  });
});
