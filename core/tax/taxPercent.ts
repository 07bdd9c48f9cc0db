/**
 * The consumption tax rates a line may carry. Japan has the standard rate (10 %), the reduced
 * rate (8 %, food and newspapers) and untaxed lines (0 %):
 * https://www.nta.go.jp/taxes/shiraberu/zeimokubetsu/shohi/keigenzeiritsu/invoice.htm
 */
export const TAX_PERCENTS = ["10", "8", "0"] as const;
export type TaxPercent = (typeof TAX_PERCENTS)[number];

/**
 * The percent a text names, or undefined: "10", "10%", " 10.0 " and "１０" are 10; anything
 * else (another rate, a fraction, words) is no rate of ours.
 */
export function parseTaxPercent(text: string): TaxPercent | undefined {
  const ascii = text.normalize("NFKC").trim().replace(/\s*%$/, "");
  const match = /^(\d{1,3})(?:\.0*)?$/.exec(ascii);
  if (!match) return undefined;
  const percent = String(Number(match[1]));
  return (TAX_PERCENTS as readonly string[]).includes(percent)
    ? (percent as TaxPercent)
    : undefined;
}
