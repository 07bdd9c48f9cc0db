/**
 * Checkout Sessions in payment and subscription mode (https://docs.stripe.com/api/checkout/sessions): create with
 * Stripe's documented checks, retrieve, list, expire, list line items. The session's `url` points
 * at the emulator's hosted page.
 *
 * Documented rules enforced here (https://docs.stripe.com/api/checkout/sessions/create):
 * - line_items: at most 100 in payment mode; each `price` or `price_data` (currency, unit_amount,
 *   product or product_data), `quantity`, `adjustable_quantity` {enabled, minimum (default 0),
 *   maximum (default 99, at most 999999)}; all line items in one currency;
 * - expires_at: 30 minutes to 24 hours after creation;
 * - client_reference_id: up to 200 characters; metadata limits;
 * - the total at least the currency's minimum charge and at most 8 digits
 *   (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts);
 * - after_expiration[recovery] {enabled (required), allow_promotion_codes (default false)}
 *   (https://docs.stripe.com/payments/checkout/abandoned-carts).
 */
import { causeOf, EmulatorContext } from "../EmulatorContext";
import { formatAmount, MAXIMUM_AMOUNT, minimumChargeAmount, minorUnitDigits } from "../currencies";
import { LIST_PARAMS, paginate } from "../listing";
import { checkEmail, checkUrl, mergeMetadata, ParamReader } from "../params";
import type { PaymentFlows } from "../PaymentFlows";
import { invalidParam, requireMode, resourceMissing } from "../StripeApiError";
import { readAfterExpiration } from "../RecoveryFlows";
import { readShippingAddressCollection } from "./shippingAddressCollection";
import { randomId } from "../StripeStore";
import type { CheckoutSession, PaymentIntentData, StoredLineItem } from "../stripeObjects";
import { expandObject, storeResolvers } from "../expand";
import type { ApiRequest, Router } from "../http/Router";
import {
  createdFilter,
  fieldFilter,
  listExpandPaths,
  registerList,
  unmodelledFilter,
  valueFilter,
} from "./listAndRetrieve";
import { LINE_ITEM_PARAMS, readLineItem } from "./sessionLineItems";
import { OPTION_PARAMS, readCheckoutSessionOptions } from "./checkoutSessionOptions";
import { applySessionAmounts, exclusiveTaxOf } from "../sessionTaxes";
import {
  checkSubscriptionLines,
  readSubscriptionModeParams,
  refuseOneTimeOnlyMethods,
  SUBSCRIPTION_PARAMS,
} from "./subscriptionModeRules";
import {
  readSessionTaxAndInvoiceOptions,
  TAX_AND_INVOICE_PARAMS,
} from "./sessionTaxAndInvoiceOptions";

export const MAX_LINE_ITEMS_PAYMENT_MODE = 100;
export const MIN_EXPIRY_SECONDS = 30 * 60;
export const MAX_EXPIRY_SECONDS = 24 * 60 * 60;
export const CLIENT_REFERENCE_ID_MAX_LENGTH = 200;

export const CHECKOUT_LOCALES = [
  "auto", "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi", "fil", "fr",
  "fr-CA", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt",
  "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW",
] as const; // prettier-ignore

const CREATE_PARAMS = [
  "mode",
  "line_items",
  "success_url",
  "cancel_url",
  "expires_at",
  "customer_email",
  "customer",
  "customer_creation",
  "locale",
  "allow_promotion_codes",
  "billing_address_collection",
  "client_reference_id",
  "metadata",
  "payment_intent_data",
  "phone_number_collection",
  "shipping_address_collection",
  "submit_type",
  "after_expiration",
  ...OPTION_PARAMS,
  ...TAX_AND_INVOICE_PARAMS,
  ...SUBSCRIPTION_PARAMS,
];

/** Real Stripe parameters the emulator does not model: refused with a clear message. */
const UNMODELLED_PARAMS = [
  "currency", "discounts",
  "payment_method_configuration",
  "saved_payment_method_options", "setup_intent_data", "adaptive_pricing",
  "branding_settings", "optional_items", "permissions", "wallet_options", "customer_update",
  "payment_method_collection", "origin_context", "name_collection",
]; // prettier-ignore

export function registerCheckoutSessionRoutes(
  router: Router,
  context: EmulatorContext,
  flows: PaymentFlows,
): void {
  const { store } = context;

  function render(session: CheckoutSession, expand: string[]): Record<string, unknown> {
    flows.expireIfDue(session);
    const rendered: Record<string, unknown> = { ...session };
    // line_items is not a field of the session object: it appears only when expanded.
    if (expand.some((path) => path === "line_items" || path.startsWith("line_items."))) {
      rendered.line_items = lineItemsPage(session.id, ParamReader.from({}));
    }
    const paths = expand.filter((path) => path !== "line_items");
    return expandObject(rendered, paths, storeResolvers(store));
  }

  /** The session the path names, in the key's mode. */
  function sessionFor(request: ApiRequest): CheckoutSession {
    const session = flows.session(request.pathParams.id ?? "", "id");
    return requireMode(session, request.apiKey.livemode, "checkout.session");
  }

  function lineItemsPage(sessionId: string, params: ParamReader) {
    const items = (store.sessionLineItems.get(sessionId) ?? []).map((stored) => stored.item);
    return paginate(items, params, `/v1/checkout/sessions/${sessionId}/line_items`, "line_item");
  }

  router.post("/v1/checkout/sessions", "checkout_session_write", (request) => {
    const raw = ParamReader.from(request.params);
    const unmodelled = Object.keys(raw.raw).find((key) => UNMODELLED_PARAMS.includes(key));
    if (unmodelled) {
      throw invalidParam(unmodelled, `The emulator does not model the parameter ${unmodelled}.`);
    }
    const params = raw.allowOnly(CREATE_PARAMS);
    const mode = params.enumOf("mode", ["payment", "setup", "subscription"], { required: true })!;
    if (mode === "setup") {
      throw invalidParam("mode", "The emulator models payment and subscription mode only.");
    }
    const subscriptionData = readSubscriptionModeParams(params, mode);
    const now = store.now();
    const items = params.objectArray("line_items", LINE_ITEM_PARAMS, { required: true }) ?? [];
    if (items.length === 0)
      throw invalidParam("line_items", "Missing required param: line_items.", "parameter_missing");
    if (mode === "payment" && items.length > MAX_LINE_ITEMS_PAYMENT_MODE) {
      throw invalidParam(
        "line_items",
        `You may only specify up to ${MAX_LINE_ITEMS_PAYMENT_MODE} line items in \`payment\` mode (you specified ${items.length}).`,
      );
    }
    const pending: (() => void)[] = [];
    const lines = items.map((item) =>
      readLineItem(context, item, request.apiKey.livemode, pending, mode),
    );
    if (mode === "subscription") checkSubscriptionLines(lines);
    const currency = lines[0]?.currency ?? "usd";
    const otherCurrency = lines.findIndex((line) => line.currency !== currency);
    if (otherCurrency >= 0) {
      throw invalidParam(
        `line_items[${otherCurrency}][price_data][currency]`,
        `All line items must have the same currency. The line items include both ${currency} and ${lines[otherCurrency]?.currency}.`,
      );
    }
    const successUrl = params.optionalString("success_url", { maxLength: 5000 });
    if (successUrl !== undefined) checkUrl("success_url", successUrl);
    const cancelUrl = params.optionalString("cancel_url", { maxLength: 5000 });
    if (cancelUrl !== undefined) checkUrl("cancel_url", cancelUrl);
    const expiresAt = params.integer("expires_at") ?? now + MAX_EXPIRY_SECONDS;
    if (expiresAt - now < MIN_EXPIRY_SECONDS) {
      throw invalidParam(
        "expires_at",
        "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
      );
    }
    if (expiresAt - now > MAX_EXPIRY_SECONDS) {
      throw invalidParam(
        "expires_at",
        "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
      );
    }
    const customerEmail = params.optionalString("customer_email", { maxLength: 512 });
    if (customerEmail !== undefined) checkEmail("customer_email", customerEmail);
    const customer = params.optionalString("customer");
    if (customer !== undefined) {
      if (customerEmail !== undefined) {
        throw invalidParam(
          "customer_email",
          "You may only specify one of these parameters: customer, customer_email.",
        );
      }
      const known = store.customers.get(customer);
      if (!known || known.livemode !== request.apiKey.livemode) {
        throw resourceMissing("customer", customer, "customer", 400);
      }
    }
    const locale = params.enumOf("locale", CHECKOUT_LOCALES);
    const allowPromotionCodes = params.boolean("allow_promotion_codes");
    const billingAddressCollection = params.enumOf("billing_address_collection", [
      "auto",
      "required",
    ]);
    const clientReferenceId = params.optionalString("client_reference_id", {
      maxLength: CLIENT_REFERENCE_ID_MAX_LENGTH,
    });
    const metadata = mergeMetadata({}, params.metadata());
    const options = readCheckoutSessionOptions(
      params,
      currency,
      {
        ...(successUrl !== undefined ? { successUrl } : {}),
        ...(cancelUrl !== undefined ? { cancelUrl } : {}),
      },
      checkUrl,
    );
    if (mode === "subscription") refuseOneTimeOnlyMethods(options.allowed_payment_method_types);
    const intentParams = params.object("payment_intent_data", [
      "description",
      "metadata",
      "receipt_email",
      "statement_descriptor",
      "statement_descriptor_suffix",
    ]);
    const intentData: PaymentIntentData = {};
    if (intentParams) {
      const description = intentParams.optionalString("description", { maxLength: 1000 });
      if (description !== undefined) intentData.description = description;
      const intentMetadata = intentParams.metadata();
      if (intentMetadata !== undefined) intentData.metadata = mergeMetadata({}, intentMetadata);
      const receiptEmail = intentParams.optionalString("receipt_email");
      if (receiptEmail !== undefined) {
        intentData.receipt_email = checkEmail("payment_intent_data[receipt_email]", receiptEmail);
      }
      intentParams.optionalString("statement_descriptor", { maxLength: 22 });
      intentParams.optionalString("statement_descriptor_suffix", { maxLength: 22 });
    }
    const phone = params.object("phone_number_collection", ["enabled"]);
    const phoneEnabled = phone?.boolean("enabled", { required: true }) ?? false;
    const shippingAddressCollection = readShippingAddressCollection(params);
    const submitType = params.enumOf("submit_type", ["auto", "book", "donate", "pay", "subscribe"]);
    const customerCreation = params.enumOf("customer_creation", ["always", "if_required"]);
    const afterExpiration = readAfterExpiration(params);
    const taxAndInvoice = readSessionTaxAndInvoiceOptions(
      params,
      lines.some((line) => line.taxRates.length > 0),
    );
    const expand = params.expandPaths();

    let amountTotal = 0;
    for (const line of lines) amountTotal += line.unitAmount * line.quantity;
    amountTotal += exclusiveTaxOf(
      lines.map((line) => ({ amount: line.unitAmount * line.quantity, taxRates: line.taxRates })),
    );
    const minimum = minimumChargeAmount(currency);
    if (amountTotal < minimum) {
      throw invalidParam(
        "line_items",
        `The Checkout Session's total amount due must add up to at least ${formatAmount(minimum, currency)} ${currency}`,
        "amount_too_small",
      );
    }
    // "the last digit must be 0" for three-decimal currencies (https://docs.stripe.com/currencies#three-decimal)
    if (minorUnitDigits(currency) === 3 && amountTotal % 10 !== 0) {
      throw invalidParam(
        "line_items",
        `The Checkout Session's total amount due in ${currency} must be divisible by 10 (it currently is ${amountTotal}): the smallest unit that can be charged is 0.010 ${currency.toUpperCase()}.`,
      );
    }
    if (amountTotal > MAXIMUM_AMOUNT) {
      throw invalidParam(
        "line_items",
        `The Checkout Session's total amount due must be no more than ${formatAmount(MAXIMUM_AMOUNT, currency)} ${currency}`,
        "amount_too_large",
      );
    }

    // Everything is valid: from here on the request executes.
    for (const create of pending) create();
    const livemode = request.apiKey.livemode;
    const id = randomId(livemode ? "cs_live_" : "cs_test_", 58);
    const embedded = options.ui_mode === "embedded_page";
    const session: CheckoutSession = {
      id,
      object: "checkout.session",
      after_expiration: afterExpiration,
      allow_promotion_codes: allowPromotionCodes ?? null,
      amount_subtotal: amountTotal,
      amount_total: amountTotal,
      ...taxAndInvoice,
      billing_address_collection: billingAddressCollection ?? null,
      cancel_url: cancelUrl ?? null,
      client_reference_id: clientReferenceId ?? null,
      ...options,
      client_secret: embedded ? `${id}_secret_${randomId("", 24)}` : null,
      consent: null,
      created: now,
      currency,
      customer: customer ?? null,
      customer_creation: customerCreation ?? "if_required",
      customer_details: null,
      collected_information: null,
      customer_email: customerEmail ?? null,
      expires_at: expiresAt,
      livemode,
      locale: locale ?? null,
      metadata,
      mode,
      payment_intent: null,
      payment_link: null,
      payment_method_collection: "if_required",
      payment_method_types: options.allowed_payment_method_types ?? ["card"],
      payment_status: "unpaid",
      phone_number_collection: { enabled: phoneEnabled },
      recovered_from: null,
      setup_intent: null,
      shipping_address_collection: shippingAddressCollection ?? null,
      status: "open",
      submit_type: submitType ?? null,
      subscription: null,
      success_url: successUrl ?? null,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      url: embedded ? null : `${context.config.publicBaseUrl}/c/pay/${id}`,
    };
    const storedItems: StoredLineItem[] = lines.map((line) => {
      const price = line.price();
      const product = store.products.get(price.product);
      const amount = line.unitAmount * line.quantity;
      return {
        item: {
          id: randomId("li_"),
          object: "item",
          amount_discount: 0,
          amount_subtotal: amount,
          amount_tax: 0,
          amount_total: amount,
          currency,
          description: product?.name ?? "",
          price,
          quantity: line.quantity,
        },
        adjustableQuantity: line.adjustable,
        ...(line.taxRates.length > 0 ? { taxRates: line.taxRates } : {}),
      };
    });
    applySessionAmounts(session, storedItems);
    store.sessions.set(id, session);
    store.sessionLineItems.set(id, storedItems);
    store.sessionPaymentIntentData.set(id, intentData);
    if (subscriptionData) store.sessionSubscriptionData.set(id, subscriptionData);
    return render(session, expand);
  });

  router.get("/v1/checkout/sessions/:id", "checkout_session_read", (request) => {
    const params = ParamReader.from(request.params).allowOnly([]);
    return render(sessionFor(request), params.expandPaths());
  });

  router.get("/v1/checkout/sessions/:id/line_items", "checkout_session_read", (request) => {
    const params = ParamReader.from(request.params).allowOnly([...LIST_PARAMS]);
    const session = sessionFor(request);
    return lineItemsPage(session.id, params);
  });

  router.post("/v1/checkout/sessions/:id/expire", "checkout_session_write", (request) => {
    const params = ParamReader.from(request.params).allowOnly([]);
    const session = flows.expire(sessionFor(request).id, causeOf(request));
    return render(session, params.expandPaths());
  });

  router.post("/v1/checkout/sessions/:id", "checkout_session_write", (request) => {
    const session = sessionFor(request);
    const params = ParamReader.from(request.params, "update").allowOnly(["metadata"]);
    session.metadata = mergeMetadata(session.metadata, params.metadata());
    return render(session, params.expandPaths());
  });

  registerList(router, "/v1/checkout/sessions", "checkout.session", {
    filters: [
      fieldFilter("status", ["open", "complete", "expired"]),
      valueFilter(
        "customer_details",
        (params) => params.object("customer_details", ["email"])?.requiredString("email"),
        (session: CheckoutSession, email) =>
          session.customer_details?.email?.toLowerCase() === email.toLowerCase(),
      ),
      fieldFilter("payment_intent"),
      fieldFilter("customer"),
      unmodelledFilter("payment_link"),
      fieldFilter("subscription"),
      createdFilter(),
    ],
    items: () => store.sessions.values(),
    livemodeOf: (session) => session.livemode,
    beforeListing: () => flows.expireDueSessions(),
    renderer(params) {
      const expand = listExpandPaths(params);
      return (session) => render(session, expand);
    },
  });
}
