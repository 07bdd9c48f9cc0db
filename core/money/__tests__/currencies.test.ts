import { STRIPE_CURRENCIES, findCurrency } from "../currencies";

describe("Stripe currencies", () => {
  it.each([
    "BIF",
    "CLP",
    "DJF",
    "GNF",
    "JPY",
    "KMF",
    "KRW",
    "MGA",
    "PYG",
    "RWF",
    "VND",
    "VUV",
    "XAF",
    "XOF",
    "XPF",
  ])("counts %s without minor units", (code) => {
    expect(findCurrency(code)).toMatchObject({ exponent: 0, step: 1 });
  });

  it.each(["BHD", "JOD", "KWD", "OMR", "TND"])(
    "counts %s with three decimals whose last digit must be 0",
    (code) => {
      expect(findCurrency(code)).toMatchObject({ exponent: 3, step: 10 });
    },
  );

  it.each(["ISK", "UGX"])("counts %s with two decimals that must be 00", (code) => {
    expect(findCurrency(code)).toMatchObject({ exponent: 2, step: 100 });
  });

  it.each(["HUF", "TWD", "USD", "EUR"])("counts %s with two decimals", (code) => {
    expect(findCurrency(code)).toMatchObject({ exponent: 2, step: 1 });
  });

  it.each([
    ["usd", 50],
    ["jpy", 50],
    ["eur", 50],
    ["gbp", 30],
    ["huf", 17500],
    ["mxn", 1000],
  ])("knows Stripe's documented minimum charge in %s (%d minor units)", (code, minimum) => {
    expect(findCurrency(code)?.minimumCharge).toBe(minimum);
  });

  it("asks at least one accepted step where Stripe documents no minimum", () => {
    expect(findCurrency("kwd")?.minimumCharge).toBe(10);
    expect(findCurrency("isk")?.minimumCharge).toBe(100);
    expect(findCurrency("vnd")?.minimumCharge).toBe(1);
  });

  it("finds codes in any case and with surrounding spaces, and nothing else", () => {
    expect(findCurrency(" Usd ")?.code).toBe("usd");
    expect(findCurrency("xyz")).toBeUndefined();
    expect(findCurrency("constructor")).toBeUndefined();
    expect(STRIPE_CURRENCIES.size).toBeGreaterThan(130);
  });
});
