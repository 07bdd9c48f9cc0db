/**
 * `redirect_on_completion` of an embedded Checkout Session: `always` (the default) sends the whole
 * page to return_url once paid, `if_required` only for methods that must redirect (card payments
 * finish in the form and Stripe.js calls `onComplete`), `never` never redirects. It applies to
 * `ui_mode: embedded_page` only:
 * https://docs.stripe.com/payments/checkout/custom-redirect-behavior
 * https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-redirect_on_completion
 */
import type { ParamReader } from "../params";
import { invalidParam } from "../StripeApiError";

export type RedirectOnCompletion = "always" | "if_required" | "never";

/** The stored value: the given one or `always` for an embedded session, null for a hosted one. */
export function readRedirectOnCompletion(
  params: ParamReader,
  uiMode: "hosted_page" | "embedded_page",
): RedirectOnCompletion | null {
  const value = params.enumOf("redirect_on_completion", ["always", "if_required", "never"]);
  if (uiMode !== "embedded_page") {
    if (value !== undefined) {
      throw invalidParam(
        "redirect_on_completion",
        "`redirect_on_completion` can only be used with `ui_mode: embedded_page`.",
      );
    }
    return null;
  }
  return value ?? "always";
}

/** Whether a payment by `paymentMethodType` ends in the form (onComplete) rather than at return_url. */
export function completesInPlace(
  redirectOnCompletion: RedirectOnCompletion | null,
  paymentMethodType: string | null,
): boolean {
  if (redirectOnCompletion === "never") return true;
  return redirectOnCompletion === "if_required" && paymentMethodType === "card";
}
