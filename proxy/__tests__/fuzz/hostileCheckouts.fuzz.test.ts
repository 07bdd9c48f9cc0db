/**
 * Issue #8: POST /v1/checkouts fuzzed over HTTP with hostile content — the real proxy against the
 * Stripe and kintone emulators, started once for the file. Hostile mappings (prototype keys,
 * unicode, very long strings, `{{` injections) and hostile record data (unicode, HTML), with and
 * without dryRun: never a 5xx, the error contract kept, and no Stripe session unless the data was
 * valid (then its amounts are what the preview said). Random seeds: fast-check prints the seed
 * and the shrunk case of a failure.
 */
import fc from "fast-check";
import { addOrders, callProxy, orderMapping, revisionOf } from "../support/emulatedProxy";
import { bothOutcomes } from "../support/bothOutcomes";
import { checkoutsFuzzBed } from "../support/checkoutsFuzzKit";
import { HTTP_FUZZ_RUNS } from "./fuzzRuns";

const fuzz = checkoutsFuzzBed();

// ---- hostile mappings ----

const hostileString = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "名前",
    "🍵",
    "\u202e",
    "a\u0000b",
    "lone \uD800 surrogate",
    "x".repeat(129),
    "y".repeat(20_000),
    "{{",
    "}}",
    "{{name}}",
    "{{__proto__}}",
    "{{ constructor }}",
    "{{{{name}}}}",
    "{{name}}{{price}}",
    "javascript:alert(1)",
    "https://evil.example/{{email}}",
    "<script>alert(1)</script>",
  ),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
);
const hostileRef = fc.oneof(
  { weight: 2, arbitrary: hostileString.map((field) => ({ field })) },
  { weight: 3, arbitrary: hostileString.map((template) => ({ template })) },
  {
    weight: 2,
    arbitrary: fc.oneof(hostileString, fc.double(), fc.integer()).map((c) => ({ const: c })),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);
/** A change to the mapping object at one place: [where, key, value] ("" = the top level). */
const mappingChange = fc.oneof(
  fc.tuple(
    fc.constant("lineItem"),
    fc.constantFrom("name", "description", "productCode", "unitPrice", "quantity", "minQuantity"),
    hostileRef,
  ),
  fc.tuple(
    fc.constant(""),
    fc.constantFrom("successUrl", "cancelUrl", "currency", "locale", "grouping"),
    fc.oneof(hostileString, hostileRef),
  ),
  fc.tuple(
    fc.constant("writeBack"),
    fc.constantFrom("url", "sessionId", "status", "error"),
    hostileString,
  ),
  fc.constant(["", "source", { type: "subtable", field: "__proto__" }] as const),
  fc.constant(["lineItem", "image", { field: "constructor", all: true }] as const),
);

function applyChange(
  mapping: Record<string, unknown>,
  [where, key, value]: readonly [string, string, unknown],
): void {
  const target = where === "" ? mapping : (mapping[where] as Record<string, unknown>);
  target[key] = value;
}

/** Text-level injections JSON.stringify cannot produce: own "__proto__" / "constructor" keys. */
const prototypeKeyInjection = fc.oneof(
  { weight: 4, arbitrary: fc.constant(["", ""] as const) },
  fc.constantFrom(
    ["{", '{"__proto__":{"polluted":true},'] as const,
    ['"lineItem":{', '"lineItem":{"__proto__":{"polluted":true},'] as const,
    ['"name":{', '"name":{"constructor":{"prototype":{"polluted":true}},'] as const,
    ['"writeBack":{', '"writeBack":{"__proto__":"status",'] as const,
  ),
);

describe("POST /v1/checkouts with hostile mappings", () => {
  it("never answers 5xx, keeps the error contract, and creates a session only from a mapping that is valid for the records", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mappingChange, { minLength: 1, maxLength: 2 }),
        prototypeKeyInjection,
        fc.boolean(),
        async (changes, inject, dryRun) => {
          fuzz.env.stripe.clearRequests();
          const mapping = orderMapping({ replaceOpenSession: false });
          mapping.lineItem = { ...(mapping.lineItem as object) };
          mapping.writeBack = { ...(mapping.writeBack as object) };
          for (const change of changes) applyChange(mapping, change);
          const [anchor, injected] = inject;
          const text = JSON.stringify(mapping).replace(anchor, injected);
          const answer = await callProxy(fuzz.env, "POST", "/v1/checkouts", {
            json: fuzz.validBody({ mapping: text, dryRun }),
          });
          expect(fuzz.contractProblems(answer)).toEqual([]);
          expect([200, 201, 400, 422]).toContain(answer.status);
          if (dryRun) expect(fuzz.env.stripe.requests).toEqual([]);
          if (answer.status !== 201) expect(fuzz.sessionCreates()).toEqual([]);
          if (answer.status === 201) {
            for (const session of answer.body.sessions) {
              const stored = fuzz.env.stripe.state.sessions.find((s) => s.id === session.id);
              expect(stored?.amount_total).toBe(session.amountTotal);
              expect(Number.isSafeInteger(session.amountTotal)).toBe(true);
            }
          }
        },
      ),
      { numRuns: HTTP_FUZZ_RUNS.hostileMapping },
    );
  });
});

// ---- hostile record data ----

const recordText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    "<p>Tea &amp; <b>milk</b></p>",
    "&lt;b&gt;",
    "緑茶 🍵",
    "\u202eevil",
    "{{name}}",
    "{CHECKOUT_SESSION_ID}",
    "a".repeat(6000),
    "half \uD83D",
    "\uDFFF",
    "",
    "   ",
  ),
);
const priceText = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom("500", "1200", "19.99", "3.5") },
  fc.constantFrom(
    "500",
    "19.99",
    "0",
    "-5",
    "1e3",
    "¥500",
    "５００",
    "500円",
    "12.5",
    "99999999",
    "100000000",
    " 500 ",
    "",
    "NaN",
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -10, max: 200_000_000 }).map(String),
);

describe("POST /v1/checkouts with hostile record data", () => {
  const outcomes = bothOutcomes("created", "refused");

  it("previews (dryRun, nothing sent to Stripe) exactly what the real request then creates, or names record and field in a 422 and creates nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: recordText,
          notes: recordText,
          code: recordText,
          email: fc.oneof(fc.constantFrom("", "buyer@example.com"), recordText),
        }),
        priceText,
        fc.constantFrom("JPY", "USD", "KWD"),
        async (texts, price, currency) => {
          const [id] = addOrders(fuzz.env, [{ ...texts, price: "1", priceText: price, qty: "1" }]);
          const mapping = JSON.stringify(
            orderMapping({
              currency,
              customerEmail: { field: "email" },
              lineItem: {
                productCode: { field: "code" },
                name: { template: "{{name}} {{code}}" },
                description: { field: "notes" },
                unitPrice: { field: "price_text" },
              },
            }),
          );
          const body = {
            appId: fuzz.env.appId,
            records: [{ id: id!, revision: revisionOf(fuzz.env, id!) }],
            mapping,
          };

          fuzz.env.stripe.clearRequests();
          const preview = await callProxy(fuzz.env, "POST", "/v1/checkouts", {
            json: { ...body, dryRun: true },
          });
          expect(fuzz.contractProblems(preview, [id!])).toEqual([]);
          expect([200, 422]).toContain(preview.status);
          expect(fuzz.env.stripe.requests).toEqual([]);

          const created = await callProxy(fuzz.env, "POST", "/v1/checkouts", { json: body });
          expect(fuzz.contractProblems(created, [id!])).toEqual([]);
          if (preview.status === 422) {
            expect(created.status).toBe(422);
            expect(created.body.error.details).toEqual(preview.body.error.details);
            for (const detail of created.body.error.details) expect(detail.recordId).toBe(id);
            expect(fuzz.sessionCreates()).toEqual([]);
            outcomes.refused += 1;
            return;
          }
          const planned = preview.body.preview.sessions[0];
          for (const line of planned.lineItems)
            expect(Number.isSafeInteger(line.unitAmount)).toBe(true);
          expect(created.status).toBe(201);
          const session = created.body.sessions[0];
          expect(session.amountTotal).toBe(planned.amountTotal);
          const stored = fuzz.env.stripe.state.sessions.find((s) => s.id === session.id);
          expect(stored?.amount_total).toBe(planned.amountTotal);
          expect(stored?.currency).toBe(currency.toLowerCase());
          outcomes.created += 1;
        },
      ),
      { numRuns: HTTP_FUZZ_RUNS.hostileRecordData },
    );
  });
});

describe("regressions found by fuzzing", () => {
  it.each([
    ["the name (a constant)", { name: { const: "Tea \uD83C" } }, {}],
    ["the description (a template)", { description: { template: "Half \uDF75 a cup" } }, {}],
    ["the product code", { productCode: { const: "TEA-\uD800" } }, {}],
    [
      "the success URL template",
      {},
      { successUrl: "https://shop.example.com/\uD83C?s={CHECKOUT_SESSION_ID}" },
    ],
  ])(
    "creates the session with U+FFFD for a lone surrogate in %s instead of answering 500",
    async (_where, lineItem, top) => {
      const mapping = orderMapping({ replaceOpenSession: false, ...top });
      mapping.lineItem = { ...(mapping.lineItem as object), ...lineItem };
      const body = { ...fuzz.validBody({ mapping: JSON.stringify(mapping) }), dryRun: false };
      const answer = await callProxy(fuzz.env, "POST", "/v1/checkouts", { json: body });
      expect(fuzz.contractProblems(answer)).toEqual([]);
      expect(answer.status).toBe(201);
      expect(fuzz.sessionCreates()).toHaveLength(1);
      const stored = fuzz.env.stripe.state.sessions.find(
        (s) => s.id === answer.body.sessions[0].id,
      );
      expect(JSON.stringify(stored)).not.toMatch(/\\ud[89a-f]/i);
    },
  );
});
