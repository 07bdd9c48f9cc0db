/** The period words of the reader's language, for core's formatPerPeriod. */
import type { Recurring } from "../../core/api/proxyApi";
import { formatPerPeriod, type PeriodWords } from "../../core/subscription/formatPerPeriod";
import type { Language, Messages } from "../i18n/messages";
import { formatMoney } from "./formatMoney";

export function periodWords(t: Messages): PeriodWords {
  return {
    one: { day: t.intervalDay, week: t.intervalWeek, month: t.intervalMonth, year: t.intervalYear },
    many: {
      day: t.intervalDays,
      week: t.intervalWeeks,
      month: t.intervalMonths,
      year: t.intervalYears,
    },
    perPeriod: t.amountPerPeriod,
  };
}

/** "¥5,000 / month"; without a period, the amount alone. */
export function formatMoneyPerPeriod(
  amount: number,
  currency: string,
  recurring: Recurring | undefined,
  t: Messages,
  language: Language,
): string {
  const money = formatMoney(amount, currency, language);
  return recurring ? formatPerPeriod(money, recurring, periodWords(t)) : money;
}
