/**
 * The Stripe events the proxy acts on, as the use cases see them (the adapter translates Stripe's
 * event objects). `created` is Stripe's clock, unix seconds.
 * https://docs.stripe.com/api/events/types
 */
import type { CheckoutSession } from "./PaymentGateway";

export const SESSION_EVENT_TYPES = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
] as const;

export type SessionEventType = (typeof SESSION_EVENT_TYPES)[number];

/** Every type the webhook endpoint and the catch-up ask Stripe for. */
export const HANDLED_EVENT_TYPES = [...SESSION_EVENT_TYPES, "charge.refunded"] as const;

export interface RefundedCharge {
  id: string;
  paymentIntentId: string | null;
  /** Minor units. */
  amount: number;
  amountRefunded: number;
  currency: string;
}

export type PaymentEvent =
  | { id: string; type: SessionEventType; created: number; session: CheckoutSession }
  | { id: string; type: "charge.refunded"; created: number; charge: RefundedCharge }
  /** Any other type: acknowledged and stored, never applied. */
  | { id: string; type: "unhandled"; stripeType: string; created: number };
