/**
 * Prices (https://docs.stripe.com/api/prices): create, retrieve, list. Also the inline prices that
 * checkout sessions create from `price_data`.
 */
import { causeOf, EmulatorContext } from "../EmulatorContext";
import type { EventCause } from "../EventBus";
import { isSupportedCurrency, MAXIMUM_AMOUNT } from "../currencies";
import { assignGiven, mergeMetadata, ParamReader } from "../params";
import { invalidParam, requireFound } from "../StripeApiError";
import { randomId } from "../StripeStore";
import type { Price } from "../stripeObjects";
import type { Router } from "../http/Router";
import {
  createdFilter,
  fieldFilter,
  registerList,
  registerRetrieve,
  valueFilter,
} from "./listAndRetrieve";
import { createProduct, PRODUCT_DATA_PARAMS, readProductFields } from "./products";
import { readRecurring } from "../billingPeriods";

export function readCurrency(params: ParamReader, key = "currency"): string {
  const currency = params.requiredString(key).toLowerCase();
  if (!isSupportedCurrency(currency)) {
    throw invalidParam(
      params.name(key),
      `Invalid currency: ${currency}. Stripe currently supports these currencies: ${[
        "usd",
        "jpy",
        "eur",
        "gbp",
        "…",
      ].join(", ")}`,
    );
  }
  return currency;
}

/** `unit_amount` (integer ≥ 0, at most 8 digits) or `unit_amount_decimal`; one is required. */
export function readUnitAmount(params: ParamReader): number {
  const unitAmount = params.integer("unit_amount", { min: 0, max: MAXIMUM_AMOUNT });
  const decimal = params.optionalString("unit_amount_decimal");
  if (unitAmount !== undefined && decimal !== undefined) {
    throw invalidParam(
      params.name("unit_amount"),
      `You may only specify one of these parameters: ${params.name("unit_amount")}, ${params.name("unit_amount_decimal")}.`,
    );
  }
  if (decimal !== undefined) {
    if (!/^\d+$/.test(decimal)) {
      throw invalidParam(
        params.name("unit_amount_decimal"),
        "The emulator accepts only whole minor units in unit_amount_decimal.",
      );
    }
    const value = Number(decimal);
    if (value > MAXIMUM_AMOUNT) {
      throw invalidParam(
        params.name("unit_amount_decimal"),
        `This value must be less than or equal to ${MAXIMUM_AMOUNT} (it currently is '${decimal}').`,
      );
    }
    return value;
  }
  if (unitAmount === undefined) {
    throw invalidParam(
      params.name("unit_amount"),
      `Missing required param: ${params.name("unit_amount")}.`,
      "parameter_missing",
    );
  }
  return unitAmount;
}

export interface PriceFields {
  currency: string;
  unit_amount: number;
  product: string;
  active?: boolean;
  metadata?: Record<string, string>;
  nickname?: string;
  lookup_key?: string;
  tax_behavior?: Price["tax_behavior"];
  recurring?: Price["recurring"];
}

export function createPrice(
  context: EmulatorContext,
  fields: PriceFields,
  livemode: boolean,
  cause: EventCause | null,
): Price {
  const price: Price = {
    id: randomId("price_"),
    object: "price",
    active: fields.active ?? true,
    billing_scheme: "per_unit",
    created: context.store.now(),
    currency: fields.currency,
    custom_unit_amount: null,
    livemode,
    lookup_key: fields.lookup_key ?? null,
    metadata: fields.metadata ?? {},
    nickname: fields.nickname ?? null,
    product: fields.product,
    recurring: fields.recurring ?? null,
    tax_behavior: fields.tax_behavior ?? "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: fields.recurring ? "recurring" : "one_time",
    unit_amount: fields.unit_amount,
    unit_amount_decimal: String(fields.unit_amount),
  };
  context.store.prices.set(price.id, price);
  if (cause) context.events.emit("price.created", price, cause);
  return price;
}

export function registerPriceRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context;

  router.post("/v1/prices", "price_write", (request) => {
    const params = ParamReader.from(request.params).allowOnly([
      "currency",
      "unit_amount",
      "unit_amount_decimal",
      "product",
      "product_data",
      "active",
      "metadata",
      "nickname",
      "lookup_key",
      "tax_behavior",
      "recurring",
    ]);
    const currency = readCurrency(params);
    const productId = params.optionalString("product");
    const productData = params.object("product_data", [...PRODUCT_DATA_PARAMS, "active", "id"]);
    if (productId === undefined && productData === undefined) {
      throw invalidParam("product", "Missing required param: product.", "parameter_missing");
    }
    if (productId !== undefined && productData !== undefined) {
      throw invalidParam(
        "product",
        "You may only specify one of these parameters: product, product_data.",
      );
    }
    if (productId !== undefined) {
      const { livemode } = request.apiKey;
      requireFound(store.products.get(productId), productId, livemode, "product", "product", 400);
    }
    const unitAmount = readUnitAmount(params);
    const recurring = readRecurring(params) ?? undefined;
    const productFields = productData ? readProductFields(productData) : undefined;
    const fields: PriceFields = {
      currency,
      unit_amount: unitAmount,
      product: productId ?? "",
      metadata: mergeMetadata({}, params.metadata()),
    };
    assignGiven(fields, {
      active: params.boolean("active"),
      nickname: params.optionalString("nickname"),
      lookup_key: params.optionalString("lookup_key", { maxLength: 200 }),
      tax_behavior: params.enumOf("tax_behavior", ["exclusive", "inclusive", "unspecified"]),
      recurring,
    });
    if (productFields) {
      fields.product = createProduct(
        context,
        productFields,
        request.apiKey.livemode,
        causeOf(request),
      ).id;
    }
    return createPrice(context, fields, request.apiKey.livemode, causeOf(request));
  });

  registerRetrieve(router, "/v1/prices/:id", "price", (id) => store.prices.get(id));

  registerList(router, "/v1/prices", "price", {
    filters: [
      fieldFilter("active", "boolean"),
      valueFilter(
        "currency",
        (params) => params.optionalString("currency"),
        (price: Price, currency) => price.currency === currency.toLowerCase(),
      ),
      fieldFilter("product"),
      fieldFilter("type", ["one_time", "recurring"]),
      valueFilter(
        "lookup_keys",
        (params) => params.stringArray("lookup_keys") as string[] | undefined,
        (price: Price, lookupKeys) => lookupKeys.includes(price.lookup_key ?? ""),
      ),
      createdFilter(),
    ],
    items: () => store.prices.values(),
    livemodeOf: (price) => price.livemode,
  });
}
