/** buildCheckoutPlan: grouping into sessions, Stripe's limits, currencies, URLs and e-mails. */
import { buildCheckoutPlan } from "../buildCheckoutPlan";
import { dropDown, mapping, number, record, text } from "./kintoneFixtures";
import { issuesOf, sessionsOf } from "./readPlan";

describe("buildCheckoutPlan: sessions and limits", () => {
  it("puts all records in one session with single grouping", () => {
    const sessions = sessionsOf(
      buildCheckoutPlan([record("1"), record("2")], mapping({ grouping: "single" })),
    );
    expect(sessions.map((s) => s.recordIds)).toEqual([["1", "2"]]);
  });

  it("makes one session per record with perRecord grouping", () => {
    const sessions = sessionsOf(
      buildCheckoutPlan([record("1"), record("2")], mapping({ grouping: "perRecord" })),
    );
    expect(sessions.map((s) => s.recordIds)).toEqual([["1"], ["2"]]);
  });

  it("reports 101 line items in one session", () => {
    const records = Array.from({ length: 101 }, (_, i) => record(String(i + 1)));
    const issues = issuesOf(buildCheckoutPlan(records, mapping()));
    expect(issues).toEqual([
      expect.objectContaining({ code: "TOO_MANY_LINE_ITEMS", recordId: "101" }),
    ]);
  });

  it("accepts exactly 100 line items", () => {
    const records = Array.from({ length: 100 }, (_, i) => record(String(i + 1)));
    expect(sessionsOf(buildCheckoutPlan(records, mapping()))[0]!.lineItems).toHaveLength(100);
  });

  it("reports record ids that do not fit in one metadata value", () => {
    const records = Array.from({ length: 90 }, (_, i) => record(String(100000 + i)));
    const issues = issuesOf(buildCheckoutPlan(records, mapping()));
    expect(issues).toEqual([expect.objectContaining({ code: "TOO_LONG", field: "$id" })]);
  });

  it("reports an empty selection", () => {
    expect(issuesOf(buildCheckoutPlan([], mapping()))).toEqual([
      expect.objectContaining({ code: "EMPTY_SELECTION", recordId: "" }),
    ]);
  });

  it("reads the currency from a field, lower-cased, and reports mixed currencies in one session", () => {
    const yen = record("1", { cur: dropDown("JPY"), price: number("500") });
    expect(
      sessionsOf(buildCheckoutPlan([yen], mapping({ currency: { field: "cur" } })))[0]!.currency,
    ).toBe("jpy");
    const dollars = record("2", { cur: dropDown("usd"), price: number("5") });
    const issues = issuesOf(
      buildCheckoutPlan([yen, dollars], mapping({ currency: { field: "cur" } })),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "CURRENCY_MISMATCH", recordId: "2", field: "cur" }),
    ]);
    expect(
      sessionsOf(
        buildCheckoutPlan(
          [yen, dollars],
          mapping({ currency: { field: "cur" }, grouping: "perRecord" }),
        ),
      ),
    ).toHaveLength(2);
  });

  it("reports a currency field with a currency Stripe does not support", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { cur: dropDown("Yen") })],
        mapping({ currency: { field: "cur" } }),
      ),
    );
    expect(issues).toEqual([expect.objectContaining({ code: "UNKNOWN_CURRENCY", field: "cur" })]);
  });

  it("fills URL templates from the first record, URL-encoded, keeping {CHECKOUT_SESSION_ID}", () => {
    const plan = buildCheckoutPlan(
      [record("1", { slug: text("a b&c/日本") }), record("2", { slug: text("other") })],
      mapping({
        successUrl: "https://shop.example.com/done/{{slug}}?sid={CHECKOUT_SESSION_ID}",
        cancelUrl: "https://shop.example.com/back?r={{$id}}",
      }),
    );
    expect(sessionsOf(plan)[0]).toMatchObject({
      successUrl:
        "https://shop.example.com/done/a%20b%26c%2F%E6%97%A5%E6%9C%AC?sid={CHECKOUT_SESSION_ID}",
      cancelUrl: "https://shop.example.com/back?r=1",
    });
  });

  it("encodes text with a lone surrogate into a URL instead of failing", () => {
    const plan = buildCheckoutPlan(
      [record("1", { slug: text("a\uD800b") })],
      mapping({ successUrl: "https://shop.example.com/{{slug}}" }),
    );
    expect(sessionsOf(plan)[0]!.successUrl).toBe("https://shop.example.com/a%EF%BF%BDb");
  });

  it("reports a URL that is not valid once filled in", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { host: text("") })],
        mapping({ successUrl: "https://{{host}}/x" }),
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "INVALID_URL", field: "successUrl", recordId: "1" }),
    ]);
  });

  it("prefills a valid customer e-mail and reports an invalid one", () => {
    const withEmail = (email: string) => record("1", { email: { type: "LINK", value: email } });
    const emailMapping = mapping({ customerEmail: { field: "email" } });
    expect(
      sessionsOf(buildCheckoutPlan([withEmail(" buyer@example.co.jp ")], emailMapping))[0]!
        .customerEmail,
    ).toBe("buyer@example.co.jp");
    expect(sessionsOf(buildCheckoutPlan([withEmail("")], emailMapping))[0]).not.toHaveProperty(
      "customerEmail",
    );
    expect(issuesOf(buildCheckoutPlan([withEmail("buyer@example")], emailMapping))).toEqual([
      expect.objectContaining({ code: "INVALID_EMAIL", field: "email" }),
    ]);
  });

  it("collects every issue of every record instead of stopping at the first", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { price: number("x"), name: text("") }), record("2", { price: number("-1") })],
        mapping(),
      ),
    );
    expect(issues.map((i) => [i.recordId, i.code])).toEqual([
      ["1", "REQUIRED"],
      ["1", "NOT_A_NUMBER"],
      ["2", "OUT_OF_RANGE"],
    ]);
  });

  it("charges a record named twice once", () => {
    const sessions = sessionsOf(buildCheckoutPlan([record("1"), record("1")], mapping()));
    expect(sessions[0]!.recordIds).toEqual(["1"]);
  });
});
