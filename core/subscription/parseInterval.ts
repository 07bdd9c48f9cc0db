/** A billing interval as a kintone field or a constant may give it, in Stripe's words. */
import { SUBSCRIPTION_INTERVALS, type SubscriptionInterval } from "../api/proxyApi";

/** What a kintone drop-down may offer besides Stripe's own words: 月, monthly, … */
const INTERVAL_WORDS: Readonly<Record<string, SubscriptionInterval>> = {
  日: "day",
  毎日: "day",
  daily: "day",
  週: "week",
  毎週: "week",
  weekly: "week",
  月: "month",
  毎月: "month",
  monthly: "month",
  年: "year",
  毎年: "year",
  yearly: "year",
  annually: "year",
};

/** An interval text as Stripe names it, or undefined when it names none. */
export function parseInterval(text: string): SubscriptionInterval | undefined {
  const word = text.trim().toLowerCase();
  const own = SUBSCRIPTION_INTERVALS.find((interval) => interval === word);
  const known = Object.prototype.hasOwnProperty.call(INTERVAL_WORDS, word);
  return own ?? (known ? INTERVAL_WORDS[word] : undefined);
}
