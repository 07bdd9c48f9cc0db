import fc from "fast-check";
import { MAX_AMOUNT, STRIPE_CURRENCIES, findCurrency } from "../currencies";
import { formatMinorUnits, parseDecimal, toMinorUnits, type MoneyError } from "../toMinorUnits";

describe("toMinorUnits", () => {
  it('converts "19.99" USD to 1999', () => {
    expect(toMinorUnits("19.99", "USD")).toEqual({ ok: true, amount: 1999 });
  });

  it('converts "1000" JPY to 1000', () => {
    expect(toMinorUnits("1000", "JPY")).toEqual({ ok: true, amount: 1000 });
  });

  it('refuses "10.555" USD as TOO_MANY_DECIMALS instead of rounding', () => {
    expect(toMinorUnits("10.555", "usd")).toEqual({
      ok: false,
      error: "TOO_MANY_DECIMALS",
      decimalsAllowed: 2,
    });
  });

  it('converts "0.001" KWD to 1', () => {
    expect(toMinorUnits("0.001", "KWD")).toEqual({ ok: true, amount: 1 });
  });

  /** Per currency: decimal strings in major units, and the minor units each one makes. */
  const MAJOR_UNIT_AMOUNTS: Record<string, Record<string, number>> = {
    usd: { "0.1": 10, "0.29": 29, "007": 700, "19.990": 1999, "0": 0, "-0": 0 },
    bhd: { "1.005": 1005 },
    eur: { "  42.5 ": 4250 },
    jpy: { "1000.0": 1000, "99999999999": 99999999999 },
    isk: { "5": 500 },
    ugx: { "5": 500 },
    huf: { "1234.56": 123456 },
  };

  it.each(Object.entries(MAJOR_UNIT_AMOUNTS))(
    "converts %s written in major units: %j",
    (currency, amounts) => {
      const values = Object.keys(amounts);
      expect(values.map((value) => [value, toMinorUnits(value, currency)])).toEqual(
        values.map((value) => [value, { ok: true, amount: amounts[value] }]),
      );
    },
  );

  it.each<[MoneyError, string, string[]]>([
    [
      "NOT_A_NUMBER",
      "usd",
      ["1e3", "1,000", "1.000,50", "+5", ".5", "5.", "", "NaN", "Infinity", "１２", "0x10"],
    ],
    ["NEGATIVE", "usd", ["-1", "-0.01"]],
    ["TOO_MANY_DECIMALS", "jpy", ["1.5"]],
    ["TOO_MANY_DECIMALS", "kwd", ["0.0001"]],
    ["OUT_OF_RANGE", "usd", ["99999999999999999"]],
  ])("refuses with %s in %s: %j", (error, currency, values) => {
    const errorOf = (value: string) => {
      const result = toMinorUnits(value, currency);
      return result.ok ? result : result.error;
    };
    expect(values.map((value) => [value, errorOf(value)])).toEqual(
      values.map((value) => [value, error]),
    );
  });

  it("refuses a currency Stripe does not support", () => {
    expect(toMinorUnits("1", "xyz")).toEqual({ ok: false, error: "UNKNOWN_CURRENCY" });
  });

  it.each([
    ["1050", "usd", 1050],
    ["1050.00", "usd", 1050],
    ["500", "jpy", 500],
  ])(
    'takes "%s" %s as %d when the value is already in minor units',
    (value, currency, expected) => {
      expect(toMinorUnits(value, currency, "minor")).toEqual({ ok: true, amount: expected });
    },
  );

  it("refuses a fraction of a minor unit", () => {
    expect(toMinorUnits("1050.5", "usd", "minor")).toMatchObject({
      ok: false,
      error: "NOT_AN_INTEGER",
    });
  });
});

describe("formatMinorUnits", () => {
  it.each([
    [1999, "usd", "19.99"],
    [1990, "usd", "19.90"],
    [5, "usd", "0.05"],
    [0, "usd", "0.00"],
    [500, "jpy", "500"],
    [1, "kwd", "0.001"],
    [12340, "kwd", "12.340"],
    [500, "isk", "5"],
    [550, "isk", "5.50"],
    [-1999, "usd", "-19.99"],
    [99_999_999, "eur", "999999.99"],
  ])("writes %d %s as %s", (amount, currency, expected) => {
    expect(formatMinorUnits(amount, currency)).toBe(expected);
  });

  it("refuses amounts that are not integers and unknown currencies", () => {
    expect(() => formatMinorUnits(19.99, "usd")).toThrow(RangeError);
    expect(() => formatMinorUnits(1, "xyz")).toThrow(RangeError);
  });
});

describe("money properties", () => {
  const currencyCodes = [...STRIPE_CURRENCIES.keys()];
  const currency = fc.constantFrom(...currencyCodes);
  const digits = (min: number, max: number) =>
    fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max })
      .map((d) => d.join(""));

  /** Independent of toMinorUnits: integer part scaled, fraction scaled by its own length. */
  function expectedMinorUnits(integerPart: string, fractionPart: string, exponent: number): bigint {
    const scale = 10n ** BigInt(exponent);
    const fraction =
      fractionPart === ""
        ? 0n
        : BigInt(fractionPart) * 10n ** BigInt(exponent - fractionPart.length);
    return BigInt(integerPart) * scale + fraction;
  }

  it("converts any valid decimal string exactly, and formats it back to the same amount", () => {
    fc.assert(
      fc.property(currency, digits(1, 12), digits(0, 3), (code, integerPart, rawFraction) => {
        const rule = findCurrency(code)!;
        const fractionPart = rawFraction.slice(0, rule.exponent);
        const text = fractionPart === "" ? integerPart : `${integerPart}.${fractionPart}`;
        const result = toMinorUnits(text, code);
        const expected = expectedMinorUnits(integerPart, fractionPart, rule.exponent);
        expect(result).toEqual({ ok: true, amount: Number(expected) });
        if (result.ok)
          expect(toMinorUnits(formatMinorUnits(result.amount, code), code)).toEqual(result);
      }),
      { numRuns: 400 },
    );
  });

  it("never rounds: a significant digit beyond the currency's decimals is always an error", () => {
    fc.assert(
      fc.property(
        currency,
        digits(1, 6),
        digits(3, 3),
        fc.integer({ min: 1, max: 9 }),
        (code, integerPart, fraction, last) => {
          const rule = findCurrency(code)!;
          const text = `${integerPart}.${fraction.slice(0, rule.exponent)}${last}`;
          expect(toMinorUnits(text, code)).toMatchObject({ ok: false, error: "TOO_MANY_DECIMALS" });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("formats every amount Stripe accepts so that it reads back to the same integer", () => {
    fc.assert(
      fc.property(currency, fc.integer({ min: 0, max: MAX_AMOUNT }), (code, amount) => {
        const text = formatMinorUnits(amount, code);
        expect(parseDecimal(text)).toBeDefined();
        expect(toMinorUnits(text, code)).toEqual({ ok: true, amount });
      }),
      { numRuns: 400 },
    );
  });
});
