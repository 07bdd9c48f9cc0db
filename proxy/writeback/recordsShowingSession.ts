/**
 * Which of a session's records its state belongs in. A payment, a refund or a dispute on any
 * session of a record reaches the record, newest or not; what is not about money (a link opened or
 * expired) belongs only in records whose newest session it is, and never over a payment another
 * session of the record holds: an `expired` event of a superseded link changes nothing.
 */
import { BILLED_PAYMENT_STATUSES } from "../../core/api/proxyApi";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { Journal } from "../journal/Journal";
import type { JournalSession } from "../journal/SessionStore";

/** The session took the buyer's money (or was free) and keeps it, or lost it in a dispute. */
export function holdsPayment(session: Pick<JournalSession, "status" | "paymentStatus">): boolean {
  return (
    session.status === "complete" &&
    (BILLED_PAYMENT_STATUSES as readonly string[]).includes(session.paymentStatus)
  );
}

export async function recordsShowingSession(
  journal: Journal,
  session: JournalSession,
  mapping: Pick<MappingConfig, "allowRepeatPayment">,
): Promise<string[]> {
  const showing: string[] = [];
  for (const recordId of session.recordIds) {
    if (await showsSession(journal, session, mapping, recordId)) showing.push(recordId);
  }
  return showing;
}

async function showsSession(
  journal: Journal,
  session: JournalSession,
  mapping: Pick<MappingConfig, "allowRepeatPayment">,
  recordId: string,
): Promise<boolean> {
  if (holdsPayment(session)) return true;
  const newest =
    (await journal.sessions.latestIdForRecord(session.appId, recordId)) === session.sessionId;
  // Records billed again and again: each session is a bill of its own.
  if (mapping.allowRepeatPayment) return newest || session.status === "complete";
  const otherHolds = (await journal.sessions.listForRecord(session.appId, recordId)).some(
    (s) => s.sessionId !== session.sessionId && holdsPayment(s),
  );
  if (otherHolds) return false;
  return newest || session.status === "complete";
}
