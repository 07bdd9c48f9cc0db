/**
 * A line's tax rate (`lineItem.taxRate`), from a field or a constant: 10, 8 or 0 percent. Any
 * other value, an empty one included, is an issue naming the record, row and field: a line
 * billed at a rate nobody chose would put a wrong tax on the invoice.
 */
import type { ValueRef } from "../mapping/MappingConfig";
import type { Issue } from "../engine/CheckoutPlan";
import { issueAt, resolveText, type LineContext } from "../engine/resolveValue";
import { taxIssueMessages } from "./taxIssueMessages";
import { parseTaxPercent, type TaxPercent } from "./taxPercent";

export type TaxRateResult =
  { ok: true; ratePercent: TaxPercent | undefined } | { ok: false; issues: Issue[] };

export function resolveTaxRate(ref: ValueRef | undefined, ctx: LineContext): TaxRateResult {
  if (ref === undefined) return { ok: true, ratePercent: undefined };
  const resolved = resolveText(ref, ctx, "lineItem.taxRate");
  if (!resolved.ok) return resolved;
  const { text, field } = resolved.value;
  const ratePercent = parseTaxPercent(text);
  if (ratePercent !== undefined) return { ok: true, ratePercent };
  const message = taxIssueMessages.invalidTaxRate(field, text);
  return { ok: false, issues: [issueAt(ctx, field, "INVALID_TAX_RATE", message)] };
}
