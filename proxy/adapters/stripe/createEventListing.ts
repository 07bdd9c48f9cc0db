import type Stripe from "stripe";
import type { PaymentGateway } from "../../ports/PaymentGateway";
import type { StripeAccess } from "./StripeAccess";
import { toPaymentEvent } from "./toPaymentEvent";
import { toUpstreamError } from "./toUpstreamError";

/** Stripe's event list, read a page at a time by the event catch-up. */
export function createEventListing({
  stripe,
  paced,
}: StripeAccess): Pick<PaymentGateway, "listEvents"> {
  return {
    async listEvents(filter) {
      const params: Stripe.EventListParams = {
        types: [...filter.types],
        created: { gte: filter.createdGte },
        limit: Math.min(100, Math.max(1, Math.trunc(filter.limit ?? 100))),
      };
      if (filter.startingAfter) params.starting_after = filter.startingAfter;
      try {
        const page = await paced.api(() => stripe.events.list(params));
        return { events: page.data.map(toPaymentEvent), hasMore: page.has_more };
      } catch (error) {
        throw toUpstreamError(error, "list events");
      }
    },
  };
}
