/**
 * POST /v1/checkouts/:id/sync — pulls the session from Stripe and writes its state into the
 * records (the mapping's writeBack fields), for when a webhook was missed or is not set up.
 */
import { SessionNotFoundError } from "../errors/SessionNotFoundError";
import { nextSessionState, type SessionChange } from "../events/nextSessionState";
import type { CheckoutSession } from "../ports/PaymentGateway";
import { writeSessionState } from "../writeback/writeSessionState";
import { assertSessionInScope, type AppScope } from "./appScope";
import { toSessionView, type SessionView } from "./sessionView";
import type { UseCaseDeps } from "../deps/UseCaseDeps";

export async function syncCheckout(
  deps: UseCaseDeps,
  sessionId: string,
  scope?: AppScope,
): Promise<SessionView> {
  const session = await deps.gateway.retrieveCheckoutSession(sessionId);
  if (!session) throw new SessionNotFoundError(sessionId);
  assertSessionInScope(deps, session, scope);
  return recordSessionState(deps, session);
}

/**
 * Journal and records learn Stripe's state; sessions the journal never made are only shown.
 * Stripe's snapshot goes through the same forward-only rule and per-session lock as webhook
 * events (`applyPaymentEvent`), so a snapshot read before a newer event was applied cannot
 * move the journal or the records backwards.
 */
export async function recordSessionState(
  deps: UseCaseDeps,
  session: CheckoutSession,
): Promise<SessionView> {
  if (!deps.journal.sessions.get(session.id)) {
    deps.logger.info(
      { sessionId: session.id },
      "session unknown to the journal: shown, records not written",
    );
    return toSessionView(session);
  }
  return deps.coordination.withLocks([`stripe-session:${session.id}`], async () => {
    const current = deps.journal.sessions.get(session.id)!;
    const { state, changed } = nextSessionState(
      current,
      sessionChangeFromSnapshot(session, deps.now()),
    );
    const updated = changed
      ? (deps.journal.sessions.updateState(session.id, {
          status: state.status,
          paymentStatus: state.paymentStatus,
          paidAt: state.paidAt,
          amountTotal: state.amountTotal,
          customerEmail: state.customerEmail,
        }) ?? current)
      : current;
    // Written even unchanged: a sync is how records that missed a write catch up.
    await writeSessionState(deps, updated, {
      status: updated.status,
      paymentStatus: updated.paymentStatus,
      expiresAt: session.expiresAt,
      amountTotal: { amount: updated.amountTotal, currency: session.currency ?? updated.currency },
      customerEmail: updated.customerEmail,
      paidAt: updated.paidAt,
    });
    return {
      ...toSessionView(session, updated),
      status: updated.status,
      paymentStatus: updated.paymentStatus,
    };
  });
}

/** What Stripe's session says, as a change `nextSessionState` weighs like an event's. */
function sessionChangeFromSnapshot(session: CheckoutSession, now: Date): SessionChange {
  const paid = session.status === "complete" && session.paymentStatus === "paid";
  return {
    status: session.status,
    paymentStatus: session.paymentStatus,
    ...(paid ? { paidAt: now } : {}),
    ...(session.amountTotal !== null ? { amountTotal: session.amountTotal } : {}),
    ...(session.customerEmail ? { customerEmail: session.customerEmail } : {}),
  };
}
