/**
 * The gateway with the real stripe SDK against the sandbox's Stripe emulator.
 */
import Stripe from "stripe";
import {
  startStripeEmulator,
  type StripeEmulator,
} from "../../../../sandbox/stripe/StripeEmulator";
import { SessionNotFoundError } from "../../../errors/SessionNotFoundError";
import { SessionNotOpenError } from "../../../errors/SessionNotOpenError";
import { UpstreamError } from "../../../errors/UpstreamError";
import type { CheckoutSessionRequest, PaymentGateway } from "../../../ports/PaymentGateway";
import {
  createStripePaymentGateway,
  describeApiKey,
  type StripePaymentGatewayOptions,
} from "../StripePaymentGateway";
import { createStripeClient } from "../createStripeClient";
import { productIdForCode } from "../productIdForCode";

const API_KEY = "sk_test_gatewayTests1234";

let emulator: StripeEmulator;

beforeAll(async () => {
  emulator = await startStripeEmulator();
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(() => {
  emulator.reset();
  emulator.configure({ rateLimitPerSecond: undefined, searchLagMs: 0, restrictedKeys: undefined });
});

function gateway(options: Partial<StripePaymentGatewayOptions> = {}): PaymentGateway {
  return createStripePaymentGateway({
    apiKey: API_KEY,
    apiBase: emulator.url,
    // Plenty for tests; the limiter has its own test below.
    rateLimitPerSecond: 1000,
    rateLimitRetryDelayMs: 50,
    ...options,
  });
}

/** A raw SDK client, as a person working in the Stripe Dashboard would act. */
function dashboard(): Stripe {
  return createStripeClient({ apiKey: API_KEY, apiBase: emulator.url, maxNetworkRetries: 0 });
}

function productRequests() {
  return emulator.requests.filter((request) => request.path.startsWith("/v1/products"));
}

function sessionRequest(overrides: Partial<CheckoutSessionRequest> = {}): CheckoutSessionRequest {
  return {
    idempotencyKey: `checkout-${Math.random().toString(36).slice(2)}`,
    currency: "JPY",
    lineItems: [{ product: { name: "Green tea" }, unitAmount: 500, quantity: 2 }],
    successUrl: "https://shop.example/thanks?session={CHECKOUT_SESSION_ID}",
    expiresAt: new Date((emulator.now() + 3600) * 1000),
    clientReferenceId: "12:1",
    metadata: { appId: "12", recordIds: "1" },
    ...overrides,
  };
}

describe("upsertProduct", () => {
  it("creates the product once under the code's own id, then reuses it without writing", async () => {
    const payments = gateway();
    const details = { code: "TEA-01", name: "Green tea", description: "Sencha, 100 g" };

    const first = await payments.upsertProduct(details);
    emulator.clearRequests();
    const second = await payments.upsertProduct(details);

    expect(first.productId).toBe(productIdForCode("TEA-01"));
    expect(second.productId).toBe(first.productId);
    expect(emulator.state.products).toHaveLength(1);
    expect(emulator.state.products[0]).toMatchObject({
      id: first.productId,
      name: "Green tea",
      description: "Sencha, 100 g",
      metadata: { product_code: "TEA-01" },
    });
    expect(productRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/products/${first.productId}`,
    ]);
  });

  it("updates only what changed, and keeps the images when none are given", async () => {
    const payments = gateway();
    const images = ["https://img.example/tea.png"];
    const { productId } = await payments.upsertProduct({ code: "TEA-02", name: "Tea", images });
    const otherGateway = gateway(); // no memory of the first call

    emulator.clearRequests();
    await otherGateway.upsertProduct({ code: "TEA-02", name: "Tea" });
    expect(productRequests().filter((r) => r.method === "POST")).toEqual([]);

    await otherGateway.upsertProduct({ code: "TEA-02", name: "Green tea" });
    const writes = productRequests().filter((r) => r.method === "POST");
    expect(writes.map((r) => r.path)).toEqual([`/v1/products/${productId}`]);
    expect(emulator.state.products[0]).toMatchObject({ name: "Green tea", images });
  });

  it("makes one product when two checkouts upsert a new code at the same time", async () => {
    // Separate gateways stand for separate proxy processes: no shared in-process memory.
    const details = { code: "NEW-CODE", name: "New thing" };
    const results = await Promise.all([
      gateway().upsertProduct(details),
      gateway().upsertProduct(details),
      gateway().upsertProduct(details),
      gateway().upsertProduct(details),
    ]);

    expect(new Set(results.map((r) => r.productId)).size).toBe(1);
    expect(emulator.state.products).toHaveLength(1);
  });

  it("shares one round of calls between identical concurrent upserts in one process", async () => {
    const payments = gateway();
    const details = { code: "SAME", name: "Same" };
    await Promise.all([payments.upsertProduct(details), payments.upsertProduct(details)]);
    expect(productRequests().filter((r) => r.method === "POST")).toHaveLength(1);
    expect(emulator.state.products).toHaveLength(1);
  });

  it("finds its own product while search still lags, instead of creating another", async () => {
    emulator.configure({ searchLagMs: 60_000 });
    const created = await gateway().upsertProduct({ code: "LAG-1", name: "Lagging" });
    const again = await gateway().upsertProduct({ code: "LAG-1", name: "Lagging" });
    expect(again.productId).toBe(created.productId);
    expect(emulator.state.products).toHaveLength(1);
  });

  it("reuses a product registered by hand with metadata product_code", async () => {
    const code = "HAND MADE-1";
    const byHand = await dashboard().products.create({
      name: "Handmade mug",
      metadata: { product_code: code },
    });
    await dashboard().products.create({ name: "Other", metadata: { product_code: "OTHER" } });

    const payments = gateway();
    const first = await payments.upsertProduct({ code, name: "Handmade mug" });
    emulator.clearRequests();
    const second = await payments.upsertProduct({ code, name: "Handmade mug" });

    expect(first.productId).toBe(byHand.id);
    expect(second.productId).toBe(byHand.id);
    expect(emulator.state.products).toHaveLength(2);
    // Remembered: the second call reads the product directly, no search.
    expect(productRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/products/${byHand.id}`,
    ]);
  });

  it("keeps one product for a code with quotes and backslashes in it", async () => {
    const code = `it's a "quoted" \\ code`;
    const first = await gateway().upsertProduct({ code, name: "Quoted" });
    const second = await gateway().upsertProduct({ code, name: "Quoted" });
    expect(second.productId).toBe(first.productId);
    expect(emulator.state.products.map((p) => p.metadata)).toEqual([{ product_code: code }]);
  });

  it("re-activates an archived product it reuses", async () => {
    const payments = gateway();
    const { productId } = await payments.upsertProduct({ code: "ARCH", name: "Archived" });
    await dashboard().products.update(productId, { active: false });

    await gateway().upsertProduct({ code: "ARCH", name: "Archived" });

    expect(emulator.state.products[0]?.active).toBe(true);
  });
});

/** What createCheckouts does for one session: look the new codes up, then upsert 4 lines at a time. */
async function upsertSession(
  payments: PaymentGateway,
  lines: { code: string; name: string }[],
): Promise<string[]> {
  await payments.prepareProducts?.(lines.map((line) => line.code));
  const ids: string[] = new Array(lines.length);
  let next = 0;
  const worker = async () => {
    while (next < lines.length) {
      const index = next++;
      ids[index] = (await payments.upsertProduct(lines[index]!)).productId;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return ids;
}

function tenLines(prefix = "P") {
  return Array.from({ length: 10 }, (_, i) => ({ code: `${prefix}-${i}`, name: `Item ${i}` }));
}

function requestLine(request: { method: string; path: string }): string {
  return `${request.method} ${request.path}`;
}

describe("a session's new product codes", () => {
  it("cost one search for all ten, one create each and the session: 12 requests, not 31", async () => {
    const payments = gateway();
    const lines = tenLines();

    const ids = await upsertSession(payments, lines);
    await payments.createCheckoutSession(
      sessionRequest({
        lineItems: ids.map((id) => ({ product: { id }, unitAmount: 100, quantity: 1 })),
      }),
    );

    expect(emulator.requests.length).toBeLessThanOrEqual(lines.length + 2);
    expect(emulator.requests.map(requestLine).sort()).toEqual(
      [
        "GET /v1/products/search",
        ...lines.map(() => "POST /v1/products"),
        "POST /v1/checkout/sessions",
      ].sort(),
    );
    expect(ids).toEqual(lines.map((line) => productIdForCode(line.code)));
    expect(emulator.state.products).toHaveLength(10);
  });

  it("are looked up ten codes to a search, as Stripe combines at most 10 clauses", async () => {
    const payments = gateway();
    const lines = Array.from({ length: 23 }, (_, i) => ({ code: `Q-${i}`, name: `Q ${i}` }));

    await upsertSession(payments, lines);

    const searches = emulator.requests.filter((r) => r.path === "/v1/products/search");
    expect(searches.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(emulator.requests.filter((r) => r.method === "POST")).toHaveLength(23);
    expect(emulator.state.products).toHaveLength(23);
  });

  it("reuse the products registered by hand among them, and create only the others", async () => {
    const lines = tenLines("MIX");
    const byHand = new Map<string, string>();
    for (const line of [lines[2]!, lines[5]!, lines[9]!]) {
      const product = await dashboard().products.create({
        name: line.name,
        metadata: { product_code: line.code },
      });
      byHand.set(line.code, product.id);
    }
    // Search is case-insensitive; a product of code "mix-0" is not the product of "MIX-0".
    await dashboard().products.create({ name: "Other", metadata: { product_code: "mix-0" } });
    emulator.clearRequests();

    const ids = await upsertSession(gateway(), lines);

    expect(ids).toEqual(lines.map((line) => byHand.get(line.code) ?? productIdForCode(line.code)));
    expect(emulator.state.products).toHaveLength(4 + 7);
    expect(productRequests().filter((r) => r.path === "/v1/products/search")).toHaveLength(1);
    expect(productRequests().filter((r) => r.method === "POST")).toHaveLength(7);
  });

  it("prefer the code's own product to one registered by hand when both exist", async () => {
    const code = "BOTH";
    await gateway().upsertProduct({ code, name: "Ours" });
    await dashboard().products.create({ name: "By hand", metadata: { product_code: code } });

    const [id] = await upsertSession(gateway(), [{ code, name: "Ours" }]);

    expect(id).toBe(productIdForCode(code));
  });

  it("still make one product per code when two processes create them at once", async () => {
    const lines = tenLines("RACE");
    // Separate gateways stand for separate proxy processes; both looked up before either created.
    const [first, second] = await Promise.all([
      upsertSession(gateway(), lines),
      upsertSession(gateway(), lines),
    ]);

    expect(second).toEqual(first);
    expect(emulator.state.products).toHaveLength(10);
    const refused = emulator.requests.filter((r) => r.method === "POST" && r.status === 400);
    // Every refusal is Stripe's "that id exists", answered by reading the winner's product.
    expect(refused.length).toBeGreaterThan(0);
    expect(
      emulator.requests.filter((r) => r.method === "GET" && r.path.startsWith("/v1/products/kc_")),
    ).toHaveLength(refused.length);
  });

  it("do not duplicate products another process made a moment ago, while search lags", async () => {
    emulator.configure({ searchLagMs: 60_000 });
    const lines = tenLines("LAGGING");
    const first = await upsertSession(gateway(), lines);
    emulator.clearRequests();

    const second = await upsertSession(gateway(), [
      ...lines.slice(0, 5),
      { ...lines[5]!, name: "Renamed" },
      ...lines.slice(6),
    ]);

    expect(second).toEqual(first);
    expect(emulator.state.products).toHaveLength(10);
    expect(emulator.state.products.find((p) => p.id === first[5])?.name).toBe("Renamed");
  });

  it("are looked up one by one when the session's lookup fails, and still created", async () => {
    emulator.failNext({ method: "GET", pathPrefix: "/v1/products/search", status: 500 });
    const logger = { info: jest.fn(), warn: jest.fn() };
    const lines = tenLines("NOLOOKUP");

    const ids = await upsertSession(gateway({ logger, maxNetworkRetries: 0 }), lines);

    expect(ids).toEqual(lines.map((line) => productIdForCode(line.code)));
    const searches = emulator.requests.filter((r) => r.path === "/v1/products/search");
    expect(searches.map((r) => r.status)).toEqual([500, ...lines.map(() => 200)]);
    expect(emulator.state.products).toHaveLength(10);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.anything(),
      expect.stringMatching(/lookup failed/),
    );
  });

  it("cost a search and a create when no lookup was prepared", async () => {
    const { productId } = await gateway().upsertProduct({ code: "ALONE", name: "Alone" });

    expect(productId).toBe(productIdForCode("ALONE"));
    expect(emulator.requests.map(requestLine)).toEqual([
      "GET /v1/products/search",
      "POST /v1/products",
    ]);
  });

  it("skip the lookup for codes the gateway already knows", async () => {
    const payments = gateway();
    await payments.upsertProduct({ code: "KNOWN", name: "Known" });
    emulator.clearRequests();

    await payments.prepareProducts?.(["KNOWN"]);
    await payments.upsertProduct({ code: "KNOWN", name: "Known" });

    expect(emulator.requests.map(requestLine)).toEqual([
      `GET /v1/products/${productIdForCode("KNOWN")}`,
    ]);
  });
});

describe("uploadProductImage", () => {
  it("uploads to the emulator's Files API and returns a public link to the same bytes", async () => {
    const bytes = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 2, 3, 4]);

    const { url } = await gateway().uploadProductImage({
      bytes,
      filename: "tiny.gif",
      contentType: "image/gif",
    });

    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/files",
      "POST /v1/file_links",
    ]);
    expect(emulator.state.files[0]).toMatchObject({
      purpose: "business_logo",
      filename: "tiny.gif",
    });
    const served = await fetch(url);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
  });
});

describe("createCheckoutSession", () => {
  it("sends the lines, urls, expiry and options as Stripe expects them", async () => {
    const payments = gateway();
    const { productId } = await payments.upsertProduct({ code: "TEA-01", name: "Green tea" });
    const expiresAt = new Date((emulator.now() + 7200) * 1000);

    const session = await payments.createCheckoutSession(
      sessionRequest({
        expiresAt,
        cancelUrl: "https://shop.example/cancel",
        customerEmail: "buyer@example.com",
        locale: "ja",
        allowPromotionCodes: true,
        billingAddressCollection: "required",
        lineItems: [
          {
            product: { id: productId },
            unitAmount: 500,
            quantity: 2,
            adjustableQuantity: { minimum: 1, maximum: 5 },
          },
          { product: { name: "Gift wrap", description: "" }, unitAmount: 150, quantity: 1 },
        ],
      }),
    );

    expect(session).toMatchObject({
      status: "open",
      paymentStatus: "unpaid",
      amountTotal: 1150,
      currency: "jpy",
      customerEmail: "buyer@example.com",
      clientReferenceId: "12:1",
      metadata: { appId: "12", recordIds: "1" },
      expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000),
    });
    expect(session.url).toMatch(/^http:\/\/localhost:\d+\//);
    const stored = emulator.state.sessions[0];
    expect(stored).toMatchObject({
      mode: "payment",
      cancel_url: "https://shop.example/cancel",
      locale: "ja",
      allow_promotion_codes: true,
      billing_address_collection: "required",
    });
    const lines = await dashboard().checkout.sessions.listLineItems(session.id);
    expect(
      lines.data.map((line) => ({
        product: line.price?.product,
        name: line.description,
        unitAmount: line.price?.unit_amount,
        currency: line.currency,
        quantity: line.quantity,
      })),
    ).toEqual([
      { product: productId, name: "Green tea", unitAmount: 500, currency: "jpy", quantity: 2 },
      {
        product: expect.stringMatching(/^prod_/),
        name: "Gift wrap",
        unitAmount: 150,
        currency: "jpy",
        quantity: 1,
      },
    ]);
  });

  it("makes one session for the same idempotency key sent twice", async () => {
    const payments = gateway();
    const request = sessionRequest({ idempotencyKey: "records-12-1-rev-3" });

    const first = await payments.createCheckoutSession(request);
    const second = await payments.createCheckoutSession(request);

    expect(second.id).toBe(first.id);
    expect(emulator.state.sessions).toHaveLength(1);
  });

  it("retries 429s with the same idempotency key until Stripe takes the request", async () => {
    emulator.failNext({
      method: "POST",
      pathPrefix: "/v1/checkout/sessions",
      status: 429,
      count: 2,
    });
    const request = sessionRequest();
    const logger = { info: jest.fn(), warn: jest.fn() };

    const session = await gateway({ logger }).createCheckoutSession(request);

    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain(API_KEY);
    const posts = emulator.requests.filter((r) => r.method === "POST");
    expect(posts.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(new Set(posts.map((r) => r.idempotencyKey))).toEqual(new Set([request.idempotencyKey]));
    expect(emulator.state.sessions.map((s) => s.id)).toEqual([session.id]);
  });

  it("retries a 500, and a response lost after Stripe acted, without a second session", async () => {
    emulator.failNext({ method: "POST", pathPrefix: "/v1/checkout/sessions", status: 500 });
    const first = await gateway().createCheckoutSession(sessionRequest());
    expect(emulator.requests.map((r) => r.status)).toEqual([500, 200]);

    emulator.clearRequests();
    emulator.failNext({
      method: "POST",
      pathPrefix: "/v1/checkout/sessions",
      status: 500,
      when: "after",
    });
    const second = await gateway().createCheckoutSession(sessionRequest());
    expect(emulator.requests.map((r) => r.status)).toEqual([500, 200]);
    expect(emulator.state.sessions.map((s) => s.id).sort()).toEqual([first.id, second.id].sort());
  });

  it("retries after a timeout", async () => {
    emulator.failNext({ method: "GET", pathPrefix: "/v1/checkout/sessions", status: "timeout" });
    const created = await gateway().createCheckoutSession(sessionRequest());

    const read = await gateway({ timeoutMs: 300 }).retrieveCheckoutSession(created.id);

    expect(read?.id).toBe(created.id);
    expect(emulator.requests.filter((r) => r.method === "GET").map((r) => r.status)).toEqual([
      0, 200,
    ]);
  });

  it("reports what Stripe refused as an UpstreamError with its request id", async () => {
    const attempt = gateway().createCheckoutSession(sessionRequest({ currency: "xyz" }));

    const error = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      code: "STRIPE_ERROR",
      retryable: false,
      upstreamStatus: 400,
      requestId: expect.stringMatching(/^req_/),
    });
    expect((error as UpstreamError).message).toMatch(
      /^Stripe refused to create the checkout session: /,
    );
    expect((error as UpstreamError).message).not.toContain(API_KEY);
  });

  it("gives up on persistent 429s with a retryable UpstreamError", async () => {
    emulator.failNext({ pathPrefix: "/v1/checkout/sessions", status: 429, count: 10 });
    const error = await gateway({ maxRateLimitRetries: 2 })
      .createCheckoutSession(sessionRequest())
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "STRIPE_ERROR", retryable: true, upstreamStatus: 429 });
    expect(emulator.requests).toHaveLength(3);
  });
});

describe("reading, listing and expiring sessions", () => {
  it("returns null for an unknown session", async () => {
    expect(await gateway().retrieveCheckoutSession("cs_test_unknown")).toBeNull();
  });

  it("expires an open session, and says why it cannot expire others", async () => {
    const payments = gateway();
    const open = await payments.createCheckoutSession(sessionRequest());
    const paid = await payments.createCheckoutSession(sessionRequest());
    await emulator.payWithCard(paid.id);

    expect((await payments.expireCheckoutSession(open.id)).status).toBe("expired");
    await expect(payments.expireCheckoutSession(paid.id)).rejects.toBeInstanceOf(
      SessionNotOpenError,
    );
    await expect(payments.expireCheckoutSession("cs_test_unknown")).rejects.toBeInstanceOf(
      SessionNotFoundError,
    );
  });

  it("reads a paid session with the buyer's e-mail and payment intent", async () => {
    const payments = gateway();
    const created = await payments.createCheckoutSession(
      sessionRequest({ customerEmail: "buyer@example.com" }),
    );
    await emulator.payWithCard(created.id);

    const session = await payments.retrieveCheckoutSession(created.id);

    expect(session).toMatchObject({
      status: "complete",
      paymentStatus: "paid",
      customerEmail: "buyer@example.com",
      paymentIntentId: expect.stringMatching(/^pi_/),
    });
  });

  it("lists sessions by status and the buyer's e-mail, a page at a time", async () => {
    const payments = gateway();
    const a = await payments.createCheckoutSession(
      sessionRequest({ customerEmail: "a@example.com" }),
    );
    const b = await payments.createCheckoutSession(
      sessionRequest({ customerEmail: "b@example.com" }),
    );
    const c = await payments.createCheckoutSession(
      sessionRequest({ customerEmail: "a@example.com" }),
    );
    await emulator.payWithCard(a.id);
    await emulator.payWithCard(b.id);

    const paidByA = await payments.listCheckoutSessions({
      status: "complete",
      customerEmail: "a@example.com",
    });
    expect(paidByA.sessions.map((s) => s.id)).toEqual([a.id]);
    const open = await payments.listCheckoutSessions({ status: "open" });
    expect(open.sessions.map((s) => s.id)).toEqual([c.id]);

    const firstPage = await payments.listCheckoutSessions({ limit: 2 });
    expect(firstPage.hasMore).toBe(true);
    const secondPage = await payments.listCheckoutSessions({
      limit: 2,
      startingAfter: firstPage.sessions[1]!.id,
    });
    const all = [...firstPage.sessions, ...secondPage.sessions].map((s) => s.id);
    expect(all.sort()).toEqual([a.id, b.id, c.id].sort());
    expect(secondPage.hasMore).toBe(false);
  });

  it("lists by payment intent", async () => {
    const payments = gateway();
    const created = await payments.createCheckoutSession(sessionRequest());
    await payments.createCheckoutSession(sessionRequest());
    await emulator.payWithCard(created.id);
    const paymentIntent = (await payments.retrieveCheckoutSession(created.id))!.paymentIntentId!;

    const found = await payments.listCheckoutSessions({ paymentIntent });

    expect(found.sessions.map((s) => s.id)).toEqual([created.id]);
  });
});

describe("describeApiKey", () => {
  it("reads mode and kind from the key's prefix", () => {
    expect(describeApiKey("rk_live_abc")).toEqual({
      mode: "live",
      keyType: "restricted",
      usable: true,
    });
    expect(describeApiKey("sk_test_abc")).toEqual({
      mode: "test",
      keyType: "secret",
      usable: true,
    });
    expect(describeApiKey("pk_live_abc").usable).toBe(false);
    expect(describeApiKey("whatever").usable).toBe(false);
  });
});

describe("describeKey", () => {
  it("finds nothing wrong with a working test secret key", async () => {
    expect(await gateway().describeKey()).toEqual({
      mode: "test",
      keyType: "secret",
      problems: [],
    });
  });

  it("names each permission a restricted key lacks", async () => {
    emulator.configure({
      restrictedKeys: {
        rk_test_limited1234: ["checkout_sessions_write", "products_write"],
        rk_test_complete1234: [
          "checkout_sessions_write",
          "products_write",
          "events_read",
          "files_write",
        ],
      },
    });

    const limited = await gateway({ apiKey: "rk_test_limited1234" }).describeKey();
    const complete = await gateway({ apiKey: "rk_test_complete1234" }).describeKey();

    expect(limited.keyType).toBe("restricted");
    expect(limited.problems).toEqual([
      expect.stringContaining('"Events: Read"'),
      expect.stringContaining('"Files: Write'),
    ]);
    expect(limited.problems.join(" ")).not.toContain("rk_test_limited1234");
    expect(complete.problems).toEqual([]);
  });

  it("says the key is rejected, without quoting it", async () => {
    const description = await gateway({ apiKey: "sk_live_revoked-key" }).describeKey();
    expect(description.mode).toBe("live");
    expect(description.problems).toHaveLength(1);
    expect(description.problems[0]).toMatch(/rejected/);
    expect(description.problems[0]).not.toContain("revoked-key");
  });

  it("refuses a publishable key without calling Stripe", async () => {
    const description = await gateway({ apiKey: "pk_test_abc" }).describeKey();
    expect(description.problems[0]).toMatch(/neither a restricted key/);
    expect(emulator.requests).toEqual([]);
  });
});

describe("client-side rate limit", () => {
  it("paces a burst so that a rate-limited Stripe never answers 429", async () => {
    emulator.configure({ rateLimitPerSecond: 10 });
    const payments = gateway({ rateLimitPerSecond: 10 });
    const started = Date.now();

    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => payments.retrieveCheckoutSession(`cs_test_${i}`)),
    );

    expect(results.every((result) => result === null)).toBe(true);
    expect(emulator.requests.map((r) => r.status).filter((s) => s === 429)).toEqual([]);
    expect(emulator.requests).toHaveLength(15);
    // 14 gaps of 100 ms, give or take timer precision.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1300);
  });
});
