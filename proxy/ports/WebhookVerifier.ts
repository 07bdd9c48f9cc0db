import type { PaymentEvent } from "./PaymentEvent";

/**
 * Checks a webhook's `Stripe-Signature` over the exact bytes received and reads the event.
 * Throws `UnauthorizedError` (status 400) for a missing, wrong or stale signature.
 */
export interface WebhookVerifier {
  verify(rawBody: Buffer, signatureHeader: string | undefined): PaymentEvent;
}
