/**
 * Stripe's limits for Checkout in subscription mode, enforced before anything is sent.
 */
import type { SubscriptionInterval } from "../api/proxyApi";

/**
 * "For subscription mode, there is a maximum of 20 line items with recurring Prices and 20 line
 * items with one-time Prices" (one-time lines go on the first invoice only).
 * https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-line_items
 */
export const MAX_RECURRING_LINE_ITEMS = 20;
export const MAX_ONE_TIME_LINE_ITEMS_IN_SUBSCRIPTION = 20;

/**
 * The longest billing period per interval: "Maximum of one year interval allowed (1 year, 12 months,
 * or 52 weeks)" (https://docs.stripe.com/api/prices/create#create_price-recurring-interval_count).
 * Newer API versions allow up to three years for `price_data.recurring`; one year is what every
 * version accepts, and what a membership or tuition fee needs.
 */
export const MAX_INTERVAL_COUNT: Readonly<Record<SubscriptionInterval, number>> = {
  day: 365,
  week: 52,
  month: 12,
  year: 1,
};

/**
 * Konbini and PayPay take one-time payments only (https://docs.stripe.com/payments/konbini,
 * https://docs.stripe.com/payments/paypay).
 */
export const ONE_TIME_ONLY_PAYMENT_METHOD_TYPES: readonly string[] = ["konbini", "paypay"];
