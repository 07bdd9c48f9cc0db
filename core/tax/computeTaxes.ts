/**
 * The tax of a session as its invoice will show it: per rate, the lines' amounts are added up and
 * the tax of that sum is rounded once. Japan's qualified invoice allows one rounding per rate per
 * document (適格請求書の端数処理は「一の適格請求書につき、税率ごとに1回」:
 * https://www.nta.go.jp/taxes/shiraberu/zeimokubetsu/shohi/keigenzeiritsu/invoice.htm),
 * leaving the direction to the seller. Stripe rounds JCT "at the overall invoice level to the
 * nearest yen" (https://support.stripe.com/questions/understanding-our-qualified-tax-invoice-for-stripe-fees)
 * and rounds tax amounts to the nearest minor unit
 * (https://support.stripe.com/questions/rounding-rules-for-stripe-fees): the preview rounds to
 * the nearest unit, halves up, so that it shows what Stripe then charges. A seller used to
 * rounding down (切り捨て) sees at most one unit more tax per rate.
 *
 * Inclusive (税込): the lines' sum holds the tax, tax = sum × p / (100 + p).
 * Exclusive (税抜): the tax is added, tax = sum × p / 100, and the total grows by it.
 * https://support.stripe.com/questions/inclusive-and-exclusive-tax-options-in-the-tax-rate-api-and-stripe-tax
 * Integers throughout (BigInt), never floating point.
 */
import type { TaxPercent } from "./taxPercent";

export type TaxBehavior = "inclusive" | "exclusive";

export interface TaxedLine {
  /** unit amount × quantity, minor units. */
  amount: number;
  /** Absent: the line carries no tax rate. */
  ratePercent?: TaxPercent;
}

export interface TaxPerRate {
  ratePercent: TaxPercent;
  /** Tax of this rate, minor units. */
  amount: number;
  /** The lines' sum at this rate as given (tax included when inclusive), minor units. */
  taxableAmount: number;
}

export interface SessionTax {
  /** Sum of the lines as given, minor units. */
  subtotal: number;
  /** All rates' tax, included in (inclusive) or added to (exclusive) the total. */
  amountTax: number;
  /** What the buyer pays: the subtotal, plus the tax when exclusive. */
  amountTotal: number;
  /** One entry per rate the lines carry, highest rate first. */
  taxes: TaxPerRate[];
}

/** n / d rounded to the nearest integer, halves up; n ≥ 0, d > 0. */
export function divideRoundingHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** The tax of `amount` (minor units) at `percent`, rounded once. */
export function taxOf(amount: bigint, percent: number, behavior: TaxBehavior): bigint {
  const p = BigInt(percent);
  return behavior === "inclusive"
    ? divideRoundingHalfUp(amount * p, 100n + p)
    : divideRoundingHalfUp(amount * p, 100n);
}

export function computeTaxes(lines: TaxedLine[], behavior: TaxBehavior): SessionTax {
  const subtotal = lines.reduce((sum, line) => sum + BigInt(line.amount), 0n);
  const byRate = new Map<TaxPercent, bigint>();
  for (const line of lines) {
    if (line.ratePercent === undefined) continue;
    byRate.set(line.ratePercent, (byRate.get(line.ratePercent) ?? 0n) + BigInt(line.amount));
  }
  const taxes = [...byRate.entries()]
    .sort(([a], [b]) => Number(b) - Number(a))
    .map(([ratePercent, taxable]) => ({
      ratePercent,
      amount: Number(taxOf(taxable, Number(ratePercent), behavior)),
      taxableAmount: Number(taxable),
    }));
  const amountTax = taxes.reduce((sum, tax) => sum + tax.amount, 0);
  const amountTotal = behavior === "exclusive" ? subtotal + BigInt(amountTax) : subtotal;
  return { subtotal: Number(subtotal), amountTax, amountTotal: Number(amountTotal), taxes };
}
