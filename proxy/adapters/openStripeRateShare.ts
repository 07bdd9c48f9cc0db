/**
 * This proxy's share of Stripe's rate limit: split among the live proxies on PostgreSQL when
 * `DATABASE_URL` is set, the whole limit for a proxy alone otherwise.
 */
import type { Logger } from "pino";
import { WHOLE_STRIPE_RATE, type StripeRateShare } from "../ports/StripeRateShare";
import {
  PostgresStripeRateShare,
  type PostgresStripeRateShareOptions,
} from "./postgres/PostgresStripeRateShare";

export async function openStripeRateShare(
  config: { databaseUrl?: string },
  options: { logger?: Logger; pacing?: PostgresStripeRateShareOptions } = {},
): Promise<StripeRateShare> {
  if (!config.databaseUrl) return WHOLE_STRIPE_RATE;
  return PostgresStripeRateShare.open(config.databaseUrl, {
    ...options.pacing,
    onError: (error) =>
      options.logger?.warn(
        { err: error },
        "Stripe pacing heartbeat failed; keeping the last share",
      ),
  });
}
