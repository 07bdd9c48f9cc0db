/**
 * PaymentIntents and Charges (read-only here: they come from paid sessions) and Refunds
 * (https://docs.stripe.com/api/refunds/create: `payment_intent` or `charge`, optional `amount`
 * not more than what remains; emits `refund.created` and `charge.refunded`).
 */
import { causeOf, EmulatorContext } from "../EmulatorContext";
import { mergeMetadata, ParamReader } from "../params";
import type { PaymentFlows } from "../PaymentFlows";
import { invalidParam, requireFound, resourceMissing } from "../StripeApiError";
import { expandObject, storeResolvers } from "../expand";
import type { Router } from "../http/Router";
import { createdFilter, fieldFilter, registerList, registerRetrieve } from "./listAndRetrieve";

const REFUND_PARAMS = ["payment_intent", "charge", "amount", "reason", "metadata"];

export function registerPaymentRoutes(
  router: Router,
  context: EmulatorContext,
  flows: PaymentFlows,
): void {
  const { store } = context;

  router.get("/v1/payment_intents/:id", "payment_intent_read", (request) => {
    const params = ParamReader.from(request.params).allowOnly(["client_secret"]);
    const id = request.pathParams.id ?? "";
    const paymentIntent = requireFound(
      store.paymentIntents.get(id),
      id,
      request.apiKey.livemode,
      "payment_intent",
    );
    return expandObject(paymentIntent, params.expandPaths(), storeResolvers(store));
  });

  registerList(router, "/v1/payment_intents", "payment_intent", {
    filters: [createdFilter(), fieldFilter("customer")],
    items: () => store.paymentIntents.values(),
    livemodeOf: (paymentIntent) => paymentIntent.livemode,
  });

  registerRetrieve(router, "/v1/charges/:id", "charge", (id) => store.charges.get(id));

  registerList(router, "/v1/charges", "charge", {
    filters: [createdFilter(), fieldFilter("payment_intent"), fieldFilter("customer")],
    items: () => store.charges.values(),
    livemodeOf: (charge) => charge.livemode,
  });

  router.post("/v1/refunds", "refund_write", (request) => {
    const params = ParamReader.from(request.params).allowOnly(REFUND_PARAMS);
    const paymentIntent = params.optionalString("payment_intent");
    const charge = params.optionalString("charge");
    if (paymentIntent === undefined && charge === undefined) {
      throw invalidParam(
        "payment_intent",
        "One of the following params should be provided for this request: payment_intent or charge.",
        "parameter_missing",
      );
    }
    if (paymentIntent !== undefined && charge !== undefined) {
      throw invalidParam(
        "charge",
        "You may only specify one of these parameters: charge, payment_intent.",
      );
    }
    const amount = params.integer("amount", { min: 1 });
    const reason = params.enumOf("reason", ["duplicate", "fraudulent", "requested_by_customer"]);
    const metadata = mergeMetadata({}, params.metadata());
    return flows.refund(
      {
        ...(paymentIntent !== undefined ? { paymentIntent } : {}),
        ...(charge !== undefined ? { charge } : {}),
      },
      amount,
      causeOf(request),
      { ...(reason ? { reason } : {}), metadata, livemode: request.apiKey.livemode },
    );
  });

  router.get("/v1/refunds/:id", "refund_read", (request) => {
    ParamReader.from(request.params).allowOnly([]);
    const id = request.pathParams.id ?? "";
    const refund = store.refunds.get(id);
    if (!refund || store.charges.get(refund.charge)?.livemode !== request.apiKey.livemode) {
      throw resourceMissing("refund", id);
    }
    return refund;
  });

  registerList(router, "/v1/refunds", "refund", {
    filters: [createdFilter(), fieldFilter("payment_intent"), fieldFilter("charge")],
    items: () => store.refunds.values(),
    livemodeOf: (refund) => store.charges.get(refund.charge)?.livemode,
  });
}
