/** One line item from one record (or subtable row): every mapping element resolved, every issue collected. */
import type { CurrencyRule } from "../money/currencies";
import type { MappingConfig, ValueRef } from "../mapping/MappingConfig";
import type { Issue, KnownPrice, PlannedLineItem } from "./CheckoutPlan";
import { issueMessages } from "./issueMessages";
import { MAX_METADATA_VALUE, MAX_PRODUCT_DESCRIPTION, MAX_PRODUCT_NAME } from "./limits";
import { resolveCurrency, type CurrencyResult } from "./resolveCurrency";
import { resolvePrice, type PriceResult } from "./resolvePrice";
import { resolvePriceLine, type PriceLineResult } from "./resolvePriceLine";
import { resolveQuantities } from "./resolveQuantities";
import { issueAt, resolveText, type LineContext } from "./resolveValue";
import { selectImages } from "./selectImages";
import { resolveTaxRate } from "../tax/resolveTaxRate";
import { lineRecurring } from "../subscription/lineRecurring";

export interface LineDraft {
  item: PlannedLineItem;
  currency: CurrencyRule;
  /** Field (or "currency") the currency came from, for mismatch issues. */
  currencyField: string;
}

/** Names are one line: all white space (line breaks included) collapses to single spaces. */
const singleLine = (text: string): string => text.replace(/\s+/g, " ").trim();
/** Descriptions keep their line breaks; trailing spaces and surrounding blank lines go. */
const multiLine = (text: string): string =>
  text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .trim();

type TextElement = { ok: true; text: string | undefined } | { ok: false; issues: Issue[] };

function resolveTextElement(
  ref: ValueRef | undefined,
  ctx: LineContext,
  element: string,
  options: { required: boolean; normalize: (text: string) => string; maxLength: number },
): TextElement {
  if (ref === undefined) return { ok: true, text: undefined };
  const resolved = resolveText(ref, ctx, element);
  if (!resolved.ok) return resolved;
  const text = options.normalize(resolved.value.text);
  const { field } = resolved.value;
  if (text === "") {
    // Stripe reads "" as "unset": an empty optional value is left out, an empty name is an issue.
    if (!options.required) return { ok: true, text: undefined };
    return { ok: false, issues: [issueAt(ctx, field, "REQUIRED", issueMessages.required(field))] };
  }
  if (text.length > options.maxLength) {
    return {
      ok: false,
      issues: [
        issueAt(
          ctx,
          field,
          "TOO_LONG",
          issueMessages.tooLong(field, text.length, options.maxLength),
        ),
      ],
    };
  }
  return { ok: true, text };
}

export function buildLineItem(
  mapping: MappingConfig,
  ctx: LineContext,
  prices?: ReadonlyMap<string, KnownPrice>,
): { ok: true; draft: LineDraft } | { ok: false; issues: Issue[] } {
  const { lineItem } = mapping;
  const productCode = resolveTextElement(lineItem.productCode, ctx, "productCode", {
    required: false,
    normalize: singleLine,
    maxLength: MAX_METADATA_VALUE,
  });
  const name = resolveTextElement(lineItem.name, ctx, "name", {
    required: true,
    normalize: singleLine,
    maxLength: MAX_PRODUCT_NAME,
  });
  const description = resolveTextElement(lineItem.description, ctx, "description", {
    required: false,
    normalize: multiLine,
    maxLength: MAX_PRODUCT_DESCRIPTION,
  });
  const images = selectImages(lineItem.image, ctx);
  const quantities = resolveQuantities(lineItem, ctx);
  const subscription = mapping.mode === "subscription";
  const priceLine = resolvePriceLine(lineItem.priceId, ctx, prices, subscription);
  const { currency, price } = lineCurrencyAndPrice(mapping, ctx, priceLine);
  const taxRate = resolveTaxRate(lineItem.taxRate, ctx);
  const recurring = lineRecurring(mapping, ctx, priceLine);

  const results = [
    ...[productCode, name, description, images, quantities, priceLine, currency, price],
    ...[taxRate, recurring],
  ];
  const issues = results.flatMap((r) => (r === undefined || r.ok ? [] : r.issues));
  if (!productCode.ok || !name.ok || !description.ok || !images.ok || !quantities.ok)
    return { ok: false, issues };
  if (!currency?.ok || !price?.ok || name.text === undefined) return { ok: false, issues };
  if (!taxRate.ok || !recurring.ok) return { ok: false, issues };

  const item: PlannedLineItem = {
    recordId: ctx.recordId,
    name: name.text,
    unitAmount: price.amount,
    quantity: quantities.value.quantity,
    // A Price's product has its own images.
    images: priceLine.ok && priceLine.line ? [] : images.images,
  };
  if (priceLine.ok && priceLine.line) item.priceId = priceLine.line.priceId;
  if (taxRate.ratePercent !== undefined) item.taxRate = taxRate.ratePercent;
  if (recurring.recurring) item.recurring = recurring.recurring;
  if (ctx.row) item.row = ctx.row.number;
  if (productCode.text !== undefined) item.productCode = productCode.text;
  if (description.text !== undefined) item.description = description.text;
  if (quantities.value.minQuantity !== undefined) item.minQuantity = quantities.value.minQuantity;
  if (quantities.value.maxQuantity !== undefined) item.maxQuantity = quantities.value.maxQuantity;
  return { ok: true, draft: { item, currency: currency.rule, currencyField: currency.field } };
}

/**
 * The line's currency and unit amount: from its Stripe Price when it names one, else from the
 * mapping's currency and `unitPrice`. Nothing more is resolved once the Price itself fails.
 */
function lineCurrencyAndPrice(
  mapping: MappingConfig,
  ctx: LineContext,
  priceLine: PriceLineResult,
): { currency?: CurrencyResult; price?: PriceResult } {
  if (!priceLine.ok) return {};
  if (priceLine.line) {
    const { currency, amount, field } = priceLine.line;
    return { currency: { ok: true, rule: currency, field }, price: { ok: true, amount, field } };
  }
  const currency = resolveCurrency(mapping.currency, ctx);
  if (!currency.ok) return { currency };
  const { unitPrice } = mapping.lineItem;
  if (unitPrice === undefined) {
    const field = "lineItem.priceId";
    return {
      currency,
      price: {
        ok: false,
        issues: [issueAt(ctx, field, "REQUIRED", issueMessages.required(field))],
      },
    };
  }
  return {
    currency,
    price: resolvePrice(unitPrice, mapping.lineItem.unitPriceIn ?? "major", currency.rule, ctx),
  };
}
