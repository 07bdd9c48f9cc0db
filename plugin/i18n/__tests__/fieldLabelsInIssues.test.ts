/**
 * Every issue the engine can raise, driven through the real localizer with a form whose labels
 * differ from its codes: the message names each field by its label, and never by its code twice.
 */
import type { IssueCode, PlanContext } from "../../../core/engine/CheckoutPlan";
import { buildCheckoutPlan } from "../../../core/engine/buildCheckoutPlan";
import { issuesOf } from "../../../core/engine/__tests__/readPlan";
import {
  file,
  files,
  mapping,
  number,
  record,
  table,
  text,
} from "../../../core/engine/__tests__/kintoneFixtures";
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import type { MappingConfig } from "../../../core/mapping/MappingConfig";
import { fieldLabeler } from "../../list/fieldLabels";
import { describeIssue } from "../describeProxyError";
import { messages } from "../messages";

const LABELS: Record<string, string> = {
  item_name: "品名",
  unit_price: "価格",
  qty: "注文数",
  min_qty: "下限",
  max_qty: "上限",
  cur: "通貨コード",
  buyer_mail: "連絡先",
  photos: "写真",
  order_lines: "明細",
  site: "サイト",
  price_ref: "料金ID",
  cust: "顧客ID",
  tax_pct: "税率",
  plan: "会費の周期",
};

const labelOf = fieldLabeler({
  properties: Object.fromEntries(
    Object.entries(LABELS).map(([code, label]) => [
      code,
      { code, label, type: code === "order_lines" ? "SUBTABLE" : "SINGLE_LINE_TEXT" },
    ]),
  ),
});

const line = (fields: Record<string, ReturnType<typeof text>> = {}): KintoneRecord =>
  record("7", { item_name: text("Tea"), unit_price: number("500"), ...fields });

const byField = (overrides: Partial<MappingConfig> = {}, lineItem = {}): MappingConfig =>
  mapping(
    { currency: "JPY", ...overrides },
    { name: { field: "item_name" }, unitPrice: { field: "unit_price" }, ...lineItem },
  );

/** One case per way to fail; the codes it covers are checked against IssueCode below. */
const CASES: Array<[string, KintoneRecord[], MappingConfig, PlanContext?]> = [
  ["a missing field", [record("7", { unit_price: number("5") })], byField()],
  ["a field of a type that does not fit", [line({ item_name: table() })], byField()],
  ["an empty price", [line({ unit_price: number("") })], byField()],
  ["a price that is no number", [line({ unit_price: text("abc") })], byField()],
  ["a negative price", [line({ unit_price: number("-5") })], byField()],
  ["too many decimals", [line({ unit_price: number("1.5") })], byField()],
  ["a price above Stripe's maximum", [line({ unit_price: number("99999999999") })], byField()],
  [
    "a fractional quantity",
    [line({ qty: number("1.5") })],
    byField({}, { quantity: { field: "qty" } }),
  ],
  [
    "a quantity out of range",
    [line({ qty: number("0") })],
    byField({}, { quantity: { field: "qty" } }),
  ],
  [
    "an inverted adjustable range",
    [line({ min_qty: number("5"), max_qty: number("2") })],
    byField({}, { minQuantity: { field: "min_qty" }, maxQuantity: { field: "max_qty" } }),
  ],
  [
    "a quantity outside the adjustable range",
    [line({ qty: number("9"), max_qty: number("3") })],
    byField({}, { quantity: { field: "qty" }, maxQuantity: { field: "max_qty" } }),
  ],
  ["an unknown currency", [line({ cur: text("XXX") })], byField({ currency: { field: "cur" } })],
  [
    "two currencies in one checkout",
    [
      line({ cur: text("JPY") }),
      record("8", { item_name: text("B"), unit_price: number("5"), cur: text("USD") }),
    ],
    byField({ currency: { field: "cur" } }),
  ],
  ["a total below the minimum", [line({ unit_price: number("1") })], byField()],
  [
    "a total above the maximum",
    [line({ unit_price: number("99999999"), qty: number("999") })],
    byField({}, { quantity: { field: "qty" } }),
  ],
  [
    "too many line items",
    Array.from({ length: 101 }, (_, i) =>
      record(String(i + 1), { item_name: text("T"), unit_price: number("100") }),
    ),
    byField(),
  ],
  [
    "an attachment that is no image",
    [line({ photos: files(file("a.pdf", "application/pdf")) })],
    byField({}, { image: { field: "photos", index: 0 } }),
  ],
  [
    "a missing attachment",
    [line({ photos: files() })],
    byField({}, { image: { field: "photos", index: 2 } }),
  ],
  ["a name too long", [line({ item_name: text("x".repeat(5001)) })], byField()],
  [
    "an invalid e-mail",
    [line({ buyer_mail: text("nobody") })],
    byField({ customerEmail: { field: "buyer_mail" } }),
  ],
  [
    "a placeholder of no field",
    [line()],
    byField({ successUrl: "https://shop.example.com/{{nowhere}}" }),
  ],
  [
    "a placeholder of a field the record lacks",
    [line()],
    byField({ successUrl: "https://shop.example.com/{{site}}" }),
  ],
  [
    "a URL that is none once filled in",
    [line({ site: text("exa mple") })],
    byField({ successUrl: "https://{{site}}/thanks" }),
  ],
  [
    "an empty table",
    [record("7", { order_lines: table() })],
    byField({ source: { type: "subtable", field: "order_lines" } }),
  ],
  [
    "a row's empty price",
    [record("7", { order_lines: table({ item_name: text("A"), unit_price: number("") }) })],
    byField({ source: { type: "subtable", field: "order_lines" } }),
  ],
  [
    "a payment method bound to another currency",
    [line({ cur: text("USD") })],
    byField({ currency: { field: "cur" }, paymentMethodTypes: ["card", "konbini"] }),
  ],
  [
    "a Price id that is none",
    [line({ price_ref: text("abc") })],
    byField({}, { priceId: { field: "price_ref" } }),
  ],
  [
    "a Price Stripe does not know",
    [line({ price_ref: text("price_123") })],
    byField({}, { priceId: { field: "price_ref" } }),
  ],
  [
    "an archived Price",
    [line({ price_ref: text("price_123") })],
    byField({}, { priceId: { field: "price_ref" } }),
    {
      prices: new Map([
        ["price_123", { unitAmount: 500, currency: "jpy", active: false, recurring: false }],
      ]),
    },
  ],
  [
    "a customer id that is none",
    [line({ cust: text("bob") })],
    byField({ customer: { field: "cust" } }),
  ],
  [
    "a tax rate other than 10, 8 or 0",
    [line({ tax_pct: text("5") })],
    byField({}, { taxRate: { field: "tax_pct" } }),
  ],
  [
    "a registration number that is not T + 13 digits",
    [line()],
    byField({
      invoiceCreation: { enabled: true, customFields: [{ name: "登録番号", value: "123" }] },
    }),
  ],
  [
    "a billing interval that is none",
    [line({ plan: text("quarterly") })],
    byField({ mode: "subscription" }, { recurring: { interval: { field: "plan" } } }),
  ],
  ["a subscription without a recurring line", [line()], byField({ mode: "subscription" })],
  [
    "a billing interval in payment mode",
    [line()],
    byField({}, { recurring: { interval: { const: "month" } } }),
  ],
  [
    "konbini in subscription mode",
    [line()],
    byField(
      { mode: "subscription", paymentMethodTypes: ["konbini"] },
      { recurring: { interval: { const: "month" } } },
    ),
  ],
  [
    "two billing intervals in one subscription",
    [
      line({ plan: text("month") }),
      record("8", { item_name: text("B"), unit_price: number("500"), plan: text("year") }),
    ],
    byField({ mode: "subscription" }, { recurring: { interval: { field: "plan" } } }),
  ],
  ["an empty selection", [], byField()],
  ["an invalid mapping", [line()], { ...byField(), grouping: "sometimes" } as never],
];

const issues = CASES.flatMap(([name, records, map, context]) =>
  issuesOf(buildCheckoutPlan(records, map, context)).map((issue) => ({ name, issue })),
);

/** How often `name` stands on its own in `text` ("cur" in "currency" does not count). */
const count = (text: string, name: string): number =>
  text.split(new RegExp(`(?<![\\w$])${name.replace(/[$.]/g, "\\$&")}(?![\\w])`)).length - 1;

describe("messages about the engine's issues", () => {
  it("cover every issue code the engine has", () => {
    const codes: Record<IssueCode, true> = {
      EMPTY_SELECTION: true,
      FIELD_NOT_FOUND: true,
      FIELD_TYPE_UNSUPPORTED: true,
      REQUIRED: true,
      NOT_A_NUMBER: true,
      NOT_AN_INTEGER: true,
      TOO_MANY_DECIMALS: true,
      OUT_OF_RANGE: true,
      QUANTITY_RANGE: true,
      UNKNOWN_CURRENCY: true,
      CURRENCY_MISMATCH: true,
      AMOUNT_BELOW_MINIMUM: true,
      AMOUNT_ABOVE_MAXIMUM: true,
      TOO_MANY_LINE_ITEMS: true,
      NOT_AN_IMAGE: true,
      IMAGE_NOT_FOUND: true,
      TOO_LONG: true,
      INVALID_EMAIL: true,
      INVALID_URL: true,
      INVALID_MAPPING: true,
      PAYMENT_METHOD_CURRENCY: true,
      INVALID_PRICE_ID: true,
      PRICE_NOT_FOUND: true,
      PRICE_UNSUPPORTED: true,
      INVALID_CUSTOMER_ID: true,
      INVALID_TAX_RATE: true,
      INVALID_REGISTRATION_NUMBER: true,
      INVALID_INTERVAL: true,
      SUBSCRIPTION_WITHOUT_RECURRING: true,
      RECURRING_WITHOUT_SUBSCRIPTION: true,
      NOT_FOR_SUBSCRIPTIONS: true,
      MIXED_INTERVALS: true,
    };
    expect(new Set(issues.map(({ issue }) => issue.code))).toEqual(new Set(Object.keys(codes)));
  });

  describe.each(["ja", "en"] as const)("in %s", (language) => {
    it.each(issues.map(({ name, issue }) => [`${name} (${issue.code}, ${issue.field})`, issue]))(
      "name the field by its label, once: %s",
      (_, issue) => {
        const localized = { ...issue, message: issue.message[language] };
        const shown = describeIssue(localized, messages[language], () => "", labelOf);
        const label = LABELS[issue.field];
        if (label !== undefined) {
          expect(shown).toContain(label);
          // A template's {{code}} is the admin's own text; anywhere else the code is not shown.
          expect(count(shown.replaceAll(`{{${issue.field}}}`, ""), issue.field)).toBe(0);
        }
        // Every field code of the form: never shown next to its label, never twice.
        for (const code of Object.keys(LABELS)) {
          expect(count(shown, code)).toBeLessThanOrEqual(1);
        }
        // A mapping element (a constant or a template) is named once, by the screen's name.
        expect(count(shown, `${issue.field}: `)).toBe(0);
        expect(count(shown, issue.field)).toBeLessThanOrEqual(1);
      },
    );
  });
});
