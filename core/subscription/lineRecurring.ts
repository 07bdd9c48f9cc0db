/**
 * A line's billing period in subscription mode: its Stripe Price's own when it names a recurring
 * one (a one-time Price stays a one-time line), else the mapping's `lineItem.recurring`. In payment
 * mode no line recurs (an interval there is a mapping issue of its own).
 */
import type { MappingConfig } from "../mapping/MappingConfig";
import type { PriceLineResult } from "../engine/resolvePriceLine";
import type { LineContext } from "../engine/resolveValue";
import { resolveRecurring, type RecurringResult } from "./resolveRecurring";

export function lineRecurring(
  mapping: MappingConfig,
  ctx: LineContext,
  priceLine: PriceLineResult,
): RecurringResult {
  if (mapping.mode !== "subscription") return { ok: true, recurring: undefined };
  if (!priceLine.ok) return { ok: true, recurring: undefined };
  if (priceLine.line) return { ok: true, recurring: priceLine.line.recurring };
  return resolveRecurring(mapping.lineItem.recurring, ctx);
}
