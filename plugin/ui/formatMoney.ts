import { formatMinorUnits } from "../../core/money/toMinorUnits";
import type { Language } from "../i18n/messages";

/**
 * "¥1,500" / "$19.99" from minor units. The exact decimal string from core goes to
 * Intl.NumberFormat (which formats strings exactly), so no amount ever passes through a float.
 */
export function formatMoney(amount: number, currency: string, language: Language): string {
  const decimalText = formatMinorUnits(amount, currency);
  const decimals = decimalText.split(".")[1]?.length ?? 0;
  const format = new Intl.NumberFormat(language === "ja" ? "ja-JP" : "en-US", {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  // The string overload is exact (ECMA-402 Intl.NumberFormat v3); the lib typings know only numbers.
  return format.format(decimalText as unknown as number);
}

/** Totals of several currencies, e.g. "¥7,180 + $47.50". */
export function formatTotals(totals: Map<string, number>, language: Language): string {
  return [...totals]
    .map(([currency, amount]) => formatMoney(amount, currency, language))
    .join(" + ");
}
