/**
 * Issue #8: POST /v1/checkouts fuzzed over HTTP — the real proxy against the Stripe and kintone
 * emulators, started once for the file. Malformed and oversized bodies, wrong types in every field,
 * hostile mappings (prototype keys, unicode, very long strings, `{{` injections) and hostile
 * record data (unicode, HTML), with and without dryRun. Whatever is sent: never a 5xx, always the
 * §5 error shape with the status its code stands for, VALIDATION_FAILED details naming record and
 * field, and no Stripe session unless the data was valid (then its amounts are what the preview
 * said). Random seeds: fast-check prints the seed and the shrunk case of a failure.
 */
import fc from "fast-check";
import {
  addOrders,
  callProxy,
  orderMapping,
  revisionOf,
  startEmulatedProxy,
  type Answer,
  type EmulatedProxy,
} from "../support/emulatedProxy";
import { HTTP_FUZZ_RUNS } from "./fuzzRuns";

/** DESIGN §5: each error code's status. */
const STATUS_OF: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  RECORD_NOT_FOUND: 404,
  SESSION_NOT_FOUND: 404,
  RECORD_CHANGED: 409,
  SESSION_NOT_OPEN: 409,
  VALIDATION_FAILED: 422,
  STRIPE_ERROR: 502,
  KINTONE_ERROR: 502,
};

let env: EmulatedProxy;
let recordIds: string[];

beforeAll(async () => {
  env = await startEmulatedProxy();
  recordIds = addOrders(env, [
    { code: "TEA-1", name: "Green tea", notes: "<p>Fresh &amp; green</p>", price: "500", qty: "2" },
    { code: "CUP-1", name: "Tea cup", price: "1200" },
  ]);
});

afterAll(async () => {
  await env.close();
});

function validBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appId: env.appId,
    records: recordIds.map((id) => ({ id, revision: revisionOf(env, id) })),
    mapping: JSON.stringify(orderMapping()),
    dryRun: true,
    ...overrides,
  };
}

const sessionCreates = () =>
  env.stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");

/** Every way an answer breaks the contract (empty when it keeps it). */
function contractProblems(answer: Answer, sentRecordIds: string[] = recordIds): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}: ${answer.text.slice(0, 300)}`);
  if (answer.body === undefined) problems.push(`not JSON: ${answer.text.slice(0, 100)}`);
  if (Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")) {
    problems.push("Object.prototype was polluted");
  }
  if (answer.status < 400) return problems;
  const error = answer.body?.error;
  const keys = error && typeof error === "object" ? Object.keys(answer.body).join(",") : "";
  if (keys !== "error") problems.push(`error body keys: ${keys}`);
  if (typeof error?.code !== "string" || typeof error?.message !== "string" || !error.message) {
    return [...problems, `error shape: ${answer.text.slice(0, 200)}`];
  }
  if (!Array.isArray(error.details)) problems.push("details is not an array");
  if (STATUS_OF[error.code] !== answer.status) {
    problems.push(`${error.code} answered with ${answer.status}`);
  }
  if (error.code === "VALIDATION_FAILED") {
    if (error.details.length === 0) problems.push("VALIDATION_FAILED without details");
    for (const detail of error.details) {
      if (!sentRecordIds.includes(detail.recordId) && detail.recordId !== "") {
        problems.push(`detail names record ${detail.recordId}`);
      }
      if (typeof detail.field !== "string" || detail.field === "") problems.push("no field");
      if (typeof detail.message !== "string" || detail.message === "") problems.push("no message");
      if (detail.row !== undefined && !(Number.isInteger(detail.row) && detail.row >= 1)) {
        problems.push(`row ${detail.row}`);
      }
    }
  }
  return problems;
}

beforeEach(() => {
  env.stripe.clearRequests();
});

describe("POST /v1/checkouts with broken bodies", () => {
  it("answers 400 BAD_REQUEST to any body that is not JSON, and asks nothing of Stripe", async () => {
    const valid = JSON.stringify(validBody());
    const notJson = fc.oneof(
      fc.string({ minLength: 1, maxLength: 200 }),
      fc.string({ unit: "binary", minLength: 1, maxLength: 200 }),
      fc.nat({ max: valid.length - 2 }).map((n) => valid.slice(0, n + 1)),
      fc.constantFrom("{", '{"appId":', "{'appId':'1'}", "{appId:1}", '{"a":1,}', "\u0000", "NaN"),
    );
    await fc.assert(
      fc.asyncProperty(
        notJson,
        fc.constantFrom("application/json", "application/json; charset=utf-8"),
        async (raw, contentType) => {
          fc.pre(!isJson(raw));
          env.stripe.clearRequests();
          const answer = await callProxy(env, "POST", "/v1/checkouts", { raw }, { contentType });
          expect(contractProblems(answer)).toEqual([]);
          expect(answer.status).toBe(400);
          expect(answer.body.error.code).toBe("BAD_REQUEST");
          expect(env.stripe.requests).toEqual([]);
        },
      ),
      { numRuns: HTTP_FUZZ_RUNS.malformedJson },
    );
  });

  it("answers 400 BAD_REQUEST to JSON that is not a request object (arrays, scalars, other content types)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(fc.anything(), { maxLength: 3 }),
          fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)),
          fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 4 }),
        ),
        fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded"),
        async (value, contentType) => {
          env.stripe.clearRequests();
          const answer = await callProxy(
            env,
            "POST",
            "/v1/checkouts",
            { raw: JSON.stringify(value) ?? "null" },
            { contentType },
          );
          expect(contractProblems(answer)).toEqual([]);
          expect(answer.status).toBe(400);
          expect(env.stripe.requests).toEqual([]);
        },
      ),
      { numRuns: HTTP_FUZZ_RUNS.nonObjectJson },
    );
  });

  it("answers 400 BAD_REQUEST 'too large' to bodies over the 1 MB JSON limit", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1_048_577, max: 3_000_000 }),
        fc.constantFrom("mapping", "appId", "junk"),
        fc.boolean(),
        async (size, where, validJson) => {
          env.stripe.clearRequests();
          const filler = "x".repeat(size);
          const raw = validJson
            ? JSON.stringify(
                where === "junk"
                  ? { ...validBody(), junk: filler }
                  : validBody({ [where]: filler }),
              )
            : `{"appId":"${filler}`;
          const answer = await callProxy(env, "POST", "/v1/checkouts", { raw });
          expect(contractProblems(answer)).toEqual([]);
          expect(answer.status).toBe(400);
          expect(answer.body.error).toMatchObject({
            code: "BAD_REQUEST",
            message: "The body is too large.",
          });
          expect(env.stripe.requests).toEqual([]);
        },
      ),
      { numRuns: HTTP_FUZZ_RUNS.oversizedBody },
    );
  });
});

// ---- wrong types and values, one or more fields at a time ----

const isNumericId = (v: unknown) =>
  (typeof v === "string" && /^\d+$/.test(v)) ||
  (typeof v === "number" && Number.isSafeInteger(v) && v >= 0);
const notA = (valid: (v: unknown) => boolean) => fc.anything().filter((v) => !valid(v));

const badAppId = fc.oneof(
  notA(isNumericId).filter((v) => v !== undefined),
  fc.constantFrom("", " 1", "1 ", "-1", "1.5", "１２", "1e3", "0x1", "12a", -1, 1.5, NaN),
);
const badRecords = fc.oneof(
  notA(Array.isArray).filter((v) => v !== undefined),
  fc.constant([]),
  fc.constant(Array.from({ length: 101 }, (_, i) => ({ id: String(i + 1) }))),
  fc.constant([{ id: "1" }, { id: "1" }]),
  fc.constant([{ id: "1" }, { id: 1 }]),
  fc.array(
    fc.oneof(
      notA((v) => typeof v === "object" && v !== null && !Array.isArray(v)),
      fc.record({ id: badAppId }),
      fc.record({ id: fc.constant("1"), revision: badAppId }),
      fc.constant({}),
    ),
    { minLength: 1, maxLength: 3 },
  ),
);
const badMapping = fc.oneof(
  notA((v) => typeof v === "string").filter((v) => v !== undefined),
  fc.constant(""),
);
const badDryRun = notA(
  (v) => v === undefined || v === true || v === false || v === "true" || v === "false",
);
const WRONG: Record<string, fc.Arbitrary<unknown>> = {
  appId: badAppId,
  records: badRecords,
  mapping: badMapping,
  dryRun: badDryRun,
};

describe("POST /v1/checkouts with wrong types", () => {
  it("answers 400 BAD_REQUEST naming every wrong field, and makes no session", async () => {
    const mutation = fc
      .uniqueArray(fc.constantFrom(...Object.keys(WRONG)), { minLength: 1, maxLength: 4 })
      .chain((keys) =>
        fc.tuple(fc.constant(keys), fc.tuple(...keys.map((key) => WRONG[key]!)), fc.boolean()),
      );
    await fc.assert(
      fc.asyncProperty(mutation, async ([keys, values, dropInstead]) => {
        env.stripe.clearRequests();
        const body = validBody({ dryRun: false });
        keys.forEach((key, i) => {
          // A missing required field is as wrong as a wrong one (dryRun may be left out).
          if (dropInstead && key !== "dryRun") delete body[key];
          else body[key] = values[i];
        });
        const answer = await callProxy(env, "POST", "/v1/checkouts", { raw: JSON.stringify(body) });
        expect(contractProblems(answer)).toEqual([]);
        expect(answer.status).toBe(400);
        expect(answer.body.error.code).toBe("BAD_REQUEST");
        const paths = answer.body.error.details.map((d: { path: string }) => d.path.split(".")[0]);
        // JSON has no undefined or NaN: a key whose value JSON drops or nulls is still named.
        for (const key of keys) {
          if (key === "dryRun" && JSON.stringify({ v: body.dryRun }) === "{}") continue;
          expect(paths).toContain(key);
        }
        expect(sessionCreates()).toEqual([]);
      }),
      { numRuns: HTTP_FUZZ_RUNS.wrongTypes },
    );
  });
});

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
          env.stripe.clearRequests();
          const mapping = orderMapping({ replaceOpenSession: false });
          mapping.lineItem = { ...(mapping.lineItem as object) };
          mapping.writeBack = { ...(mapping.writeBack as object) };
          for (const change of changes) applyChange(mapping, change);
          const [anchor, injected] = inject;
          const text = JSON.stringify(mapping).replace(anchor, injected);
          const answer = await callProxy(env, "POST", "/v1/checkouts", {
            json: validBody({ mapping: text, dryRun }),
          });
          expect(contractProblems(answer)).toEqual([]);
          expect([200, 201, 400, 422]).toContain(answer.status);
          if (dryRun) expect(env.stripe.requests).toEqual([]);
          if (answer.status !== 201) expect(sessionCreates()).toEqual([]);
          if (answer.status === 201) {
            for (const session of answer.body.sessions) {
              const stored = env.stripe.state.sessions.find((s) => s.id === session.id);
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
  const outcomes = { created: 0, refused: 0 };

  afterAll(() => {
    // Both branches of the property were exercised.
    expect(outcomes.created).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

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
          const [id] = addOrders(env, [{ ...texts, price: "1", priceText: price, qty: "1" }]);
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
            appId: env.appId,
            records: [{ id: id!, revision: revisionOf(env, id!) }],
            mapping,
          };

          env.stripe.clearRequests();
          const preview = await callProxy(env, "POST", "/v1/checkouts", {
            json: { ...body, dryRun: true },
          });
          expect(contractProblems(preview, [id!])).toEqual([]);
          expect([200, 422]).toContain(preview.status);
          expect(env.stripe.requests).toEqual([]);

          const created = await callProxy(env, "POST", "/v1/checkouts", { json: body });
          expect(contractProblems(created, [id!])).toEqual([]);
          if (preview.status === 422) {
            expect(created.status).toBe(422);
            expect(created.body.error.details).toEqual(preview.body.error.details);
            for (const detail of created.body.error.details) expect(detail.recordId).toBe(id);
            expect(sessionCreates()).toEqual([]);
            outcomes.refused += 1;
            return;
          }
          const planned = preview.body.preview.sessions[0];
          for (const line of planned.lineItems)
            expect(Number.isSafeInteger(line.unitAmount)).toBe(true);
          expect(created.status).toBe(201);
          const session = created.body.sessions[0];
          expect(session.amountTotal).toBe(planned.amountTotal);
          const stored = env.stripe.state.sessions.find((s) => s.id === session.id);
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
      const body = { ...validBody({ mapping: JSON.stringify(mapping) }), dryRun: false };
      const answer = await callProxy(env, "POST", "/v1/checkouts", { json: body });
      expect(contractProblems(answer)).toEqual([]);
      expect(answer.status).toBe(201);
      expect(sessionCreates()).toHaveLength(1);
      const stored = env.stripe.state.sessions.find((s) => s.id === answer.body.sessions[0].id);
      expect(JSON.stringify(stored)).not.toMatch(/\\ud[89a-f]/i);
    },
  );
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
