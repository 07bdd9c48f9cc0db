/** The line's unit price in minor units, exact, within Stripe's steps and limits. */
import { MAX_AMOUNT, type CurrencyRule } from "../money/currencies";
import { formatMinorUnits, toMinorUnits } from "../money/toMinorUnits";
import type { ValueRef } from "../mapping/MappingConfig";
import type { Issue } from "./CheckoutPlan";
import { issueMessages } from "./issueMessages";
import { issueAt, resolveText, type LineContext } from "./resolveValue";

export type PriceResult =
  { ok: true; amount: number; field: string } | { ok: false; issues: Issue[] };

export function resolvePrice(
  ref: ValueRef,
  unit: "major" | "minor",
  rule: CurrencyRule,
  ctx: LineContext,
): PriceResult {
  const resolved = resolveText(ref, ctx, "unitPrice");
  if (!resolved.ok) return resolved;
  const { text, field } = resolved.value;
  const fail = (issue: Issue): PriceResult => ({ ok: false, issues: [issue] });
  if (text.trim() === "")
    return fail(issueAt(ctx, field, "REQUIRED", issueMessages.required(field)));

  const converted = toMinorUnits(text, rule.code, unit);
  if (!converted.ok) {
    switch (converted.error) {
      case "NEGATIVE":
        return fail(issueAt(ctx, field, "OUT_OF_RANGE", issueMessages.negativePrice(field, text)));
      case "TOO_MANY_DECIMALS":
        return fail(issueAt(ctx, field, "TOO_MANY_DECIMALS", tooManyDecimals(field, text, rule)));
      case "NOT_AN_INTEGER":
        return fail(
          issueAt(
            ctx,
            field,
            "NOT_AN_INTEGER",
            issueMessages.minorUnitsNotInteger(field, text, rule.code),
          ),
        );
      case "OUT_OF_RANGE":
        return fail(aboveMaximum(ctx, field, text, rule));
      default:
        return fail(issueAt(ctx, field, "NOT_A_NUMBER", issueMessages.notANumber(field, text)));
    }
  }
  if (converted.amount > MAX_AMOUNT) return fail(aboveMaximum(ctx, field, text, rule));
  if (converted.amount % rule.step !== 0) {
    // In major units the step is a decimals rule ("ISK has none", "KWD charges 2"); in minor units it is a multiple.
    const message =
      unit === "major"
        ? tooManyDecimals(field, text, rule)
        : issueMessages.stepNotMet(field, text, rule.code, rule.step);
    return fail(issueAt(ctx, field, "TOO_MANY_DECIMALS", message));
  }
  return { ok: true, amount: converted.amount, field };
}

function tooManyDecimals(field: string, text: string, rule: CurrencyRule) {
  const decimalsAccepted = rule.exponent - Math.log10(rule.step);
  return issueMessages.tooManyDecimals(field, text, rule.code, decimalsAccepted);
}

function aboveMaximum(ctx: LineContext, field: string, text: string, rule: CurrencyRule): Issue {
  const maximum = `${formatMinorUnits(MAX_AMOUNT, rule.code)} ${rule.code.toUpperCase()}`;
  return issueAt(
    ctx,
    field,
    "AMOUNT_ABOVE_MAXIMUM",
    issueMessages.priceAboveMaximum(field, text, maximum),
  );
}
