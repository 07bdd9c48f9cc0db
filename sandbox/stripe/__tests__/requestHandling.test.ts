import Stripe from "stripe";
import type { StripeEmulator } from "../StripeEmulator";
import { clientFor, pricedItem, startWithClient, stripeErrorOf, TEST_KEY } from "./emulatorClient";

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe } = await startWithClient({
    restrictedKeys: { rk_test_catalogueOnly: ["rak_product_read", "checkout_sessions_read"] },
  }));
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  emulator.configure({ latencyMs: 0, rateLimitPerSecond: undefined });
});

describe("idempotency keys", () => {
  it("replays the stored answer for the same key and parameters", async () => {
    const first = await stripe.products.create({ name: "Tea" }, { idempotencyKey: "key-1" });
    const again = await stripe.products.create({ name: "Tea" }, { idempotencyKey: "key-1" });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect(emulator.state.products).toHaveLength(1);
    expect(emulator.requests.map((r) => r.idempotencyKey)).toEqual(["key-1", "key-1"]);
  });

  it("refuses the same key with other parameters with an idempotency_error", async () => {
    await stripe.products.create({ name: "Tea" }, { idempotencyKey: "key-2" });
    const error = await stripeErrorOf(
      stripe.products.create({ name: "Coffee" }, { idempotencyKey: "key-2" }),
    );
    expect(error).toMatchObject({
      type: "StripeIdempotencyError",
      rawType: "idempotency_error",
      statusCode: 400,
    });
    expect(error.message).toBe(
      "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'key-2' if you meant to execute a different request.",
    );
  });

  it("refuses the same key on another endpoint", async () => {
    await stripe.products.create({ name: "Tea" }, { idempotencyKey: "key-3" });
    const error = await stripeErrorOf(
      stripe.prices.create(
        { currency: "jpy", unit_amount: 1, product_data: { name: "Tea" } },
        { idempotencyKey: "key-3" },
      ),
    );
    expect(error).toMatchObject({ type: "StripeIdempotencyError" });
  });

  it("does not save an answer to a request that failed validation", async () => {
    const invalid = await stripeErrorOf(
      stripe.products.create({ name: "" }, { idempotencyKey: "key-4" }),
    );
    expect(invalid).toMatchObject({ code: "parameter_invalid_empty" });
    const valid = await stripe.products.create({ name: "Tea" }, { idempotencyKey: "key-4" });
    expect(valid.name).toBe("Tea");
  });

  it("replays an error raised while executing", async () => {
    await stripe.products.create({ id: "TEA", name: "Tea" });
    const first = await stripeErrorOf(
      stripe.products.create({ id: "TEA", name: "Tea" }, { idempotencyKey: "key-5" }),
    );
    const replay = await stripeErrorOf(
      stripe.products.create({ id: "TEA", name: "Tea" }, { idempotencyKey: "key-5" }),
    );
    expect(first).toMatchObject({ code: "resource_already_exists" });
    expect(replay).toMatchObject({ code: "resource_already_exists" });
    expect(replay.headers?.["idempotent-replayed"]).toBe("true");
  });

  it("refuses keys longer than 255 characters", async () => {
    await expect(
      stripe.products.create({ name: "ok" }, { idempotencyKey: "k".repeat(255) }),
    ).resolves.toBeDefined();
    const error = await stripeErrorOf(
      stripe.products.create({ name: "Tea" }, { idempotencyKey: "k".repeat(256) }),
    );
    expect(error).toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError" });
  });

  it("ignores idempotency keys on GET requests", async () => {
    await stripe.products.create({ name: "Tea" }, { idempotencyKey: "key-get" });
    const list = await stripe.products.list({ limit: 1 }, { idempotencyKey: "key-get" });
    expect(list.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect(list.object).toBe("list");
    expect(emulator.requests[1]).not.toHaveProperty("idempotencyKey");
  });

  it("forgets keys after 24 hours of emulator time", async () => {
    await stripe.products.create({ name: "Tea" }, { idempotencyKey: "key-6" });
    await emulator.advanceClock(24 * 3600);
    const other = await stripe.products.create({ name: "Coffee" }, { idempotencyKey: "key-6" });
    expect(other.name).toBe("Coffee");
  });

  it("lets a retried request whose answer was lost find the stored answer", async () => {
    const retrying = clientFor(emulator, TEST_KEY, { maxNetworkRetries: 1, timeout: 300 });
    emulator.failNext({
      method: "POST",
      pathPrefix: "/v1/products",
      status: "timeout",
      when: "after",
    });
    const product = await retrying.products.create({ name: "Tea" });
    expect(emulator.state.products.map((p) => p.id)).toEqual([product.id]);
    expect(product.lastResponse.headers["idempotent-replayed"]).toBe("true");
  });
});

describe("authentication", () => {
  it("answers 401 without a key, with a malformed key and with a publishable key", async () => {
    const missing = await fetch(`${emulator.url}/v1/products`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("request-id")).toMatch(/^req_/);
    expect(await missing.json()).toMatchObject({ error: { type: "invalid_request_error" } });

    const malformed = await stripeErrorOf(clientFor(emulator, "hunter2").products.list());
    expect(malformed).toMatchObject({ type: "StripeAuthenticationError", statusCode: 401 });
    expect(malformed.message).not.toContain("hunter2");

    const publishable = await stripeErrorOf(clientFor(emulator, "pk_test_abc123").products.list());
    expect(publishable).toMatchObject({ type: "StripeAuthenticationError", statusCode: 401 });
    expect(publishable.message).toContain("publishable API key");
  });

  it("accepts secret and restricted keys in test and live mode", async () => {
    for (const key of ["sk_test_a1", "rk_test_b2", "sk_live_c3", "rk_live_d4"]) {
      const product = await clientFor(emulator, key).products.create({ name: key });
      expect(product.livemode).toBe(key.includes("_live_"));
    }
  });

  it("keeps test and live mode objects apart", async () => {
    const live = clientFor(emulator, "sk_live_otherMode1");
    const testProduct = await stripe.products.create({ name: "Test tea" });
    const liveProduct = await live.products.create({ name: "Live tea" });
    expect((await stripe.products.list()).data.map((p) => p.id)).toEqual([testProduct.id]);
    expect((await live.products.list()).data.map((p) => p.id)).toEqual([liveProduct.id]);
    const error = await stripeErrorOf(live.products.retrieve(testProduct.id));
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing" });
    expect(error.message).toContain("a similar object exists in test mode, but a live mode key");
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [pricedItem("usd", 100)],
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(await stripeErrorOf(live.checkout.sessions.retrieve(session.id))).toMatchObject({
      statusCode: 404,
    });
  });

  it("answers 403 when a restricted key lacks the endpoint's permission", async () => {
    const limited = clientFor(emulator, "rk_test_catalogueOnly");
    await expect(limited.products.list()).resolves.toMatchObject({ object: "list" });
    await expect(limited.checkout.sessions.list()).resolves.toMatchObject({ object: "list" });
    const error = await stripeErrorOf(limited.products.create({ name: "Tea" }));
    expect(error).toMatchObject({ type: "StripePermissionError", statusCode: 403 });
    expect(error.message).toContain("rak_product_write");
    expect(error.message).not.toContain("catalogueOnly");
    expect(emulator.state.products).toHaveLength(0);
  });
});

describe("traffic shaping", () => {
  it("answers 429 rate_limit beyond rateLimitPerSecond", async () => {
    emulator.configure({ rateLimitPerSecond: 3 });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => stripe.products.list()),
    );
    const rejected = results.filter((r) => r.status === "rejected");
    // A bucket of 3 refills at 3/s: a slow machine may earn one more token during the burst.
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(3);
    expect(rejected.length).toBeGreaterThanOrEqual(2);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({
      type: "StripeRateLimitError",
      statusCode: 429,
      code: "rate_limit",
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(stripe.products.list()).resolves.toBeDefined();
  });

  it("applies an endpoint's own limit on top of the global one", async () => {
    emulator.configure({
      endpointRateLimits: [{ pathPrefix: "/v1/products/search", perSecond: 1 }],
    });
    try {
      await expect(stripe.products.search({ query: "name:'x'" })).resolves.toBeDefined();
      const error = await stripeErrorOf(stripe.products.search({ query: "name:'x'" }));
      expect(error).toMatchObject({ type: "StripeRateLimitError", statusCode: 429 });
      expect(error.headers?.["stripe-rate-limited-reason"]).toBe("endpoint-rate");
      await expect(stripe.products.list()).resolves.toBeDefined();
    } finally {
      emulator.configure({ endpointRateLimits: [] });
    }
  });

  it("adds latencyMs to every answer", async () => {
    emulator.configure({ latencyMs: 150 });
    const started = Date.now();
    await stripe.products.list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
  });

  it("fails the next matching requests with the given status, then recovers", async () => {
    emulator.failNext({ method: "POST", pathPrefix: "/v1/checkout", status: 500, count: 2 });
    await expect(stripe.products.list()).resolves.toBeDefined(); // not matching
    const params: Stripe.Checkout.SessionCreateParams = {
      mode: "payment",
      line_items: [pricedItem("usd", 100)],
    };
    for (let i = 0; i < 2; i++) {
      expect(await stripeErrorOf(stripe.checkout.sessions.create(params))).toMatchObject({
        type: "StripeAPIError",
        statusCode: 500,
      });
    }
    await expect(stripe.checkout.sessions.create(params)).resolves.toMatchObject({
      status: "open",
    });
    expect(emulator.requests.map((r) => r.status)).toEqual([200, 500, 500, 200]);
  });

  it("can make a request hang until the client times out", async () => {
    const impatient = clientFor(emulator, TEST_KEY, { timeout: 200 });
    emulator.failNext({ status: "timeout" });
    const error = await stripeErrorOf(impatient.products.list());
    expect(error).toMatchObject({ type: "StripeConnectionError" });
    await expect(impatient.products.list()).resolves.toBeDefined();
  });

  it("answers an unknown URL with 404 in Stripe's shape and a Request-Id", async () => {
    const response = await fetch(`${emulator.url}/v1/nothing`, {
      headers: { Authorization: `Bearer ${TEST_KEY}` },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(await response.json()).toMatchObject({ error: { type: "invalid_request_error" } });
  });

  it("records every API request with its status", async () => {
    await stripe.products.create({ name: "Tea" }, { idempotencyKey: "rec-1" });
    await stripeErrorOf(stripe.products.retrieve("prod_missing"));
    expect(emulator.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/v1/products",
        idempotencyKey: "rec-1",
        status: 200,
      }),
      expect.objectContaining({ method: "GET", path: "/v1/products/prod_missing", status: 404 }),
    ]);
    emulator.clearRequests();
    expect(emulator.requests).toHaveLength(0);
  });
});
