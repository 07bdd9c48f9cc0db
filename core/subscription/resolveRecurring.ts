/**
 * A subscription line's billing period (`lineItem.recurring`): the interval from a field (a
 * drop-down or a text) or a constant, and the interval count (default 1) within Stripe's maximum.
 * https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-line_items-price_data-recurring
 */
import type { Recurring, SubscriptionInterval } from "../api/proxyApi";
import type { Issue } from "../engine/CheckoutPlan";
import type { MappingConfig, ValueRef } from "../mapping/MappingConfig";
import { issueAt, resolveText, type LineContext } from "../engine/resolveValue";
import { issueMessages } from "../engine/issueMessages";
import { MAX_INTERVAL_COUNT } from "./subscriptionLimits";
import { parseInterval } from "./parseInterval";
import { subscriptionIssueMessages } from "./subscriptionIssueMessages";

export const INTERVAL_ELEMENT = "lineItem.recurring.interval";
export const INTERVAL_COUNT_ELEMENT = "lineItem.recurring.intervalCount";

export type RecurringResult =
  { ok: true; recurring: Recurring | undefined } | { ok: false; issues: Issue[] };

export function resolveRecurring(
  recurring: MappingConfig["lineItem"]["recurring"],
  ctx: LineContext,
): RecurringResult {
  if (recurring === undefined) return { ok: true, recurring: undefined };
  const resolved = resolveText(recurring.interval, ctx, INTERVAL_ELEMENT);
  if (!resolved.ok) return resolved;
  const { text, field } = resolved.value;
  if (text.trim() === "")
    return { ok: false, issues: [issueAt(ctx, field, "REQUIRED", issueMessages.required(field))] };
  const interval = parseInterval(text);
  if (interval === undefined) {
    const message = subscriptionIssueMessages.invalidInterval(field, text);
    return { ok: false, issues: [issueAt(ctx, field, "INVALID_INTERVAL", message)] };
  }
  const count = resolveIntervalCount(recurring.intervalCount, ctx, interval);
  if (!count.ok) return count;
  return { ok: true, recurring: { interval, intervalCount: count.value } };
}

/** 1 when absent or empty; else a whole number from 1 to the interval's maximum. */
function resolveIntervalCount(
  ref: ValueRef | undefined,
  ctx: LineContext,
  interval: SubscriptionInterval,
): { ok: true; value: number } | { ok: false; issues: Issue[] } {
  if (ref === undefined) return { ok: true, value: 1 };
  const resolved = resolveText(ref, ctx, INTERVAL_COUNT_ELEMENT);
  if (!resolved.ok) return resolved;
  const text = resolved.value.text.trim();
  if (text === "") return { ok: true, value: 1 };
  const max = MAX_INTERVAL_COUNT[interval];
  const value = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (value >= 1 && value <= max) return { ok: true, value };
  const { field } = resolved.value;
  const message = subscriptionIssueMessages.intervalCountOutOfRange(field, text, interval, max);
  const code = /^\d+$/.test(text) ? "OUT_OF_RANGE" : "NOT_AN_INTEGER";
  return { ok: false, issues: [issueAt(ctx, field, code, message)] };
}
