/**
 * Issue #8: the engine fuzzed with hostile input — field codes that are prototype keys, unicode or
 * 128 characters long, `{{` injected through field values, arbitrary HTML in rich text, arbitrary
 * values in every mapped field. Whatever comes in, buildCheckoutPlan answers: a plan whose amounts
 * are integer minor units, or issues naming the record, row and field; it never throws.
 * Random seeds (fast-check prints the seed and the shrunk case of a failure).
 */
import fc from "fast-check";
import type { MappingConfig } from "../../mapping/MappingConfig";
import { buildCheckoutPlan } from "../buildCheckoutPlan";
import { TEXT_FIELD_TYPES } from "../fieldToText";
import { ENGINE_FUZZ_RUNS } from "./engineFuzzRuns";
import { brokenPath, brokenUnicode, hostileCode, placeholderCode } from "./hostileInput";
import { number, restRecord, text, validMapping } from "./kintoneFixtures";
import { answerProblems } from "./answerProblems";

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
            [priceCode!, number(String(price))],
          ]);
          const plan = buildCheckoutPlan(
            [record],
            validMapping({ name: { field: nameCode }, unitPrice: { field: priceCode } }),
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
          ["price", number("500")],
        ]);
        fc.pre(!Object.prototype.hasOwnProperty.call(record, code));
        const plan = buildCheckoutPlan(
          [record],
          validMapping({
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
            ["price", number("500")],
          ]);
          const plan = buildCheckoutPlan(
            [record],
            validMapping({
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
          ["price", number("500")],
        ]);
        const plan = buildCheckoutPlan(
          [record],
          validMapping({
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
    // Every type the mapping's texts read, types they cannot read, and types kintone has none of.
    const fieldTypes = fc.constantFrom(
      ...TEXT_FIELD_TYPES,
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
          const mapping: MappingConfig = validMapping(
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
            ["price", number("500")],
          ]);
          const ref =
            how === "field"
              ? { field: "name" }
              : how === "template"
                ? { template: `${literal} {{name}}` }
                : { const: literal };
          const plan = buildCheckoutPlan(
            [record],
            validMapping(
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
