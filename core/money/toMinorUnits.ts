/**
 * Decimal strings ↔ integer minor units, exactly: string and bigint arithmetic only, never floating
 * point ("19.99" is 1999, not 1998.9999…).
 *
 * Accepted input, after trimming surrounding white space: an optional "-", digits, and optionally
 * "." followed by digits ("1234.5", "-3", "007", "19.990"). That is what kintone's REST API returns
 * for NUMBER and CALC fields (plain strings without separators) and what `String(n)` gives for the
 * numbers a mapping constant holds. Refused: thousands separators and decimal commas ("1,000" is
 * ambiguous between 1000 and 1.0), exponents ("1e3"), "+", ".5", "5.", full-width digits, "NaN".
 * Trailing zeros beyond the currency's decimals carry no precision and are accepted ("19.990" USD
 * is 1999); any other extra decimal is an error, never a rounding.
 */
import { findCurrency, type CurrencyRule } from "./currencies";

export type MoneyError =
  | "NOT_A_NUMBER"
  | "NEGATIVE"
  | "TOO_MANY_DECIMALS"
  | "NOT_AN_INTEGER"
  | "OUT_OF_RANGE"
  | "UNKNOWN_CURRENCY";

export type MinorUnitsResult =
  | { ok: true; amount: number }
  | {
      ok: false;
      error: MoneyError;
      /** Decimals the currency allows in the unit that was given (for messages). */
      decimalsAllowed?: number;
    };

export interface ParsedDecimal {
  negative: boolean;
  /** Digits before the point, without leading zeros ("" for zero). */
  integerDigits: string;
  /** Digits after the point, without trailing zeros. */
  fractionDigits: string;
}

const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Splits a plain decimal string into sign and digits, or undefined when it is not one. */
export function parseDecimal(text: string): ParsedDecimal | undefined {
  if (typeof text !== "string") return undefined;
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const integerDigits = (match[2] ?? "").replace(/^0+/, "");
  const fractionDigits = (match[3] ?? "").replace(/0+$/, "");
  const isZero = integerDigits === "" && fractionDigits === "";
  return { negative: match[1] === "-" && !isZero, integerDigits, fractionDigits };
}

/**
 * Converts an amount to the currency's minor units as Stripe's API counts them.
 * `unit: "major"` (default): "19.99" USD → 1999, "1000" JPY → 1000, "0.001" KWD → 1.
 * `unit: "minor"`: the value already is in minor units and must be a whole number.
 * Negative amounts are refused (they are prices). Stripe's own per-currency steps and limits
 * (e.g. KWD's last digit 0, the 8-digit maximum) are checked by the engine, not here.
 */
export function toMinorUnits(
  value: string,
  currency: string,
  unit: "major" | "minor" = "major",
): MinorUnitsResult {
  const rule = findCurrency(currency);
  if (!rule) return { ok: false, error: "UNKNOWN_CURRENCY" };
  const parsed = parseDecimal(value);
  if (!parsed) return { ok: false, error: "NOT_A_NUMBER" };
  if (parsed.negative) return { ok: false, error: "NEGATIVE" };
  const decimalsAllowed = unit === "major" ? rule.exponent : 0;
  if (parsed.fractionDigits.length > decimalsAllowed) {
    return {
      ok: false,
      error: unit === "major" ? "TOO_MANY_DECIMALS" : "NOT_AN_INTEGER",
      decimalsAllowed,
    };
  }
  const digits = parsed.integerDigits + parsed.fractionDigits.padEnd(decimalsAllowed, "0");
  const amount = BigInt(digits === "" ? "0" : digits);
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: "OUT_OF_RANGE" };
  return { ok: true, amount: Number(amount) };
}

/**
 * Minor units → major-unit decimal string, for writing amounts back to kintone:
 * (1999, "usd") → "19.99", (500, "jpy") → "500", (1, "kwd") → "0.001", (500, "isk") → "5".
 * Currencies that Stripe counts in whole units only (ISK, UGX) are written without decimals
 * when the amount allows it. Throws RangeError for a non-integer amount or an unknown currency:
 * both are programming errors, never user data.
 */
export function formatMinorUnits(amount: number | bigint, currency: string): string {
  const rule = findCurrency(currency);
  if (!rule) throw new RangeError(`unknown currency ${JSON.stringify(currency)}`);
  if (typeof amount === "number" && !Number.isSafeInteger(amount)) {
    throw new RangeError(`amount must be a safe integer, got ${amount}`);
  }
  const big = BigInt(amount);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString();
  const decimals = displayDecimals(rule, negative ? -big : big);
  const padded = digits.padStart(rule.exponent + 1, "0");
  const integerPart = padded.slice(0, padded.length - rule.exponent);
  const fractionPart = padded.slice(
    padded.length - rule.exponent,
    padded.length - rule.exponent + decimals,
  );
  const text = decimals > 0 ? `${integerPart}.${fractionPart}` : integerPart;
  return negative ? `-${text}` : text;
}

/** Decimals shown: the exponent, less those that are always zero for whole-unit currencies. */
function displayDecimals(rule: CurrencyRule, absoluteAmount: bigint): number {
  if (rule.step === 100 && absoluteAmount % 100n === 0n) return 0;
  return rule.exponent;
}
