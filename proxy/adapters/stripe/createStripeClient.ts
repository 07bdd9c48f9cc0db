import Stripe from "stripe";

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

export interface StripeHostConfig {
  host: string;
  port: number;
  protocol: "http" | "https";
}

/**
 * `STRIPE_API_BASE` → the SDK's host/port/protocol. stripe-node sends file uploads to
 * `files.stripe.com` unless the instance host is not the default one: `resolveBaseAddress` then
 * returns the instance host for every base address (stripe.core.js), so one setting redirects both.
 */
export function parseStripeApiBase(apiBase: string): StripeHostConfig {
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    throw new Error(`STRIPE_API_BASE is not a URL: ${apiBase}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`STRIPE_API_BASE must be http or https, got ${url.protocol}`);
  }
  if (url.pathname !== "/" && url.pathname !== "") {
    // The SDK always requests /v1/…; a path prefix would be silently dropped.
    throw new Error(`STRIPE_API_BASE must not have a path, got ${url.pathname}`);
  }
  const protocol = url.protocol === "http:" ? "http" : "https";
  const port = url.port ? Number(url.port) : protocol === "http" ? 80 : 443;
  // URL keeps IPv6 hosts in brackets; the Node HTTP client wants them bare.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return { host, port, protocol };
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
