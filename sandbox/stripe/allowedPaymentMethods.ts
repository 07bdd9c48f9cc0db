/**
 * How a buyer may pay a session: only in one of its `allowed_payment_method_types` when it names
 * them, and a subscription-mode session only by card here — Konbini takes "only one-time line
 * items (recurring subscription plans are not supported)"
 * (https://docs.stripe.com/payments/konbini/accept-a-payment).
 */
import { invalidParam } from "./StripeApiError";
import type { CheckoutSession } from "./stripeObjects";

export function requireAllowedMethod(session: CheckoutSession, method: string): void {
  const allowed = session.allowed_payment_method_types;
  if (allowed && !allowed.includes(method)) {
    throw invalidParam(
      "payment_method_types",
      `This Checkout Session does not accept ${method}; it accepts ${allowed.join(", ")}.`,
    );
  }
  if (session.mode === "subscription" && method !== "card") {
    throw invalidParam(
      "payment_method_types",
      `A subscription-mode Checkout Session cannot be paid with ${method}: it supports one-time payments only.`,
    );
  }
}
