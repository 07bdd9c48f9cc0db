import type { PaymentEvent, SessionEventType } from "../../ports/PaymentEvent";
import type { StripePaymentStatus } from "../../ports/PaymentGateway";
import { nextSessionState, type SessionState } from "../nextSessionState";
import { sessionChangeFromEvent } from "../sessionChangeFromEvent";
import { stripeSession } from "./sessionFixtures";

const T0 = 1_800_000_000;

function state(overrides: Partial<SessionState> = {}): SessionState {
  return {
    status: "open",
    paymentStatus: "unpaid",
    paidAt: null,
    amountTotal: 1000,
    customerEmail: null,
    ...overrides,
  };
}

function sessionEvent(
  type: SessionEventType,
  paymentStatus: StripePaymentStatus,
  created: number,
  amountTotal = 1000,
): PaymentEvent {
  const session = stripeSession({
    id: "cs_test_1",
    status: type === "checkout.session.expired" ? "expired" : "complete",
    paymentStatus,
    amountTotal,
    customerEmail: "buyer@example.com",
    paymentIntentId: "pi_1",
  });
  return { id: `evt_${type}_${created}`, type, created, session };
}

function dispute(
  type: "charge.dispute.created" | "charge.dispute.closed",
  status: string,
  created: number,
): PaymentEvent {
  return {
    id: `evt_dispute_${type}_${status}`,
    type,
    created,
    dispute: {
      id: "dp_1",
      chargeId: "ch_1",
      paymentIntentId: "pi_1",
      status,
      amount: 1000,
      currency: "jpy",
    },
  };
}

const disputeOpened = dispute("charge.dispute.created", "needs_response", T0 + 400);
const disputeWon = dispute("charge.dispute.closed", "won", T0 + 500);
const disputeLost = dispute("charge.dispute.closed", "lost", T0 + 500);

function refund(amountRefunded: number, created: number): PaymentEvent {
  return {
    id: `evt_refund_${amountRefunded}`,
    type: "charge.refunded",
    created,
    charge: { id: "ch_1", paymentIntentId: "pi_1", amount: 1000, amountRefunded, currency: "jpy" },
  };
}

const completedPaid = sessionEvent("checkout.session.completed", "paid", T0 + 10);
const completedUnpaid = sessionEvent("checkout.session.completed", "unpaid", T0 + 10);
const completedFree = sessionEvent("checkout.session.completed", "no_payment_required", T0 + 10);
const asyncSucceeded = sessionEvent("checkout.session.async_payment_succeeded", "paid", T0 + 99);
const asyncFailed = sessionEvent("checkout.session.async_payment_failed", "unpaid", T0 + 99);
const expired = sessionEvent("checkout.session.expired", "unpaid", T0 + 86_400);

function apply(current: SessionState, event: PaymentEvent) {
  return nextSessionState(current, sessionChangeFromEvent(event));
}

const OPEN = state();
const COMPLETE_UNPAID = state({ status: "complete" });
const PAID = state({ status: "complete", paymentStatus: "paid" });
const PAID_AT_T0 = state({
  status: "complete",
  paymentStatus: "paid",
  paidAt: new Date(T0 * 1000),
  customerEmail: "buyer@example.com",
  paymentIntentId: "pi_1",
});
const FAILED = state({
  status: "complete",
  paymentStatus: "failed",
  customerEmail: "buyer@example.com",
  paymentIntentId: "pi_1",
});
const PARTIALLY_REFUNDED = state({ status: "complete", paymentStatus: "partially_refunded" });
const REFUNDED = state({
  status: "complete",
  paymentStatus: "refunded",
  amountRefunded: 1000,
  paymentIntentId: "pi_1",
});
const DISPUTED = state({ status: "complete", paymentStatus: "disputed", paymentIntentId: "pi_1" });
const EXPIRED = state({ status: "expired" });
const AT_T0_PLUS = (seconds: number) => new Date((T0 + seconds) * 1000);

type Case = [string, SessionState, PaymentEvent, Partial<SessionState>];

function expectNextState({ changed }: { changed: boolean }) {
  return (...[, current, event, expected]: Case) => {
    const result = apply(current, event);
    expect(result.state).toMatchObject(expected);
    expect(result.changed).toBe(changed);
  };
}

describe("nextSessionState", () => {
  // [case, current, event, expected (parts)]
  // prettier-ignore
  it.each<Case>([
    ["open + completed (card) → complete/paid", OPEN, completedPaid, { status: "complete", paymentStatus: "paid", paidAt: AT_T0_PLUS(10) }],
    ["open + completed (konbini) → complete/unpaid", OPEN, completedUnpaid, { status: "complete", paymentStatus: "unpaid", paidAt: null }],
    ["open + completed (free) → no_payment_required", OPEN, completedFree, { status: "complete", paymentStatus: "no_payment_required" }],
    ["unpaid + async succeeded → paid at the event's time", COMPLETE_UNPAID, asyncSucceeded, { paymentStatus: "paid", paidAt: AT_T0_PLUS(99) }],
    ["unpaid + async failed → failed", COMPLETE_UNPAID, asyncFailed, { status: "complete", paymentStatus: "failed" }],
    ["open + async succeeded first (completed still on its way) → complete/paid", OPEN, asyncSucceeded, { status: "complete", paymentStatus: "paid" }],
    ["open + expired → expired", OPEN, expired, { status: "expired", paymentStatus: "unpaid" }],
    ["paid + full refund → refunded", PAID, refund(1000, T0 + 200), { paymentStatus: "refunded" }],
    ["paid + partial refund → partially_refunded", PAID, refund(300, T0 + 200), { paymentStatus: "partially_refunded" }],
    ["partially_refunded + the rest → refunded", PARTIALLY_REFUNDED, refund(1000, T0 + 300), { paymentStatus: "refunded" }],
    ["refunded + async succeeded late → stays refunded, learns paidAt", REFUNDED, asyncSucceeded, { paymentStatus: "refunded", paidAt: AT_T0_PLUS(99) }],
    ["paid + partial refund → the refunded amount", PAID, refund(300, T0 + 200), { amountRefunded: 300, refund: "partial" }],
    ["partially_refunded (300) + the rest → the whole amount", state({ ...PARTIALLY_REFUNDED, amountRefunded: 300 }), refund(1000, T0 + 300), { paymentStatus: "refunded", amountRefunded: 1000 }],
    ["paid + dispute opened → disputed", PAID, disputeOpened, { paymentStatus: "disputed", dispute: "open" }],
    ["disputed + lost → dispute_lost", DISPUTED, disputeLost, { paymentStatus: "dispute_lost", dispute: "lost" }],
    ["disputed + won → paid again", DISPUTED, disputeWon, { paymentStatus: "paid", dispute: "won" }],
    ["partially refunded, disputed + won → partially_refunded again", state({ ...DISPUTED, refund: "partial", amountRefunded: 300 }), disputeWon, { paymentStatus: "partially_refunded" }],
    ["paid + closed (lost) before created → dispute_lost", PAID, disputeLost, { paymentStatus: "dispute_lost" }],
    ["open + refund before completed → partially_refunded (money was received)", OPEN, refund(300, T0 + 200), { paymentStatus: "partially_refunded" }],
    ["expired + its recovery link → keeps the link", EXPIRED, { ...expired, session: { ...(expired as { session: object }).session, recoveryUrl: "https://pay.example/r/1" } } as PaymentEvent, { recoveryUrl: "https://pay.example/r/1" }],
  ])("changes the state: %s", expectNextState({ changed: true }));

  // prettier-ignore
  it.each<Case>([
    ["paid + completed (unpaid) replayed → stays paid", PAID_AT_T0, completedUnpaid, { paymentStatus: "paid", paidAt: new Date(T0 * 1000) }],
    ["failed + completed (unpaid) replayed → stays failed", FAILED, completedUnpaid, { paymentStatus: "failed" }],
    ["refunded + an earlier partial refund → stays refunded", REFUNDED, refund(300, T0 + 200), { paymentStatus: "refunded" }],
    ["expired + completed → stays expired (final)", EXPIRED, completedPaid, { status: "expired", paymentStatus: "unpaid", paidAt: null }],
    ["complete + expired → stays complete", PAID, expired, { status: "complete", paymentStatus: "paid" }],
    ["dispute lost + won → stays lost (final)", state({ ...DISPUTED, paymentStatus: "dispute_lost", dispute: "lost" }), disputeWon, { paymentStatus: "dispute_lost" }],
    ["dispute won + created late → stays paid", state({ ...PAID, dispute: "won", paymentIntentId: "pi_1" }), disputeOpened, { paymentStatus: "paid" }],
  ])("leaves the state as it is: %s", expectNextState({ changed: false }));

  it("takes the amount the buyer completed with (adjusted quantities)", () => {
    const adjusted = sessionEvent("checkout.session.completed", "paid", T0 + 10, 2500);
    expect(apply(state(), adjusted).state.amountTotal).toBe(2500);
  });

  it.each([
    [
      "konbini paid, then partly and fully refunded",
      [completedUnpaid, asyncSucceeded, refund(300, T0 + 200), refund(1000, T0 + 300)],
    ],
    ["konbini failed", [completedUnpaid, asyncFailed]],
    ["card paid, then partly refunded", [completedPaid, refund(300, T0 + 200)]],
    [
      "card paid, partly then fully refunded",
      [completedPaid, refund(300, T0 + 200), refund(1000, T0 + 300)],
    ],
    ["card paid, disputed and lost", [completedPaid, disputeOpened, disputeLost]],
    [
      "card paid, partly refunded, disputed and won",
      [completedPaid, refund(300, T0 + 200), disputeOpened, disputeWon],
    ],
  ])(
    "ends in the same state whatever order the events of '%s' arrive in, and twice",
    (_story, events) => {
      const inOrder = events.reduce((s, e) => apply(s, e).state, state());
      for (const order of permutations(events)) {
        const doubled = [...order, ...order];
        expect(doubled.reduce((s, e) => apply(s, e).state, state())).toEqual(inOrder);
      }
    },
  );
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
