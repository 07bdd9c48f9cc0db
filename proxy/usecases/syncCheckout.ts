/**
 * POST /v1/checkouts/:id/sync — pulls the session from Stripe and writes its state into the
 * records (the mapping's writeBack fields), for when a webhook was missed or is not set up.
 */
import { SessionNotFoundError } from "../errors/SessionNotFoundError";
import type { CheckoutSession } from "../ports/PaymentGateway";
import { stateFromSession, writeSessionState } from "../writeback/writeSessionState";
import { toSessionView, type SessionView } from "./sessionView";
import type { UseCaseDeps } from "./UseCaseDeps";

export async function syncCheckout(deps: UseCaseDeps, sessionId: string): Promise<SessionView> {
  const session = await deps.gateway.retrieveCheckoutSession(sessionId);
  if (!session) throw new SessionNotFoundError(sessionId);
  return recordSessionState(deps, session);
}

/** Journal and records learn Stripe's state; sessions the journal never made are only shown. */
export async function recordSessionState(
  deps: UseCaseDeps,
  session: CheckoutSession,
): Promise<SessionView> {
  const journalled = deps.journal.getSession(session.id);
  if (!journalled) {
    deps.logger.info(
      { sessionId: session.id },
      "session unknown to the journal: shown, records not written",
    );
    return toSessionView(session);
  }
  const state = stateFromSession(session, journalled, deps.now());
  const updated =
    deps.journal.updateSessionState(session.id, {
      status: state.status,
      paymentStatus: state.paymentStatus,
      customerEmail: session.customerEmail ?? journalled.customerEmail,
      ...(session.amountTotal !== null ? { amountTotal: session.amountTotal } : {}),
      paidAt: state.paidAt,
    }) ?? journalled;
  await writeSessionState(deps, updated, { ...state, status: updated.status });
  return toSessionView(session, updated);
}
