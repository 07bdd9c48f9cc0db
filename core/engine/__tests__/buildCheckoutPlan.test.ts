import type { KintoneField, KintoneRecord } from "../../kintone/KintoneRecord";
import type { MappingConfig } from "../../mapping/MappingConfig";
import { buildCheckoutPlan } from "../buildCheckoutPlan";
import type { CheckoutPlan, Issue, PlannedSession } from "../CheckoutPlan";
import { dropDown, file, files, mapping, number, record, table, text } from "./kintoneFixtures";

function sessionsOf(plan: CheckoutPlan): PlannedSession[] {
  if (!plan.ok)
    throw new Error(`expected a plan, got issues: ${JSON.stringify(plan.issues, null, 2)}`);
  return plan.sessions;
}

function issuesOf(plan: CheckoutPlan): Issue[] {
  if (plan.ok)
    throw new Error(`expected issues, got a plan: ${JSON.stringify(plan.sessions, null, 2)}`);
  return plan.issues;
}

function onlyItem(plan: CheckoutPlan) {
  const sessions = sessionsOf(plan);
  expect(sessions).toHaveLength(1);
  expect(sessions[0]!.lineItems).toHaveLength(1);
  return sessions[0]!.lineItems[0]!;
}

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

describe("buildCheckoutPlan: quantities", () => {
  const withQuantity = (quantity: string, extra: Record<string, KintoneField> = {}) =>
    record("5", { qty: number(quantity), ...extra });

  it("uses quantity 1 when none is mapped", () => {
    expect(onlyItem(buildCheckoutPlan([record("1")], mapping())).quantity).toBe(1);
  });

  it.each([
    ["0", "OUT_OF_RANGE"],
    ["1.5", "NOT_AN_INTEGER"],
    ["-2", "OUT_OF_RANGE"],
    ["1000000", "OUT_OF_RANGE"],
    ["", "REQUIRED"],
    ["two", "NOT_A_NUMBER"],
  ])("reports quantity %s as an issue (%s)", (quantity, code) => {
    const issues = issuesOf(
      buildCheckoutPlan([withQuantity(quantity)], mapping({}, { quantity: { field: "qty" } })),
    );
    expect(issues).toEqual([expect.objectContaining({ recordId: "5", field: "qty", code })]);
  });

  it("multiplies the unit amount by the quantity for the total", () => {
    const plan = buildCheckoutPlan(
      [withQuantity("3")],
      mapping({}, { quantity: { field: "qty" } }),
    );
    expect(sessionsOf(plan)[0]!.amountTotal).toBe(5997);
  });

  it("lets the buyer adjust the quantity between min and max", () => {
    const plan = buildCheckoutPlan(
      [withQuantity("2", { min: number("1"), max: number("10") })],
      mapping(
        {},
        {
          quantity: { field: "qty" },
          minQuantity: { field: "min" },
          maxQuantity: { field: "max" },
        },
      ),
    );
    expect(onlyItem(plan)).toMatchObject({ quantity: 2, minQuantity: 1, maxQuantity: 10 });
  });

  it("fills Stripe's defaults 0 and 99 for a missing bound", () => {
    const onlyMin = buildCheckoutPlan(
      [withQuantity("2")],
      mapping({}, { quantity: { field: "qty" }, minQuantity: { const: 1 } }),
    );
    expect(onlyItem(onlyMin)).toMatchObject({ minQuantity: 1, maxQuantity: 99 });
    const onlyMax = buildCheckoutPlan(
      [withQuantity("2")],
      mapping({}, { quantity: { field: "qty" }, maxQuantity: { const: 5 } }),
    );
    expect(onlyItem(onlyMax)).toMatchObject({ minQuantity: 0, maxQuantity: 5 });
  });

  it("leaves the quantity fixed when both bounds are empty", () => {
    const plan = buildCheckoutPlan(
      [withQuantity("2", { min: number(""), max: number("") })],
      mapping(
        {},
        {
          quantity: { field: "qty" },
          minQuantity: { field: "min" },
          maxQuantity: { field: "max" },
        },
      ),
    );
    const item = onlyItem(plan);
    expect(item.minQuantity).toBeUndefined();
    expect(item.maxQuantity).toBeUndefined();
  });

  it("reports a maximum below the minimum", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [withQuantity("2", { min: number("5"), max: number("3") })],
        mapping(
          {},
          {
            quantity: { field: "qty" },
            minQuantity: { field: "min" },
            maxQuantity: { field: "max" },
          },
        ),
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "QUANTITY_RANGE", field: "max", recordId: "5" }),
    ]);
  });

  it("reports a quantity outside the adjustable range", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [withQuantity("150", { min: number("1") })],
        mapping({}, { quantity: { field: "qty" }, minQuantity: { field: "min" } }),
      ),
    );
    expect(issues).toEqual([expect.objectContaining({ code: "QUANTITY_RANGE", field: "qty" })]);
  });
});

describe("buildCheckoutPlan: images", () => {
  const photos = files(
    file("manual.pdf", "application/pdf"),
    file("front.jpg", "image/jpeg"),
    file("back.png", "image/png"),
  );

  it("takes the first image file by default, skipping other attachments", () => {
    const plan = buildCheckoutPlan(
      [record("1", { photos })],
      mapping({}, { image: { field: "photos" } }),
    );
    expect(onlyItem(plan).images.map((f) => f.name)).toEqual(["front.jpg"]);
  });

  it("reports an image index that points at a PDF", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { photos })],
        mapping({}, { image: { field: "photos", index: 0 } }),
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "NOT_AN_IMAGE", field: "photos", recordId: "1" }),
    ]);
    expect(issues[0]!.message.en).toContain("manual.pdf");
  });

  it("reports an image index past the last file", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { photos })],
        mapping({}, { image: { field: "photos", index: 3 } }),
      ),
    );
    expect(issues).toEqual([expect.objectContaining({ code: "IMAGE_NOT_FOUND", field: "photos" })]);
  });

  it("takes the file at the index, counting from 0", () => {
    const plan = buildCheckoutPlan(
      [record("1", { photos })],
      mapping({}, { image: { field: "photos", index: 2 } }),
    );
    expect(onlyItem(plan).images.map((f) => f.name)).toEqual(["back.png"]);
  });

  it("takes every image, at most 8, with all", () => {
    const many = files(
      ...Array.from({ length: 10 }, (_, i) => file(`p${i}.gif`, "image/gif")),
      file("x.pdf", "application/pdf"),
    );
    const plan = buildCheckoutPlan(
      [record("1", { photos: many })],
      mapping({}, { image: { field: "photos", all: true } }),
    );
    expect(onlyItem(plan).images.map((f) => f.name)).toEqual([
      "p0.gif",
      "p1.gif",
      "p2.gif",
      "p3.gif",
      "p4.gif",
      "p5.gif",
      "p6.gif",
      "p7.gif",
    ]);
  });

  it("accepts WebP (the proxy re-encodes it) and content types with parameters, refuses SVG", () => {
    const mixed = files(file("a.svg", "image/svg+xml"), file("b.webp", "IMAGE/WEBP; q=1"));
    const plan = buildCheckoutPlan(
      [record("1", { photos: mixed })],
      mapping({}, { image: { field: "photos", all: true } }),
    );
    expect(onlyItem(plan).images.map((f) => f.name)).toEqual(["b.webp"]);
  });

  it("lets a product have no image when the field has none", () => {
    const plan = buildCheckoutPlan(
      [record("1", { photos: files() })],
      mapping({}, { image: { field: "photos" } }),
    );
    expect(onlyItem(plan).images).toEqual([]);
  });

  it("reports an image field that is not an attachment field", () => {
    const issues = issuesOf(
      buildCheckoutPlan([record("1")], mapping({}, { image: { field: "name" } })),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "FIELD_TYPE_UNSUPPORTED", field: "name" }),
    ]);
  });
});

describe("buildCheckoutPlan: texts", () => {
  it("reads every field type as text", () => {
    const fields: Record<string, KintoneField> = {
      tags: { type: "CHECK_BOX", value: ["red", "large"] },
      staff: {
        type: "USER_SELECT",
        value: [
          { code: "sato", name: "佐藤" },
          { code: "kim", name: "Kim" },
        ],
      },
      by: { type: "CREATOR", value: { code: "sato", name: "佐藤" } },
      size: dropDown("M"),
      notes: {
        type: "RICH_TEXT",
        value: "<p>Soft&nbsp;cotton &amp; <b>silk</b></p><p>Line&#39;2<br>Line 3</p>",
      },
    };
    const plan = buildCheckoutPlan(
      [record("1", fields)],
      mapping(
        {},
        {
          name: { template: "{{name}} ({{size}}, {{ tags }}) by {{by}} for {{staff}}" },
          description: { field: "notes" },
        },
      ),
    );
    expect(onlyItem(plan)).toMatchObject({
      name: "Item 1 (M, red, large) by 佐藤 for 佐藤, Kim",
      description: "Soft cotton & silk\nLine'2\nLine 3",
    });
  });

  it("reports attachment and table fields used as text", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { photos: files(), rows: table() })],
        mapping({}, { name: { template: "{{photos}} {{rows}}" } }),
      ),
    );
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ["FIELD_TYPE_UNSUPPORTED", "photos"],
      ["FIELD_TYPE_UNSUPPORTED", "rows"],
    ]);
  });

  it("reports an unknown template placeholder as a missing field", () => {
    const issues = issuesOf(
      buildCheckoutPlan([record("1")], mapping({}, { name: { template: "{{name}} {{colour}}" } })),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "FIELD_NOT_FOUND", field: "colour", recordId: "1" }),
    ]);
  });

  it("reports a mapped field missing from the record", () => {
    const issues = issuesOf(
      buildCheckoutPlan([record("1")], mapping({}, { description: { field: "notes" } })),
    );
    expect(issues).toEqual([expect.objectContaining({ code: "FIELD_NOT_FOUND", field: "notes" })]);
  });

  it("requires a name and leaves empty optional texts out", () => {
    const issues = issuesOf(buildCheckoutPlan([record("1", { name: text("   ") })], mapping()));
    expect(issues).toEqual([expect.objectContaining({ code: "REQUIRED", field: "name" })]);
    const plan = buildCheckoutPlan(
      [record("1", { code: text(""), notes: text("") })],
      mapping({}, { productCode: { field: "code" }, description: { field: "notes" } }),
    );
    expect(onlyItem(plan)).not.toHaveProperty("productCode");
    expect(onlyItem(plan)).not.toHaveProperty("description");
  });

  it("writes names on one line", () => {
    const plan = buildCheckoutPlan(
      [record("1", { name: { type: "MULTI_LINE_TEXT", value: " Green\n tea\t " } })],
      mapping(),
    );
    expect(onlyItem(plan).name).toBe("Green tea");
  });

  it("reports a product code longer than a metadata value (500)", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { code: text("x".repeat(501)) })],
        mapping({}, { productCode: { field: "code" } }),
      ),
    );
    expect(issues).toEqual([expect.objectContaining({ code: "TOO_LONG", field: "code" })]);
  });

  it("uses constants as they are", () => {
    const plan = buildCheckoutPlan(
      [record("1")],
      mapping({}, { name: { const: "Donation" }, unitPrice: { const: 5 } }),
    );
    expect(onlyItem(plan)).toMatchObject({ name: "Donation", unitAmount: 500 });
  });
});

describe("buildCheckoutPlan: subtables", () => {
  const order = record("9", {
    customer: text("ACME"),
    lines: table(
      { item: text("Pen"), linePrice: number("1.50"), qty: number("4") },
      { item: text("Ink"), linePrice: number("10"), qty: number("1") },
    ),
  });
  const subtableMapping = mapping(
    { source: { type: "subtable", field: "lines" } },
    {
      name: { template: "{{item}} for {{customer}}" },
      unitPrice: { field: "linePrice" },
      quantity: { field: "qty" },
    },
  );

  it("makes one line per row, looking in the row first, then the record", () => {
    const [session] = sessionsOf(buildCheckoutPlan([order], subtableMapping));
    expect(session!.lineItems.map((i) => [i.row, i.name, i.unitAmount, i.quantity])).toEqual([
      [1, "Pen for ACME", 150, 4],
      [2, "Ink for ACME", 1000, 1],
    ]);
    expect(session).toMatchObject({ recordIds: ["9"], amountTotal: 1600 });
  });

  it("prefers a row column over a record field of the same code", () => {
    const shadowed = record("9", { lines: table({ name: text("Row name"), price: number("2") }) });
    const plan = buildCheckoutPlan(
      [shadowed],
      mapping({ source: { type: "subtable", field: "lines" } }),
    );
    expect(onlyItem(plan)).toMatchObject({ name: "Row name", unitAmount: 200, row: 1 });
  });

  it("names the 1-based row of a bad value", () => {
    const bad = record("9", {
      customer: text("ACME"),
      lines: table(
        { item: text("Pen"), linePrice: number("1.5"), qty: number("1") },
        { item: text("Ink"), linePrice: number("x"), qty: number("1") },
      ),
    });
    const issues = issuesOf(buildCheckoutPlan([bad], subtableMapping));
    expect(issues).toEqual([
      expect.objectContaining({ recordId: "9", row: 2, field: "linePrice", code: "NOT_A_NUMBER" }),
    ]);
    expect(issues[0]!.message.ja).toMatch(/^2 行目: /);
  });

  it("reports an empty table and a field that is not a table", () => {
    expect(issuesOf(buildCheckoutPlan([record("9", { lines: table() })], subtableMapping))).toEqual(
      [expect.objectContaining({ code: "REQUIRED", field: "lines", recordId: "9" })],
    );
    expect(
      issuesOf(buildCheckoutPlan([record("9", { lines: text("x") })], subtableMapping)),
    ).toEqual([expect.objectContaining({ code: "FIELD_TYPE_UNSUPPORTED", field: "lines" })]);
  });

  it("tells a record field missing on every row once", () => {
    const noCustomer = record("9", {
      lines: table(
        { item: text("Pen"), linePrice: number("1"), qty: number("1") },
        { item: text("Ink"), linePrice: number("1"), qty: number("1") },
      ),
    });
    const issues = issuesOf(buildCheckoutPlan([noCustomer], subtableMapping));
    expect(issues).toEqual([
      expect.objectContaining({ code: "FIELD_NOT_FOUND", field: "customer", recordId: "9" }),
    ]);
    expect(issues[0]).not.toHaveProperty("row");
  });
});

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

describe("buildCheckoutPlan: input of the wrong shape", () => {
  it.each<[string, unknown]>([
    ["null", null],
    ["a string", "record"],
    ["a record without $id", { name: text("x") }],
    ["a record whose $id is not a string", { $id: { type: "__ID__", value: 5 } }],
  ])("reports %s as an unreadable record", (_, bad) => {
    const issues = issuesOf(buildCheckoutPlan([bad as KintoneRecord], mapping()));
    expect(issues).toEqual([
      expect.objectContaining({ code: "FIELD_NOT_FOUND", field: "$id", recordId: "" }),
    ]);
  });

  it("reports fields whose value does not have the documented shape", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { price: { type: "NUMBER", value: 19.99 } as unknown as KintoneField })],
        mapping(),
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "FIELD_TYPE_UNSUPPORTED", field: "price" }),
    ]);
  });

  it("reports a mapping that skipped validation instead of throwing", () => {
    const issues = issuesOf(
      buildCheckoutPlan([record("1")], { version: 2 } as unknown as MappingConfig),
    );
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.code === "INVALID_MAPPING")).toBe(true);
  });

  it("does not mistake inherited object properties for fields", () => {
    const issues = issuesOf(
      buildCheckoutPlan([record("1")], mapping({}, { description: { field: "constructor" } })),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "FIELD_NOT_FOUND", field: "constructor" }),
    ]);
  });

  it("does not treat a records argument that is not an array as records", () => {
    const plan = buildCheckoutPlan({} as unknown as KintoneRecord[], mapping());
    expect(issuesOf(plan)).toEqual([expect.objectContaining({ code: "EMPTY_SELECTION" })]);
  });
});
