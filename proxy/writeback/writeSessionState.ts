/**
 * Writes a session's state into its records, the way sync, expire and webhooks all do: with the
 * mapping the session was made with, and only into records whose newest session it still is
 * (a replaced session must not overwrite its successor's state).
 */
import type { Logger } from "pino";
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import type { Journal, JournalSession } from "../journal/Journal";
import type { CheckoutSession } from "../ports/PaymentGateway";
import type { RecordWriter } from "./RecordWriter";
import { writeBackFields, type WriteBackState } from "./writeBackFields";

export async function writeSessionState(
  deps: { journal: Journal; writer: RecordWriter; logger: Logger },
  session: JournalSession,
  state: WriteBackState,
): Promise<void> {
  const parsed = parseMappingConfig(session.mappingJson);
  if (!parsed.ok) {
    deps.logger.error({ sessionId: session.sessionId }, "journalled mapping no longer parses");
    return;
  }
  const fields = writeBackFields(parsed.mapping.writeBack, state);
  const recordIds = session.recordIds.filter(
    (id) => deps.journal.latestSessionIdForRecord(session.appId, id) === session.sessionId,
  );
  await deps.writer.write(
    session.appId,
    recordIds.map((recordId) => ({ recordId, fields })),
  );
}

/** Stripe's session → what the journal and the records should now say. */
export function stateFromSession(
  session: CheckoutSession,
  journalled: JournalSession,
  now: Date,
): WriteBackState & { paidAt: Date | null } {
  const paid = session.status === "complete" && session.paymentStatus === "paid";
  const currency = session.currency ?? journalled.currency;
  const amount = session.amountTotal ?? journalled.amountTotal;
  // Stripe's session knows only paid/unpaid; a later failure or refund the journal learnt stays.
  const paymentStatus = ["failed", "refunded", "partially_refunded"].includes(
    journalled.paymentStatus,
  )
    ? journalled.paymentStatus
    : session.paymentStatus;
  return {
    status: session.status,
    paymentStatus,
    expiresAt: session.expiresAt,
    amountTotal: { amount, currency },
    customerEmail: session.customerEmail ?? journalled.customerEmail,
    paidAt: paid ? (journalled.paidAt ?? now) : journalled.paidAt,
  };
}
