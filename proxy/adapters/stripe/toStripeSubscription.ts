import type Stripe from "stripe";
import type { InvoiceSubscription, StripeSubscription } from "../../ports/Subscription";

/**
 * Stripe's subscription → the port's. In the pinned API version (2026-10-28) the period lives on
 * each item (`items.data[].current_period_end`), not on the subscription: the earliest item's end
 * is when the subscription next renews.
 * https://docs.stripe.com/api/subscriptions/object#subscription_object-items-data-current_period_end
 */
export function toStripeSubscription(subscription: Stripe.Subscription): StripeSubscription {
  const ends = (subscription.items?.data ?? [])
    .map((item) => item.current_period_end)
    .filter((end): end is number => typeof end === "number");
  return {
    id: subscription.id,
    status: subscription.status,
    currentPeriodEnd: ends.length > 0 ? Math.min(...ends) : null,
    cancelAtPeriodEnd: subscription.cancel_at_period_end === true,
    metadata: { ...(subscription.metadata ?? {}) },
  };
}

/**
 * The subscription a subscription's invoice bills (`parent.subscription_details`), and the period
 * it bills: the end of its lines' period (the invoice's own `period_end` is the end of the period
 * *before*, when its items were gathered).
 * https://docs.stripe.com/api/invoices/object#invoice_object-parent-subscription_details
 * https://docs.stripe.com/api/invoices/object#invoice_object-period_end
 */
export function toInvoiceSubscription(invoice: Stripe.Invoice): InvoiceSubscription | null {
  const details = invoice.parent?.subscription_details;
  if (!details) return null;
  const subscription = details.subscription;
  const ends = (invoice.lines?.data ?? [])
    .map((line) => line.period?.end)
    .filter((end): end is number => typeof end === "number");
  return {
    id: typeof subscription === "string" ? subscription : subscription.id,
    periodEnd: ends.length > 0 ? Math.max(...ends) : null,
    metadata: { ...(details.metadata ?? {}) },
  };
}
