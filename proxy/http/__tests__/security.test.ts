/**
 * Issue 8: the HTTP edge of the proxy. Every /v1 route (read from the Express router, so a new one
 * cannot be forgotten) refuses a missing or wrong secret; the comparison is constant-time by
 * construction; bodies over the limit are refused before parsing; helmet's headers are on every
 * answer; failed authentications and authenticated traffic are rate-limited per client, the
 * webhook never.
 */
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import Stripe from "stripe";
import { createStripeWebhookVerifier } from "../../adapters/stripe/StripeWebhookVerifier";
import { JobRunner } from "../../jobs/JobRunner";
import type { WebhookVerifier } from "../../ports/WebhookVerifier";
import { makeDeps } from "../../../testkit/makeDeps";
import { APP } from "../../../testkit/productRecords";
import { presentedSecret, secretComparator } from "../authenticate";
import { createApp, type AppDependencies } from "../createApp";
import { mountStripeWebhook, STRIPE_WEBHOOK_PATH } from "../mountStripeWebhook";
import { DEFAULT_RATE_LIMITS } from "../rateLimits";
import {
  authCheckCounts,
  listRoutes,
  REFUSED_AUTHORIZATION_VARIANTS,
  REQUIRED_SECURITY_HEADERS,
  secretGuardedRoutes,
  securityCheckCounts,
} from "../securityInventory";

const SECRET = "Kq3-proxy-secret-0123456789abcdefXYZ";
const WEBHOOK_SECRET = "whsec_securitytest0123456789";

/** Counts every call into the gateway and the record store: a refused request must make none. */
function recording<T extends object>(target: T, calls: string[]): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(String(key));
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

function makeAppDeps(overrides: Partial<AppDependencies> = {}) {
  const env = makeDeps();
  const upstreamCalls: string[] = [];
  const base = {
    ...env.deps,
    gateway: recording(env.gateway, upstreamCalls),
    records: recording(env.records, upstreamCalls),
  };
  const verifierCalls: number[] = [];
  const realVerifier = createStripeWebhookVerifier({ secret: WEBHOOK_SECRET });
  const verifier: WebhookVerifier = {
    verify(body, header) {
      verifierCalls.push(body.length);
      return realVerifier.verify(body, header);
    },
  };
  const deps: AppDependencies = {
    ...base,
    proxySecret: SECRET,
    version: "9.9.9",
    setup: {
      appIds: [APP],
      stripeKeyType: "restricted",
      stripeMode: "test",
      webhookConfigured: true,
    },
    jobs: new JobRunner(base, { concurrency: 1 }),
    mountRawBodyRoutes: (app) =>
      mountStripeWebhook(app, {
        verifier,
        deps: { ...base, servedAppIds: [APP] },
      }),
    ...overrides,
  };
  return { env, deps, upstreamCalls, verifierCalls };
}

async function start(overrides: Partial<AppDependencies> = {}) {
  const made = makeAppDeps(overrides);
  const app = createApp(made.deps);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (
    method: string,
    path: string,
    options: { body?: string | Buffer; headers?: Record<string, string | undefined> } = {},
  ) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value !== undefined) headers[name] = value;
    }
    const response = await fetch(base + path, {
      method,
      headers,
      body:
        options.body === undefined || typeof options.body === "string"
          ? options.body
          : new Uint8Array(options.body),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: response.status, body, headers: response.headers };
  };
  return {
    ...made,
    app,
    call,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

type Started = Awaited<ReturnType<typeof start>>;

const UNAUTHORIZED_ANSWER = {
  error: { code: "UNAUTHORIZED", message: expect.any(String), details: [] },
};
const RATE_LIMITED_ANSWER = {
  error: { code: "RATE_LIMITED", message: expect.any(String), details: [] },
};

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
        "GET /v1/jobs/:id",
        "POST /v1/checkouts",
        "POST /v1/checkouts/:id/expire",
        "POST /v1/checkouts/:id/sync",
        "POST /v1/jobs",
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
      routes: 8,
      variants: REFUSED_AUTHORIZATION_VARIANTS.length,
      checks: 8 * REFUSED_AUTHORIZATION_VARIANTS.length,
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

describe("body size limits", () => {
  let app: Started;
  afterEach(() => app?.close());

  it("refuses an oversize JSON body with 400 BAD_REQUEST before parsing it", async () => {
    app = await start({ jsonLimit: "10kb" });
    // Not JSON at all: had it been parsed, the answer would say so.
    const answer = await app.call("POST", "/v1/checkouts", {
      headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" },
      body: `{${"x".repeat(20_000)}`,
    });
    expect(answer).toEqual({
      status: 400,
      body: { error: { code: "BAD_REQUEST", message: "The body is too large.", details: [] } },
      headers: expect.anything(),
    });
    expect(app.upstreamCalls).toEqual([]);
  });

  it("does not even read an oversize body from a caller without the secret (401 first)", async () => {
    app = await start({ jsonLimit: "10kb" });
    const answer = await app.call("POST", "/v1/checkouts", {
      headers: { "content-type": "application/json" },
      body: `{${"x".repeat(20_000)}`,
    });
    expect(answer).toMatchObject({ status: 401, body: UNAUTHORIZED_ANSWER });
  });

  it("refuses an oversize webhook body with 400 BAD_REQUEST, the signature never checked", async () => {
    app = await start();
    const payload = JSON.stringify({ id: "evt_big", pad: "x".repeat(1_100_000) });
    const answer = await app.call("POST", STRIPE_WEBHOOK_PATH, {
      headers: {
        "content-type": "application/json",
        "stripe-signature": Stripe.webhooks.generateTestHeaderString({
          payload,
          secret: WEBHOOK_SECRET,
        }),
      },
      body: payload,
    });
    expect(answer).toMatchObject({
      status: 400,
      body: { error: { code: "BAD_REQUEST", message: "The body is too large.", details: [] } },
    });
    expect(app.verifierCalls).toEqual([]);
  });
});

describe("security headers (helmet)", () => {
  it("puts helmet's headers on every kind of answer and never X-Powered-By", async () => {
    const app = await start();
    try {
      const answers = [
        await app.call("GET", "/healthz"),
        await app.call("GET", "/v1/diagnostics", {
          headers: { authorization: `Bearer ${SECRET}` },
        }),
        await app.call("GET", "/v1/diagnostics"),
        await app.call("GET", "/nowhere"),
        await app.call("POST", STRIPE_WEBHOOK_PATH, {
          headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
          body: "{}",
        }),
      ];
      expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 404, 400]);
      for (const answer of answers) {
        for (const [name, expected] of Object.entries(REQUIRED_SECURITY_HEADERS)) {
          const value = answer.headers.get(name);
          if (typeof expected === "string")
            expect({ name, value }).toEqual({ name, value: expected });
          else expect({ name, value }).toEqual({ name, value: expect.stringMatching(expected) });
        }
        expect(answer.headers.get("x-powered-by")).toBeNull();
      }
    } finally {
      await app.close();
    }
  });
});

describe("rate limits", () => {
  let app: Started;
  afterEach(() => app?.close());

  const wrong = { authorization: "Bearer wrong-secret" };
  const right = { authorization: `Bearer ${SECRET}` };

  it("blocks a client after too many failed authentications, even with the right secret, without comparing it", async () => {
    app = await start({ rateLimits: { failedAuth: { limit: 3, windowMs: 60_000 } } });
    for (let i = 0; i < 3; i++) {
      expect((await app.call("GET", "/v1/diagnostics", { headers: wrong })).status).toBe(401);
    }
    const spy = jest.spyOn(crypto, "timingSafeEqual");
    try {
      const blocked = await app.call("GET", "/v1/diagnostics", { headers: right });
      expect(blocked.status).toBe(429);
      expect(blocked.body).toEqual(RATE_LIMITED_ANSWER);
      const retryAfter = Number(blocked.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // A blocked client cannot tell a right guess from a wrong one: nothing was compared.
      expect(spy).not.toHaveBeenCalled();
      expect(app.upstreamCalls).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it("counts each client apart: X-Forwarded-For from the loopback nginx names the client", async () => {
    app = await start({ rateLimits: { failedAuth: { limit: 2, windowMs: 60_000 } } });
    const attacker = { ...wrong, "x-forwarded-for": "203.0.113.7" };
    for (let i = 0; i < 3; i++) await app.call("GET", "/v1/diagnostics", { headers: attacker });
    expect(
      (
        await app.call("GET", "/v1/diagnostics", {
          headers: { ...right, "x-forwarded-for": "203.0.113.7" },
        })
      ).status,
    ).toBe(429);
    expect(
      (
        await app.call("GET", "/v1/diagnostics", {
          headers: { ...right, "x-forwarded-for": "198.51.100.4" },
        })
      ).status,
    ).toBe(200);
    expect((await app.call("GET", "/v1/diagnostics", { headers: right })).status).toBe(200);
  });

  it("keys on the address nginx appended, whatever the client put before it", async () => {
    app = await start({ rateLimits: { failedAuth: { limit: 2, windowMs: 60_000 } } });
    // nginx's $proxy_add_x_forwarded_for appends the real peer to what the client sent.
    for (let i = 0; i < 2; i++) {
      await app.call("GET", "/v1/diagnostics", {
        headers: { ...wrong, "x-forwarded-for": `10.9.9.${i}, 203.0.113.7` },
      });
    }
    const forged = await app.call("GET", "/v1/diagnostics", {
      headers: { ...right, "x-forwarded-for": "198.51.100.99, 203.0.113.7" },
    });
    expect(forged.status).toBe(429);
  });

  it("lets a blocked client in again once its window is over", async () => {
    app = await start({ rateLimits: { failedAuth: { limit: 2, windowMs: 300 } } });
    for (let i = 0; i < 2; i++) await app.call("GET", "/v1/diagnostics", { headers: wrong });
    expect((await app.call("GET", "/v1/diagnostics", { headers: right })).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await app.call("GET", "/v1/diagnostics", { headers: right })).status).toBe(200);
  });

  it("trusts X-Forwarded-For only from a loopback peer", () => {
    const trust = PROBE_APP.get("trust proxy fn") as (address: string, hop: number) => boolean;
    expect(["127.0.0.1", "::1"].map((a) => trust(a, 0))).toEqual([true, true]);
    expect(
      ["10.0.0.5", "203.0.113.7", "192.168.1.2", "::ffff:8.8.8.8"].map((a) => trust(a, 0)),
    ).toEqual([false, false, false, false]);
  });

  it("never counts authenticated requests as failures, even 50 at once", async () => {
    app = await start({ rateLimits: { failedAuth: { limit: 2, windowMs: 60_000 } } });
    const burst = await Promise.all(
      Array.from({ length: 50 }, () =>
        app.call("GET", "/v1/checkouts/cs_test_nope", { headers: right }),
      ),
    );
    expect(new Set(burst.map((a) => a.status))).toEqual(new Set([404]));
    expect((await app.call("GET", "/v1/diagnostics", { headers: wrong })).status).toBe(401);
    expect((await app.call("GET", "/v1/diagnostics", { headers: right })).status).toBe(200);
  });

  it("answers 429 RATE_LIMITED with Retry-After past the authenticated limit", async () => {
    app = await start({ rateLimits: { authenticated: { limit: 5, windowMs: 60_000 } } });
    const statuses: number[] = [];
    let last: Awaited<ReturnType<Started["call"]>> | undefined;
    for (let i = 0; i < 6; i++) {
      last = await app.call("GET", "/v1/checkouts/cs_test_nope", { headers: right });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    expect(last!.body).toEqual(RATE_LIMITED_ANSWER);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    // Only the five admitted requests reached the gateway.
    expect(app.upstreamCalls).toEqual(Array(5).fill("retrieveCheckoutSession"));
  });

  it("has defaults a 50-connection load test can raise", async () => {
    expect(DEFAULT_RATE_LIMITS.authenticated.limit).toBeGreaterThanOrEqual(1000);
    app = await start({ rateLimits: { authenticated: { limit: 100_000 } } });
    const burst = await Promise.all(
      Array.from({ length: 50 }, () =>
        app.call("GET", "/v1/checkouts/cs_test_nope", { headers: right }),
      ),
    );
    expect(burst.every((a) => a.status === 404)).toBe(true);
  });

  it("never limits the webhook: a blocked client's events still reach the signature check", async () => {
    app = await start({
      rateLimits: { failedAuth: { limit: 1, windowMs: 60_000 }, authenticated: { limit: 1 } },
    });
    await app.call("GET", "/v1/diagnostics", { headers: wrong });
    expect((await app.call("GET", "/v1/diagnostics", { headers: right })).status).toBe(429);

    const now = Math.floor(Date.now() / 1000);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const payload = JSON.stringify({
        id: `evt_rl_${i}`,
        object: "event",
        type: "customer.created",
        created: now,
        data: { object: { id: `cus_${i}`, object: "customer" } },
      });
      const answer = await app.call("POST", STRIPE_WEBHOOK_PATH, {
        headers: {
          "content-type": "application/json",
          "stripe-signature": Stripe.webhooks.generateTestHeaderString({
            payload,
            secret: WEBHOOK_SECRET,
          }),
        },
        body: payload,
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(app.verifierCalls).toHaveLength(5);
  });
});
