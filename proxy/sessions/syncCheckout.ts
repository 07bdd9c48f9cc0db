/**
 * POST /v1/checkouts/:id/sync — pulls the session from Stripe and writes its state into the
 * records (the mapping's writeBack fields), for when a webhook was missed or is not set up.
 */
import { writeSessionInvoice } from "../writeback/writeSessionInvoice";
import type { CheckoutSession } from "../ports/PaymentGateway";
import { adoptRecoveredSession } from "./adoptRecoveredSession";
import { applySessionChange } from "./applySessionChange";
import { retrieveSessionInScope, type AppScope } from "./appScope";
import type { SessionChange } from "./nextSessionState";
import { toSessionView, type SessionView } from "./sessionView";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { linkSessionSubscription } from "../subscriptions/linkSessionSubscription";
import { withSubscriptionView } from "./withSubscriptionView";

export async function syncCheckout(
  deps: UseCaseDeps,
  sessionId: string,
  scope?: AppScope,
): Promise<SessionView> {
  const session = await retrieveSessionInScope(deps, sessionId, scope);
  return recordSessionState(deps, session);
}

/**
 * Journal and records learn Stripe's state; sessions the journal never made are only shown.
 * Stripe's snapshot changes the session through `applySessionChange`, as webhook events do, so
 * a snapshot read before a newer event was applied cannot move the journal or the records back.
 */
export async function recordSessionState(
  deps: UseCaseDeps,
  session: CheckoutSession,
): Promise<SessionView> {
  if (
    !(await deps.journal.sessions.get(session.id)) &&
    !(await adoptRecoveredSession(deps.journal, session))
  ) {
    deps.logger.info(
      { sessionId: session.id },
      "session unknown to the journal: shown, records not written",
    );
    return toSessionView(session);
  }
  const applied = await applySessionChange(deps, session.id, (journalled) => ({
    current: journalled!,
    change: sessionChangeFromSnapshot(session, deps.now()),
    // Written even unchanged: a sync is how records that missed a write catch up.
    writeUnchanged: true,
    snapshot: { expiresAt: session.expiresAt, currency: session.currency },
    ...(session.buyer ? { buyer: session.buyer } : {}),
  }));
  await writeSessionInvoice(deps, applied.session, session);
  // A sync catches up a missed completion: the journal learns which subscription it made.
  if (session.subscriptionId) {
    await linkSessionSubscription(deps, applied.session, session.subscriptionId);
  }
  const view = {
    ...toSessionView(session, applied.session),
    status: applied.session.status,
    paymentStatus: applied.session.paymentStatus,
  };
  return withSubscriptionView(deps.journal, view, session);
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
    ...(session.paymentIntentId ? { paymentIntentId: session.paymentIntentId } : {}),
    ...(session.recoveryUrl ? { recoveryUrl: session.recoveryUrl } : {}),
  };
}
