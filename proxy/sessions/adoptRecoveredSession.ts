/**
 * A session the buyer made through an expired session's recovery link is new to the journal, but
 * its `recovered_from` names the expired one (https://docs.stripe.com/payments/checkout/abandoned-carts):
 * when that one is ours, the new session is journalled for the same app, records and mapping,
 * so its payment reaches those records like any session's.
 */
import type { Journal } from "../journal/Journal";
import type { JournalSession } from "../journal/SessionStore";
import type { CheckoutSession } from "../ports/PaymentGateway";

export async function adoptRecoveredSession(
  journal: Journal,
  session: CheckoutSession,
): Promise<JournalSession | undefined> {
  const original = session.recoveredFrom
    ? await journal.sessions.get(session.recoveredFrom)
    : undefined;
  if (!original) return undefined;
  await journal.sessions.save({
    sessionId: session.id,
    appId: original.appId,
    recordIds: original.recordIds,
    mappingJson: original.mappingJson,
    // Open: what the session says now reaches the journal as a change, like any event's.
    status: "open",
    paymentStatus: "unpaid",
    url: session.url,
    currency: session.currency ?? original.currency,
    amountTotal: session.amountTotal ?? original.amountTotal,
    customerEmail: null,
    expiresAt: session.expiresAt,
    createdAt: session.createdAt,
    paidAt: null,
  });
  return journal.sessions.get(session.id);
}
