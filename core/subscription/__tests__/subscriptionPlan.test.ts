import { buildCheckoutPlan } from "../../engine/buildCheckoutPlan";
import type { KnownPrice } from "../../engine/CheckoutPlan";
import { issuesOf, onlyItem, sessionsOf } from "../../engine/__tests__/readPlan";
import {
  dropDown,
  mapping,
  number,
  record,
  table,
  text,
} from "../../engine/__tests__/kintoneFixtures";
import type { MappingConfig } from "../../mapping/MappingConfig";

const monthly = { interval: { const: "month" } };

const membership = (
  overrides: Partial<MappingConfig> = {},
  lineItem: Partial<MappingConfig["lineItem"]> = {},
): MappingConfig =>
  mapping(
    { currency: "JPY", mode: "subscription", ...overrides },
    { unitPrice: { field: "fee" }, recurring: monthly, ...lineItem },
  );

const member = (id: string, fields = {}) => record(id, { fee: number("5000"), ...fields });
const byField = { interval: { field: "plan" }, intervalCount: { field: "every" } };

describe("a subscription-mode plan", () => {
  it("bills a monthly ¥5,000 membership every month, in a subscription session", () => {
    const plan = buildCheckoutPlan([member("1")], membership());
    const [session] = sessionsOf(plan);
    expect(session!.mode).toBe("subscription");
    expect(session!.amountTotal).toBe(5000);
    expect(session!.lineItems[0]!.recurring).toEqual({ interval: "month", intervalCount: 1 });
  });

  it("reads the interval from a drop-down in Stripe's words or 日/週/月/年, and the count from a field", () => {
    const records = [member("1", { plan: dropDown("月"), every: number("3") })];
    expect(
      onlyItem(buildCheckoutPlan(records, membership({}, { recurring: byField }))).recurring,
    ).toEqual({
      interval: "month",
      intervalCount: 3,
    });
    const weekly = [member("2", { plan: text(" Week "), every: number("") })];
    expect(
      onlyItem(buildCheckoutPlan(weekly, membership({}, { recurring: byField }))).recurring,
    ).toEqual({
      interval: "week",
      intervalCount: 1,
    });
  });

  it.each([
    ["13", "month", "OUT_OF_RANGE"],
    ["2", "year", "OUT_OF_RANGE"],
    ["366", "day", "OUT_OF_RANGE"],
    ["0", "week", "OUT_OF_RANGE"],
    ["1.5", "month", "NOT_AN_INTEGER"],
  ])(
    "refuses an interval count of %s per %s beyond Stripe's one-year maximum (%s)",
    (count, interval, code) => {
      const records = [member("4", { plan: text(interval), every: text(count) })];
      const [issue] = issuesOf(buildCheckoutPlan(records, membership({}, { recurring: byField })));
      expect(issue).toMatchObject({ recordId: "4", field: "every", code });
      expect(issue!.message.en).toContain(interval);
    },
  );

  it("accepts the longest periods Stripe allows: 52 weeks, 12 months, 365 days, 1 year", () => {
    for (const [interval, count] of [
      ["week", "52"],
      ["month", "12"],
      ["day", "365"],
      ["year", "1"],
    ]) {
      const records = [member("5", { plan: text(interval!), every: text(count!) })];
      expect(
        onlyItem(buildCheckoutPlan(records, membership({}, { recurring: byField }))).recurring,
      ).toEqual({ interval, intervalCount: Number(count) });
    }
  });

  it("names the record and field of an interval that is none, and of an empty one", () => {
    const records = [
      member("6", { plan: dropDown("quarterly") }),
      member("7", { plan: dropDown("") }),
    ];
    const issues = issuesOf(
      buildCheckoutPlan(records, membership({}, { recurring: { interval: { field: "plan" } } })),
    );
    expect(issues).toEqual([
      expect.objectContaining({ recordId: "6", field: "plan", code: "INVALID_INTERVAL" }),
      expect.objectContaining({ recordId: "7", field: "plan", code: "REQUIRED" }),
    ]);
  });

  it("needs at least one recurring line", () => {
    const plan = buildCheckoutPlan([member("1")], membership({}, { recurring: undefined }));
    expect(issuesOf(plan)).toEqual([
      expect.objectContaining({
        recordId: "1",
        field: "lineItem.recurring",
        code: "SUBSCRIPTION_WITHOUT_RECURRING",
      }),
    ]);
  });

  it("refuses an interval in payment mode, on the mapping key", () => {
    const plan = buildCheckoutPlan([member("1")], membership({ mode: undefined }));
    expect(issuesOf(plan)).toEqual([
      expect.objectContaining({
        recordId: "",
        field: "lineItem.recurring",
        code: "RECURRING_WITHOUT_SUBSCRIPTION",
      }),
    ]);
  });

  it("holds at most 20 recurring lines, naming the 21st", () => {
    const records = Array.from({ length: 21 }, (_, i) => member(String(i + 1)));
    expect(sessionsOf(buildCheckoutPlan(records.slice(0, 20), membership()))).toHaveLength(1);
    expect(issuesOf(buildCheckoutPlan(records, membership()))).toEqual([
      expect.objectContaining({ recordId: "21", field: "records", code: "TOO_MANY_LINE_ITEMS" }),
    ]);
  });

  it("names the row of the 21st recurring line of a table", () => {
    const rows = Array.from({ length: 21 }, () => ({ name: text("Lesson"), fee: number("5000") }));
    const plan = buildCheckoutPlan(
      [record("3", { lessons: table(...rows) })],
      membership({ source: { type: "subtable", field: "lessons" } }),
    );
    expect(issuesOf(plan)).toEqual([
      expect.objectContaining({
        recordId: "3",
        row: 21,
        field: "lessons",
        code: "TOO_MANY_LINE_ITEMS",
      }),
    ]);
  });

  it("refuses konbini and PayPay, so a konbini-only mapping answers an issue on paymentMethodTypes", () => {
    const plan = buildCheckoutPlan([member("1")], membership({ paymentMethodTypes: ["konbini"] }));
    expect(issuesOf(plan)).toEqual([
      expect.objectContaining({
        recordId: "",
        field: "paymentMethodTypes",
        code: "NOT_FOR_SUBSCRIPTIONS",
      }),
    ]);
    const withPayPay = buildCheckoutPlan(
      [member("1")],
      membership({ paymentMethodTypes: ["card", "paypay"] }),
    );
    expect(issuesOf(withPayPay)[0]!.message.en).toContain("paypay");
  });

  it("refuses invoiceCreation and customerCreation, which Stripe takes in payment mode only", () => {
    const plan = buildCheckoutPlan(
      [member("1")],
      membership({ invoiceCreation: { enabled: true }, customerCreation: "always" }),
    );
    expect(issuesOf(plan).map((issue) => [issue.field, issue.code])).toEqual([
      ["invoiceCreation", "NOT_FOR_SUBSCRIPTIONS"],
      ["customerCreation", "NOT_FOR_SUBSCRIPTIONS"],
    ]);
  });

  it("refuses one session mixing periods, naming the first line on another one", () => {
    const records = [member("1", { plan: text("month") }), member("2", { plan: text("year") })];
    const recurring = { interval: { field: "plan" } };
    expect(issuesOf(buildCheckoutPlan(records, membership({}, { recurring })))).toEqual([
      expect.objectContaining({ recordId: "2", field: "plan", code: "MIXED_INTERVALS" }),
    ]);
    const perRecord = buildCheckoutPlan(
      records,
      membership({ grouping: "perRecord" }, { recurring }),
    );
    expect(sessionsOf(perRecord).map((s) => s.lineItems[0]!.recurring?.interval)).toEqual([
      "month",
      "year",
    ]);
  });

  describe("with existing Stripe Prices", () => {
    const prices = new Map<string, KnownPrice>([
      [
        "price_monthly",
        {
          unitAmount: 5000,
          currency: "jpy",
          active: true,
          recurring: true,
          recurringInterval: { interval: "month", intervalCount: 1 },
        },
      ],
      ["price_joining", { unitAmount: 3000, currency: "jpy", active: true, recurring: false }],
    ]);
    const byPrice = (overrides: Partial<MappingConfig> = {}) =>
      membership(overrides, {
        unitPrice: undefined,
        priceId: { field: "price_ref" },
        recurring: undefined,
      });

    it("takes a recurring Price's period, and keeps a one-time Price beside it once", () => {
      const records = [
        member("1", { price_ref: text("price_monthly") }),
        member("2", { price_ref: text("price_joining") }),
      ];
      const [session] = sessionsOf(buildCheckoutPlan(records, byPrice(), { prices }));
      expect(session!.lineItems.map((line) => line.recurring)).toEqual([
        { interval: "month", intervalCount: 1 },
        undefined,
      ]);
      expect(session!.amountTotal).toBe(8000);
    });

    it("refuses a recurring Price in payment mode", () => {
      const records = [member("1", { price_ref: text("price_monthly") })];
      const [issue] = issuesOf(
        buildCheckoutPlan(records, byPrice({ mode: "payment" }), { prices }),
      );
      expect(issue).toMatchObject({ recordId: "1", field: "price_ref", code: "PRICE_UNSUPPORTED" });
    });
  });
});
