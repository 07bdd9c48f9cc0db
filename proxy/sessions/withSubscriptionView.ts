/**
 * A subscription session's view gains its subscription: the journal's state once the
 * subscription's events told it, else the id Stripe's session names.
 */
import type { Journal } from "../journal/Journal";
import type { JournalSubscription } from "../journal/SubscriptionStore";
import type { CheckoutSession } from "../ports/PaymentGateway";
import type { SessionView } from "./sessionView";

export async function withSubscriptionView(
  journal: Journal,
  view: SessionView,
  session?: Pick<CheckoutSession, "subscriptionId">,
): Promise<SessionView> {
  const subscription = await journal.subscriptions.getForSession(view.id);
  if (subscription) return { ...view, ...subscriptionViewParts(subscription) };
  return session?.subscriptionId ? { ...view, subscriptionId: session.subscriptionId } : view;
}

export function subscriptionViewParts(
  subscription: JournalSubscription,
): Pick<
  SessionView,
  "subscriptionId" | "subscriptionStatus" | "currentPeriodEnd" | "cancelAtPeriodEnd"
> {
  return {
    subscriptionId: subscription.subscriptionId,
    ...(subscription.status !== null ? { subscriptionStatus: subscription.status } : {}),
    ...(subscription.currentPeriodEnd !== null
      ? { currentPeriodEnd: new Date(subscription.currentPeriodEnd * 1000).toISOString() }
      : {}),
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
  };
}
