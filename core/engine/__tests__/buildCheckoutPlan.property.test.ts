import fc from "fast-check";
import type { KintoneRecord } from "../../kintone/KintoneRecord";
import type { MappingConfig } from "../../mapping/MappingConfig";
import { isHttpUrl } from "../../mapping/parseMappingConfig";
import { MAX_AMOUNT, findCurrency } from "../../money/currencies";
import { buildCheckoutPlan } from "../buildCheckoutPlan";
import type { CheckoutPlan, IssueCode } from "../CheckoutPlan";
import { issueMessages } from "../issueMessages";
import { MAX_IMAGES, MAX_LINE_ITEMS, MAX_QUANTITY, PRODUCT_IMAGE_CONTENT_TYPES } from "../limits";

const ISSUE_CODES: IssueCode[] = [
  "EMPTY_SELECTION",
  "FIELD_NOT_FOUND",
  "FIELD_TYPE_UNSUPPORTED",
  "REQUIRED",
  "NOT_A_NUMBER",
  "NOT_AN_INTEGER",
  "TOO_MANY_DECIMALS",
  "OUT_OF_RANGE",
  "QUANTITY_RANGE",
  "UNKNOWN_CURRENCY",
  "CURRENCY_MISMATCH",
  "AMOUNT_BELOW_MINIMUM",
  "AMOUNT_ABOVE_MAXIMUM",
  "TOO_MANY_LINE_ITEMS",
  "NOT_AN_IMAGE",
  "IMAGE_NOT_FOUND",
  "TOO_LONG",
  "INVALID_EMAIL",
  "INVALID_URL",
  "INVALID_MAPPING",
];

// ---- values kintone might hold, well-formed or not ----

const numberLike = fc.oneof(
  fc.constantFrom(
    "0",
    "1",
    "3",
    "19.99",
    "1000",
    "10.555",
    "-1",
    "1e3",
    "",
    " 5 ",
    "0.001",
    "0.01",
    "99999999",
    "100000000",
    "1.5",
    "1,000",
    "abc",
  ),
  fc.tuple(fc.nat({ max: 999_999 }), fc.nat({ max: 999 })).map(([i, f]) => `${i}.${f}`),
  fc.nat({ max: 200 }).map(String),
);
const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 10 }),
  numberLike,
  fc.constantFrom("<p>a&amp;b</p>", "buyer@example.com", "{{name}}"),
);
/** Cheap junk in place of a field or record: wrong types, wrong shapes, prototype-ish keys. */
const junk = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    0,
    true,
    "x",
    [],
    {},
    { type: "NUMBER" },
    { type: "FILE", value: [{}] },
    { type: "SUBTABLE", value: [null] },
  ),
  fc.record({
    type: fc.string({ maxLength: 12 }),
    value: fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)),
  }),
);
const contentType = fc.constantFrom(
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "application/pdf",
  "image/svg+xml",
  "text/plain",
);
const kintoneFile = fc.record({
  contentType,
  fileKey: fc.string({ maxLength: 8 }),
  name: fc.string({ maxLength: 8 }),
  size: fc.nat().map(String),
});
const scalarField = fc.oneof(
  fc.record({
    type: fc.constantFrom("SINGLE_LINE_TEXT", "NUMBER", "CALC", "DROP_DOWN", "RICH_TEXT", "LINK"),
    value: anyText,
  }),
  fc.record({
    type: fc.constant("DROP_DOWN"),
    value: fc.constantFrom("USD", "jpy", "EUR", "kwd", "isk", "XXX", ""),
  }),
  fc.record({
    type: fc.constant("CHECK_BOX"),
    value: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant("USER_SELECT"),
    value: fc.array(fc.record({ code: fc.string(), name: fc.string() }), { maxLength: 2 }),
  }),
  fc.record({ type: fc.constant("FILE"), value: fc.array(kintoneFile, { maxLength: 10 }) }),
  junk,
);
const fieldCodes = [
  "name",
  "price",
  "qty",
  "min",
  "max",
  "cur",
  "code",
  "notes",
  "photos",
  "email",
] as const;
/** Mostly well-formed fields (so that valid plans occur), with arbitrary ones mixed in. */
const wellFormedFields = fc.record(
  {
    name: fc.record({
      type: fc.constant("SINGLE_LINE_TEXT"),
      value: fc.constantFrom("Tea", "Green tea", "緑茶", "Tea & milk", "Coffee", ""),
    }),
    price: fc.record({
      type: fc.constant("NUMBER"),
      value: fc.constantFrom(
        "19.99",
        "500",
        "1000",
        "2000",
        "0.50",
        "0.30",
        "49",
        "1.5",
        "120",
        "100",
      ),
    }),
    qty: fc.record({
      type: fc.constant("NUMBER"),
      value: fc.constantFrom("1", "2", "3", "1", "0"),
    }),
    min: fc.record({ type: fc.constant("NUMBER"), value: fc.constantFrom("", "", "1", "5") }),
    max: fc.record({ type: fc.constant("NUMBER"), value: fc.constantFrom("", "", "3", "99") }),
    cur: fc.record({ type: fc.constant("DROP_DOWN"), value: fc.constantFrom("USD", "JPY", "eur") }),
    code: fc.record({
      type: fc.constant("SINGLE_LINE_TEXT"),
      value: fc.constantFrom("", "SKU-1", "A/B c", "half \uD83D"),
    }),
    notes: fc.record({
      type: fc.constant("RICH_TEXT"),
      value: fc.constantFrom("", "<p>Nice&nbsp;tea</p>"),
    }),
    photos: fc.record({
      type: fc.constant("FILE"),
      value: fc.array(kintoneFile, { maxLength: 10 }),
    }),
    email: fc.record({
      type: fc.constant("LINK"),
      value: fc.constantFrom("", "buyer@example.com"),
    }),
  },
  {
    requiredKeys: ["name", "price", "qty", "min", "max", "cur", "code", "notes", "photos", "email"],
  },
);
const fields = fc
  .tuple(
    wellFormedFields,
    fc.dictionary(fc.constantFrom(...fieldCodes), scalarField, { maxKeys: 3 }),
    fc.nat({ max: 5 }),
  )
  .map(([good, random, dice]) => (dice === 0 ? { ...good, ...random } : good));
const subtable = fc.oneof(
  { weight: 1, arbitrary: junk },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant("SUBTABLE"),
      value: fc.array(fc.record({ id: fc.nat().map(String), value: fields }), { maxLength: 4 }),
    }),
  },
);
const record = fc.oneof(
  {
    weight: 20,
    arbitrary: fc
      .tuple(fc.constantFrom("1", "2", "3", "10", "42", "77"), fields, subtable)
      .map(([id, f, lines]) => ({ ...f, $id: { type: "__ID__", value: id }, lines })),
  },
  { weight: 1, arbitrary: junk },
);

// ---- mappings the schema accepts, in all their shapes ----

const ref = (field: string, constants: fc.Arbitrary<string | number>) =>
  fc.oneof(
    fc.constant({ field }),
    constants.map((c) => ({ const: c })),
    fc.constant({ template: `{{${field}}}` }),
  );
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const lineItem = fc.record({
  productCode: maybe(ref("code", fc.string({ maxLength: 5 }))),
  name: fc.oneof(
    ref("name", fc.string({ maxLength: 10 })),
    fc.constant({ template: "{{name}} / {{code}}" }),
  ),
  description: maybe(ref("notes", fc.string({ maxLength: 10 }))),
  image: maybe(
    fc.oneof(
      fc.record({ field: fc.constant("photos"), index: maybe(fc.nat({ max: 10 })) }),
      fc.constant({ field: "photos", all: true }),
    ),
  ),
  unitPrice: ref(
    "price",
    fc.oneof(numberLike, fc.nat({ max: 100_000 }), fc.double({ min: 0, max: 1e9, noNaN: true })),
  ),
  unitPriceIn: maybe(fc.constantFrom("major" as const, "minor" as const)),
  quantity: maybe(ref("qty", fc.oneof(fc.constantFrom(1, 2, 3), fc.nat({ max: 120 })))),
  minQuantity: maybe(ref("min", fc.oneof(fc.constantFrom(0, 1), fc.nat({ max: 120 })))),
  maxQuantity: maybe(ref("max", fc.oneof(fc.constantFrom(10, 99), fc.nat({ max: 120 })))),
});
const mapping = fc.record({
  version: fc.constant(1 as const),
  source: fc.constantFrom(
    { type: "records" as const },
    { type: "subtable" as const, field: "lines" },
  ),
  grouping: fc.constantFrom("single" as const, "perRecord" as const),
  lineItem: lineItem.map((li) =>
    Object.fromEntries(Object.entries(li).filter(([, v]) => v !== undefined)),
  ),
  currency: fc.oneof(
    fc.constantFrom("USD", "jpy", "KWD", "ISK", "eur"),
    fc.constant({ field: "cur" }),
  ),
  successUrl: fc.constantFrom(
    "https://shop.example.com/ok?s={CHECKOUT_SESSION_ID}",
    "https://shop.example.com/{{name}}",
    "http://localhost:3000/{{code}}?r={{$id}}",
  ),
  customerEmail: maybe(ref("email", fc.constantFrom("a@example.com", "nope"))),
  writeBack: fc.constant({}),
}) as fc.Arbitrary<unknown>;

// ---- what Stripe would accept ----

/** Every broken invariant, as text (plain checks: thousands of `expect` calls would dominate the run time). */
function violations(plan: CheckoutPlan): string[] {
  const broken: string[] = [];
  const check = (condition: boolean, what: string) => {
    if (!condition) broken.push(what);
  };
  const unexpected = issueMessages.unexpected();
  if (!plan.ok) {
    check(plan.issues.length > 0, "a failed plan has issues");
    for (const issue of plan.issues) {
      check(ISSUE_CODES.includes(issue.code), `known code ${issue.code}`);
      check(
        typeof issue.recordId === "string" && typeof issue.field === "string",
        "recordId and field are strings",
      );
      check(issue.message.en.length > 0 && issue.message.ja.length > 0, "messages in en and ja");
      check(issue.message.en !== unexpected.en, `no unexpected error (${JSON.stringify(issue)})`);
      check(
        issue.row === undefined || (Number.isInteger(issue.row) && issue.row >= 1),
        "row is 1-based",
      );
    }
    return broken;
  }
  check(plan.sessions.length > 0, "a plan has sessions");
  for (const session of plan.sessions) {
    const rule = findCurrency(session.currency);
    if (!rule) return [...broken, `known currency ${session.currency}`];
    check(session.currency === rule.code, "currency lower-case");
    check(
      session.lineItems.length > 0 && session.lineItems.length <= MAX_LINE_ITEMS,
      "1..100 line items",
    );
    check(session.recordIds.join(",").length <= 500, "record ids fit in metadata");
    let total = 0n;
    for (const item of session.lineItems) {
      check(
        Number.isSafeInteger(item.unitAmount) &&
          item.unitAmount >= 0 &&
          item.unitAmount <= MAX_AMOUNT,
        `unit amount ${item.unitAmount}`,
      );
      check(
        item.unitAmount % rule.step === 0,
        `unit amount ${item.unitAmount} in steps of ${rule.step}`,
      );
      check(
        Number.isInteger(item.quantity) && item.quantity >= 1 && item.quantity <= MAX_QUANTITY,
        `quantity ${item.quantity}`,
      );
      check(
        (item.minQuantity === undefined) === (item.maxQuantity === undefined),
        "both bounds or none",
      );
      if (item.minQuantity !== undefined && item.maxQuantity !== undefined) {
        check(item.minQuantity >= 0 && item.maxQuantity <= MAX_QUANTITY, "bounds within 0..999999");
        check(
          item.minQuantity <= item.quantity && item.quantity <= item.maxQuantity,
          "min <= quantity <= max",
        );
      }
      check(item.name.trim() !== "", "a name");
      check(
        item.description !== "" && item.productCode !== "",
        "no empty optional text (Stripe reads it as unset)",
      );
      check(item.images.length <= MAX_IMAGES, "at most 8 images");
      check(
        item.images.every((f) => PRODUCT_IMAGE_CONTENT_TYPES.includes(f.contentType.toLowerCase())),
        "images only",
      );
      check(session.recordIds.includes(item.recordId), "line belongs to a record of the session");
      total += BigInt(item.unitAmount) * BigInt(item.quantity);
    }
    check(BigInt(session.amountTotal) === total, "total = sum of unit amount × quantity");
    check(
      session.amountTotal <= MAX_AMOUNT && session.amountTotal >= rule.minimumCharge,
      `total ${session.amountTotal} in range`,
    );
    check(
      session.successUrl !== undefined &&
        isHttpUrl(session.successUrl) &&
        !session.successUrl.includes("{{"),
      `success URL ${session.successUrl}`,
    );
    check(
      session.customerEmail === undefined || /^\S+@\S+\.\S+$/.test(session.customerEmail),
      "e-mail",
    );
  }
  return broken;
}

describe("buildCheckoutPlan properties", () => {
  it("for any records and mapping, returns line items Stripe would accept or issues, and never throws", () => {
    let validPlans = 0;
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 5 }),
        mapping,
        (records, candidate) => {
          const plan = buildCheckoutPlan(records as KintoneRecord[], candidate as MappingConfig);
          expect(violations(plan)).toEqual([]);
          if (plan.ok) validPlans += 1;
        },
      ),
      { numRuns: 300 },
    );
    // The invariants of valid plans were really exercised (about 1 run in 15 gives one).
    expect(validPlans).toBeGreaterThan(0);
  });

  it("for arbitrary values in place of records and mapping, still answers without throwing", () => {
    fc.assert(
      fc.property(fc.anything(), fc.oneof(mapping, fc.anything()), (records, candidate) => {
        expect(
          violations(buildCheckoutPlan(records as KintoneRecord[], candidate as MappingConfig)),
        ).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
