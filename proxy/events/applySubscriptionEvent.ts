/**
 * A subscription's events → the journal → the records of the session that made it:
 * `customer.subscription.created/updated/deleted` (Stripe's state and period), and a
 * subscription's `invoice.paid` / `invoice.payment_failed` (each period's payment).
 * https://docs.stripe.com/billing/subscriptions/webhooks
 * The subscription is known once its session's `checkout.session.completed` names it
 * (`linkSessionSubscription`); an event that comes first is kept and applied then.
 */
import type { PaymentEvent } from "../ports/PaymentEvent";
import type { SubscriptionEventType } from "../ports/Subscription";
import type { EventOutcome, PaymentEventDeps } from "./applyPaymentEvent";
import { unknownSession } from "./applyPaymentEvent";
import { METADATA_APP_ID } from "../sessions/sessionView";
import { subscriptionLock } from "../subscriptions/linkSessionSubscription";
import {
  nextSubscriptionState,
  type SubscriptionChange,
} from "../subscriptions/nextSubscriptionState";
import { writeSubscriptionState } from "../subscriptions/writeSubscriptionState";
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
