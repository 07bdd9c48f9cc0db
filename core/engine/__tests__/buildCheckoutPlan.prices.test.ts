/** buildCheckoutPlan: prices, decimal strings in a currency, become integer minor units. */
import type { MappingConfig } from "../../mapping/MappingConfig";
import { buildCheckoutPlan } from "../buildCheckoutPlan";
import type { Issue } from "../CheckoutPlan";
import { mapping, number, record } from "./kintoneFixtures";
import { issuesOf, onlyItem, sessionsOf } from "./readPlan";

describe("buildCheckoutPlan: prices", () => {
  it('turns "19.99" USD into a unit amount of 1999', () => {
    const plan = buildCheckoutPlan(
      [record("1", { price: number("19.99") })],
      mapping({ currency: "USD" }),
    );
    expect(onlyItem(plan).unitAmount).toBe(1999);
    expect(sessionsOf(plan)[0]).toMatchObject({ currency: "usd", amountTotal: 1999 });
  });

  it('turns "1000" JPY into a unit amount of 1000', () => {
    const plan = buildCheckoutPlan(
      [record("1", { price: number("1000") })],
      mapping({ currency: "JPY" }),
    );
    expect(onlyItem(plan).unitAmount).toBe(1000);
  });

  it('reports "10.555" USD as an issue instead of rounding', () => {
    const issues = issuesOf(
      buildCheckoutPlan([record("7", { price: number("10.555") })], mapping()),
    );
    expect(issues).toEqual([
      {
        recordId: "7",
        field: "price",
        code: "TOO_MANY_DECIMALS",
        message: {
          en: 'The value "10.555" of the field "price" has too many decimal places (USD allows 2).',
          ja: "「price」フィールドの値「10.555」は小数点以下の桁数が多すぎます（USD は 2 桁まで）。",
        },
      },
    ]);
  });

  it('turns "0.010" KWD into 10 and keeps a minimum of one accepted step', () => {
    const plan = buildCheckoutPlan(
      [record("1", { price: number("0.010") })],
      mapping({ currency: "KWD" }),
    );
    expect(onlyItem(plan).unitAmount).toBe(10);
  });

  it.each<[string, string, Partial<MappingConfig>, Partial<Issue>]>([
    ["a price that is not a number", "1,000", {}, { code: "NOT_A_NUMBER", field: "price" }],
    ["an exponent", "1e3", {}, { code: "NOT_A_NUMBER", field: "price" }],
    ["a negative price", "-1", {}, { code: "OUT_OF_RANGE", field: "price" }],
    ["an empty price", "", {}, { code: "REQUIRED", field: "price" }],
    ["decimals on yen", "100.5", { currency: "JPY" }, { code: "TOO_MANY_DECIMALS" }],
    [
      "a KWD amount whose last digit is not 0",
      "0.001",
      { currency: "KWD" },
      { code: "TOO_MANY_DECIMALS" },
    ],
    ["a fraction of a krona", "5.50", { currency: "ISK" }, { code: "TOO_MANY_DECIMALS" }],
    [
      "a unit price over 8 digits",
      "1000000.00",
      {},
      { code: "AMOUNT_ABOVE_MAXIMUM", field: "price" },
    ],
    [
      "a total under Stripe's minimum",
      "0.49",
      {},
      { code: "AMOUNT_BELOW_MINIMUM", field: "price" },
    ],
    ["a yen total under ¥50", "49", { currency: "JPY" }, { code: "AMOUNT_BELOW_MINIMUM" }],
  ])("reports %s (%s) as an issue", (_, price, overrides, expected) => {
    const issues = issuesOf(
      buildCheckoutPlan([record("3", { price: number(price) })], mapping(overrides)),
    );
    expect(issues).toEqual([expect.objectContaining({ recordId: "3", ...expected })]);
  });

  it("reads prices already in minor units when unitPriceIn is minor", () => {
    const plan = buildCheckoutPlan(
      [record("1", { price: number("1050") })],
      mapping({}, { unitPriceIn: "minor" }),
    );
    expect(onlyItem(plan).unitAmount).toBe(1050);
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { price: number("10.5") })],
        mapping({}, { unitPriceIn: "minor" }),
      ),
    );
    expect(issues[0]).toMatchObject({ code: "NOT_AN_INTEGER" });
  });

  it("accepts a free line when the session total still reaches the minimum", () => {
    const records = [record("1", { price: number("0") }), record("2", { price: number("0.50") })];
    expect(sessionsOf(buildCheckoutPlan(records, mapping()))[0]!.amountTotal).toBe(50);
  });

  it("reports a session total above 8 digits", () => {
    const records = [
      record("1", { price: number("600000") }),
      record("2", { price: number("600000") }),
    ];
    const issues = issuesOf(buildCheckoutPlan(records, mapping()));
    expect(issues).toEqual([
      expect.objectContaining({ code: "AMOUNT_ABOVE_MAXIMUM", recordId: "1" }),
    ]);
  });
});
