import { formatMoney, formatTotals } from "../formatMoney";

describe("formatMoney", () => {
  it("shows yen without decimals and dollars with cents, from minor units", () => {
    expect(formatMoney(1500, "jpy", "en")).toBe("¥1,500");
    expect(formatMoney(1999, "usd", "en")).toBe("$19.99");
    expect(formatMoney(1500, "JPY", "ja")).toBe("￥1,500");
  });

  it("keeps the currency's own decimals (three for KWD)", () => {
    expect(formatMoney(1, "kwd", "en")).toMatch(/^KWD\s?0\.001$/);
  });

  it("is exact for amounts a float could not hold", () => {
    // 2^53 + 1 cents would round as a float; it is formatted from the digits.
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "usd", "en")).toBe("$90,071,992,547,409.91");
  });

  it("never adds different currencies together", () => {
    const totals = new Map([
      ["jpy", 7180],
      ["usd", 4750],
    ]);
    expect(formatTotals(totals, "en")).toBe("¥7,180 + $47.50");
  });
});
