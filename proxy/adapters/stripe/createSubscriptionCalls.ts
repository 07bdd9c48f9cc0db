import { randomUUID } from "node:crypto";
import type { PaymentGateway } from "../../ports/PaymentGateway";
import type { StripeAccess } from "./StripeAccess";
import { toStripeSubscription } from "./toStripeSubscription";
import { isResourceMissing, toUpstreamError } from "./toUpstreamError";

type SubscriptionCalls = Pick<PaymentGateway, "retrieveSubscription" | "cancelSubscription">;

/** Subscriptions: read, and cancelled at the period's end or now. */
export function createSubscriptionCalls({ stripe, paced }: StripeAccess): SubscriptionCalls {
  async function retrieve(subscriptionId: string) {
    try {
      return toStripeSubscription(
        await paced.api(() => stripe.subscriptions.retrieve(subscriptionId)),
      );
    } catch (error) {
      if (isResourceMissing(error)) return null;
      throw toUpstreamError(error, `read subscription ${subscriptionId}`);
    }
  }

  return {
    retrieveSubscription: retrieve,

    async cancelSubscription(subscriptionId, { atPeriodEnd }) {
      const current = await retrieve(subscriptionId);
      // A canceled subscription can be neither canceled again nor updated: its state is the answer.
      if (!current || current.status === "canceled" || current.status === "incomplete_expired") {
        return current;
      }
      const options = { idempotencyKey: `subscription-cancel-${randomUUID()}` };
      try {
        // At the period's end: https://docs.stripe.com/billing/subscriptions/cancel#cancel-at-end-of-cycle
        // Now: https://docs.stripe.com/api/subscriptions/cancel
        const subscription = atPeriodEnd
          ? await paced.api(() =>
              stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true }, options),
            )
          : await paced.api(() => stripe.subscriptions.cancel(subscriptionId, {}, options));
        return toStripeSubscription(subscription);
      } catch (error) {
        if (isResourceMissing(error)) return null;
        throw toUpstreamError(error, `cancel subscription ${subscriptionId}`);
      }
    },
  };
}
