/** buildCheckoutPlan with tax: each line's rate, the session's tax per rate, inclusive and exclusive. */
import { buildCheckoutPlan } from "../../engine/buildCheckoutPlan";
import { mapping, number, record, table, text } from "../../engine/__tests__/kintoneFixtures";
import { issuesOf, sessionsOf } from "../../engine/__tests__/readPlan";

const yen = { currency: "JPY" } as const;
const taxedLine = (id: string, price: string, rate: string) =>
  record(id, { price: number(price), rate: text(rate) });

describe("buildCheckoutPlan: consumption tax", () => {
  it("previews ¥100 at 10 % and ¥160 at 8 % for ¥1,100 and ¥1,080 × 2, tax included: ¥3,260", () => {
    const plan = buildCheckoutPlan(
      [taxedLine("1", "1100", "10"), taxedLine("2", "1080", "8"), taxedLine("3", "1080", "8")],
      mapping(yen, { taxRate: { field: "rate" } }),
    );
    const [session] = sessionsOf(plan);
    expect(session).toMatchObject({
      amountTotal: 3260,
      amountTax: 260,
      taxBehavior: "inclusive",
      taxes: [
        { ratePercent: "10", amount: 100, taxableAmount: 1100 },
        { ratePercent: "8", amount: 160, taxableAmount: 2160 },
      ],
    });
    expect(session!.lineItems.map((line) => [line.unitAmount, line.taxRate])).toEqual([
      [1100, "10"],
      [1080, "8"],
      [1080, "8"],
    ]);
  });

  it("adds ¥100 and ¥160 to ¥1,000 and ¥1,000 × 2 when prices exclude tax: ¥3,260", () => {
    const plan = buildCheckoutPlan(
      [
        record("1", {
          lines: table(
            { name: text("Pen"), price: number("1000"), qty: number("1"), rate: text("10") },
            { name: text("Tea"), price: number("1000"), qty: number("2"), rate: text("8") },
          ),
        }),
      ],
      mapping(
        { ...yen, taxBehavior: "exclusive", source: { type: "subtable", field: "lines" } },
        { taxRate: { field: "rate" }, quantity: { field: "qty" } },
      ),
    );
    expect(sessionsOf(plan)[0]).toMatchObject({
      amountTotal: 3260,
      amountTax: 260,
      taxBehavior: "exclusive",
      taxes: [
        { ratePercent: "10", amount: 100, taxableAmount: 1000 },
        { ratePercent: "8", amount: 160, taxableAmount: 2000 },
      ],
    });
  });

  it("takes a constant rate for every line", () => {
    const plan = buildCheckoutPlan(
      [record("1", { price: number("1080") })],
      mapping(yen, { taxRate: { const: 8 } }),
    );
    expect(sessionsOf(plan)[0]!.taxes).toEqual([
      { ratePercent: "8", amount: 80, taxableAmount: 1080 },
    ]);
  });

  it("has no tax and no taxes without lineItem.taxRate, as before", () => {
    const plan = buildCheckoutPlan([record("1", { price: number("1000") })], mapping(yen));
    expect(sessionsOf(plan)[0]).toMatchObject({ amountTotal: 1000, amountTax: 0, taxes: [] });
  });

  it("reports a rate other than 10, 8 or 0 naming record, row and field", () => {
    const plan = buildCheckoutPlan(
      [
        record("7", {
          lines: table(
            { name: text("Pen"), price: number("1000"), rate: text("10") },
            { name: text("Tea"), price: number("1000"), rate: text("5") },
          ),
        }),
      ],
      mapping(
        { ...yen, source: { type: "subtable", field: "lines" } },
        { taxRate: { field: "rate" } },
      ),
    );
    expect(issuesOf(plan)).toEqual([
      expect.objectContaining({ recordId: "7", row: 2, field: "rate", code: "INVALID_TAX_RATE" }),
    ]);
  });

  it("reports an empty rate field: a line's rate is never guessed", () => {
    const plan = buildCheckoutPlan(
      [taxedLine("3", "1000", " ")],
      mapping(yen, { taxRate: { field: "rate" } }),
    );
    expect(issuesOf(plan)).toEqual([
      expect.objectContaining({ recordId: "3", field: "rate", code: "INVALID_TAX_RATE" }),
    ]);
  });

  it("checks the minimum charge against the total with exclusive tax added", () => {
    // ¥46 + 8 % = ¥50 (49.68 rounded): Stripe's minimum for JPY is ¥50.
    const plan = buildCheckoutPlan(
      [taxedLine("1", "46", "8")],
      mapping({ ...yen, taxBehavior: "exclusive" }, { taxRate: { field: "rate" } }),
    );
    expect(sessionsOf(plan)[0]).toMatchObject({ amountTotal: 50, amountTax: 4 });
  });
});

describe("buildCheckoutPlan: the invoice's registration number", () => {
  const invoiceMapping = (value: string) =>
    mapping({
      ...yen,
      invoiceCreation: {
        enabled: true,
        customFields: [
          { name: "担当", value: "経理部" },
          { name: "登録番号", value },
        ],
      },
    });

  it("accepts T and 13 digits", () => {
    const plan = buildCheckoutPlan(
      [record("1", { price: number("1000") })],
      invoiceMapping("T1234567890123"),
    );
    expect(sessionsOf(plan)).toHaveLength(1);
  });

  it.each([
    "1234567890123",
    "T123456789012",
    "T12345678901234",
    "t1234567890123",
    "T-1234567890123",
  ])("refuses %j, naming the mapping key", (value) => {
    const plan = buildCheckoutPlan([record("1", { price: number("1000") })], invoiceMapping(value));
    expect(issuesOf(plan)).toEqual([
      expect.objectContaining({
        recordId: "",
        field: "invoiceCreation.customFields.1.value",
        code: "INVALID_REGISTRATION_NUMBER",
      }),
    ]);
  });
});
