import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { SessionNotFoundError } from "../../errors/SessionNotFoundError";
import { SessionNotOpenError } from "../../errors/SessionNotOpenError";
import type { PaymentGateway } from "../../ports/PaymentGateway";
import { buildCheckoutSessionParams } from "./buildCheckoutSessionParams";
import type { StripeAccess } from "./StripeAccess";
import { toCheckoutSession } from "./toCheckoutSession";
import { isResourceMissing, toUpstreamError } from "./toUpstreamError";

type CheckoutSessionCalls = Pick<
  PaymentGateway,
  | "createCheckoutSession"
  | "retrieveCheckoutSession"
  | "expireCheckoutSession"
  | "listCheckoutSessions"
>;

/** Checkout Sessions: created, read, expired and listed. */
export function createCheckoutSessions({ stripe, paced }: StripeAccess): CheckoutSessionCalls {
  async function sessionStatusOrNull(sessionId: string): Promise<string | null> {
    try {
      const session = await paced.api(() => stripe.checkout.sessions.retrieve(sessionId));
      return session.status ?? null;
    } catch {
      return null;
    }
  }

  return {
    async createCheckoutSession(request) {
      const params = buildCheckoutSessionParams(request);
      try {
        const session = await paced.api(() =>
          stripe.checkout.sessions.create(params, { idempotencyKey: request.idempotencyKey }),
        );
        return toCheckoutSession(session);
      } catch (error) {
        throw toUpstreamError(error, "create the checkout session");
      }
    },

    async retrieveCheckoutSession(sessionId) {
      try {
        return toCheckoutSession(
          await paced.api(() => stripe.checkout.sessions.retrieve(sessionId)),
        );
      } catch (error) {
        if (isResourceMissing(error)) return null;
        throw toUpstreamError(error, `read checkout session ${sessionId}`);
      }
    },

    async expireCheckoutSession(sessionId) {
      try {
        return toCheckoutSession(
          await paced.api(() =>
            stripe.checkout.sessions.expire(
              sessionId,
              {},
              { idempotencyKey: `session-expire-${randomUUID()}` },
            ),
          ),
        );
      } catch (error) {
        if (isResourceMissing(error)) throw new SessionNotFoundError(sessionId);
        if (error instanceof Stripe.errors.StripeInvalidRequestError) {
          // Stripe refuses to expire a session that is no longer open; say which state it is in.
          const status = await sessionStatusOrNull(sessionId);
          if (status !== null && status !== "open")
            throw new SessionNotOpenError(sessionId, status);
        }
        throw toUpstreamError(error, `expire checkout session ${sessionId}`);
      }
    },

    async listCheckoutSessions(filter) {
      const params: Stripe.Checkout.SessionListParams = {
        limit: Math.min(100, Math.max(1, Math.trunc(filter.limit ?? 10))),
      };
      if (filter.status) params.status = filter.status;
      if (filter.customerEmail) params.customer_details = { email: filter.customerEmail };
      if (filter.paymentIntent) params.payment_intent = filter.paymentIntent;
      if (filter.startingAfter) params.starting_after = filter.startingAfter;
      try {
        const page = await paced.api(() => stripe.checkout.sessions.list(params));
        return { sessions: page.data.map(toCheckoutSession), hasMore: page.has_more };
      } catch (error) {
        throw toUpstreamError(error, "list checkout sessions");
      }
    },
  };
}
