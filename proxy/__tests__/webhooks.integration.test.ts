/**
 * Stripe events → records, through HTTP with the REAL adapters against the Stripe and kintone
 * emulators: the emulator signs and delivers webhooks to the proxy, and its events list feeds the
 * catch-up. Issue 5's acceptance stories are the `it`s of "issue 5 acceptance".
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitFor } from "../../testkit/waitFor";
import {
  checkout,
  eventOf,
  fields,
  kintoneMinute,
  kintoneWrites,
  postEvent,
  startWebhookProxy,
  stripeClient,
  webhookProxyPerTest,
} from "./support/webhooksKit";

const env = webhookProxyPerTest();
let tmpDir: string;

beforeEach(() => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "webhooks-"));
});

afterEach(() => {
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

describe("issue 5 acceptance", () => {
  it("shows complete / unpaid after a delayed payment, then paid when the emulator settles it", async () => {
    const { ids, sessionId } = await checkout(env, [{ name: "Tea", price: "12.50" }]);
    await env.stripe.payWithDelayedMethod(sessionId);
    await env.stripe.flushWebhooks();
    expect(fields(env, ids[0]!)).toEqual({
      status: "complete",
      paymentStatus: "unpaid",
      amount: "12.50",
    });
    expect(env.field(ids[0]!, "paid_at")).toBe("");

    await env.stripe.settleDelayedPayment(sessionId, "succeeded");
    await env.stripe.flushWebhooks();
    expect(fields(env, ids[0]!)).toEqual({
      status: "complete",
      paymentStatus: "paid",
      amount: "12.50",
    });
    const settled = eventOf(env, "checkout.session.async_payment_succeeded", sessionId);
    expect(env.field(ids[0]!, "paid_at")).toBe(kintoneMinute(settled.created));
  });

  it("shows failed when the delayed payment fails to settle", async () => {
    const { ids, sessionId } = await checkout(env, [{ name: "Tea", price: "12.50" }]);
    await env.stripe.payWithDelayedMethod(sessionId);
    await env.stripe.settleDelayedPayment(sessionId, "failed");
    await env.stripe.flushWebhooks();
    expect(fields(env, ids[0]!)).toMatchObject({ status: "complete", paymentStatus: "failed" });
    expect(env.field(ids[0]!, "paid_at")).toBe("");
  });

  it("shows expired when the session expires", async () => {
    const { ids } = await checkout(env, [{ name: "Tea", price: "12.50" }]);
    await env.stripe.advanceClock(25 * 60 * 60);
    await env.stripe.flushWebhooks();
    expect(fields(env, ids[0]!)).toMatchObject({ status: "expired", paymentStatus: "unpaid" });
  });

  it("shows refunded after a full refund", async () => {
    const { ids, sessionId } = await checkout(env, [{ name: "Tea", price: "12.50" }]);
    await env.stripe.payWithCard(sessionId);
    await env.stripe.refundSession(sessionId);
    await env.stripe.flushWebhooks();
    expect(fields(env, ids[0]!)).toEqual({
      status: "complete",
      paymentStatus: "refunded",
      amount: "12.50",
    });
  });

  it("shows partially_refunded after a partial refund made with env.stripe.refunds.create", async () => {
    const { ids, sessionId } = await checkout(env, [{ name: "Tea", price: "12.50" }]);
    await env.stripe.payWithCard(sessionId);
    const paymentIntent = env.stripe.state.sessions.find(
      (s) => s.id === sessionId,
    )!.payment_intent!;
    await stripeClient(env).refunds.create({ payment_intent: paymentIntent, amount: 500 });
    await env.stripe.flushWebhooks();
    expect(fields(env, ids[0]!)).toMatchObject({ paymentStatus: "partially_refunded" });
  });
});

describe("Stripe event catch-up", () => {
  it("applies an event that was stored but could not be applied, on the next pass", async () => {
    const { ids, sessionId } = await checkout(env, [{ name: "Tea", price: "12.50" }]);
    env.stripe.configure({ webhook: undefined });
    await env.stripe.payWithCard(sessionId);
    await env.stripe.refundSession(sessionId);
    const paymentIntent = env.stripe.state.sessions.find(
      (s) => s.id === sessionId,
    )!.payment_intent!;
    const refunded = eventOf(env, "charge.refunded", paymentIntent);
    // The refund comes first: finding its session takes a Stripe call, which fails once.
    env.stripe.failNext({ method: "GET", pathPrefix: "/v1/checkout/sessions", status: 400 });

    const answer = await postEvent(env, JSON.stringify(refunded));
    expect(answer).toMatchObject({ status: 200, body: { outcome: "deferred" } });
    expect(await env.proxy.journal.stripeEvents.get(refunded.id)).toMatchObject({
      appliedAt: null,
      attempts: 1,
    });
    expect(fields(env, ids[0]!)).toMatchObject({ status: "open" });

    await env.proxy.catchUpEvents();
    expect((await env.proxy.journal.stripeEvents.get(refunded.id))?.outcome).toBe("applied");
    expect(fields(env, ids[0]!)).toEqual({
      status: "complete",
      paymentStatus: "refunded",
      amount: "12.50",
    });
  });

  it("writes paid after a restart for a payment made while the proxy was down", async () => {
    const journalFile = path.join(tmpDir, "journal.sqlite");
    await env.proxy.close();
    env.proxy = await startWebhookProxy(env, journalFile);
    const { ids, sessionId } = await checkout(env, [{ name: "Tea", price: "12.50" }]);
    await env.proxy.close();

    await env.stripe.payWithCard(sessionId);
    await env.stripe.flushWebhooks(); // delivered to nobody
    expect(env.stripe.state.webhookDeliveries.some((d) => d.ok)).toBe(false);
    expect(fields(env, ids[0]!)).toMatchObject({ status: "open" });

    env.proxy = await startWebhookProxy(env, journalFile);
    await waitFor(() => env.field(ids[0]!, "pay_status") === "paid");
    expect(fields(env, ids[0]!)).toEqual({
      status: "complete",
      paymentStatus: "paid",
      amount: "12.50",
    });
  });

  it("applies missed events oldest first and each once, ending where live webhooks would", async () => {
    const { ids, sessionId } = await checkout(env, [{ name: "Tea", price: "12.50" }]);
    env.stripe.configure({ webhook: undefined });
    await env.stripe.payWithDelayedMethod(sessionId);
    await env.stripe.settleDelayedPayment(sessionId, "succeeded");
    const paymentIntent = env.stripe.state.sessions.find(
      (s) => s.id === sessionId,
    )!.payment_intent!;
    await stripeClient(env).refunds.create({ payment_intent: paymentIntent, amount: 250 });

    const first = await env.proxy.catchUpEvents();
    expect(first.outcomes).toEqual({ applied: 3 });
    expect(fields(env, ids[0]!)).toEqual({
      status: "complete",
      paymentStatus: "partially_refunded",
      amount: "12.50",
    });
    const writes = kintoneWrites(env);
    const again = await env.proxy.catchUpEvents();
    expect(again.outcomes).toEqual({ duplicate: 3 });
    expect(kintoneWrites(env)).toBe(writes);
  });
});
