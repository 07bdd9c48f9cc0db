/**
 * Issue 8: the HTTP edge of the proxy, its limits. Bodies over the limit are refused before
 * parsing; helmet's headers are on every answer; failed authentications and authenticated traffic
 * are rate-limited per client, the webhook never.
 */
import crypto from "node:crypto";
import { waitFor } from "../../../testkit/waitFor";
import { createApp } from "../createApp";
import { STRIPE_WEBHOOK_PATH } from "../mountStripeWebhook";
import { DEFAULT_RATE_LIMITS } from "../rateLimits";
import { REQUIRED_SECURITY_HEADERS } from "../securityInventory";
import {
  makeAppDeps,
  RATE_LIMITED_ANSWER,
  SECRET,
  signedWebhookHeaders,
  start,
  UNAUTHORIZED_ANSWER,
  type Started,
} from "./securityApp";

// The app's trust-proxy setting, read from an app built like the real one.
const PROBE_APP = createApp(makeAppDeps().deps);

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
      headers: signedWebhookHeaders(payload),
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
    // express-rate-limit keeps its own time: the window passes for real, polled, not slept.
    let status = 0;
    await waitFor(
      async () => {
        status = (await app.call("GET", "/v1/diagnostics", { headers: right })).status;
        return status !== 429;
      },
      { timeoutMs: 5_000, intervalMs: 50 },
    );
    expect(status).toBe(200);
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
        headers: signedWebhookHeaders(payload),
        body: payload,
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(app.verifierCalls).toHaveLength(5);
  });
});
