/**
 * Currency facts the emulator needs, from https://docs.stripe.com/currencies:
 * zero-decimal and three-decimal currencies, minimum charge amounts, and the 8-digit maximum.
 */

/** https://docs.stripe.com/currencies#zero-decimal */
const ZERO_DECIMAL = new Set([
  "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv",
  "xaf", "xof", "xpf",
]); // prettier-ignore

/** https://docs.stripe.com/currencies#three-decimal */
const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);

/** Currencies Stripe accepts for charges (https://docs.stripe.com/currencies#presentment-currencies). */
export const SUPPORTED_CURRENCIES = new Set([
  "usd", "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud", "awg", "azn", "bam", "bbd", "bdt",
  "bgn", "bhd", "bif", "bmd", "bnd", "bob", "brl", "bsd", "bwp", "byn", "bzd", "cad", "cdf", "chf",
  "clp", "cny", "cop", "crc", "cve", "czk", "djf", "dkk", "dop", "dzd", "egp", "etb", "eur", "fjd",
  "fkp", "gbp", "gel", "gip", "gmd", "gnf", "gtq", "gyd", "hkd", "hnl", "htg", "huf", "idr", "ils",
  "inr", "isk", "jmd", "jod", "jpy", "kes", "kgs", "khr", "kmf", "krw", "kwd", "kyd", "kzt", "lak",
  "lbp", "lkr", "lrd", "lsl", "mad", "mdl", "mga", "mkd", "mmk", "mnt", "mop", "mur", "mvr", "mwk",
  "mxn", "myr", "mzn", "nad", "ngn", "nio", "nok", "npr", "nzd", "omr", "pab", "pen", "pgk", "php",
  "pkr", "pln", "pyg", "qar", "ron", "rsd", "rub", "rwf", "sar", "sbd", "scr", "sek", "sgd", "shp",
  "sle", "sos", "srd", "std", "szl", "thb", "tjs", "tnd", "top", "try", "ttd", "twd", "tzs", "uah",
  "ugx", "uyu", "uzs", "vnd", "vuv", "wst", "xaf", "xcd", "xof", "xpf", "yer", "zar", "zmw",
]); // prettier-ignore

/**
 * Minimum charge in minor units (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).
 * Currencies not listed there are settled in USD, so their minimum is the equivalent of $0.50;
 * the emulator has no exchange rates and uses 50 minor units (or 50 units for zero-decimal ones).
 */
const MINIMUM_CHARGE: Record<string, number> = {
  usd: 50, aed: 200, aud: 50, bgn: 100, brl: 50, cad: 50, chf: 50, czk: 1500, dkk: 250, eur: 50,
  gbp: 30, hkd: 400, huf: 17500, inr: 50, jpy: 50, mxn: 1000, myr: 200, nok: 300, nzd: 50,
  pln: 200, ron: 200, sek: 300, sgd: 50, thb: 1000,
}; // prettier-ignore

/** "Amount must be no more than 8 digits" (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). */
export const MAXIMUM_AMOUNT = 99_999_999;

export function isSupportedCurrency(currency: string): boolean {
  return SUPPORTED_CURRENCIES.has(currency);
}

export function minorUnitDigits(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

export function minimumChargeAmount(currency: string): number {
  return MINIMUM_CHARGE[currency] ?? 50;
}

/** Formats minor units for people ("$0.50", "¥500", "€12.34") without floating point. */
export function formatAmount(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const negative = amount < 0;
  const text = String(Math.abs(amount)).padStart(digits + 1, "0");
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? "" : text.slice(-digits);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const symbols: Record<string, string> = { usd: "$", jpy: "¥", eur: "€", gbp: "£" };
  const symbol = symbols[currency];
  const number = fraction ? `${grouped}.${fraction}` : grouped;
  const formatted = symbol ? `${symbol}${number}` : `${number} ${currency.toUpperCase()}`;
  return negative ? `-${formatted}` : formatted;
}
