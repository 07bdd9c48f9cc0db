/**
 * Quantity (default 1; a whole number 1..999,999) and the optional range the buyer may adjust it in.
 * When minQuantity or maxQuantity is mapped and has a value, adjustable quantity is on and both
 * bounds are given explicitly (Stripe's defaults 0 and 99 for the missing one), so the proxy sends
 * `adjustable_quantity: { enabled: true, minimum, maximum }`. An empty min/max value means "no
 * bound given"; an empty quantity is an issue (it would silently become 1 otherwise).
 */
import type { MappingConfig } from "../mapping/MappingConfig";
import { parseDecimal } from "../money/toMinorUnits";
import type { Issue } from "./CheckoutPlan";
import { issueMessages } from "./issueMessages";
import { DEFAULT_ADJUSTABLE_MAXIMUM, DEFAULT_ADJUSTABLE_MINIMUM, MAX_QUANTITY } from "./limits";
import { issueAt, resolveText, type LineContext } from "./resolveValue";

type LineItemMapping = MappingConfig["lineItem"];

export interface Quantities {
  quantity: number;
  minQuantity?: number;
  maxQuantity?: number;
}

type IntegerResult =
  { ok: true; value: number | undefined; field: string } | { ok: false; issues: Issue[] };

/** A whole number in [min, max] from a ValueRef; `undefined` when the value is empty and `required` is false. */
export function resolveWholeNumber(
  ref: LineItemMapping["quantity"],
  ctx: LineContext,
  element: string,
  range: { min: number; max: number; required: boolean },
): IntegerResult {
  if (ref === undefined) return { ok: true, value: undefined, field: element };
  const resolved = resolveText(ref, ctx, element);
  if (!resolved.ok) return resolved;
  const { text, field } = resolved.value;
  const fail = (issue: Issue): IntegerResult => ({ ok: false, issues: [issue] });
  if (text.trim() === "") {
    if (range.required) return fail(issueAt(ctx, field, "REQUIRED", issueMessages.required(field)));
    return { ok: true, value: undefined, field };
  }
  const parsed = parseDecimal(text);
  if (!parsed)
    return fail(issueAt(ctx, field, "NOT_A_NUMBER", issueMessages.notANumber(field, text)));
  if (parsed.fractionDigits !== "") {
    return fail(
      issueAt(ctx, field, "NOT_AN_INTEGER", issueMessages.quantityNotInteger(field, text)),
    );
  }
  const magnitude = BigInt(parsed.integerDigits === "" ? "0" : parsed.integerDigits);
  const value = parsed.negative ? -magnitude : magnitude;
  if (value < BigInt(range.min) || value > BigInt(range.max)) {
    return fail(
      issueAt(
        ctx,
        field,
        "OUT_OF_RANGE",
        issueMessages.quantityOutOfRange(field, text, range.min, range.max),
      ),
    );
  }
  return { ok: true, value: Number(value), field };
}

export function resolveQuantities(
  lineItem: LineItemMapping,
  ctx: LineContext,
): { ok: true; value: Quantities } | { ok: false; issues: Issue[] } {
  const quantity = resolveWholeNumber(lineItem.quantity, ctx, "quantity", {
    min: 1,
    max: MAX_QUANTITY,
    required: true,
  });
  const bounds = { min: 0, max: MAX_QUANTITY, required: false };
  const min = resolveWholeNumber(lineItem.minQuantity, ctx, "minQuantity", bounds);
  const max = resolveWholeNumber(lineItem.maxQuantity, ctx, "maxQuantity", bounds);
  const issues = [quantity, min, max].flatMap((r) => (r.ok ? [] : r.issues));
  if (!quantity.ok || !min.ok || !max.ok) return { ok: false, issues };

  const value: Quantities = { quantity: quantity.value ?? 1 };
  if (min.value === undefined && max.value === undefined) return { ok: true, value };

  const minimum = min.value ?? DEFAULT_ADJUSTABLE_MINIMUM;
  const maximum = max.value ?? DEFAULT_ADJUSTABLE_MAXIMUM;
  if (maximum < minimum) {
    const message = issueMessages.adjustableRangeInverted(min.field, max.field, minimum, maximum);
    return { ok: false, issues: [issueAt(ctx, max.field, "QUANTITY_RANGE", message)] };
  }
  if (value.quantity < minimum || value.quantity > maximum) {
    const message = issueMessages.quantityOutsideAdjustable(
      quantity.field,
      value.quantity,
      minimum,
      maximum,
    );
    return { ok: false, issues: [issueAt(ctx, quantity.field, "QUANTITY_RANGE", message)] };
  }
  return { ok: true, value: { ...value, minQuantity: minimum, maxQuantity: maximum } };
}
