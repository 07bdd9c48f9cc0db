/** A query value as text: literals as given, functions (NOW(), TODAY(), periods…) resolved. */
import { invalidInput } from "../KintoneApiError";
import type { QueryValue } from "./parsedQuery";
import type { QueryContext } from "./queryContext";

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A query value as the text to compare with; functions resolved at `context.now`. */
export function resolveValue(value: QueryValue, context: QueryContext): string {
  if (value.kind !== "function") return value.value;
  const day = 24 * 60 * 60 * 1000;
  switch (value.name) {
    case "LOGINUSER":
      return context.loginUserCode;
    case "NOW":
      return context.now.toISOString();
    case "TODAY":
      return isoDate(context.now);
    case "YESTERDAY":
      return isoDate(new Date(context.now.getTime() - day));
    case "TOMORROW":
      return isoDate(new Date(context.now.getTime() + day));
    default:
      throw invalidInput({
        query: { messages: [`The function ${value.name}() is not supported.`] },
      });
  }
}

/**
 * The days (UTC, inclusive) a period function names: FROM_TODAY(n, DAYS|WEEKS|MONTHS|YEARS),
 * THIS_/LAST_/NEXT_ WEEK (Sunday to Saturday), MONTH and YEAR; undefined for other values.
 */
export function resolvePeriod(
  value: QueryValue,
  now: Date,
): { from: string; to: string } | undefined {
  if (value.kind !== "function") return undefined;
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  const day = (year: number, month: number, date: number) =>
    isoDate(new Date(Date.UTC(year, month, date)));
  const week = (offset: number) => {
    const sunday = d - now.getUTCDay() + 7 * offset;
    return { from: day(y, m, sunday), to: day(y, m, sunday + 6) };
  };
  const month = (offset: number) => ({
    from: day(y, m + offset, 1),
    to: day(y, m + offset + 1, 0),
  });
  const year = (offset: number) => ({ from: day(y + offset, 0, 1), to: day(y + offset, 11, 31) });
  switch (value.name) {
    case "FROM_TODAY": {
      const [amountText, unit] = value.args;
      const amount = Number(amountText);
      if (!Number.isInteger(amount)) break;
      const target =
        unit === "DAYS"
          ? day(y, m, d + amount)
          : unit === "WEEKS"
            ? day(y, m, d + 7 * amount)
            : unit === "MONTHS"
              ? day(y, m + amount, d)
              : unit === "YEARS"
                ? day(y + amount, m, d)
                : undefined;
      if (target) return { from: target, to: target };
      break;
    }
    case "THIS_WEEK":
      return week(0);
    case "LAST_WEEK":
      return week(-1);
    case "NEXT_WEEK":
      return week(1);
    case "THIS_MONTH":
      return month(0);
    case "LAST_MONTH":
      return month(-1);
    case "NEXT_MONTH":
      return month(1);
    case "THIS_YEAR":
      return year(0);
    case "LAST_YEAR":
      return year(-1);
    case "NEXT_YEAR":
      return year(1);
    default:
      return undefined;
  }
  throw invalidInput({ query: { messages: [`Invalid arguments for ${value.name}().`] } });
}
