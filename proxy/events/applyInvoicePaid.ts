/**
 * `invoice.paid` → the invoice's number and links in the records of the session it was issued
 * for. The invoice carries the app and records in its metadata (set at creation, when the
 * session id is not known yet): its session is the records' newest one that holds a payment.
 */
import type { Journal } from "../journal/Journal";
import type { JournalSession } from "../journal/SessionStore";
import type { CheckoutInvoice } from "../ports/InvoiceOptions";
import type { PaymentEvent } from "../ports/PaymentEvent";
import { METADATA_APP_ID, recordIdsFromMetadata } from "../sessions/sessionView";
import { holdsPayment } from "../writeback/recordsShowingSession";
import { writeInvoice } from "../writeback/writeSessionInvoice";
import type { EventOutcome, PaymentEventDeps } from "./applyPaymentEvent";

/** An invoice whose session is not journalled yet is kept this long for a later pass. */
const WAIT_FOR_SESSION_SECONDS = 24 * 60 * 60;

export async function applyInvoicePaid(
  deps: PaymentEventDeps,
  event: Extract<PaymentEvent, { type: "invoice.paid" }>,
): Promise<EventOutcome> {
  const session = await sessionOfInvoice(deps.journal, event.invoice);
  if (!session) {
    const ageSeconds = deps.now().getTime() / 1000 - event.created;
    if (ageSeconds >= WAIT_FOR_SESSION_SECONDS) return "unknown_session";
    await deps.journal.stripeEvents.recordFailure(
      event.id,
      "the invoice's session is not paid in the journal yet",
    );
    return "deferred";
  }
  await writeInvoice(deps, session, event.invoice);
  return "applied";
}

/**
 * `invoice.paid`: the session it belongs to, or undefined when the journal does not hold it yet
 * (the session's own events come first; the event is then kept for the next pass).
 */
async function sessionOfInvoice(
  journal: Journal,
  invoice: CheckoutInvoice,
): Promise<JournalSession | undefined> {
  const appId = invoice.metadata[METADATA_APP_ID];
  const [recordId] = recordIdsFromMetadata(invoice.metadata);
  if (appId === undefined || recordId === undefined) return undefined;
  return (await journal.sessions.listForRecord(appId, recordId))
    .filter((session) => holdsPayment(session))
    .at(-1);
}
