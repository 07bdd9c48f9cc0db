/**
 * Stripe's window for `expires_at`: 30 minutes to 24 hours after it receives the request.
 * https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-expires_at
 */
const STRIPE_MIN_EXPIRY_MS = 30 * 60_000;
const STRIPE_MAX_EXPIRY_MS = 24 * 60 * 60_000;
/** Room for the request's travel time and clock skew, on both ends of that window. */
export const EXPIRY_SAFETY_MARGIN_MS = 2 * 60_000;

/** The earliest `expires_at` (ms) Stripe surely accepts from a request sent `now`. */
export function earliestAcceptedExpiry(now: Date): number {
  return now.getTime() + STRIPE_MIN_EXPIRY_MS + EXPIRY_SAFETY_MARGIN_MS;
}

/**
 * `expires_at` for a session asked to last `minutes`: a little less than asked (the request takes
 * time to reach Stripe), but never so close that Stripe, receiving it later, sees it under its
 * 30-minute minimum, and never beyond its 24-hour maximum. Whole seconds, as Stripe counts.
 */
export function sessionExpiry(now: Date, minutes: number): Date {
  const asked = now.getTime() + minutes * 60_000 - EXPIRY_SAFETY_MARGIN_MS;
  const latest = now.getTime() + STRIPE_MAX_EXPIRY_MS - EXPIRY_SAFETY_MARGIN_MS;
  const chosen = Math.min(Math.max(asked, earliestAcceptedExpiry(now)), latest);
  return new Date(Math.floor(chosen / 1000) * 1000);
}
