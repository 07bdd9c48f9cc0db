/** computeTaxes: one rounding per rate per session, to the nearest unit, in integers. */
import { computeTaxes, divideRoundingHalfUp, taxOf } from "../computeTaxes";
import { parseTaxPercent } from "../taxPercent";

describe("computeTaxes", () => {
  it("finds ¥100 at 10 % and ¥160 at 8 % in ¥1,100 + ¥1,080 × 2, tax included, total ¥3,260", () => {
    const tax = computeTaxes(
      [
        { amount: 1100, ratePercent: "10" },
        { amount: 2160, ratePercent: "8" },
      ],
      "inclusive",
    );
    expect(tax).toEqual({
      subtotal: 3260,
      amountTax: 260,
      amountTotal: 3260,
      taxes: [
        { ratePercent: "10", amount: 100, taxableAmount: 1100 },
        { ratePercent: "8", amount: 160, taxableAmount: 2160 },
      ],
    });
  });

  it("adds ¥100 and ¥160 to ¥1,000 + ¥1,000 × 2 when tax is exclusive: ¥3,260", () => {
    const tax = computeTaxes(
      [
        { amount: 1000, ratePercent: "10" },
        { amount: 2000, ratePercent: "8" },
      ],
      "exclusive",
    );
    expect(tax.amountTotal).toBe(3260);
    expect(tax.amountTax).toBe(260);
    expect(tax.taxes.map((t) => [t.ratePercent, t.amount])).toEqual([
      ["10", 100],
      ["8", 160],
    ]);
  });

  it("rounds once per rate, on the rate's sum, not per line", () => {
    // Per line: 3 × round(105 × 8 / 108 = 7.78) = 24; per rate: round(315 × 8 / 108 = 23.33) = 23.
    const lines = [105, 105, 105].map((amount) => ({ amount, ratePercent: "8" as const }));
    expect(computeTaxes(lines, "inclusive").taxes).toEqual([
      { ratePercent: "8", amount: 23, taxableAmount: 315 },
    ]);
  });

  it("rounds to the nearest unit, halves up, as Stripe does", () => {
    expect(taxOf(1005n, 10, "exclusive")).toBe(101n); // 100.5
    expect(taxOf(1004n, 10, "exclusive")).toBe(100n); // 100.4
    expect(taxOf(1006n, 10, "exclusive")).toBe(101n); // 100.6
    expect(taxOf(1000n, 10, "inclusive")).toBe(91n); // 90.909…
    expect(taxOf(999n, 8, "inclusive")).toBe(74n); // 74.0
    expect(divideRoundingHalfUp(5n, 2n)).toBe(3n);
    expect(divideRoundingHalfUp(7n, 3n)).toBe(2n);
  });

  it("lists a 0 % rate with no tax and leaves lines without a rate out of the taxes", () => {
    const tax = computeTaxes([{ amount: 500, ratePercent: "0" }, { amount: 700 }], "exclusive");
    expect(tax).toEqual({
      subtotal: 1200,
      amountTax: 0,
      amountTotal: 1200,
      taxes: [{ ratePercent: "0", amount: 0, taxableAmount: 500 }],
    });
  });

  it("has no taxes when no line carries a rate", () => {
    expect(computeTaxes([{ amount: 1000 }], "inclusive")).toEqual({
      subtotal: 1000,
      amountTax: 0,
      amountTotal: 1000,
      taxes: [],
    });
  });

  it("stays exact beyond floating point's integers", () => {
    const amount = 9_007_199_254_740_993n; // 2^53 + 1
    expect(taxOf(amount, 10, "exclusive")).toBe(900_719_925_474_099n);
  });
});

describe("parseTaxPercent", () => {
  it.each([
    ["10", "10"],
    ["8", "8"],
    ["0", "0"],
    [" 10 ", "10"],
    ["10%", "10"],
    ["8 %", "8"],
    ["10.0", "10"],
    ["１０", "10"],
    ["08", "8"],
  ])("reads %j as %s percent", (text, percent) => {
    expect(parseTaxPercent(text)).toBe(percent);
  });

  it.each(["", "5", "10.5", "0.1", "ten", "-8", "100", "1e1", "8%%"])("refuses %j", (text) => {
    expect(parseTaxPercent(text)).toBeUndefined();
  });
});
