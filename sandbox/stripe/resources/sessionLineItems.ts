/**
 * One `line_items[n]` entry of a payment-mode Checkout Session
 * (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-line_items):
 * `price` or `price_data` {currency, unit_amount or unit_amount_decimal, product or product_data},
 * `quantity`, and `adjustable_quantity` {enabled, minimum (default 0), maximum (default 99, at
 * most 999999)}. Inline products and prices are created only once the whole request is valid.
 */
import type { EmulatorContext } from "../EmulatorContext";
import type { ParamReader } from "../params";
import { invalidParam, requireFound } from "../StripeApiError";
import type { Price, StoredLineItem } from "../stripeObjects";
import type { TaxRate } from "../taxAndInvoiceObjects";
import { createPrice, readCurrency, readUnitAmount } from "./prices";
import { createProduct, PRODUCT_DATA_PARAMS, readProductFields } from "./products";
import { readRecurring } from "../billingPeriods";

export const ADJUSTABLE_QUANTITY_MAX = 999_999;
export const ADJUSTABLE_QUANTITY_DEFAULT_MAX = 99;

export const LINE_ITEM_PARAMS = [
  "price",
  "price_data",
  "quantity",
  "adjustable_quantity",
  "tax_rates",
];
const PRICE_DATA_PARAMS = [
  "currency",
  "product",
  "product_data",
  "unit_amount",
  "unit_amount_decimal",
  "tax_behavior",
  "recurring",
];

export interface RequestedLineItem {
  /** The price, available once the pending creations ran. */
  price: () => Price;
  currency: string;
  unitAmount: number;
  quantity: number;
  adjustable: StoredLineItem["adjustableQuantity"];
  taxRates: TaxRate[];
  /** The price's `recurring` (subscription mode only), null for a one-time line. */
  recurring: Price["recurring"];
}

export function readLineItem(
  context: EmulatorContext,
  item: ParamReader,
  livemode: boolean,
  pending: (() => void)[],
  mode: "payment" | "subscription" = "payment",
): RequestedLineItem {
  const priceId = item.optionalString("price");
  const priceData = item.object("price_data", PRICE_DATA_PARAMS);
  if (priceId === undefined && priceData === undefined) {
    throw invalidParam(
      item.name("price"),
      `You must specify either \`price\` or \`price_data\` in ${item.prefix}.`,
      "parameter_missing",
    );
  }
  if (priceId !== undefined && priceData !== undefined) {
    throw invalidParam(
      item.name("price"),
      `You may only specify one of these parameters: ${item.name("price")}, ${item.name("price_data")}.`,
    );
  }
  const taxRates = readTaxRates(context, item, livemode);
  let price: () => Price;
  let currency: string;
  let unitAmount: number;
  let recurring: Price["recurring"] = null;
  if (priceId !== undefined) {
    const existing = requireFound(
      context.store.prices.get(priceId),
      priceId,
      livemode,
      "price",
      item.name("price"),
      400,
    );
    if (!existing.active) {
      throw invalidParam(
        item.name("price"),
        `The price specified (${priceId}) is inactive. This field only accepts active prices.`,
      );
    }
    if (existing.type === "recurring" && mode === "payment") {
      throw invalidParam(
        item.name("price"),
        "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.",
      );
    }
    price = () => existing;
    currency = existing.currency;
    unitAmount = existing.unit_amount;
    recurring = existing.recurring;
  } else {
    const data = priceData as ParamReader;
    currency = readCurrency(data);
    const productId = data.optionalString("product");
    const productData = data.object("product_data", PRODUCT_DATA_PARAMS);
    if (productId === undefined && productData === undefined) {
      throw invalidParam(
        data.name("product_data"),
        `You must specify either \`product\` or \`product_data\` when creating a price.`,
        "parameter_missing",
      );
    }
    if (productId !== undefined && productData !== undefined) {
      throw invalidParam(
        data.name("product"),
        `You may only specify one of these parameters: ${data.name("product")}, ${data.name("product_data")}.`,
      );
    }
    if (productId !== undefined) {
      const product = context.store.products.get(productId);
      requireFound(product, productId, livemode, "product", data.name("product"), 400);
    }
    if (data.has("recurring") && mode === "payment") {
      throw invalidParam(
        data.name("recurring"),
        "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.",
      );
    }
    recurring = readRecurring(data);
    unitAmount = readUnitAmount(data);
    const taxBehavior = data.enumOf("tax_behavior", ["exclusive", "inclusive", "unspecified"]);
    const productFields = productData ? readProductFields(productData) : undefined;
    // Inline products and prices are only created once the whole request is valid.
    let created: Price | undefined;
    pending.push(() => {
      const product = productFields
        ? createProduct(context, { ...productFields, active: false }, livemode, null).id
        : (productId as string);
      created = createPrice(
        context,
        {
          currency,
          unit_amount: unitAmount,
          product,
          active: false,
          ...(taxBehavior ? { tax_behavior: taxBehavior } : {}),
          ...(recurring ? { recurring } : {}),
        },
        livemode,
        null,
      );
    });
    price = () => created as Price;
  }
  const quantity = item.integer("quantity", {
    required: true,
    min: 0,
    max: ADJUSTABLE_QUANTITY_MAX,
  }) as number;
  const adjustableParams = item.object("adjustable_quantity", ["enabled", "minimum", "maximum"]);
  let adjustable: StoredLineItem["adjustableQuantity"] = null;
  if (adjustableParams) {
    const enabled = adjustableParams.boolean("enabled", { required: true }) as boolean;
    const minimum =
      adjustableParams.integer("minimum", { min: 0, max: ADJUSTABLE_QUANTITY_MAX }) ?? 0;
    const maximum =
      adjustableParams.integer("maximum", { min: 1, max: ADJUSTABLE_QUANTITY_MAX }) ??
      ADJUSTABLE_QUANTITY_DEFAULT_MAX;
    if (minimum > maximum) {
      throw invalidParam(
        adjustableParams.name("minimum"),
        `${adjustableParams.name("minimum")} (${minimum}) must be less than or equal to ${adjustableParams.name("maximum")} (${maximum}).`,
      );
    }
    if (enabled && (quantity < minimum || quantity > maximum)) {
      throw invalidParam(
        item.name("quantity"),
        `${item.name("quantity")} (${quantity}) must be between ${adjustableParams.name("minimum")} (${minimum}) and ${adjustableParams.name("maximum")} (${maximum}).`,
      );
    }
    adjustable = { enabled, minimum, maximum };
  }
  if (quantity === 0 && !adjustable?.enabled) {
    throw invalidParam(
      item.name("quantity"),
      `This value must be greater than or equal to 1 (it currently is '0').`,
    );
  }
  return { price, currency, unitAmount, quantity, adjustable, taxRates, recurring };
}

/** `tax_rates`: existing, active Tax Rates of the key's mode (https://docs.stripe.com/payments/checkout/taxes). */
function readTaxRates(context: EmulatorContext, item: ParamReader, livemode: boolean): TaxRate[] {
  const ids = (item.stringArray("tax_rates", { maxItems: 5 }) as string[] | undefined) ?? [];
  return ids.map((id, index) => {
    const param = `${item.name("tax_rates")}[${index}]`;
    const rate = requireFound(context.store.taxRates.get(id), id, livemode, "tax_rate", param, 400);
    if (!rate.active) {
      throw invalidParam(param, `Tax rate ${id} is inactive; only active tax rates can be used.`);
    }
    return rate;
  });
}
