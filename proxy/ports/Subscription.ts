/**
 * A Stripe subscription as the use cases see it (the adapter translates Stripe's object and its
 * events). Times are Stripe's clock, unix seconds.
 * https://docs.stripe.com/api/subscriptions/object
 */

/** Stripe's: `active`, `past_due`, `canceled`, `incomplete`, `trialing`, `unpaid`, `paused`, … */
export type SubscriptionStatus = string;

export interface StripeSubscription {
  id: string;
  status: SubscriptionStatus;
  /**
   * The end of the period paid for or being billed: in the pinned API version it is each item's
   * `current_period_end` (the earliest of them); null when Stripe gives none.
   */
  currentPeriodEnd: number | null;
  cancelAtPeriodEnd: boolean;
  /** The metadata the session gave it (`subscription_data.metadata`): the app and the records. */
  metadata: Record<string, string>;
}

/** The subscription an invoice bills, and the period it bills (the end of its lines' period). */
export interface InvoiceSubscription {
  id: string;
  /** Unix seconds; null when the invoice's lines name no period. */
  periodEnd: number | null;
  /** The subscription's metadata as the invoice snapshots it. */
  metadata: Record<string, string>;
}

export const SUBSCRIPTION_EVENT_TYPES = [
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
] as const;

export type SubscriptionEventType = (typeof SUBSCRIPTION_EVENT_TYPES)[number];
