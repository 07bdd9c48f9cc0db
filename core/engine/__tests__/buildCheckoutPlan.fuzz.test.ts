/**
 * Issue #8: the engine fuzzed with hostile input — field codes that are prototype keys, unicode or
 * 128 characters long, `{{` injected through field values, arbitrary HTML in rich text, arbitrary
 * values in every mapped field. Whatever comes in, buildCheckoutPlan answers: a plan whose amounts
 * are integer minor units, or issues naming the record, row and field; it never throws.
 * Random seeds (fast-check prints the seed and the shrunk case of a failure).
 */
import fc from "fast-check";
import type { KintoneRecord } from "../../kintone/KintoneRecord";
import type { MappingConfig } from "../../mapping/MappingConfig";
import { validateMappingConfig } from "../../mapping/parseMappingConfig";
import { MAX_AMOUNT } from "../../money/currencies";
import { buildCheckoutPlan } from "../buildCheckoutPlan";
import type { CheckoutPlan } from "../CheckoutPlan";
import { issueMessages } from "../issueMessages";
import { ENGINE_FUZZ_RUNS } from "./engineFuzzRuns";

const PROTOTYPE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "__defineGetter__",
];

/** Field codes a kintone admin (or an attacker editing the mapping) could write. */
const hostileCode = fc
  .oneof(
    fc.constantFrom(
      ...PROTOTYPE_KEYS,
      "名前",
      "価格_税込",
      "🍵 tea",
      "a.b",
      "a b",
      "\u202erlo",
      "zero\u200bwidth",
      "e\u0301",
      "x".repeat(128),
    ),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
    fc.string({ unit: "binary", minLength: 1, maxLength: 20 }),
  )
  .filter((code) => code.length <= 128 && code !== "$id" && code !== "$revision");

/** Codes a `{{code}}` placeholder can name: no braces, no white space at the ends. */
const placeholderCode = hostileCode.filter(
  (code) => !/[{}]/.test(code) && code === code.trim() && code !== "",
);

/** A record as the REST client gives it: parsed from JSON, so "__proto__" is an own field. */
function restRecord(id: string, fields: [string, unknown][]): KintoneRecord {
  const entries = [["$id", { type: "__ID__", value: id }], ...fields]
    .map(([code, field]) => `${JSON.stringify(code)}:${JSON.stringify(field)}`)
    .join(",");
  return JSON.parse(`{${entries}}`) as KintoneRecord;
}

function mappingWith(lineItem: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const candidate = {
    version: 1,
    source: { type: "records" },
    grouping: "single",
    lineItem,
    currency: "JPY",
    successUrl: "https://shop.example.com/thanks?s={CHECKOUT_SESSION_ID}",
    writeBack: {},
    ...extra,
  };
  // The proxy and the settings screen only hand the engine mappings that pass the schema.
  const validated = validateMappingConfig(candidate);
  if (!validated.ok) throw new Error(`test mapping invalid: ${JSON.stringify(validated.problems)}`);
  return validated.mapping;
}

/** What must hold for any answer: integer minor units, or issues that name where. */
function answerProblems(plan: CheckoutPlan, recordIds: string[]): string[] {
  const problems: string[] = [];
  const unexpected = issueMessages.unexpected().en;
  if (!plan.ok) {
    if (plan.issues.length === 0) problems.push("a failed plan without issues");
    for (const issue of plan.issues) {
      if (issue.message.en === unexpected) problems.push("the engine's safety net caught a throw");
      if (!recordIds.includes(issue.recordId)) problems.push(`unknown recordId ${issue.recordId}`);
      if (typeof issue.field !== "string" || issue.field === "") problems.push("no field named");
      if (issue.row !== undefined && !(Number.isInteger(issue.row) && issue.row >= 1)) {
        problems.push(`row ${issue.row}`);
      }
    }
    return problems;
  }
  for (const session of plan.sessions) {
    let total = 0;
    for (const item of session.lineItems) {
      if (!Number.isSafeInteger(item.unitAmount) || item.unitAmount < 0) {
        problems.push(`unit amount ${item.unitAmount}`);
      }
      if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
        problems.push(`quantity ${item.quantity}`);
      }
      total += item.unitAmount * item.quantity;
    }
    if (session.amountTotal !== total || session.amountTotal > MAX_AMOUNT) {
      problems.push(`total ${session.amountTotal} (lines add up to ${total})`);
    }
  }
  return problems;
}

const text = (value: string) => ({ type: "SINGLE_LINE_TEXT", value });
/** Text with halves of surrogate pairs where they can hide: alone, at either end, reversed. */
const brokenUnicode = fc
  .array(
    fc.oneof(
      fc.constantFrom("\uD83C", "\uDF75", "\uDF75\uD83C", "\uD800", "\uDBFF", "\uDC00", "🍵", "é"),
      fc.string({ unit: "grapheme", maxLength: 6 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => `Tea ${parts.join("")}`);
/** The same halves in a URL path: no white space. */
const brokenPath = fc
  .array(fc.constantFrom("\uD83C", "\uDF75", "\uD800", "\uDC00", "🍵", "é", "a", "-"), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(""));
const num = (value: string) => ({ type: "NUMBER", value });

describe("buildCheckoutPlan under hostile input", () => {
  it("reads fields named __proto__, constructor, unicode or 128 characters as the record's own fields", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(hostileCode, { minLength: 2, maxLength: 2 }),
        fc.constantFrom("Green tea", "緑茶 🍵", "Tea & <b>milk</b>"),
        fc.integer({ min: 50, max: 99_999_999 }),
        ([nameCode, priceCode], name, price) => {
          const record = restRecord("7", [
            [nameCode!, text(name)],
            [priceCode!, num(String(price))],
          ]);
          const plan = buildCheckoutPlan(
            [record],
            mappingWith({ name: { field: nameCode }, unitPrice: { field: priceCode } }),
          );
          expect(plan.ok && plan.sessions[0]!.lineItems[0]).toMatchObject({
            recordId: "7",
            name,
            unitAmount: price,
            quantity: 1,
          });
        },
      ),
      { numRuns: ENGINE_FUZZ_RUNS.hostileFieldCodesAreReadAsOwnFields },
    );
  });

  it("names a missing hostile field in a FIELD_NOT_FOUND issue instead of reading Object.prototype", () => {
    fc.assert(
      fc.property(hostileCode, fc.boolean(), (code, asTemplate) => {
        fc.pre(!asTemplate || (!/[{}]/.test(code) && code.trim() === code));
        const record = restRecord("3", [
          ["name", text("Tea")],
          ["price", num("500")],
        ]);
        fc.pre(!Object.prototype.hasOwnProperty.call(record, code));
        const plan = buildCheckoutPlan(
          [record],
          mappingWith({
            name: { field: "name" },
            unitPrice: { field: "price" },
            description: asTemplate ? { template: `About {{${code}}}` } : { field: code },
          }),
        );
        expect(plan.ok).toBe(false);
        if (!plan.ok) {
          expect(plan.issues).toEqual([
            expect.objectContaining({ recordId: "3", field: code, code: "FIELD_NOT_FOUND" }),
          ]);
        }
      }),
      { numRuns: ENGINE_FUZZ_RUNS.missingHostileFieldIsNamed },
    );
  });

  it("fills a template once: {{…}} inside a field's value is kept as text, never expanded", () => {
    const injected = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.constantFrom("{{", "}}", "{{secret}}", "{{ secret }}", "{{__proto__}}", "{{{{x}}}}"),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(placeholderCode, { minLength: 2, maxLength: 2 }),
        fc.array(injected, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("")),
        fc.string({ maxLength: 10 }).filter((s) => !/[{}]/.test(s)),
        ([code, secretCode], value, prefix) => {
          const record = restRecord("9", [
            [code!, text(value)],
            [secretCode!, text("SECRET")],
            ["secret", text("SECRET")],
            ["price", num("500")],
          ]);
          const plan = buildCheckoutPlan(
            [record],
            mappingWith({
              name: { template: `${prefix}{{${code}}}` },
              unitPrice: { field: "price" },
            }),
          );
          expect(answerProblems(plan, ["9"])).toEqual([]);
          const expected = `${prefix}${value}`.replace(/\s+/g, " ").trim();
          if (expected === "") {
            expect(plan.ok || plan.issues.map((i) => i.code)).toEqual(["REQUIRED"]);
          } else {
            expect(plan.ok && plan.sessions[0]!.lineItems[0]!.name).toBe(expected);
          }
        },
      ),
      { numRuns: ENGINE_FUZZ_RUNS.placeholdersInValuesAreNotExpanded },
    );
  });

  it("turns any rich-text HTML into plain text: no tag reaches the description", () => {
    const segment = fc.oneof(
      fc.constantFrom(
        "<p>",
        "</p>",
        "<br>",
        "<br/>",
        '<div class="x" onclick="alert(1)">',
        "</div>",
        "<script>alert('x')</script>",
        "<style>p{color:red}</style>",
        "<!-- comment -->",
        "<b>",
        "</b>",
        '<a href="javascript:alert(1)">',
        "<img src=x onerror=alert(1)>",
        "<ul><li>",
        "</li></ul>",
        "&amp;",
        "&gt;",
        "&nbsp;",
        "&#x1F375;",
        "&#0;",
        "&#xD800;",
        "&bogus;",
        "\r\n",
        "\u0000",
      ),
      fc.string({ unit: "grapheme", maxLength: 12 }).filter((s) => !/[<&]/.test(s)),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 12 }), (segments) => {
        const html = segments.join("");
        const record = restRecord("5", [
          ["name", text("Tea")],
          ["notes", { type: "RICH_TEXT", value: html }],
          ["price", num("500")],
        ]);
        const plan = buildCheckoutPlan(
          [record],
          mappingWith({
            name: { field: "name" },
            description: { field: "notes" },
            unitPrice: { field: "price" },
          }),
        );
        expect(answerProblems(plan, ["5"])).toEqual([]);
        if (plan.ok) {
          const description = plan.sessions[0]!.lineItems[0]!.description;
          // No "&lt;" was generated, so any "<" left would be a tag that slipped through.
          expect(description ?? "").not.toMatch(/[<]|alert\('x'\)|color:red|comment/);
          expect(description).not.toBe("");
        } else {
          expect(plan.issues.every((i) => i.field === "notes")).toBe(true);
        }
      }),
      { numRuns: ENGINE_FUZZ_RUNS.richTextHtmlBecomesPlainText },
    );
  });

  it("for any value of any type in every mapped field, answers integer minor units or issues naming record, row and field", () => {
    const fieldTypes = fc.constantFrom(
      "SINGLE_LINE_TEXT",
      "MULTI_LINE_TEXT",
      "RICH_TEXT",
      "NUMBER",
      "CALC",
      "DROP_DOWN",
      "LINK",
      "CHECK_BOX",
      "FILE",
      "SUBTABLE",
      "USER_SELECT",
      "__proto__",
      "",
    );
    const fieldValue = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.constantFrom(
        "500",
        "19.99",
        "1e3",
        "-0",
        "Infinity",
        "NaN",
        "0x10",
        "١٢٣",
        "１２３",
        "9".repeat(400),
        "0.".padEnd(300, "0") + "1",
        "<p>1</p>",
        "{{price}}",
      ),
      fc.anything({ maxDepth: 2 }),
    );
    const field = fc.oneof(
      { weight: 4, arbitrary: fc.record({ type: fieldTypes, value: fieldValue }) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
    );
    const codes = ["name", "price", "qty", "min", "max", "cur", "notes", "code", "lines"];
    const fields = fc.tuple(...codes.map(() => fc.option(field, { nil: undefined })));
    const rows = fc.array(fields, { maxLength: 3 });
    const mappingArb = fc.record({
      source: fc.constantFrom({ type: "records" }, { type: "subtable", field: "lines" }),
      grouping: fc.constantFrom("single", "perRecord"),
      currency: fc.constantFrom("JPY", "usd", "KWD", { field: "cur" }),
      unitPriceIn: fc.constantFrom("major", "minor"),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fields, rows), { minLength: 1, maxLength: 3 }),
        mappingArb,
        (recordSpecs, m) => {
          const records = recordSpecs.map(([values, tableRows], i) =>
            restRecord(String(i + 1), [
              ...codes.flatMap((code, c) =>
                values[c] === undefined ? [] : [[code, values[c]] as [string, unknown]],
              ),
              [
                "lines",
                {
                  type: "SUBTABLE",
                  value: tableRows.map((row, r) => ({
                    id: String(r),
                    value: Object.fromEntries(
                      codes.flatMap((code, c) => (row[c] === undefined ? [] : [[code, row[c]]])),
                    ),
                  })),
                },
              ],
            ]),
          );
          const mapping: MappingConfig = mappingWith(
            {
              productCode: { field: "code" },
              name: { template: "{{name}} ({{code}})" },
              description: { field: "notes" },
              unitPrice: { field: "price" },
              unitPriceIn: m.unitPriceIn,
              quantity: { field: "qty" },
              minQuantity: { field: "min" },
              maxQuantity: { field: "max" },
            },
            { source: m.source, grouping: m.grouping, currency: m.currency },
          );
          const plan = buildCheckoutPlan(records, mapping);
          expect(
            answerProblems(
              plan,
              records.map((_, i) => String(i + 1)),
            ),
          ).toEqual([]);
          if (!plan.ok && m.source.type === "records") {
            expect(plan.issues.every((issue) => issue.row === undefined)).toBe(true);
          }
        },
      ),
      { numRuns: ENGINE_FUZZ_RUNS.anyValueInEveryMappedField },
    );
  });

  it("plans only well-formed text (a lone surrogate becomes U+FFFD), so Stripe's form encoding cannot throw", () => {
    fc.assert(
      fc.property(
        fc.record({ value: brokenUnicode, literal: brokenUnicode, path: brokenPath }),
        fc.constantFrom("field", "template", "const"),
        ({ value, literal, path }, how) => {
          const record = restRecord("4", [
            ["name", text(value)],
            ["code", text(value)],
            ["notes", { type: "RICH_TEXT", value: `<p>${value}</p>` }],
            ["price", num("500")],
          ]);
          const ref =
            how === "field"
              ? { field: "name" }
              : how === "template"
                ? { template: `${literal} {{name}}` }
                : { const: literal };
          const plan = buildCheckoutPlan(
            [record],
            mappingWith(
              {
                productCode: how === "const" ? ref : { field: "code" },
                name: ref,
                description: { field: "notes" },
                unitPrice: { field: "price" },
              },
              {
                successUrl: `https://shop.example.com/${path}?n={{name}}&s={CHECKOUT_SESSION_ID}`,
                cancelUrl: `https://shop.example.com/${path}/{{code}}`,
              },
            ),
          );
          expect(answerProblems(plan, ["4"])).toEqual([]);
          expect(plan.ok).toBe(true);
          if (!plan.ok) return;
          const session = plan.sessions[0]!;
          const item = session.lineItems[0]!;
          for (const planned of [
            item.name,
            item.description,
            item.productCode,
            session.successUrl,
            session.cancelUrl,
          ]) {
            expect(() => encodeURIComponent(planned ?? "")).not.toThrow();
          }
          // Only the broken halves changed: the rest of the text is as it was.
          if (how === "field") {
            expect(item.name).toBe(
              value
                .replace(/\p{Cs}/gu, "\uFFFD")
                .replace(/\s+/g, " ")
                .trim(),
            );
          }
        },
      ),
      { numRuns: ENGINE_FUZZ_RUNS.everyPlannedTextIsWellFormed },
    );
  });
});
