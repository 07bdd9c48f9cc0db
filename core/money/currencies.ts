/**
 * Every presentment currency Stripe supports, with the minor-unit exponent as Stripe's API counts
 * it, and the charge limits the engine enforces before anything reaches Stripe.
 * https://docs.stripe.com/currencies
 */

/** How one currency's amounts are written in Stripe's API. */
export interface CurrencyRule {
  /** Lower-case ISO 4217 code, as Stripe returns it. */
  code: string;
  /** Minor units per major unit as a power of ten, as Stripe's API counts them (not always ISO 4217's). */
  exponent: 0 | 2 | 3;
  /**
   * Stripe accepts only multiples of this many minor units: 1 for most currencies, 10 for the
   * three-decimal ones ("last digit 0"), 100 for ISK and UGX (whole units written with two decimals).
   */
  step: 1 | 10 | 100;
  /** Smallest total Stripe charges in this currency, in minor units. */
  minimumCharge: number;
}

/** Stripe's ceiling for an amount: 8 digits in minor units. https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts */
export const MAX_AMOUNT = 99_999_999;

/** https://docs.stripe.com/currencies#zero-decimal */
const ZERO_DECIMAL = [
  "bif",
  "clp",
  "djf",
  "gnf",
  "jpy",
  "kmf",
  "krw",
  "mga",
  "pyg",
  "rwf",
  "vnd",
  "vuv",
  "xaf",
  "xof",
  "xpf",
];

/**
 * https://docs.stripe.com/currencies#three-decimal: amounts carry three decimals, but for
 * compatibility with Stripe's payment partners the last digit must be 0 (5.124 KWD cannot be charged).
 */
const THREE_DECIMAL = ["bhd", "jod", "kwd", "omr", "tnd"];

/**
 * Stripe's "special cases" (https://docs.stripe.com/currencies#special-cases):
 * - ISK and UGX became zero-decimal, but for backwards compatibility the API still counts them with
 *   two decimals whose value must be 00 (5 ISK is `500`); Stripe reads a bare `100` UGX as 1 USh
 *   (seen in the field: github.com/odoo/odoo/pull/227688, github.com/WordPress/wordcamp.org/pull/1592).
 *   So UGX, though listed among zero-decimal currencies, is counted here like ISK.
 * - HUF and TWD are zero-decimal only for payouts; charges take two-decimal amounts, so they are
 *   ordinary two-decimal currencies here.
 */
const WHOLE_UNITS_IN_TWO_DECIMALS = ["isk", "ugx"];

/** Every other presentment currency Stripe lists: two decimals. */
const TWO_DECIMAL = [
  "usd",
  "aed",
  "afn",
  "all",
  "amd",
  "ang",
  "aoa",
  "ars",
  "aud",
  "awg",
  "azn",
  "bam",
  "bbd",
  "bdt",
  "bgn",
  "bmd",
  "bnd",
  "bob",
  "brl",
  "bsd",
  "bwp",
  "byn",
  "bzd",
  "cad",
  "cdf",
  "chf",
  "cny",
  "cop",
  "crc",
  "cve",
  "czk",
  "dkk",
  "dop",
  "dzd",
  "egp",
  "etb",
  "eur",
  "fjd",
  "fkp",
  "gbp",
  "gel",
  "gip",
  "gmd",
  "gtq",
  "gyd",
  "hkd",
  "hnl",
  "htg",
  "huf",
  "idr",
  "ils",
  "inr",
  "jmd",
  "kes",
  "kgs",
  "khr",
  "kyd",
  "kzt",
  "lak",
  "lbp",
  "lkr",
  "lrd",
  "lsl",
  "mad",
  "mdl",
  "mkd",
  "mmk",
  "mnt",
  "mop",
  "mur",
  "mvr",
  "mwk",
  "mxn",
  "myr",
  "mzn",
  "nad",
  "ngn",
  "nio",
  "nok",
  "npr",
  "nzd",
  "pab",
  "pen",
  "pgk",
  "php",
  "pkr",
  "pln",
  "qar",
  "ron",
  "rsd",
  "rub",
  "sar",
  "sbd",
  "scr",
  "sek",
  "sgd",
  "shp",
  "sle",
  "sos",
  "srd",
  "std",
  "szl",
  "thb",
  "tjs",
  "top",
  "try",
  "ttd",
  "twd",
  "tzs",
  "uah",
  "uyu",
  "uzs",
  "wst",
  "xcd",
  "yer",
  "zar",
  "zmw",
];

/**
 * Stripe's documented minimum charge per currency, in minor units
 * (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). Stripe applies them to
 * the settlement currency; a charge in another currency must convert to at least that amount.
 */
const DOCUMENTED_MINIMUMS: Record<string, number> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};

/**
 * For a currency without a documented minimum, Stripe's rule is "converts to at least the
 * settlement currency's minimum" (about USD 0.50), which needs today's exchange rate: core/ has
 * none and a hard-coded rate would wrongly refuse or wrongly pass amounts as rates move. So the
 * engine only demands a positive total (one `step`) and leaves the
 * conversion check to Stripe, whose refusal the proxy reports as STRIPE_ERROR.
 */
function rule(code: string, exponent: 0 | 2 | 3, step: 1 | 10 | 100): CurrencyRule {
  return { code, exponent, step, minimumCharge: DOCUMENTED_MINIMUMS[code] ?? step };
}

export const STRIPE_CURRENCIES: ReadonlyMap<string, CurrencyRule> = new Map(
  [
    ...ZERO_DECIMAL.map((code) => rule(code, 0, 1)),
    ...THREE_DECIMAL.map((code) => rule(code, 3, 10)),
    ...WHOLE_UNITS_IN_TWO_DECIMALS.map((code) => rule(code, 2, 100)),
    ...TWO_DECIMAL.map((code) => rule(code, 2, 1)),
  ].map((r) => [r.code, r]),
);

/** The rule for a currency code in any letter case (surrounding spaces ignored), or undefined. */
export function findCurrency(code: string): CurrencyRule | undefined {
  if (typeof code !== "string") return undefined;
  return STRIPE_CURRENCIES.get(code.trim().toLowerCase());
}
