/** An amount per billing period as the emulator's pages show it: "¥5,000 / month", "¥5,000 / 月". */
import type { CheckoutLanguage } from "./checkoutPageTexts";
import type { Price } from "./stripeObjects";

const JA_UNITS: Record<string, { one: string; many: string }> = {
  day: { one: "日", many: "日" },
  week: { one: "週", many: "週間" },
  month: { one: "月", many: "か月" },
  year: { one: "年", many: "年" },
};

export function perPeriodText(
  language: CheckoutLanguage,
  amount: string,
  recurring: NonNullable<Price["recurring"]>,
): string {
  const { interval, interval_count: count } = recurring;
  if (language === "ja") {
    const unit = JA_UNITS[interval] ?? { one: interval, many: interval };
    return count === 1 ? `${amount} / ${unit.one}` : `${amount} / ${count}${unit.many}`;
  }
  return count === 1 ? `${amount} / ${interval}` : `${amount} / ${count} ${interval}s`;
}
