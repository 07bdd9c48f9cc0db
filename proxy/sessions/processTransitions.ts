/**
 * Which of the changes a mapping's `processActions` names one session's change makes: it became
 * paid, expired or fully refunded. Compared on the journal's states before and after, which only
 * move forward, so a replayed or late event (no change) names none and an action runs once. Pure.
 */
import type { JournalSession } from "../journal/SessionStore";
import { holdsPayment } from "../writeback/recordsShowingSession";

export type ProcessTransition = "paid" | "expired" | "refunded";

type SessionState = Pick<JournalSession, "status" | "paymentStatus">;

/** In the order they happened: a payment before its refund. */
export function processTransitions(
  previous: SessionState,
  next: SessionState,
): ProcessTransition[] {
  const transitions: ProcessTransition[] = [];
  // A refund or a dispute proves a payment: refunded before completed still was paid first.
  const paidNow =
    holdsPayment(next) || (next.status === "complete" && next.paymentStatus === "refunded");
  const paidBefore =
    holdsPayment(previous) ||
    (previous.status === "complete" && previous.paymentStatus === "refunded");
  if (paidNow && !paidBefore) transitions.push("paid");
  if (next.status === "expired" && previous.status !== "expired") transitions.push("expired");
  if (
    next.status === "complete" &&
    next.paymentStatus === "refunded" &&
    !(previous.status === "complete" && previous.paymentStatus === "refunded")
  ) {
    transitions.push("refunded");
  }
  return transitions;
}
