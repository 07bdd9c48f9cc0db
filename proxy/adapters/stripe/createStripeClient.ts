import Stripe from "stripe";
import { parseStripeApiBase } from "./parseStripeApiBase";

/**
 * The API version the proxy is written and tested against: the one this SDK release ships with.
 * Pinned so an upgrade of the account's default version cannot change response shapes under us.
 */
export const STRIPE_API_VERSION = Stripe.API_VERSION as Stripe.StripeConfig["apiVersion"];

export const STRIPE_APP_INFO = {
  name: "kintone-stripe-checkout",
  version: "0.1.0",
} as const;

export interface StripeClientOptions {
  apiKey: string;
  /** e.g. `http://localhost:12111`; absent: Stripe's own hosts. */
  apiBase?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** The SDK retries 5xx, 409 and network failures with backoff, keeping the idempotency key. */
  maxNetworkRetries?: number;
}

export function createStripeClient(options: StripeClientOptions): Stripe {
  const hostConfig = options.apiBase ? parseStripeApiBase(options.apiBase) : {};
  return new Stripe(options.apiKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 15_000,
    appInfo: { ...STRIPE_APP_INFO },
    telemetry: false,
    ...hostConfig,
  });
}
