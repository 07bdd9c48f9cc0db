/**
 * The Stripe events the proxy acts on, as the use cases see them (the adapter translates Stripe's
 * event objects). `created` is Stripe's clock, unix seconds.
 * https://docs.stripe.com/api/events/types
 */
import type { CheckoutInvoice } from "./InvoiceOptions";
import type { CheckoutSession } from "./PaymentGateway";
import {
  SUBSCRIPTION_EVENT_TYPES,
  type StripeSubscription,
  type SubscriptionEventType,
} from "./Subscription";

export const SESSION_EVENT_TYPES = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
] as const;

export type SessionEventType = (typeof SESSION_EVENT_TYPES)[number];

/** A dispute opens, then closes won or lost (https://docs.stripe.com/disputes/how-disputes-work). */
export const DISPUTE_EVENT_TYPES = ["charge.dispute.created", "charge.dispute.closed"] as const;

export type DisputeEventType = (typeof DISPUTE_EVENT_TYPES)[number];

/** Every type the webhook endpoint and the catch-up ask Stripe for. */
export const HANDLED_EVENT_TYPES = [
  ...SESSION_EVENT_TYPES,
  "charge.refunded",
  ...DISPUTE_EVENT_TYPES,
  /** The invoice a session with invoice creation was issued, paid. */
  "invoice.paid",
  /** A subscription's life and its renewals, paid or failed. */
  ...SUBSCRIPTION_EVENT_TYPES,
  "invoice.payment_failed",
] as const;

export interface RefundedCharge {
  id: string;
  paymentIntentId: string | null;
  /** Minor units. */
  amount: number;
  /** Cumulative: every refund of the charge so far. */
  amountRefunded: number;
  currency: string;
}

/** Stripe's dispute object (https://docs.stripe.com/api/disputes/object). */
export interface Dispute {
  id: string;
  chargeId: string | null;
  paymentIntentId: string | null;
  /** Stripe's: `needs_response`, `under_review`, … while open; `won`, `lost`, `warning_closed` once closed. */
  status: string;
  /** Minor units. */
  amount: number;
  currency: string;
}

export type PaymentEvent =
  | { id: string; type: SessionEventType; created: number; session: CheckoutSession }
  | { id: string; type: "charge.refunded"; created: number; charge: RefundedCharge }
  | { id: string; type: DisputeEventType; created: number; dispute: Dispute }
  | { id: string; type: "invoice.paid"; created: number; invoice: CheckoutInvoice }
  | { id: string; type: "invoice.payment_failed"; created: number; invoice: CheckoutInvoice }
  | { id: string; type: SubscriptionEventType; created: number; subscription: StripeSubscription }
  /** Any other type: acknowledged and stored, never applied. */
  | { id: string; type: "unhandled"; stripeType: string; created: number };
