import type { JournalSession, SessionStateUpdate } from "./SessionStore";

/**
 * The session after an update, as every adapter's `updateState` keeps it: states only move
 * forward (complete and expired are final), the first payment moment and payment intent known stay.
 */
export function nextJournalSession(
  current: JournalSession,
  state: SessionStateUpdate,
): JournalSession {
  const next: JournalSession = { ...current };
  if (state.status && current.status === "open") next.status = state.status;
  if (state.paymentStatus) next.paymentStatus = state.paymentStatus;
  if (state.customerEmail !== undefined) next.customerEmail = state.customerEmail;
  if (state.amountTotal !== undefined) next.amountTotal = state.amountTotal;
  if (state.url !== undefined) next.url = state.url;
  if (state.paidAt !== undefined && current.paidAt === null) next.paidAt = state.paidAt;
  if (state.amountRefunded !== undefined) next.amountRefunded = state.amountRefunded;
  if (state.refund !== undefined) next.refund = state.refund;
  if (state.dispute !== undefined) next.dispute = state.dispute;
  if (state.paymentIntentId) next.paymentIntentId ??= state.paymentIntentId;
  if (state.recoveryUrl !== undefined) next.recoveryUrl = state.recoveryUrl;
  return next;
}
