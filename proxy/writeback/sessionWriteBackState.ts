/**
 * The journal's whole state of a session as the records receive it. The session's id goes with a
 * payment (the record shows which link was paid, also an older or a recovered one); the refunded
 * amount once something was refunded; an expired session's recovery link takes the place of the
 * dead one in `url`, so the record keeps one live link.
 */
import type { JournalSession } from "../journal/SessionStore";
import { holdsPayment } from "./recordsShowingSession";
import type { WriteBackState } from "./writeBackFields";

export function sessionWriteBackState(
  session: JournalSession,
  snapshot?: { expiresAt: Date; currency: string | null },
): WriteBackState {
  const currency = snapshot?.currency ?? session.currency;
  const amountRefunded = session.amountRefunded ?? 0;
  const recoveryUrl = session.status === "expired" ? session.recoveryUrl : null;
  return {
    status: session.status,
    paymentStatus: session.paymentStatus,
    ...(snapshot ? { expiresAt: snapshot.expiresAt } : {}),
    amountTotal: { amount: session.amountTotal, currency },
    customerEmail: session.customerEmail,
    paidAt: session.paidAt,
    ...(holdsPayment(session) ? { sessionId: session.sessionId } : {}),
    ...(amountRefunded > 0 || (session.refund ?? "none") !== "none"
      ? { amountRefunded: { amount: amountRefunded, currency } }
      : {}),
    ...(session.paymentIntentId ? { paymentIntentId: session.paymentIntentId } : {}),
    ...(recoveryUrl ? { recoveryUrl, url: recoveryUrl } : {}),
  };
}
