/**
 * This proxy's part of Stripe's rate limit, which every proxy using one Stripe account shares
 * (https://docs.stripe.com/rate-limits counts requests per account, not per client). Read on each
 * Stripe request, so it answers from memory: the implementation refreshes it in the background.
 */
export interface StripeRateShare {
  /** A fraction in (0, 1]: 1 for a proxy alone, 1/N while N proxies are live. */
  current(): number;
  /** Stops refreshing and leaves the count of live proxies (idempotent). */
  close(): Promise<void>;
}

/** A proxy alone (SQLite, no DATABASE_URL): the whole limit. */
export const WHOLE_STRIPE_RATE: StripeRateShare = {
  current: () => 1,
  close: async () => {},
};

/** The fraction each of `liveProxies` proxies may use (at least one: the asking proxy itself). */
export function shareAmong(liveProxies: number): number {
  return 1 / Math.max(1, Math.floor(liveProxies));
}
