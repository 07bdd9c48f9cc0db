import type Stripe from "stripe";
import type { EventListFilter, PaymentGateway } from "../../ports/PaymentGateway";
import type { StripeAccess } from "./StripeAccess";
import { toPaymentEvent } from "./toPaymentEvent";
import { toUpstreamError } from "./toUpstreamError";

/** `listEvents`: one page of Stripe's event list, as the event catch-up reads it. */
export async function listStripeEvents(
  { stripe, paced }: StripeAccess,
  filter: EventListFilter,
): ReturnType<PaymentGateway["listEvents"]> {
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
}
