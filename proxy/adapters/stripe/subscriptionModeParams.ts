import type Stripe from "stripe";
import type { CheckoutSessionRequest } from "../../ports/PaymentGateway";

type Params = Stripe.Checkout.SessionCreateParams;

/**
 * Parameters of `checkout.sessions.create` that the pinned API version (2026-10-28) takes in
 * `payment` mode only, left out of a subscription session: `invoice_creation` ("for one-time
 * payments": a subscription issues its own invoice each period), `customer_creation` ("only in
 * `payment` and `setup` mode": a subscription always makes a customer), `payment_intent_data`
 * ("sessions in `payment` mode") and konbini's `payment_method_options` (konbini takes one-time
 * payments only). `submit_type` stays: it "can only be specified on Checkout Sessions in `payment`
 * or `subscription` mode".
 * https://docs.stripe.com/api/checkout/sessions/create
 * https://docs.stripe.com/payments/konbini
 */
const PAYMENT_MODE_ONLY = [
  "invoice_creation",
  "customer_creation",
  "payment_intent_data",
  "payment_method_options",
] as const satisfies readonly (keyof Params)[];

/**
 * A subscription session: `mode: "subscription"`, payment-only parameters removed, and the
 * session's metadata copied onto the subscription (`subscription_data.metadata`), so the
 * subscription's own events and invoices name the app and the records.
 * https://docs.stripe.com/payments/checkout/build-subscriptions
 */
export function toSubscriptionModeParams(
  params: Params,
  subscription: NonNullable<CheckoutSessionRequest["subscription"]>,
): Params {
  const result: Params = { ...params, mode: "subscription" };
  for (const key of PAYMENT_MODE_ONLY) delete result[key];
  const metadata = Object.fromEntries(
    Object.entries(subscription.metadata).filter(([, value]) => value !== ""),
  );
  if (Object.keys(metadata).length > 0) result.subscription_data = { metadata };
  return result;
}
