import type { PaymentEvent, SessionEventType } from "../../ports/PaymentEvent";
import type { CheckoutSession, StripePaymentStatus } from "../../ports/PaymentGateway";
import { nextSessionState, type SessionState } from "../nextSessionState";
import { sessionChangeFromEvent } from "../sessionChangeFromEvent";

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
  const session: CheckoutSession = {
    id: "cs_test_1",
    url: null,
    status: type === "checkout.session.expired" ? "expired" : "complete",
    paymentStatus,
    amountTotal,
    currency: "jpy",
    customerEmail: "buyer@example.com",
    expiresAt: new Date((T0 + 86_400) * 1000),
    createdAt: new Date(T0 * 1000),
    paymentIntentId: "pi_1",
    clientReferenceId: null,
    metadata: {},
  };
  return { id: `evt_${type}_${created}`, type, created, session };
}

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

describe("nextSessionState", () => {
  it.each<[string, SessionState, PaymentEvent, Partial<SessionState>, boolean]>([
    // [case, current, event, expected (parts), changed]
    [
      "open + completed (card) → complete/paid",
      state(),
      completedPaid,
      { status: "complete", paymentStatus: "paid", paidAt: new Date((T0 + 10) * 1000) },
      true,
    ],
    [
      "open + completed (konbini) → complete/unpaid",
      state(),
      completedUnpaid,
      { status: "complete", paymentStatus: "unpaid", paidAt: null },
      true,
    ],
    [
      "open + completed (free) → no_payment_required",
      state(),
      completedFree,
      { status: "complete", paymentStatus: "no_payment_required" },
      true,
    ],
    [
      "unpaid + async succeeded → paid at the event's time",
      state({ status: "complete" }),
      asyncSucceeded,
      { paymentStatus: "paid", paidAt: new Date((T0 + 99) * 1000) },
      true,
    ],
    [
      "unpaid + async failed → failed",
      state({ status: "complete" }),
      asyncFailed,
      { status: "complete", paymentStatus: "failed" },
      true,
    ],
    [
      "open + async succeeded first (completed still on its way) → complete/paid",
      state(),
      asyncSucceeded,
      { status: "complete", paymentStatus: "paid" },
      true,
    ],
    [
      "open + expired → expired",
      state(),
      expired,
      { status: "expired", paymentStatus: "unpaid" },
      true,
    ],
    [
      "paid + completed (unpaid) replayed → stays paid",
      state({
        status: "complete",
        paymentStatus: "paid",
        paidAt: new Date(T0 * 1000),
        customerEmail: "buyer@example.com",
      }),
      completedUnpaid,
      { paymentStatus: "paid", paidAt: new Date(T0 * 1000) },
      false,
    ],
    [
      "failed + completed (unpaid) replayed → stays failed",
      state({ status: "complete", paymentStatus: "failed", customerEmail: "buyer@example.com" }),
      completedUnpaid,
      { paymentStatus: "failed" },
      false,
    ],
    [
      "paid + full refund → refunded",
      state({ status: "complete", paymentStatus: "paid" }),
      refund(1000, T0 + 200),
      { paymentStatus: "refunded" },
      true,
    ],
    [
      "paid + partial refund → partially_refunded",
      state({ status: "complete", paymentStatus: "paid" }),
      refund(300, T0 + 200),
      { paymentStatus: "partially_refunded" },
      true,
    ],
    [
      "partially_refunded + the rest → refunded",
      state({ status: "complete", paymentStatus: "partially_refunded" }),
      refund(1000, T0 + 300),
      { paymentStatus: "refunded" },
      true,
    ],
    [
      "refunded + an earlier partial refund → stays refunded",
      state({ status: "complete", paymentStatus: "refunded" }),
      refund(300, T0 + 200),
      { paymentStatus: "refunded" },
      false,
    ],
    [
      "refunded + async succeeded late → stays refunded, learns paidAt",
      state({ status: "complete", paymentStatus: "refunded" }),
      asyncSucceeded,
      { paymentStatus: "refunded", paidAt: new Date((T0 + 99) * 1000) },
      true,
    ],
    [
      "expired + completed → stays expired (final)",
      state({ status: "expired" }),
      completedPaid,
      { status: "expired", paymentStatus: "unpaid", paidAt: null },
      false,
    ],
    [
      "complete + expired → stays complete",
      state({ status: "complete", paymentStatus: "paid" }),
      expired,
      { status: "complete", paymentStatus: "paid" },
      false,
    ],
  ])("%s", (_case, current, event, expected, changed) => {
    const result = apply(current, event);
    expect(result.state).toMatchObject(expected);
    expect(result.changed).toBe(changed);
  });

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
