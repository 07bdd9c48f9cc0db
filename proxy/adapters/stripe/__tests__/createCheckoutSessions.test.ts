/**
 * The gateway's checkout sessions: the real stripe SDK against the
 * sandbox's Stripe emulator.
 */
import { SessionNotFoundError } from "../../../errors/SessionNotFoundError";
import { SessionNotOpenError } from "../../../errors/SessionNotOpenError";
import { UpstreamError } from "../../../errors/UpstreamError";
import { API_KEY, useGatewayTestKit } from "./gatewayTestKit";

const { emulator, gateway, dashboard, sessionRequest } = useGatewayTestKit();

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
