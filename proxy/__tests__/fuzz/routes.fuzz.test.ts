/**
 * Issue #8: the other /v1 routes fuzzed over HTTP against the emulators — path parameters with
 * any bytes, malformed percent-encoding and very long ids; list queries with any keys and values.
 * Never a 5xx from the proxy itself, always the §5 error shape. Random seeds: fast-check prints
 * the seed and the shrunk case of a failure.
 */
import fc from "fast-check";
import {
  callProxy,
  startEmulatedProxy,
  type Answer,
  type EmulatedProxy,
} from "../support/emulatedProxy";
import { ROUTES_FUZZ_RUNS } from "./fuzzRuns";

let env: EmulatedProxy;

beforeAll(async () => {
  env = await startEmulatedProxy();
});

afterAll(async () => {
  await env.close();
});

function shapeProblems(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}: ${answer.text.slice(0, 300)}`);
  if (answer.body === undefined) problems.push(`not JSON: ${answer.text.slice(0, 100)}`);
  if (answer.status < 400) return problems;
  const error = answer.body?.error;
  if (
    typeof error?.code !== "string" ||
    typeof error?.message !== "string" ||
    !Array.isArray(error?.details)
  ) {
    problems.push(`error shape: ${answer.text.slice(0, 200)}`);
  }
  return problems;
}

/** A path segment as a client might send it: encoded text, raw bytes, or broken escapes. */
const segment = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }).map(encodeURIComponent),
    fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/[/?#\s]/g, "_")),
    fc.constantFrom(
      "%",
      "%Z",
      "%ZZ",
      "%E0%A4%A",
      "%C0%80",
      "%FF",
      "%ED%A0%80",
      "%00",
      "cs_test_" + "a".repeat(300),
      "__proto__",
      "constructor",
      "..",
      "%2e%2e",
    ),
    fc
      .array(fc.constantFrom("%", "%E", "%ZZ", "a", "_", "%41", "%F0%9F"), { maxLength: 8 })
      .map((parts) => `cs_${parts.join("")}`),
    // A single-dot segment ("." or "%2e") is no id: the client's URL parser removes it before
    // sending (RFC 3986 §5.2.4, WHATWG URL), so GET /v1/checkouts/. is the list route, rightly 200.
  )
  .filter((s) => !/^(?:\.|%2e)$/i.test(s));

describe("path parameters", () => {
  it("answer 400 or 404 with the error shape for any session or job id, never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        segment,
        fc.constantFrom(
          ["GET", "/v1/checkouts/:id"],
          ["POST", "/v1/checkouts/:id/sync"],
          ["POST", "/v1/checkouts/:id/expire"],
          ["GET", "/v1/jobs/:id"],
        ),
        async (id, [method, route]) => {
          const answer = await callProxy(env, method!, route!.replace(":id", id));
          expect(shapeProblems(answer)).toEqual([]);
          expect([400, 404]).toContain(answer.status);
        },
      ),
      { numRuns: ROUTES_FUZZ_RUNS.pathParameters },
    );
  });

  it.each(["/v1/checkouts/%ZZ", "/v1/checkouts/%E0%A4%A/expire", "/v1/jobs/%"])(
    "answers 400 BAD_REQUEST to the malformed escape in %s (was a 500 INTERNAL)",
    async (path) => {
      const answer = await callProxy(env, path.endsWith("expire") ? "POST" : "GET", path);
      expect(answer).toMatchObject({
        status: 400,
        body: { error: { code: "BAD_REQUEST", details: [] } },
      });
    },
  );
});

describe("GET /v1/checkouts queries", () => {
  const key = fc.oneof(
    fc.constantFrom(
      "appId",
      "recordId",
      "status",
      "customerEmail",
      "paymentIntent",
      "limit",
      "startingAfter",
      "appId[a]",
      "limit[]",
      "__proto__",
      "constructor",
    ),
    fc.string({ maxLength: 10 }).map(encodeURIComponent),
  );
  const value = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 30 }).map(encodeURIComponent),
    fc.constantFrom(
      "%",
      "%ZZ",
      "%F0%9F",
      "1e400",
      "-1",
      "0",
      "101",
      "NaN",
      "open",
      "12",
      "x".repeat(2000),
    ),
  );
  it("answer 200 or 400 with the error shape for any keys and values, never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 5 }), async (pairs) => {
        const query = pairs.map(([k, v]) => `${k}=${v}`).join("&");
        const answer = await callProxy(env, "GET", `/v1/checkouts?${query}`);
        expect(shapeProblems(answer)).toEqual([]);
        expect([200, 400]).toContain(answer.status);
        if (answer.status === 200) expect(Array.isArray(answer.body.sessions)).toBe(true);
      }),
      { numRuns: ROUTES_FUZZ_RUNS.listQueries },
    );
  });

  it.each([
    ["no session id", "..%2F..%2Fx", "is not a checkout session id"],
    ["an unknown session", "cs_test_unknown", "names no checkout session"],
  ])(
    "answers 400 naming startingAfter when the cursor is %s (was Stripe's 400 as a 502)",
    async (_what, cursor, message) => {
      const answer = await callProxy(env, "GET", `/v1/checkouts?startingAfter=${cursor}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.details).toEqual([{ path: "startingAfter", message }]);
    },
  );
});
