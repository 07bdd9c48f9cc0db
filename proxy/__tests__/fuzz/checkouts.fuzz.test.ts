/**
 * Issue #8: POST /v1/checkouts fuzzed over HTTP with broken requests — the real proxy against the
 * Stripe and kintone emulators, started once for the file. Malformed and oversized bodies, and
 * wrong types in every field: whatever is sent, never a 5xx, always the error shape with the
 * status its code stands for, and no Stripe session. Hostile mappings and record data are
 * hostileCheckouts.fuzz.test.ts. Random seeds: fast-check prints the seed and the shrunk case of
 * a failure.
 */
import fc from "fast-check";
import { callProxy } from "../support/emulatedProxy";
import { checkoutsFuzzBed, isJson } from "../support/checkoutsFuzzKit";
import { HTTP_FUZZ_RUNS } from "./fuzzRuns";

const fuzz = checkoutsFuzzBed();

describe("POST /v1/checkouts with broken bodies", () => {
  it("answers 400 BAD_REQUEST to any body that is not JSON, and asks nothing of Stripe", async () => {
    const valid = JSON.stringify(fuzz.validBody());
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
          fuzz.env.stripe.clearRequests();
          const answer = await callProxy(
            fuzz.env,
            "POST",
            "/v1/checkouts",
            { raw },
            { contentType },
          );
          expect(fuzz.contractProblems(answer)).toEqual([]);
          expect(answer.status).toBe(400);
          expect(answer.body.error.code).toBe("BAD_REQUEST");
          expect(fuzz.env.stripe.requests).toEqual([]);
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
          fuzz.env.stripe.clearRequests();
          const answer = await callProxy(
            fuzz.env,
            "POST",
            "/v1/checkouts",
            { raw: JSON.stringify(value) ?? "null" },
            { contentType },
          );
          expect(fuzz.contractProblems(answer)).toEqual([]);
          expect(answer.status).toBe(400);
          expect(fuzz.env.stripe.requests).toEqual([]);
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
          fuzz.env.stripe.clearRequests();
          const filler = "x".repeat(size);
          const raw = validJson
            ? JSON.stringify(
                where === "junk"
                  ? { ...fuzz.validBody(), junk: filler }
                  : fuzz.validBody({ [where]: filler }),
              )
            : `{"appId":"${filler}`;
          const answer = await callProxy(fuzz.env, "POST", "/v1/checkouts", { raw });
          expect(fuzz.contractProblems(answer)).toEqual([]);
          expect(answer.status).toBe(400);
          expect(answer.body.error).toMatchObject({
            code: "BAD_REQUEST",
            message: "The body is too large.",
          });
          expect(fuzz.env.stripe.requests).toEqual([]);
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
        fuzz.env.stripe.clearRequests();
        const body = fuzz.validBody({ dryRun: false });
        keys.forEach((key, i) => {
          // A missing required field is as wrong as a wrong one (dryRun may be left out).
          if (dropInstead && key !== "dryRun") delete body[key];
          else body[key] = values[i];
        });
        const answer = await callProxy(fuzz.env, "POST", "/v1/checkouts", {
          raw: JSON.stringify(body),
        });
        expect(fuzz.contractProblems(answer)).toEqual([]);
        expect(answer.status).toBe(400);
        expect(answer.body.error.code).toBe("BAD_REQUEST");
        const paths = answer.body.error.details.map((d: { path: string }) => d.path.split(".")[0]);
        // JSON has no undefined or NaN: a key whose value JSON drops or nulls is still named.
        for (const key of keys) {
          if (key === "dryRun" && JSON.stringify({ v: body.dryRun }) === "{}") continue;
          expect(paths).toContain(key);
        }
        expect(fuzz.sessionCreates()).toEqual([]);
      }),
      { numRuns: HTTP_FUZZ_RUNS.wrongTypes },
    );
  });
});
