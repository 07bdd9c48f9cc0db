/**
 * The session as the HTTP API shows it (`sessionViewSchema` in core/api/proxyApi.ts), and the
 * metadata that ties a Stripe session to its kintone records when the journal does not know it
 * (made by another proxy, journal lost).
 */
import type { SessionViewAnswer } from "../../core/api/proxyApi";
import type { JournalSession, PaymentStatusValue } from "../journal/SessionStore";
import type { CheckoutSession } from "../ports/PaymentGateway";

export type SessionView = SessionViewAnswer;

export const METADATA_APP_ID = "kintone_app_id";
export const METADATA_RECORD_IDS = "kintone_record_ids";
/** Stripe metadata values hold at most 500 characters: long id lists continue in `…_2`, `…_3`. */
const METADATA_VALUE_MAX = 500;

export function recordIdsMetadata(recordIds: string[]): Record<string, string> {
  const chunks: string[] = [];
  let current = "";
  for (const id of recordIds) {
    const next = current ? `${current},${id}` : id;
    if (next.length > METADATA_VALUE_MAX) {
      chunks.push(current);
      current = id;
    } else {
      current = next;
    }
  }
  chunks.push(current);
  return Object.fromEntries(
    chunks.map((chunk, i) => [
      i === 0 ? METADATA_RECORD_IDS : `${METADATA_RECORD_IDS}_${i + 1}`,
      chunk,
    ]),
  );
}

export function recordIdsFromMetadata(metadata: Record<string, string>): string[] {
  const ids: string[] = [];
  for (let i = 1; ; i++) {
    const value = metadata[i === 1 ? METADATA_RECORD_IDS : `${METADATA_RECORD_IDS}_${i}`];
    if (value === undefined) return ids;
    ids.push(...value.split(",").filter(Boolean));
  }
}

/**
 * Stripe's word on state, with the journal's where it knows more: Stripe sessions say only
 * paid/unpaid, while the journal also learns failed, refunds and disputes from webhooks.
 */
export function toSessionView(session: CheckoutSession, journalled?: JournalSession): SessionView {
  const laterPaymentStates: PaymentStatusValue[] = [
    "failed",
    "refunded",
    "partially_refunded",
    "disputed",
    "dispute_lost",
  ];
  const paymentStatus =
    journalled && laterPaymentStates.includes(journalled.paymentStatus)
      ? journalled.paymentStatus
      : session.paymentStatus;
  return {
    id: session.id,
    url: session.url,
    status: session.status,
    paymentStatus,
    amountTotal: session.amountTotal,
    currency: session.currency,
    customerEmail: session.customerEmail,
    expiresAt: session.expiresAt.toISOString(),
    appId: journalled?.appId ?? session.metadata[METADATA_APP_ID] ?? null,
    recordIds: journalled?.recordIds ?? recordIdsFromMetadata(session.metadata),
    ...moneyParts(journalled, session.recoveryUrl),
    // Stripe.js opens an embedded session with it; it is meant for the browser, and dead once closed
    // (https://docs.stripe.com/api/checkout/sessions/object#checkout_session_object-client_secret).
    ...(session.clientSecret && session.status === "open"
      ? { clientSecret: session.clientSecret }
      : {}),
  };
}

/** The refunded amount once something was refunded, and an expired session's recovery link. */
function moneyParts(
  journalled: JournalSession | undefined,
  recoveryUrl: string | null | undefined,
): Pick<SessionView, "amountRefunded" | "recoveryUrl"> {
  const amountRefunded = journalled?.amountRefunded ?? 0;
  const recovery = recoveryUrl ?? journalled?.recoveryUrl;
  return {
    ...(amountRefunded > 0 ? { amountRefunded } : {}),
    ...(recovery ? { recoveryUrl: recovery } : {}),
  };
}

/** The journal's last known state, for lists that should not call Stripe once per session. */
export function journalSessionView(session: JournalSession): SessionView {
  return {
    id: session.sessionId,
    url: session.url,
    status: session.status,
    paymentStatus: session.paymentStatus,
    amountTotal: session.amountTotal,
    currency: session.currency,
    customerEmail: session.customerEmail,
    expiresAt: session.expiresAt.toISOString(),
    appId: session.appId,
    recordIds: session.recordIds,
    ...moneyParts(session, session.recoveryUrl),
  };
}
