/**
 * Tax Rates applied to a Checkout Session's lines, as Stripe applies them
 * (https://docs.stripe.com/payments/checkout/taxes, https://docs.stripe.com/tax/tax-rates):
 * an inclusive rate's tax is part of the line's amount (amount × p / (100 + p)), an exclusive
 * one's is added to it (amount × p / 100). The tax is computed per rate on the sum of the lines
 * that carry it and rounded once to the nearest minor unit, as Stripe rounds JCT for Japan
 * "at the overall invoice level to the nearest yen"
 * (https://support.stripe.com/questions/understanding-our-qualified-tax-invoice-for-stripe-fees);
 * each line then shows its share (largest remainders first, so the shares add up to the rate's
 * tax). `total_details.amount_tax` is all the tax; `amount_total` grows by the exclusive tax only.
 */
import type { CheckoutSession, StoredLineItem } from "./stripeObjects";
import type { TaxRate } from "./taxAndInvoiceObjects";

/** Percentages have up to 4 decimal places: in units of 1/10,000 of a percent they are integers. */
const PERCENT_SCALE = 10_000n;
const HUNDRED = 100n * PERCENT_SCALE;

interface TaxedLine {
  amount: number;
  taxRates: readonly TaxRate[];
}

export interface LineTax {
  /** Inclusive and exclusive tax of the line. */
  amountTax: number;
  /** The part of amountTax added on top of the line's amount. */
  exclusiveTax: number;
  /** The line's share of each rate's tax. */
  byRate: { rate: TaxRate; amount: number }[];
}

function scaled(rate: TaxRate): bigint {
  return BigInt(Math.round(rate.percentage * Number(PERCENT_SCALE)));
}

export function sessionTaxes(lines: readonly TaxedLine[]): LineTax[] {
  const taxes: LineTax[] = lines.map(() => ({ amountTax: 0, exclusiveTax: 0, byRate: [] }));
  const rates = new Map<string, TaxRate>();
  for (const line of lines) for (const rate of line.taxRates) rates.set(rate.id, rate);
  for (const rate of rates.values()) {
    const p = scaled(rate);
    const divisor = rate.inclusive ? HUNDRED + p : HUNDRED;
    const carrying = lines.flatMap((line, index) =>
      line.taxRates.some((r) => r.id === rate.id)
        ? [{ index, numerator: BigInt(line.amount) * p }]
        : [],
    );
    const total = carrying.reduce((sum, c) => sum + c.numerator, 0n);
    const rounded = (2n * total + divisor) / (2n * divisor);
    const shares = carrying.map((c) => ({
      ...c,
      share: c.numerator / divisor,
      rest: c.numerator % divisor,
    }));
    let left = rounded - shares.reduce((sum, s) => sum + s.share, 0n);
    for (const s of [...shares].sort((a, b) =>
      b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.index - b.index,
    )) {
      if (left <= 0n) break;
      s.share += 1n;
      left -= 1n;
    }
    for (const s of shares) {
      const amount = Number(s.share);
      const line = taxes[s.index] as LineTax;
      line.amountTax += amount;
      if (!rate.inclusive) line.exclusiveTax += amount;
      line.byRate.push({ rate, amount });
    }
  }
  return taxes;
}

/** The session's and its line items' amounts from their quantities and tax rates. */
export function applySessionAmounts(
  session: CheckoutSession,
  items: readonly StoredLineItem[],
): void {
  const amounts = items.map((stored) => stored.item.price.unit_amount * stored.item.quantity);
  const taxes = sessionTaxes(
    items.map((stored, i) => ({ amount: amounts[i] ?? 0, taxRates: stored.taxRates ?? [] })),
  );
  let subtotal = 0;
  let tax = 0;
  let exclusive = 0;
  items.forEach((stored, i) => {
    const amount = amounts[i] ?? 0;
    const lineTax = taxes[i] as LineTax;
    Object.assign(stored.item, {
      amount_subtotal: amount,
      amount_tax: lineTax.amountTax,
      amount_total: amount + lineTax.exclusiveTax,
    });
    if (stored.taxRates?.length) {
      stored.item.taxes = lineTax.byRate.map(({ rate, amount: taxAmount }) => ({
        amount: taxAmount,
        rate,
        taxability_reason: null,
        taxable_amount: rate.inclusive ? amount - taxAmount : amount,
      }));
    }
    subtotal += amount;
    tax += lineTax.amountTax;
    exclusive += lineTax.exclusiveTax;
  });
  session.amount_subtotal = subtotal;
  session.amount_total = subtotal + exclusive;
  session.total_details = { ...session.total_details, amount_tax: tax };
}

/** The exclusive tax a session of these lines would add, for the checks made before it exists. */
export function exclusiveTaxOf(lines: readonly TaxedLine[]): number {
  return sessionTaxes(lines).reduce((sum, line) => sum + line.exclusiveTax, 0);
}
