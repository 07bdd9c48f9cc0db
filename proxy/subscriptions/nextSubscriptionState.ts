/**
 * What an event may change of a subscription's journalled state. Events arrive twice, late and
 * out of order (https://docs.stripe.com/webhooks#event-ordering), so the state moves forward
 * only: a canceled subscription stays canceled; a snapshot of an older period, or an older
 * snapshot of the same period, changes nothing; a period's payment goes from failed to paid
 * (a retry succeeded), never back; an older period's payment never replaces a newer one's.
 * Pure.
 */
import type { JournalSubscription } from "../journal/SubscriptionStore";

export type SubscriptionChange =
  /** `customer.subscription.created/updated/deleted`: Stripe's snapshot of the subscription. */
  | {
      kind: "snapshot";
      at: number;
      status: string;
      currentPeriodEnd: number | null;
      cancelAtPeriodEnd: boolean;
    }
  /** `invoice.paid` / `invoice.payment_failed` of the period ending `periodEnd`. */
  | { kind: "invoice"; at: number; paid: boolean; periodEnd: number | null };

/** States after which Stripe never moves a subscription again. */
const FINAL_STATUSES = ["canceled", "incomplete_expired"];
/** States a paid invoice of the current period ends: Stripe makes the subscription active. */
const CLEARED_BY_PAYMENT = [null, "incomplete", "past_due", "unpaid"];

export function nextSubscriptionState(
  current: JournalSubscription,
  change: SubscriptionChange,
): { state: JournalSubscription; changed: boolean } {
  const state =
    change.kind === "snapshot" ? applySnapshot(current, change) : applyInvoice(current, change);
  return { state, changed: !sameState(current, state) };
}

function isFinal(status: string | null): boolean {
  return status !== null && FINAL_STATUSES.includes(status);
}

function applySnapshot(
  current: JournalSubscription,
  change: Extract<SubscriptionChange, { kind: "snapshot" }>,
): JournalSubscription {
  if (isFinal(current.status)) return current;
  const period = change.currentPeriodEnd ?? current.currentPeriodEnd;
  // A cancellation is final whatever came before; otherwise a newer period wins, and within
  // one period the later snapshot (ties included: a redelivery changes nothing).
  if (!isFinal(change.status)) {
    if (isOlder(period, current.currentPeriodEnd)) return current;
    if (period === current.currentPeriodEnd && change.at < current.statusAt) return current;
  }
  return {
    ...current,
    status: change.status,
    statusAt: Math.max(change.at, current.statusAt),
    currentPeriodEnd: laterOf(current.currentPeriodEnd, period),
    cancelAtPeriodEnd: change.cancelAtPeriodEnd,
  };
}

function applyInvoice(
  current: JournalSubscription,
  change: Extract<SubscriptionChange, { kind: "invoice" }>,
): JournalSubscription {
  const period = change.periodEnd;
  if (period === null) return current;
  const next: JournalSubscription = { ...current };
  // The newest period paid gives paidAt and the period's end, whatever failed after it.
  if (change.paid && !isOlderOrSame(period, current.paidPeriodEnd)) {
    next.paidPeriodEnd = period;
    next.paidAt = new Date(change.at * 1000);
    next.currentPeriodEnd = laterOf(current.currentPeriodEnd, period);
  }
  // The payment shown is the newest period billed's; within one period it goes failed → paid only.
  const newer = current.billedPeriodEnd === null || period > current.billedPeriodEnd;
  const retried =
    period === current.billedPeriodEnd && change.paid && current.paymentStatus !== "paid";
  if (!newer && !retried) return next;
  next.billedPeriodEnd = period;
  next.paymentStatus = change.paid ? "paid" : "failed";
  // The invoice's word on the subscription's state, unless a later snapshot said otherwise.
  if (!isFinal(current.status) && change.at >= current.statusAt) {
    if (!change.paid) next.status = "past_due";
    else if (CLEARED_BY_PAYMENT.includes(current.status)) next.status = "active";
    if (next.status !== current.status) next.statusAt = change.at;
  }
  return next;
}

function isOlderOrSame(value: number, than: number | null): boolean {
  return than !== null && value <= than;
}

function isOlder(value: number | null, than: number | null): boolean {
  return value !== null && than !== null && value < than;
}

function laterOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function sameState(a: JournalSubscription, b: JournalSubscription): boolean {
  return (
    a.status === b.status &&
    a.statusAt === b.statusAt &&
    a.currentPeriodEnd === b.currentPeriodEnd &&
    a.cancelAtPeriodEnd === b.cancelAtPeriodEnd &&
    a.billedPeriodEnd === b.billedPeriodEnd &&
    a.paymentStatus === b.paymentStatus &&
    a.paidPeriodEnd === b.paidPeriodEnd &&
    a.paidAt?.getTime() === b.paidAt?.getTime()
  );
}
