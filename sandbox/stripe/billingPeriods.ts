/**
 * Recurring prices and their billing periods. `recurring` {interval: day|week|month|year,
 * interval_count ≥ 1, default 1}; the pinned API version allows at most three years between
 * billings: "Maximum of three years interval allowed (3 years, 36 months, or 156 weeks)"
 * (https://docs.stripe.com/api/prices/create#create_price-recurring-interval_count, and the same
 * text in stripe-node 23's types for `line_items[].price_data.recurring.interval_count`).
 * Periods follow the billing cycle anchor: monthly and yearly ones keep its day of the month,
 * and a month too short for that day ends on its last day
 * (https://docs.stripe.com/billing/subscriptions/billing-cycle).
 */
import type { ParamReader } from "./params";
import { invalidParam } from "./StripeApiError";
import type { Price } from "./stripeObjects";

export const RECURRING_INTERVALS = ["day", "week", "month", "year"] as const;
export type RecurringInterval = (typeof RECURRING_INTERVALS)[number];

/** The largest interval_count per interval: three years. */
export const MAX_INTERVAL_COUNT: Record<RecurringInterval, number> = {
  day: 3 * 365,
  week: 156,
  month: 36,
  year: 3,
};

const DAY_SECONDS = 24 * 60 * 60;

/** `recurring` of a price or of a line's price_data, with Stripe's limits. */
export function readRecurring(params: ParamReader, key = "recurring"): Price["recurring"] {
  const recurring = params.object(key, ["interval", "interval_count"]);
  if (!recurring) return null;
  const interval = recurring.enumOf("interval", RECURRING_INTERVALS, {
    required: true,
  }) as RecurringInterval;
  const count = recurring.integer("interval_count", { min: 1 }) ?? 1;
  if (count > MAX_INTERVAL_COUNT[interval]) {
    throw invalidParam(
      recurring.name("interval_count"),
      `The maximum billing interval is three years (3 years, 36 months, or 156 weeks); ${count} ${interval}s is longer.`,
    );
  }
  return { interval, interval_count: count, usage_type: "licensed" };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The end of the `n`th period after `anchor` (unix seconds), for a price's `recurring`. */
export function periodBoundary(
  anchor: number,
  recurring: NonNullable<Price["recurring"]>,
  n: number,
): number {
  const steps = recurring.interval_count * n;
  if (recurring.interval === "day") return anchor + steps * DAY_SECONDS;
  if (recurring.interval === "week") return anchor + steps * 7 * DAY_SECONDS;
  const months = recurring.interval === "year" ? steps * 12 : steps;
  const start = new Date(anchor * 1000);
  const total = start.getUTCMonth() + months;
  const year = start.getUTCFullYear() + Math.floor(total / 12);
  const month = total % 12;
  const day = Math.min(start.getUTCDate(), daysInMonth(year, month));
  const end = Date.UTC(
    year,
    month,
    day,
    start.getUTCHours(),
    start.getUTCMinutes(),
    start.getUTCSeconds(),
  );
  return Math.floor(end / 1000);
}

/** The period boundary that follows `current` on the anchor's cycle. */
export function nextBoundary(
  anchor: number,
  recurring: NonNullable<Price["recurring"]>,
  current: number,
): number {
  let n = 1;
  while (periodBoundary(anchor, recurring, n) <= current) n += 1;
  return periodBoundary(anchor, recurring, n);
}
