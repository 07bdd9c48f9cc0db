/**
 * POST /v1/stripe/webhook: Stripe's events, verified on the raw body — so it is
 * mounted before the JSON parser, and Stripe's signature stands in for the proxy secret.
 * 200 once the event is stored. It is applied before the answer, but a failure to apply is
 * retried by the catch-up, not by Stripe (https://docs.stripe.com/webhooks#acknowledge-events-immediately).
 * Mounted before createApp's rate limits: never limited (a 429 only delays Stripe's retries, and a
 * forged request costs one HMAC over at most 1 MB, refused before anything is stored).
 */
import express, { type Express } from "express";
import type { ErrorCode } from "../../core/api/proxyApi";
import { ingestPaymentEvent, type PaymentEventDeps } from "../events/applyPaymentEvent";
import type { WebhookVerifier } from "../ports/WebhookVerifier";

export const STRIPE_WEBHOOK_PATH = "/v1/stripe/webhook";

export function mountStripeWebhook(
  app: Express,
  options: { verifier: WebhookVerifier | undefined; deps: PaymentEventDeps },
): void {
  app.post(
    STRIPE_WEBHOOK_PATH,
    express.raw({ type: "application/json", limit: "1mb" }),
    async (req, res) => {
      if (!options.verifier) {
        // 503: Stripe retries for 3 days, time enough to set the secret and restart.
        res.status(503).json({
          error: {
            code: "WEBHOOK_NOT_CONFIGURED" satisfies ErrorCode,
            message:
              "The proxy has no STRIPE_WEBHOOK_SECRET: set it to the endpoint's signing secret (whsec_…) and restart.",
            details: [],
          },
        });
        return;
      }
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const event = options.verifier.verify(rawBody, req.get("stripe-signature"));
      await options.deps.journal.webhookWatch.recordSignedEvent(options.deps.now());
      const outcome = await ingestPaymentEvent(options.deps, event);
      res.status(200).json({ received: true, outcome });
    },
  );
}
