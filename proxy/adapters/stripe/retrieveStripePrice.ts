import type { SubscriptionInterval } from "../../../core/api/proxyApi";
import type { StripePrice } from "../../ports/PaymentGateway";
import type { StripeAccess } from "./StripeAccess";
import { isResourceMissing, toUpstreamError } from "./toUpstreamError";

/**
 * An existing Price, read for a line that names it (a read: allowed in a dry run).
 * https://docs.stripe.com/api/prices/retrieve
 */
export async function retrieveStripePrice(
  { stripe, paced }: StripeAccess,
  priceId: string,
): Promise<StripePrice | null> {
  try {
    const price = await paced.api(() => stripe.prices.retrieve(priceId));
    return {
      id: price.id,
      unitAmount: price.unit_amount ?? null,
      currency: price.currency.toLowerCase(),
      active: price.active,
      recurring: price.recurring !== null && price.recurring !== undefined,
      ...(price.recurring
        ? {
            recurringInterval: {
              interval: price.recurring.interval as SubscriptionInterval,
              intervalCount: price.recurring.interval_count,
            },
          }
        : {}),
    };
  } catch (error) {
    if (isResourceMissing(error)) return null;
    throw toUpstreamError(error, `read price ${priceId}`);
  }
}
