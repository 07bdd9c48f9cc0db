import type Stripe from "stripe";
import {
  SESSION_EVENT_TYPES,
  type PaymentEvent,
  type SessionEventType,
} from "../../ports/PaymentEvent";
import { toCheckoutSession } from "./toCheckoutSession";

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
    const paymentIntent = charge.payment_intent;
    return {
      ...base,
      type: "charge.refunded",
      charge: {
        id: charge.id,
        paymentIntentId:
          typeof paymentIntent === "string" ? paymentIntent : (paymentIntent?.id ?? null),
        amount: charge.amount,
        amountRefunded: charge.amount_refunded,
        currency: charge.currency.toLowerCase(),
      },
    };
  }
  return { ...base, type: "unhandled", stripeType: event.type };
}

function isSessionEventType(type: string): type is SessionEventType {
  return (SESSION_EVENT_TYPES as readonly string[]).includes(type);
}
