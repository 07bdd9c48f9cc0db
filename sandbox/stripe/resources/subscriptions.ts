/**
 * Subscriptions as the proxy uses them (https://docs.stripe.com/api/subscriptions): retrieve
 * (with `expand[]`, e.g. `latest_invoice`), list (by default the ones not canceled;
 * `status=all|canceled|ended|…`, `customer`, `price`, `current_period_start|end`), update `cancel_at_period_end`, `metadata`
 * and `description`, and cancel now (`DELETE`). Restricted keys need `subscription_read` /
 * `subscription_write` ("rak_subscription_…"). Subscriptions are made by paying a
 * subscription-mode Checkout Session; `POST /v1/subscriptions` only checks the key and `customer`.
 */
import { causeOf, type EmulatorContext } from "../EmulatorContext";
import { expandObject, storeResolvers } from "../expand";
import { mergeMetadata, missingParam, ParamReader, UNSET } from "../params";
import { invalidParam, requireMode } from "../StripeApiError";
import { periodOf, type SubscriptionFlows } from "../SubscriptionFlows";
import { readCreatedFilter } from "../listing";
import type { Subscription } from "../subscriptionObjects";
import type { ApiRequest, Router } from "../http/Router";
import {
  createdFilter,
  fieldFilter,
  type ListFilter,
  listExpandPaths,
  registerList,
  unmodelledFilter,
  valueFilter,
} from "./listAndRetrieve";

const LIST_STATUSES = [
  "active", "all", "canceled", "ended", "incomplete", "incomplete_expired", "past_due", "paused",
  "trialing", "unpaid",
] as const; // prettier-ignore

const CANCELLATION_FEEDBACK = [
  "customer_service", "low_quality", "missing_features", "other", "switched_service",
  "too_complex", "too_expensive", "unused",
] as const; // prettier-ignore

/** Absent: every status but canceled ("By default, returns a list of subscriptions that have not been canceled"). */
function statusMatches(
  subscription: Subscription,
  wanted: (typeof LIST_STATUSES)[number] | undefined,
) {
  if (wanted === undefined) return subscription.status !== "canceled";
  if (wanted === "all") return true;
  if (wanted === "ended") return subscription.ended_at !== null;
  return subscription.status === wanted;
}

/** `current_period_start|end` as an integer or a `[gt|gte|lt|lte]` range, read from the items. */
function periodFilter(param: string, side: "start" | "end"): ListFilter<Subscription> {
  return {
    params: [param],
    read(params) {
      const test = readCreatedFilter(params, param);
      return (subscription) => test(periodOf(subscription)[side]);
    },
  };
}

export function registerSubscriptionRoutes(
  router: Router,
  context: EmulatorContext,
  flows: SubscriptionFlows,
): void {
  const { store } = context;

  function render(subscription: Subscription, expand: string[]): Record<string, unknown> {
    return expandObject(subscription, expand, storeResolvers(store));
  }

  function subscriptionFor(request: ApiRequest): Subscription {
    const subscription = flows.subscription(request.pathParams.id ?? "");
    return requireMode(subscription, request.apiKey.livemode, "subscription");
  }

  // Creating one directly is not modelled; the route exists so that a POST without parameters
  // answers 400 (may write) or 403 (may not) as Stripe does, which is how a key's rights are probed.
  router.post("/v1/subscriptions", "subscription_write", (request) => {
    const params = ParamReader.from(request.params);
    if (!params.has("customer") && !params.has("customer_account")) throw missingParam("customer");
    throw invalidParam(
      undefined,
      "The emulator makes subscriptions from paid subscription-mode Checkout Sessions only.",
    );
  });

  router.get("/v1/subscriptions/:id", "subscription_read", (request) => {
    const params = ParamReader.from(request.params).allowOnly([]);
    return render(subscriptionFor(request), params.expandPaths());
  });

  router.post("/v1/subscriptions/:id", "subscription_write", (request) => {
    const subscription = subscriptionFor(request);
    const params = ParamReader.from(request.params, "update").allowOnly([
      "cancel_at_period_end",
      "metadata",
      "description",
    ]);
    const cancelAtPeriodEnd = params.boolean("cancel_at_period_end");
    const description = params.string("description", { maxLength: 500, unsettable: true });
    subscription.metadata = mergeMetadata(subscription.metadata, params.metadata());
    if (description !== undefined) {
      subscription.description = description === UNSET ? null : description;
    }
    if (cancelAtPeriodEnd !== undefined) {
      flows.setCancelAtPeriodEnd(subscription, cancelAtPeriodEnd, causeOf(request));
    }
    return render(subscription, params.expandPaths());
  });

  router.add("DELETE", "/v1/subscriptions/:id", "subscription_write", (request) => {
    const subscription = subscriptionFor(request);
    const params = ParamReader.from(request.params).allowOnly([
      "cancellation_details",
      "invoice_now",
      "prorate",
    ]);
    const details = params.object("cancellation_details", ["comment", "feedback"]);
    const comment = details?.optionalString("comment", { maxLength: 5000 });
    const feedback = details?.enumOf("feedback", CANCELLATION_FEEDBACK);
    params.boolean("invoice_now");
    params.boolean("prorate");
    flows.cancelNow(subscription, causeOf(request), { comment, feedback });
    return render(subscription, params.expandPaths());
  });

  registerList(router, "/v1/subscriptions", "subscription", {
    filters: [
      {
        params: ["status"],
        read(params) {
          const wanted = params.enumOf("status", LIST_STATUSES);
          return (subscription: Subscription) => statusMatches(subscription, wanted);
        },
      },
      fieldFilter("customer"),
      valueFilter(
        "price",
        (params) => params.optionalString("price"),
        (subscription: Subscription, price) =>
          subscription.items.data.some((item) => item.price.id === price),
      ),
      fieldFilter("collection_method", ["charge_automatically", "send_invoice"]),
      periodFilter("current_period_start", "start"),
      periodFilter("current_period_end", "end"),
      unmodelledFilter("test_clock"),
      createdFilter(),
    ],
    items: () => store.subscriptions.values(),
    livemodeOf: (subscription) => subscription.livemode,
    renderer(params) {
      const expand = listExpandPaths(params);
      return (subscription) => render(subscription, expand);
    },
  });
}
