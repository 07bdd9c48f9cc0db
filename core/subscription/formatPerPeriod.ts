/**
 * "¥5,000 / month", "¥5,000 / 3 months", 「¥5,000 / 月」「¥5,000 / 3か月」: an amount already
 * formatted for the reader's language, and its period in that language's words.
 */
import type { Recurring, SubscriptionInterval } from "../api/proxyApi";

export interface PeriodWords {
  /** One interval: "month" / "月". */
  one: Readonly<Record<SubscriptionInterval, string>>;
  /** Several, with `{count}`: "{count} months" / "{count}か月". */
  many: Readonly<Record<SubscriptionInterval, string>>;
  /** With `{amount}` and `{period}`: "{amount} / {period}". */
  perPeriod: string;
}

export function formatPeriod(recurring: Recurring, words: PeriodWords): string {
  const { interval, intervalCount } = recurring;
  return intervalCount === 1
    ? words.one[interval]
    : words.many[interval].replaceAll("{count}", String(intervalCount));
}

export function formatPerPeriod(amount: string, recurring: Recurring, words: PeriodWords): string {
  // One pass, so an amount or a word holding "{period}" is never filled twice.
  const values: Record<string, string> = { amount, period: formatPeriod(recurring, words) };
  return words.perPeriod.replace(/\{(amount|period)\}/g, (_, key: string) => values[key]!);
}
