import Stripe from "stripe";
import { BadRequestError } from "../../errors/BadRequestError";
import { UnauthorizedError } from "../../errors/UnauthorizedError";
import type { WebhookVerifier } from "../../ports/WebhookVerifier";
import { toPaymentEvent } from "./toPaymentEvent";

/** Stripe's default: a signature older than 5 minutes is a replay (https://docs.stripe.com/webhooks#replay-attacks). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** Verifies with the SDK's `webhooks.constructEvent` (HMAC-SHA256 over `t.payload`, timing-safe). */
export function createStripeWebhookVerifier(options: {
  secret: string;
  toleranceSeconds?: number;
}): WebhookVerifier {
  const tolerance = options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  return {
    verify(rawBody, signatureHeader) {
      if (!signatureHeader) {
        throw new UnauthorizedError("The Stripe-Signature header is missing.", { status: 400 });
      }
      let event: Stripe.Event;
      try {
        event = Stripe.webhooks.constructEvent(rawBody, signatureHeader, options.secret, tolerance);
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
          throw new UnauthorizedError(
            "The Stripe-Signature header does not match the body, or is too old.",
            { status: 400 },
          );
        }
        // Signed by the secret's holder, yet not JSON: nothing to retry.
        throw new BadRequestError("The webhook body is not a Stripe event.");
      }
      return toPaymentEvent(event);
    },
  };
}
