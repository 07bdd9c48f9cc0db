/**
 * PaymentIntents and Charges (read-only here: they come from paid sessions) and Refunds
 * (https://docs.stripe.com/api/refunds/create: `payment_intent` or `charge`, optional `amount`
 * not more than what remains; emits `refund.created` and `charge.refunded`).
 */
import { causeOf, EmulatorContext } from "../EmulatorContext";
import { LIST_PARAMS, paginate, readCreatedFilter } from "../listing";
import { mergeMetadata, ParamReader } from "../params";
import type { PaymentFlows } from "../PaymentFlows";
import { invalidParam, requireMode, resourceMissing } from "../StripeApiError";
import { newestFirst } from "../StripeStore";
import { expandObject, storeResolvers } from "../expand";
import type { Router } from "../http/Router";

export function registerPaymentRoutes(
  router: Router,
  context: EmulatorContext,
  flows: PaymentFlows,
): void {
  const { store } = context;

  router.get("/v1/payment_intents/:id", "payment_intent_read", (request) => {
    const params = ParamReader.from(request.params).allowOnly(["client_secret"]);
    const id = request.pathParams.id ?? "";
    const paymentIntent = store.paymentIntents.get(id);
    if (!paymentIntent) throw resourceMissing("payment_intent", id);
    requireMode(paymentIntent, request.apiKey.livemode, "payment_intent");
    const expand = (params.stringArray("expand") as string[] | undefined) ?? [];
    return expandObject(paymentIntent, expand, storeResolvers(store));
  });

  router.get("/v1/payment_intents", "payment_intent_read", (request) => {
    const params = ParamReader.from(request.params).allowOnly([
      ...LIST_PARAMS,
      "created",
      "customer",
    ]);
    const created = readCreatedFilter(params);
    const customer = params.optionalString("customer");
    const list = newestFirst(store.paymentIntents.values()).filter(
      (pi) =>
        pi.livemode === request.apiKey.livemode &&
        created(pi.created) &&
        (customer === undefined || pi.customer === customer),
    );
    return paginate(list, params, "/v1/payment_intents", "payment_intent");
  });

  router.get("/v1/charges/:id", "charge_read", (request) => {
    ParamReader.from(request.params).allowOnly([]);
    const id = request.pathParams.id ?? "";
    const charge = store.charges.get(id);
    if (!charge) throw resourceMissing("charge", id);
    return requireMode(charge, request.apiKey.livemode, "charge");
  });

  router.get("/v1/charges", "charge_read", (request) => {
    const params = ParamReader.from(request.params).allowOnly([
      ...LIST_PARAMS,
      "created",
      "payment_intent",
      "customer",
    ]);
    const created = readCreatedFilter(params);
    const paymentIntent = params.optionalString("payment_intent");
    const customer = params.optionalString("customer");
    const list = newestFirst(store.charges.values()).filter(
      (charge) =>
        charge.livemode === request.apiKey.livemode &&
        created(charge.created) &&
        (paymentIntent === undefined || charge.payment_intent === paymentIntent) &&
        (customer === undefined || charge.customer === customer),
    );
    return paginate(list, params, "/v1/charges", "charge");
  });

  router.post("/v1/refunds", "refund_write", (request) => {
    const params = ParamReader.from(request.params).allowOnly([
      "payment_intent",
      "charge",
      "amount",
      "reason",
      "metadata",
    ]);
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

  router.get("/v1/refunds", "refund_read", (request) => {
    const params = ParamReader.from(request.params).allowOnly([
      ...LIST_PARAMS,
      "created",
      "payment_intent",
      "charge",
    ]);
    const created = readCreatedFilter(params);
    const paymentIntent = params.optionalString("payment_intent");
    const charge = params.optionalString("charge");
    const list = newestFirst(store.refunds.values()).filter(
      (refund) =>
        store.charges.get(refund.charge)?.livemode === request.apiKey.livemode &&
        created(refund.created) &&
        (paymentIntent === undefined || refund.payment_intent === paymentIntent) &&
        (charge === undefined || refund.charge === charge),
    );
    return paginate(list, params, "/v1/refunds", "refund");
  });
}
