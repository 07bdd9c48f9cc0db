/**
 * Issue 8: the HTTP edge of the proxy, its secret. Every /v1 route (read from the Express router,
 * so a new one cannot be forgotten) refuses a missing or wrong secret, and the comparison is
 * constant-time by construction. Body limits, helmet's headers and rate limits are
 * securityLimits.test.ts.
 */
import crypto from "node:crypto";
import { presentedSecret, secretComparator } from "../authenticate";
import { APP } from "../../../testkit/productRecords";
import { createApp } from "../createApp";
import { STRIPE_WEBHOOK_PATH } from "../mountStripeWebhook";
import {
  authCheckCounts,
  listRoutes,
  REFUSED_AUTHORIZATION_VARIANTS,
  REQUIRED_SECURITY_HEADERS,
  secretGuardedRoutes,
  securityCheckCounts,
} from "../securityInventory";
import { makeAppDeps, SECRET, start, UNAUTHORIZED_ANSWER, type Started } from "./securityApp";

/** A concrete path for a route pattern: `:id` → a session or job id. */
function concrete(path: string): string {
  return path.replace(":id", path.startsWith("/v1/jobs") ? "job_nope" : "cs_test_nope");
}

// The routes, read once from an app built like the real one (jobs and the webhook included).
const PROBE_APP = createApp(makeAppDeps().deps);
const GUARDED = secretGuardedRoutes(PROBE_APP);

describe("the route inventory", () => {
  it("finds every route the app registers, the webhook outside the secret-guarded ones", () => {
    expect(listRoutes(PROBE_APP)).toEqual(
      expect.arrayContaining([
        { method: "GET", path: "/healthz" },
        { method: "POST", path: STRIPE_WEBHOOK_PATH },
      ]),
    );
    expect(GUARDED.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [
        "GET /v1/checkouts",
        "GET /v1/checkouts/:id",
        "GET /v1/diagnostics",
        "GET /v1/jobs",
        "GET /v1/jobs/:id",
        "POST /v1/checkouts",
        "POST /v1/checkouts/:id/expire",
        "POST /v1/checkouts/:id/sync",
        "POST /v1/jobs",
        "POST /v1/subscriptions/:id/cancel",
      ].sort(),
    );
    expect(securityCheckCounts()).toEqual({
      routes: listRoutes(PROBE_APP).length,
      guardedRoutes: GUARDED.length,
      authVariants: REFUSED_AUTHORIZATION_VARIANTS.length,
      authChecks: GUARDED.length * REFUSED_AUTHORIZATION_VARIANTS.length,
      securityHeaders: Object.keys(REQUIRED_SECURITY_HEADERS).length,
    });
    expect(authCheckCounts(PROBE_APP)).toEqual({
      routes: 10,
      variants: REFUSED_AUTHORIZATION_VARIANTS.length,
      checks: 10 * REFUSED_AUTHORIZATION_VARIANTS.length,
    });
  });
});

describe.each(GUARDED)("$method $path", ({ method, path }) => {
  let app: Started;
  beforeAll(async () => {
    // No lockout here: every variant must meet the secret check itself.
    app = await start({ rateLimits: { failedAuth: { limit: 1_000_000 } } });
  });
  afterAll(() => app.close());

  it.each(REFUSED_AUTHORIZATION_VARIANTS)(
    "answers 401 UNAUTHORIZED and does nothing for Authorization: $name",
    async ({ header }) => {
      const answer = await app.call(method, concrete(path), {
        headers: { authorization: header(SECRET), "content-type": "application/json" },
        body:
          method === "POST" ? JSON.stringify({ appId: APP, records: [{ id: "1" }] }) : undefined,
      });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(UNAUTHORIZED_ANSWER);
      expect(JSON.stringify(answer.body)).not.toContain(SECRET);
      expect(app.upstreamCalls).toEqual([]);
    },
  );

  it("lets the right secret through (the refusals above are the header's doing)", async () => {
    const answer = await app.call(method, concrete(path), {
      headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" },
      body: method === "POST" ? "{}" : undefined,
    });
    expect(answer.status).not.toBe(401);
    expect(answer.status).not.toBe(429);
  });
});

describe("authentication details", () => {
  let app: Started;
  afterEach(() => app?.close());

  it("guards a /v1 path in any letter case (Express routes case-insensitively)", async () => {
    app = await start();
    const answer = await app.call("GET", "/V1/Diagnostics");
    expect(answer).toMatchObject({ status: 401, body: UNAUTHORIZED_ANSWER });
    expect(app.upstreamCalls).toEqual([]);
  });

  it("guards an unknown /v1 path too: 401 before 404, so routes cannot be probed", async () => {
    app = await start();
    expect((await app.call("GET", "/v1/nothing-here")).status).toBe(401);
    const withSecret = await app.call("GET", "/v1/nothing-here", {
      headers: { authorization: `Bearer ${SECRET}` },
    });
    expect(withSecret.status).toBe(404);
  });

  it("accepts the scheme in any case, as RFC 7235 §2.1 makes auth schemes case-insensitive", async () => {
    app = await start();
    for (const scheme of ["bearer", "BEARER", "Bearer"]) {
      const answer = await app.call("GET", "/v1/diagnostics", {
        headers: { authorization: `${scheme} ${SECRET}` },
      });
      expect(answer.status).toBe(200);
    }
  });

  it("reads the secret only from `Bearer <secret>`", () => {
    expect(presentedSecret(`Bearer ${SECRET}`)).toBe(SECRET);
    expect(presentedSecret(`  Bearer   ${SECRET}  `)).toBe(SECRET);
    expect(presentedSecret(SECRET)).toBeUndefined();
    expect(presentedSecret("Bearer")).toBeUndefined();
    expect(presentedSecret(`Basic ${SECRET}`)).toBeUndefined();
    expect(presentedSecret(`Bearer${SECRET}`)).toBeUndefined();
    expect(presentedSecret(undefined)).toBeUndefined();
  });
});

describe("constant-time comparison", () => {
  afterEach(() => jest.restoreAllMocks());

  it("compares two 32-byte digests with timingSafeEqual whatever the presented length or first mismatch", () => {
    const spy = jest.spyOn(crypto, "timingSafeEqual");
    const matches = secretComparator(SECRET);
    const presented = [
      SECRET,
      `x${SECRET.slice(1)}`, // first character wrong
      `${SECRET.slice(0, -1)}x`, // last character wrong
      SECRET.slice(0, 5), // much shorter
      SECRET.repeat(30), // much longer
      "",
    ];
    const results = presented.map((p) => matches(p));
    expect(results).toEqual([true, false, false, false, false, false]);
    expect(spy).toHaveBeenCalledTimes(presented.length);
    for (const [a, b] of spy.mock.calls) {
      expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
    }
    // The presented value's digest differs per input; the expected one is the same object each time.
    expect(new Set(spy.mock.calls.map(([, b]) => b)).size).toBe(1);
  });

  it("makes exactly one timingSafeEqual comparison per request that presents a secret", async () => {
    const app = await start();
    try {
      const spy = jest.spyOn(crypto, "timingSafeEqual");
      for (const presented of [SECRET, "short", SECRET.repeat(10), `${SECRET.slice(0, -1)}x`]) {
        await app.call("GET", "/v1/diagnostics", {
          headers: { authorization: `Bearer ${presented}` },
        });
      }
      expect(spy).toHaveBeenCalledTimes(4);
      for (const [a, b] of spy.mock.calls) {
        expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
      }
    } finally {
      await app.close();
    }
  });
});
