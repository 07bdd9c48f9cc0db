import type Stripe from "stripe";
import {
  DISPUTE_EVENT_TYPES,
  SESSION_EVENT_TYPES,
  type DisputeEventType,
  type PaymentEvent,
  type SessionEventType,
} from "../../ports/PaymentEvent";
import { toCheckoutSession } from "./toCheckoutSession";
import { toCheckoutInvoice } from "./retrieveStripeInvoice";
import { SUBSCRIPTION_EVENT_TYPES, type SubscriptionEventType } from "../../ports/Subscription";
import { toStripeSubscription } from "./toStripeSubscription";

/**
 * Stripe's event → the port's shape. `data.object` is a snapshot of the object when the event
 * happened (https://docs.stripe.com/api/events/object), so older events carry older state.
 */
export function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  const base = { id: event.id, created: event.created };
  if (isSessionEventType(event.type)) {
    const session = event.data.object as Stripe.Checkout.Session;
    return { ...base, type: event.type, session: toCheckoutSession(session) };
  }
  if (event.type === "charge.refunded") {
    const charge = event.data.object;
    return {
      ...base,
      type: "charge.refunded",
      charge: {
        id: charge.id,
        paymentIntentId: idOf(charge.payment_intent),
        amount: charge.amount,
        amountRefunded: charge.amount_refunded,
        currency: charge.currency.toLowerCase(),
      },
    };
  }
  if (isDisputeEventType(event.type)) {
    const dispute = event.data.object as Stripe.Dispute;
    return {
      ...base,
      type: event.type,
      dispute: {
        id: dispute.id,
        chargeId: idOf(dispute.charge),
        paymentIntentId: idOf(dispute.payment_intent),
        status: dispute.status,
        amount: dispute.amount,
        currency: dispute.currency.toLowerCase(),
      },
    };
  }
  if (event.type === "invoice.paid") {
    return { ...base, type: "invoice.paid", invoice: toCheckoutInvoice(event.data.object) };
  }
  if (event.type === "invoice.payment_failed") {
    const invoice = toCheckoutInvoice(event.data.object);
    return { ...base, type: "invoice.payment_failed", invoice };
  }
  if (isSubscriptionEventType(event.type)) {
    const subscription = toStripeSubscription(event.data.object as Stripe.Subscription);
    return { ...base, type: event.type, subscription };
  }
  return { ...base, type: "unhandled", stripeType: event.type };
}

/** An expandable reference: Stripe sends the id, or the object when expanded. */
function idOf(reference: string | { id: string } | null | undefined): string | null {
  return typeof reference === "string" ? reference : (reference?.id ?? null);
}

function isSessionEventType(type: string): type is SessionEventType {
  return (SESSION_EVENT_TYPES as readonly string[]).includes(type);
}

function isDisputeEventType(type: string): type is DisputeEventType {
  return (DISPUTE_EVENT_TYPES as readonly string[]).includes(type);
}

function isSubscriptionEventType(type: string): type is SubscriptionEventType {
  return (SUBSCRIPTION_EVENT_TYPES as readonly string[]).includes(type);
}
