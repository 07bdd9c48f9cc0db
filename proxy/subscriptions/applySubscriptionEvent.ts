/**
 * A subscription's events → the journal → the records of the session that made it:
 * `customer.subscription.created/updated/deleted` (Stripe's state and period), and a
 * subscription's `invoice.paid` / `invoice.payment_failed` (each period's payment).
 * https://docs.stripe.com/billing/subscriptions/webhooks
 * The subscription is known once its session's `checkout.session.completed` names it
 * (`linkSessionSubscription`); an event that comes first is kept and applied then.
 */
import type { JournalSession } from "../journal/SessionStore";
import type { JournalSubscription } from "../journal/SubscriptionStore";
import type { PaymentEvent } from "../ports/PaymentEvent";
import type { SubscriptionEventType } from "../ports/Subscription";
import type { EventOutcome, PaymentEventDeps } from "../events/applyPaymentEvent";
import { unknownSession } from "../events/applyPaymentEvent";
import { METADATA_APP_ID } from "../sessions/sessionView";
import { nextSubscriptionState, type SubscriptionChange } from "./nextSubscriptionState";
import { writeSubscriptionState } from "./writeSubscriptionState";
import { writeInvoice } from "../writeback/writeSessionInvoice";

export type SubscriptionPaymentEvent = Extract<
  PaymentEvent,
  { type: SubscriptionEventType | "invoice.paid" | "invoice.payment_failed" }
>;

export async function applySubscriptionEvent(
  deps: PaymentEventDeps,
  event: SubscriptionPaymentEvent,
  retry: boolean,
): Promise<EventOutcome> {
  const target = subscriptionTarget(event);
  if (!target) return "unhandled";
  return deps.coordination.withLocks([subscriptionLock(target.id)], async () => {
    const current = await deps.journal.subscriptions.get(target.id);
    if (!current) return unknownSession(deps, event, target.metadata[METADATA_APP_ID]);
    const { state, changed } = nextSubscriptionState(current, target.change);
    if (changed) await deps.journal.subscriptions.save(state);
    if (changed || retry) await writeSubscriptionState(deps, state);
    // The newest paid period's invoice is the one the record links to (number, page, PDF).
    const newestPaid = event.type === "invoice.paid" && state.paidPeriodEnd === periodOf(target);
    if (newestPaid && (changed || retry)) {
      const session = await deps.journal.sessions.get(state.sessionId);
      if (session) await writeInvoice(deps, session, event.invoice);
    }
    return changed ? "applied" : "no_change";
  });
}

/**
 * A completed subscription session names its subscription: the journal ties it to the session
 * (its records and mapping) and the records receive its id. True when it was not known before.
 */
export async function linkSessionSubscription(
  deps: Pick<PaymentEventDeps, "journal" | "writer" | "logger" | "coordination">,
  session: JournalSession,
  subscriptionId: string,
): Promise<boolean> {
  return deps.coordination.withLocks([subscriptionLock(subscriptionId)], async () => {
    if (await deps.journal.subscriptions.get(subscriptionId)) return false;
    const subscription = newSubscription(subscriptionId, session);
    await deps.journal.subscriptions.save(subscription);
    await writeSubscriptionState(deps, subscription);
    return true;
  });
}

/** A subscription just tied to its session: no event has told its state yet. */
export function newSubscription(
  subscriptionId: string,
  session: Pick<JournalSession, "sessionId" | "appId" | "recordIds">,
): JournalSubscription {
  return {
    subscriptionId,
    sessionId: session.sessionId,
    appId: session.appId,
    recordIds: session.recordIds,
    status: null,
    statusAt: 0,
    currentPeriodEnd: null,
    cancelAtPeriodEnd: false,
    billedPeriodEnd: null,
    paymentStatus: null,
    paidPeriodEnd: null,
    paidAt: null,
  };
}

export function subscriptionLock(subscriptionId: string): string {
  return `stripe-subscription:${subscriptionId}`;
}

function periodOf(target: { change: SubscriptionChange }): number | null | undefined {
  return target.change.kind === "invoice" ? target.change.periodEnd : undefined;
}

function subscriptionTarget(
  event: SubscriptionPaymentEvent,
): { id: string; metadata: Record<string, string>; change: SubscriptionChange } | undefined {
  if ("subscription" in event) {
    const { subscription } = event;
    return {
      id: subscription.id,
      metadata: subscription.metadata,
      change: {
        kind: "snapshot",
        at: event.created,
        status: subscription.status,
        currentPeriodEnd: subscription.currentPeriodEnd,
        cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
      },
    };
  }
  const billed = event.invoice.subscription;
  if (!billed) return undefined;
  return {
    id: billed.id,
    metadata: { ...event.invoice.metadata, ...billed.metadata },
    change: {
      kind: "invoice",
      at: event.created,
      paid: event.type === "invoice.paid",
      periodEnd: billed.periodEnd,
    },
  };
}
