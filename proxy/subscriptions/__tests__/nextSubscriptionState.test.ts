import type { JournalSubscription } from "../../journal/SubscriptionStore";
import { newSubscription } from "../linkSessionSubscription";
import { nextSubscriptionState, type SubscriptionChange } from "../nextSubscriptionState";

const DAY = 24 * 60 * 60;
const T0 = 1_800_000_000;
const P1 = T0 + 30 * DAY;
const P2 = P1 + 31 * DAY;
const P3 = P2 + 30 * DAY;

const linked = newSubscription("sub_1", { sessionId: "cs_1", appId: "12", recordIds: ["1"] });

function snapshot(
  at: number,
  status: string,
  currentPeriodEnd: number,
  cancelAtPeriodEnd = false,
): SubscriptionChange {
  return { kind: "snapshot", at, status, currentPeriodEnd, cancelAtPeriodEnd };
}
const invoice = (at: number, paid: boolean, periodEnd: number): SubscriptionChange => ({
  kind: "invoice",
  at,
  paid,
  periodEnd,
});

function applyAll(changes: SubscriptionChange[]): JournalSubscription {
  return changes.reduce((state, change) => nextSubscriptionState(state, change).state, linked);
}

/** A membership's life: paid, renewed, a renewal failed, canceled at the period's end. */
const LIFE: SubscriptionChange[] = [
  snapshot(T0, "active", P1),
  invoice(T0, true, P1),
  snapshot(P1, "active", P2),
  invoice(P1, true, P2),
  invoice(P2, false, P3),
  snapshot(P2, "past_due", P3),
  snapshot(P2 + 60, "past_due", P3, true),
  snapshot(P3, "canceled", P3, true),
];

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe("nextSubscriptionState", () => {
  it("follows a membership from its first payment to its cancellation", () => {
    expect(applyAll(LIFE.slice(0, 2))).toMatchObject({
      status: "active",
      currentPeriodEnd: P1,
      paymentStatus: "paid",
      paidAt: new Date(T0 * 1000),
    });
    expect(applyAll(LIFE.slice(0, 4))).toMatchObject({
      status: "active",
      currentPeriodEnd: P2,
      paymentStatus: "paid",
      paidAt: new Date(P1 * 1000),
    });
    expect(applyAll(LIFE.slice(0, 6))).toMatchObject({
      status: "past_due",
      currentPeriodEnd: P3,
      paymentStatus: "failed",
      paidAt: new Date(P1 * 1000),
    });
    expect(applyAll(LIFE)).toMatchObject({
      status: "canceled",
      cancelAtPeriodEnd: true,
      paymentStatus: "failed",
    });
  });

  it("ends in the same state whatever order the events arrive in, each twice", () => {
    const expected = applyAll(LIFE);
    // Every order of all but the first event (7! of them), each event delivered again at the end.
    const [first, ...rest] = LIFE;
    for (const order of permutations(rest)) {
      expect(applyAll([first!, ...order, ...order])).toEqual(expected);
    }
  });

  it("never moves a canceled subscription again", () => {
    const canceled = applyAll([snapshot(T0, "active", P1), snapshot(T0 + 10, "canceled", P1)]);
    const after = nextSubscriptionState(canceled, snapshot(T0 + 20, "active", P2));
    expect(after.changed).toBe(false);
    expect(after.state.status).toBe("canceled");
  });

  it("ignores a snapshot of an older period, and an older snapshot of the same period", () => {
    const renewed = applyAll([snapshot(P1, "active", P2)]);
    expect(nextSubscriptionState(renewed, snapshot(P1 + 5, "past_due", P1)).changed).toBe(false);
    expect(nextSubscriptionState(renewed, snapshot(P1 - 5, "past_due", P2)).changed).toBe(false);
  });

  it("turns a period's failed payment into paid when a retry succeeds, never back", () => {
    const failed = applyAll([snapshot(P1, "active", P2), invoice(P1, false, P2)]);
    expect(failed).toMatchObject({ paymentStatus: "failed", status: "past_due" });
    const paid = nextSubscriptionState(failed, invoice(P1 + DAY, true, P2)).state;
    expect(paid).toMatchObject({ paymentStatus: "paid", status: "active" });
    expect(nextSubscriptionState(paid, invoice(P1, false, P2)).changed).toBe(false);
  });

  it("keeps a newer period's payment over an older period's", () => {
    const renewed = applyAll([invoice(P1, true, P2)]);
    const stale = nextSubscriptionState(renewed, invoice(P2, false, P1));
    expect(stale.changed).toBe(false);
    expect(stale.state.paymentStatus).toBe("paid");
  });
});
