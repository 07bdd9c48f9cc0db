import Stripe from "stripe";
import type { StripeMode } from "../../ports/PaymentGateway";
import { createTokenBucket, type TokenBucket } from "./createTokenBucket";
import type { GatewayLogger } from "./StripeAccess";

/** Stripe's own limit on requests per second, by mode (https://docs.stripe.com/rate-limits). */
export const STRIPE_REQUESTS_PER_SECOND: Record<StripeMode, number> = { test: 25, live: 100 };

/**
 * Requests that may go at once after a quiet spell: half of a second's allowance. Stripe limits
 * requests per second (https://docs.stripe.com/rate-limits) with a token bucket that lets a
 * second's worth through at once; half leaves room for the account's other clients, and lets the
 * independent requests of one checkout (its image uploads, its products) go together instead of
 * one after another.
 */
export function burstFor(ratePerSecond: number): number {
  return Math.max(1, Math.floor(ratePerSecond / 2));
}

export interface RequestPacerOptions {
  /** Requests per second for the whole gateway. */
  ratePerSecond: number;
  /** Files API uploads per second (also counted against the general limit). */
  filesRatePerSecond: number;
  /** Search API requests per second (also counted against the general limit). */
  searchRatePerSecond: number;
  /** Extra attempts after a 429, which the SDK does not retry on its own. */
  maxRateLimitRetries: number;
  /** First wait after a 429, doubled each time. */
  rateLimitRetryDelayMs: number;
  logger?: GatewayLogger;
  /** Clock for the token buckets; injectable so tests can pace in fake time. Default `Date.now`. */
  now?: () => number;
  /** How the pacer waits (bucket slots and 429 back-off); injectable for tests. Default a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** The part of every limit this proxy may use now (proxies sharing one account); default 1. */
  share?: () => number;
}

/**
 * Sends one Stripe call, paced by the limits it counts against and tried again after a 429.
 * Throws the SDK's error untouched so callers can tell e.g. a missing resource apart.
 */
export interface RequestPacer {
  /** Any API call. */
  api<T>(request: () => Promise<T>): Promise<T>;
  /** A Files API upload. */
  files<T>(request: () => Promise<T>): Promise<T>;
  /** A Search API query. */
  search<T>(request: () => Promise<T>): Promise<T>;
}

export function createRequestPacer(options: RequestPacerOptions): RequestPacer {
  const sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = { now: options.now, sleep, share: options.share };
  const bucket = (ratePerSecond: number) =>
    createTokenBucket({ ratePerSecond, burst: burstFor(ratePerSecond), ...clock });
  const general = bucket(options.ratePerSecond);
  const files = bucket(options.filesRatePerSecond);
  const search = bucket(options.searchRatePerSecond);

  async function send<T>(lanes: TokenBucket[], request: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      for (const lane of lanes) await lane.acquire();
      try {
        return await request();
      } catch (error) {
        const rateLimited = error instanceof Stripe.errors.StripeRateLimitError;
        if (!rateLimited) throw error;
        // Every request of this proxy waits, not only this one: see TokenBucket.backOff.
        for (const lane of lanes) lane.backOff();
        if (attempt >= options.maxRateLimitRetries) throw error;
        const delayMs = options.rateLimitRetryDelayMs * 2 ** attempt * (0.5 + Math.random() / 2);
        options.logger?.warn(
          { requestId: error.requestId, attempt: attempt + 1, delayMs: Math.round(delayMs) },
          "Stripe rate limit hit; retrying",
        );
        await sleep(delayMs);
      }
    }
  }

  return {
    api: (request) => send([general], request),
    files: (request) => send([general, files], request),
    search: (request) => send([general, search], request),
  };
}
