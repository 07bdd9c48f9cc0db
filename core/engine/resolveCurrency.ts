/** The line's currency: a constant of the mapping, or a field (DROP_DOWN, text, …) of the row or record. */
import { findCurrency, type CurrencyRule } from "../money/currencies";
import type { MappingConfig } from "../mapping/MappingConfig";
import type { Issue } from "./CheckoutPlan";
import { issueMessages } from "./issueMessages";
import { fieldText, issueAt, type LineContext } from "./resolveValue";

export type CurrencyResult =
  { ok: true; rule: CurrencyRule; field: string } | { ok: false; issues: Issue[] };

/** The mapping element named in issues about a constant currency. */
export const CURRENCY_ELEMENT = "currency";

export function resolveCurrency(
  currency: MappingConfig["currency"],
  ctx: LineContext,
): CurrencyResult {
  if (typeof currency === "string") {
    const rule = findCurrency(currency);
    if (rule) return { ok: true, rule, field: CURRENCY_ELEMENT };
    return {
      ok: false,
      issues: [
        issueAt(
          ctx,
          CURRENCY_ELEMENT,
          "UNKNOWN_CURRENCY",
          issueMessages.unknownCurrency(CURRENCY_ELEMENT, currency),
        ),
      ],
    };
  }
  const text = fieldText(currency.field, ctx);
  if (!text.ok) return text;
  if (text.text.trim() === "") {
    return {
      ok: false,
      issues: [issueAt(ctx, currency.field, "REQUIRED", issueMessages.required(currency.field))],
    };
  }
  const rule = findCurrency(text.text);
  if (rule) return { ok: true, rule, field: currency.field };
  return {
    ok: false,
    issues: [
      issueAt(
        ctx,
        currency.field,
        "UNKNOWN_CURRENCY",
        issueMessages.unknownCurrency(currency.field, text.text),
      ),
    ],
  };
}
