/**
 * A line that names an existing Stripe Price (`lineItem.priceId`): the Price's amount and
 * currency, as read from Stripe, replace `unitPrice` and `currency`. An empty value leaves the
 * line to `unitPrice`, so one mapping serves records with and without a Price.
 * https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-line_items-price
 */
import { findCurrency, type CurrencyRule } from "../money/currencies";
import type { ValueRef } from "../mapping/MappingConfig";
import type { Recurring } from "../api/proxyApi";
import type { Issue, KnownPrice } from "./CheckoutPlan";
import { issueMessages } from "./issueMessages";
import { issueAt, resolveText, type LineContext } from "./resolveValue";

const PRICE_ID = /^price_[A-Za-z0-9]+$/;

export type PriceLineResult =
  | {
      ok: true;
      line: {
        priceId: string;
        amount: number;
        currency: CurrencyRule;
        field: string;
        /** A recurring Price's period (subscription mode only). */
        recurring?: Recurring;
      };
    }
  /** No Price for this line: it is priced by `unitPrice`. */
  | { ok: true; line: undefined }
  | { ok: false; issues: Issue[] };

/** The line's Price id text, or undefined when the mapping or the record names none. */
export function priceIdText(
  ref: ValueRef | undefined,
  ctx: LineContext,
): { ok: true; id: string | undefined; field: string } | { ok: false; issues: Issue[] } {
  if (ref === undefined) return { ok: true, id: undefined, field: "priceId" };
  const resolved = resolveText(ref, ctx, "lineItem.priceId");
  if (!resolved.ok) return resolved;
  const id = resolved.value.text.trim();
  return { ok: true, id: id === "" ? undefined : id, field: resolved.value.field };
}

export function resolvePriceLine(
  ref: ValueRef | undefined,
  ctx: LineContext,
  prices: ReadonlyMap<string, KnownPrice> | undefined,
  subscription = false,
): PriceLineResult {
  const text = priceIdText(ref, ctx);
  if (!text.ok) return text;
  const { id, field } = text;
  if (id === undefined) return { ok: true, line: undefined };
  const fail = (issue: Issue): PriceLineResult => ({ ok: false, issues: [issue] });
  if (!PRICE_ID.test(id))
    return fail(issueAt(ctx, field, "INVALID_PRICE_ID", issueMessages.invalidPriceId(field, id)));
  const price = prices?.get(id);
  if (!price)
    return fail(issueAt(ctx, field, "PRICE_NOT_FOUND", issueMessages.priceNotFound(field, id)));
  const reason = !price.active
    ? "it is archived"
    : price.recurring && !subscription
      ? "it is a recurring price, for subscription mode only"
      : price.recurring && !price.recurringInterval
        ? "its billing period is unknown"
        : price.unitAmount === null
          ? "it has no fixed amount"
          : undefined;
  const currency = findCurrency(price.currency);
  if (reason !== undefined || price.unitAmount === null || !currency) {
    const message = issueMessages.priceUnsupported(field, id, reason ?? "unknown currency");
    return fail(issueAt(ctx, field, "PRICE_UNSUPPORTED", message));
  }
  const line = { priceId: id, amount: price.unitAmount, currency, field };
  const recurring = price.recurring ? price.recurringInterval : undefined;
  return { ok: true, line: recurring ? { ...line, recurring } : line };
}
