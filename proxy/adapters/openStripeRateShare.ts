/**
 * This proxy's share of Stripe's rate limit: split among the live proxies on PostgreSQL when
 * `DATABASE_URL` is set, the whole limit for a proxy alone otherwise.
 */
import type { Logger } from "pino";
import { WHOLE_STRIPE_RATE, type StripeRateShare } from "../ports/StripeRateShare";
import type { PostgresStripeRateShareOptions } from "./postgres/PostgresStripeRateShare";

// Loaded only with DATABASE_URL, like the PostgreSQL journal: a proxy on SQLite never holds `pg`.
type PostgresStripeRateShareModule = typeof import("./postgres/PostgresStripeRateShare");

export async function openStripeRateShare(
  config: { databaseUrl?: string },
  options: { logger?: Logger; pacing?: PostgresStripeRateShareOptions } = {},
): Promise<StripeRateShare> {
  if (!config.databaseUrl) return WHOLE_STRIPE_RATE;
  const { PostgresStripeRateShare } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("./postgres/PostgresStripeRateShare") as PostgresStripeRateShareModule;
  return PostgresStripeRateShare.open(config.databaseUrl, {
    ...options.pacing,
    onError: (error) =>
      options.logger?.warn(
        { err: error },
        "Stripe pacing heartbeat failed; keeping the last share",
      ),
  });
}
