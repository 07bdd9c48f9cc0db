/**
 * POST /v1/stripe/webhook through HTTP with the REAL adapters against the emulators: events
 * applied to every record of their session, duplicates and late events, refused signatures,
 * foreign sessions, and no webhook secret.
 */
import {
  WEBHOOK_SECRET,
  checkout,
  eventOf,
  fields,
  kintoneMinute,
  kintoneWrites,
  postEvent,
  signNow,
  startWebhookProxy,
  stripeClient,
  webhookProxyPerTest,
} from "./support/webhooksKit";

const env = webhookProxyPerTest();

describe("POST /v1/stripe/webhook", () => {
  it("writes the paid state into every record of the session, with the buyer's e-mail and paidAt", async () => {
    const { ids, sessionId } = await checkout(env, [
      { name: "Tea", price: "12.50" },
      { name: "Cup", price: "3.00" },
    ]);
    await env.stripe.payWithCard(sessionId);
    await env.stripe.flushWebhooks();
    const completed = eventOf(env, "checkout.session.completed", sessionId);
    for (const id of ids) {
      expect(fields(env, id)).toEqual({
        status: "complete",
        paymentStatus: "paid",
        amount: "15.50",
      });
      expect(env.field(id, "email")).toBe("customer@example.com");
      expect(env.field(id, "paid_at")).toBe(kintoneMinute(completed.created));
    }
    expect(env.stripe.state.webhookDeliveries.every((d) => d.ok && d.status === 200)).toBe(true);
  });

  it("ignores an event delivered twice", async () => {
    const { ids, sessionId } = await checkout(env, [{ name: "Tea", price: "12.50" }]);
    env.stripe.configure({ webhook: undefined });
    await env.stripe.payWithCard(sessionId);
    const payload = JSON.stringify(eventOf(env, "checkout.session.completed", sessionId));

    const first = await postEvent(env, payload);
    const writesAfterFirst = kintoneWrites(env);
    const second = await postEvent(env, payload);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.body.outcome, second.body.outcome]).toEqual(["applied", "duplicate"]);
    expect(kintoneWrites(env)).toBe(writesAfterFirst);
    expect(fields(env, ids[0]!)).toMatchObject({ paymentStatus: "paid" });
  });

  it("keeps the record paid when the old completed (unpaid) event arrives after async_payment_succeeded", async () => {
    const { ids, sessionId } = await checkout(env, [{ name: "Tea", price: "12.50" }]);
    env.stripe.configure({ webhook: undefined });
    await env.stripe.payWithDelayedMethod(sessionId);
    await env.stripe.settleDelayedPayment(sessionId, "succeeded");
    const completed = eventOf(env, "checkout.session.completed", sessionId);
    const succeeded = eventOf(env, "checkout.session.async_payment_succeeded", sessionId);

    expect((await postEvent(env, JSON.stringify(succeeded))).body.outcome).toBe("applied");
    expect(fields(env, ids[0]!)).toMatchObject({ status: "complete", paymentStatus: "paid" });
    const late = await postEvent(env, JSON.stringify(completed));
    expect(late).toMatchObject({ status: 200, body: { outcome: "no_change" } });
    expect(fields(env, ids[0]!)).toMatchObject({ status: "complete", paymentStatus: "paid" });
    expect(env.field(ids[0]!, "paid_at")).toBe(kintoneMinute(succeeded.created));
  });

  it("keeps refunded when the payment events arrive after the refund", async () => {
    const { ids, sessionId } = await checkout(env, [{ name: "Tea", price: "12.50" }]);
    env.stripe.configure({ webhook: undefined });
    await env.stripe.payWithCard(sessionId);
    await env.stripe.refundSession(sessionId);
    const paymentIntent = env.stripe.state.sessions.find(
      (s) => s.id === sessionId,
    )!.payment_intent!;
    // The refund names only the payment intent: the proxy asks Stripe which session it paid.
    expect(
      (await postEvent(env, JSON.stringify(eventOf(env, "charge.refunded", paymentIntent)))).body
        .outcome,
    ).toBe("applied");
    await postEvent(env, JSON.stringify(eventOf(env, "checkout.session.completed", sessionId)));
    expect(fields(env, ids[0]!)).toMatchObject({ status: "complete", paymentStatus: "refunded" });
  });

  it.each([
    ["a wrong signature", (payload: string) => signNow(payload, "whsec_wrong")],
    ["a signature older than 300 s", (payload: string) => signNow(payload, WEBHOOK_SECRET, 301)],
    ["a signature over another body", (payload: string) => signNow(`${payload} `)],
    ["no signature", () => undefined],
  ])("answers 400 UNAUTHORIZED for %s, and applies nothing", async (_case, sign) => {
    const { ids, sessionId } = await checkout(env, [{ name: "Tea", price: "12.50" }]);
    env.stripe.configure({ webhook: undefined });
    await env.stripe.payWithCard(sessionId);
    const payload = JSON.stringify(eventOf(env, "checkout.session.completed", sessionId));
    const answer = await postEvent(env, payload, sign(payload) ?? "");
    expect(answer).toEqual({
      status: 400,
      body: { error: { code: "UNAUTHORIZED", message: expect.any(String), details: [] } },
    });
    expect(answer.body.error.message).not.toContain(WEBHOOK_SECRET);
    expect(fields(env, ids[0]!)).toMatchObject({ status: "open" });
    expect(await env.proxy.journal.stripeEvents.latestCreated()).toBeUndefined();
  });

  it("answers 200 and writes no record for an event of a session the proxy did not make", async () => {
    const foreign = await stripeClient(env).checkout.sessions.create({
      mode: "payment",
      line_items: [
        {
          price_data: { currency: "usd", unit_amount: 700, product_data: { name: "Elsewhere" } },
          quantity: 1,
        },
      ],
      success_url: "https://elsewhere.example.com/",
    });
    env.kintone.clearRequests();
    await env.stripe.payWithCard(foreign.id);
    await env.stripe.flushWebhooks();
    const delivery = env.stripe.state.webhookDeliveries.find(
      (d) => d.eventType === "checkout.session.completed",
    );
    expect(delivery).toMatchObject({ status: 200, ok: true });
    expect(env.kintone.requests).toEqual([]);
    const event = eventOf(env, "checkout.session.completed", foreign.id);
    expect((await env.proxy.journal.stripeEvents.get(event.id))?.outcome).toBe("unknown_session");
  });

  it("answers 503 with a clear error when no STRIPE_WEBHOOK_SECRET is set", async () => {
    await env.proxy.close();
    env.proxy = await startWebhookProxy(env, ":memory:", { STRIPE_WEBHOOK_SECRET: "" });
    const answer = await postEvent(env, JSON.stringify({ id: "evt_1", object: "event" }));
    expect(answer.status).toBe(503);
    expect(answer.body.error.message).toContain("STRIPE_WEBHOOK_SECRET");
  });
});
