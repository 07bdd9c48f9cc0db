/**
 * The public settings that let a record screen open an embedded Checkout session with Stripe.js:
 * the account's publishable key and where Stripe.js is loaded from. Both are kept with `setConfig`,
 * which every user of the app can read, so a secret (`sk_…`) or restricted (`rk_…`) key is never
 * accepted here. A publishable key is made for browsers: it can only start what a client secret
 * allows (https://docs.stripe.com/keys#obtain-api-keys).
 */
import { normalizeProxyUrl } from "./normalizeProxyUrl";

/**
 * Stripe.js is versioned by release in its URL, and Stripe asks that it is always loaded from
 * js.stripe.com, never bundled (https://docs.stripe.com/js/including,
 * https://docs.stripe.com/sdks/stripejs-versioning); dahlia is the release Stripe's guides load.
 */
export const DEFAULT_STRIPE_JS_URL = "https://js.stripe.com/dahlia/stripe.js";

export interface EmbeddedCheckoutSettings {
  publishableKey: string;
  stripeJsUrl: string;
}

/** Why a typed publishable key is refused. */
export type PublishableKeyProblem = "secret" | "restricted" | "invalid";

export type PublishableKeyCheck =
  { ok: true; publishableKey: string | undefined } | { ok: false; problem: PublishableKeyProblem };

/** Empty is allowed (embedded payment on the record screen stays off). */
export function checkPublishableKey(typed: string): PublishableKeyCheck {
  const key = typed.trim();
  if (key === "") return { ok: true, publishableKey: undefined };
  if (/^sk_/.test(key)) return { ok: false, problem: "secret" };
  if (/^rk_/.test(key)) return { ok: false, problem: "restricted" };
  if (!/^pk_(test|live)_[A-Za-z0-9]+$/.test(key)) return { ok: false, problem: "invalid" };
  return { ok: true, publishableKey: key };
}

export type StripeJsUrlCheck = { ok: true; stripeJsUrl: string } | { ok: false };

/** https (http only for this machine, as the sandbox's stand-in is served); empty: the default. */
export function checkStripeJsUrl(typed: string): StripeJsUrlCheck {
  const text = typed.trim();
  if (text === "") return { ok: true, stripeJsUrl: DEFAULT_STRIPE_JS_URL };
  // The proxy URL's rules (https, no user info or query), while the script keeps its own path.
  if (!normalizeProxyUrl(text).ok) return { ok: false };
  return { ok: true, stripeJsUrl: new URL(text).href };
}

/** The stored public settings; undefined without a valid publishable key. */
export function readEmbeddedCheckoutSettings(
  stored: unknown,
): EmbeddedCheckoutSettings | undefined {
  if (typeof stored !== "object" || stored === null) return undefined;
  const { publishableKey, stripeJsUrl } = stored as Record<string, unknown>;
  const key = checkPublishableKey(typeof publishableKey === "string" ? publishableKey : "");
  if (!key.ok || key.publishableKey === undefined) return undefined;
  const url = checkStripeJsUrl(typeof stripeJsUrl === "string" ? stripeJsUrl : "");
  return {
    publishableKey: key.publishableKey,
    stripeJsUrl: url.ok ? url.stripeJsUrl : DEFAULT_STRIPE_JS_URL,
  };
}
