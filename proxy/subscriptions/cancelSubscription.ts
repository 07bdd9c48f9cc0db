/**
 * POST /v1/subscriptions/:id/cancel — cancels a subscription a checkout of this proxy made, at
 * the period's end (the default: the buyer keeps what was paid for) or now, and writes the new
 * state into its records. A subscription of another app, or one the journal does not know,
 * answers 404 SESSION_NOT_FOUND before Stripe is asked anything.
 * https://docs.stripe.com/billing/subscriptions/cancel
 */
import type { SubscriptionView } from "../../core/api/proxyApi";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { SubscriptionNotFoundError } from "../errors/SubscriptionNotFoundError";
import type { JournalSubscription } from "../journal/SubscriptionStore";
import { subscriptionLock } from "./linkSessionSubscription";
import { nextSubscriptionState } from "./nextSubscriptionState";
import { writeSubscriptionState } from "./writeSubscriptionState";

export async function cancelSubscription(
  deps: UseCaseDeps,
  subscriptionId: string,
  options: { atPeriodEnd?: boolean },
  /** The app the call is bound to (X-Kintone-App-Id); absent: any app the proxy serves. */
  scope?: { appId: string },
): Promise<SubscriptionView> {
  const known = await deps.journal.subscriptions.get(subscriptionId);
  if (!known || (scope !== undefined && known.appId !== scope.appId)) {
    throw new SubscriptionNotFoundError(subscriptionId);
  }
  const atPeriodEnd = options.atPeriodEnd ?? true;
  const stripe = await deps.gateway.cancelSubscription(subscriptionId, { atPeriodEnd });
  if (!stripe) throw new SubscriptionNotFoundError(subscriptionId);
  const state = await deps.coordination.withLocks([subscriptionLock(subscriptionId)], async () => {
    const current = (await deps.journal.subscriptions.get(subscriptionId)) ?? known;
    // Stripe's answer is as new as anything the journal holds; later events still move it on.
    const { state, changed } = nextSubscriptionState(current, {
      kind: "snapshot",
      at: current.statusAt,
      status: stripe.status,
      currentPeriodEnd: stripe.currentPeriodEnd,
      cancelAtPeriodEnd: stripe.cancelAtPeriodEnd,
    });
    if (changed) await deps.journal.subscriptions.save(state);
    await writeSubscriptionState(deps, state);
    return state;
  });
  return toSubscriptionView(state);
}

function toSubscriptionView(subscription: JournalSubscription): SubscriptionView {
  return {
    id: subscription.subscriptionId,
    status: subscription.status ?? "incomplete",
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    currentPeriodEnd:
      subscription.currentPeriodEnd === null
        ? null
        : new Date(subscription.currentPeriodEnd * 1000).toISOString(),
    appId: subscription.appId,
    recordIds: subscription.recordIds,
  };
}
