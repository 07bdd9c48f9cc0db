import Stripe from "stripe";
import { UpstreamError } from "../../errors/UpstreamError";

const API_KEY_PATTERN = /\b(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9*]+|\bwhsec_[A-Za-z0-9*]+/g;
const MAX_UPSTREAM_MESSAGE_LENGTH = 400;

/** Stripe's own message, minus anything that looks like a key (its 401s quote a masked one). */
export function redactStripeMessage(message: string): string {
  const redacted = message.replace(API_KEY_PATTERN, "[redacted key]").trim();
  return redacted.length > MAX_UPSTREAM_MESSAGE_LENGTH
    ? `${redacted.slice(0, MAX_UPSTREAM_MESSAGE_LENGTH)}…`
    : redacted;
}

export function isStripeError(error: unknown): error is Stripe.errors.StripeError {
  return error instanceof Stripe.errors.StripeError;
}

/** Stripe does not know this object (not: the URL is unknown, which is a bug to surface). */
export function isResourceMissing(error: unknown): boolean {
  return isStripeError(error) && error.statusCode === 404 && error.code === "resource_missing";
}

/** Worth trying again later: rate limits, Stripe's own failures, conflicts, network trouble. */
export function isRetryableStripeError(error: Stripe.errors.StripeError): boolean {
  if (error instanceof Stripe.errors.StripeConnectionError) return true;
  const status = error.statusCode;
  return status === undefined || status === 409 || status === 429 || status >= 500;
}

/**
 * Turns whatever the SDK threw into the proxy's `UpstreamError` with a message an operator or user
 * can act on. `action` reads after "could not", e.g. "create the checkout session".
 * Errors that are not Stripe's (bugs) pass through unchanged.
 */
export function toUpstreamError(error: unknown, action: string): Error {
  if (error instanceof UpstreamError) return error;
  if (!isStripeError(error)) return error instanceof Error ? error : new Error(String(error));

  const options = {
    requestId: error.requestId,
    retryable: isRetryableStripeError(error),
    upstreamCode: error.code,
    upstreamStatus: error.statusCode,
  };
  const stripeSays = redactStripeMessage(error.message ?? "");
  const param = error.param ? ` (parameter: ${error.param})` : "";
  let message: string;
  if (error instanceof Stripe.errors.StripeConnectionError) {
    message = `Could not ${action}: Stripe could not be reached (network failure or timeout). Try again.`;
  } else if (error instanceof Stripe.errors.StripeAuthenticationError) {
    message = `Could not ${action}: Stripe rejected the API key (STRIPE_API_KEY is wrong, revoked or expired).`;
  } else if (error instanceof Stripe.errors.StripePermissionError) {
    message = `Could not ${action}: the Stripe API key lacks a permission this needs. Grant it to the restricted key. Stripe says: ${stripeSays}`;
  } else if (error instanceof Stripe.errors.StripeRateLimitError) {
    message = `Could not ${action}: Stripe is rate-limiting requests. Try again in a moment.`;
  } else if (error instanceof Stripe.errors.StripeIdempotencyError) {
    message = `Could not ${action}: this request was already sent with other parameters under the same idempotency key.`;
  } else if (options.retryable) {
    message = `Could not ${action}: Stripe had a temporary problem${options.upstreamStatus ? ` (HTTP ${options.upstreamStatus})` : ""}. Try again.`;
  } else {
    message = `Stripe refused to ${action}: ${stripeSays || "no reason given"}${param}`;
  }
  return new UpstreamError("stripe", message, options);
}
