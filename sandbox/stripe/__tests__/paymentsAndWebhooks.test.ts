import Stripe from "stripe";
import type { StripeEmulator } from "../StripeEmulator";
import { sessionParams, startWithClient, stripeErrorOf } from "./emulatorClient";
import { Receiver, startReceiver } from "./webhookReceiver";

const SECRET = "whsec_emulatorTestSecret";

let emulator: StripeEmulator;
let stripe: Stripe;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  ({ emulator, stripe } = await startWithClient({
    webhookRetry: { initialDelayMs: 20, maxAttempts: 3 },
  }));
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});
beforeEach(() => {
  emulator.reset();
  emulator.configure({ webhook: undefined });
  receiver.received.length = 0;
  receiver.failures.length = 0;
});

describe("paying on the hosted page", () => {
  it("payWithCard completes the session as paid with a succeeded payment intent and charge", async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams({ customer_email: "buyer@example.com" }),
    );
    await emulator.payWithCard(session.id);
    const paid = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent"],
    });
    expect(paid).toMatchObject({
      status: "complete",
      payment_status: "paid",
      url: null,
      customer_details: { email: "buyer@example.com" },
    });
    const paymentIntent = paid.payment_intent as Stripe.PaymentIntent;
    expect(paymentIntent.id).toMatch(/^pi_/);
    expect(paymentIntent).toMatchObject({ status: "succeeded", amount: 1000, currency: "jpy" });
    const charge = await stripe.charges.retrieve(paymentIntent.latest_charge as string);
    expect(charge.id).toMatch(/^ch_/);
    expect(charge).toMatchObject({ amount: 1000, paid: true, payment_intent: paymentIntent.id });
    const expanded = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent.latest_charge", "line_items.data.price.product"],
    });
    const expandedIntent = expanded.payment_intent as Stripe.PaymentIntent;
    expect((expandedIntent.latest_charge as Stripe.Charge).id).toBe(charge.id);
    const product = expanded.line_items?.data[0]?.price?.product as Stripe.Product;
    expect(product.name).toBe("Green tea");
    const intent = await stripe.paymentIntents.retrieve(paymentIntent.id, {
      expand: ["latest_charge"],
    });
    expect((intent.latest_charge as Stripe.Charge).amount).toBe(1000);
    expect(
      await stripeErrorOf(stripe.checkout.sessions.retrieve(session.id, { expand: ["colour"] })),
    ).toMatchObject({ param: "expand", statusCode: 400 });
    const completed = emulator.state.events.find((e) => e.type === "checkout.session.completed");
    expect(completed?.data.object).toMatchObject({ id: session.id, payment_status: "paid" });
  });

  it("a delayed payment completes unpaid, then async_payment_succeeded makes it paid", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    await emulator.payWithDelayedMethod(session.id);
    const pending = await stripe.checkout.sessions.retrieve(session.id);
    expect(pending).toMatchObject({ status: "complete", payment_status: "unpaid" });
    await emulator.settleDelayedPayment(session.id, "succeeded");
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      payment_status: "paid",
    });
    const types = (await stripe.events.list({ type: "checkout.session.*" })).data.map(
      (e) => e.type,
    );
    expect(types).toEqual([
      "checkout.session.async_payment_succeeded",
      "checkout.session.completed",
    ]);
  });

  it("a delayed payment that fails emits async_payment_failed and stays unpaid", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    await emulator.payWithDelayedMethod(session.id);
    await emulator.settleDelayedPayment(session.id, "failed");
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      status: "complete",
      payment_status: "unpaid",
    });
    const failed = await stripe.events.list({ type: "checkout.session.async_payment_failed" });
    expect(failed.data).toHaveLength(1);
    expect(failed.data[0]?.data.object).toMatchObject({ id: session.id });
    await expect(emulator.settleDelayedPayment(session.id, "succeeded")).rejects.toThrow();
  });

  it("cannot pay a session that expired", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    await stripe.checkout.sessions.expire(session.id);
    await expect(emulator.payWithCard(session.id)).rejects.toThrow();
  });
});

describe("POST /v1/refunds", () => {
  it("refunds partially, then the rest, emitting charge.refunded each time", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    await emulator.payWithCard(session.id);
    const { payment_intent } = await stripe.checkout.sessions.retrieve(session.id);
    const paymentIntent = payment_intent as string;

    const partial = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 300 });
    expect(partial.id).toMatch(/^re_/);
    expect(partial).toMatchObject({
      amount: 300,
      payment_intent: paymentIntent,
      status: "succeeded",
    });
    const tooMuch = await stripeErrorOf(
      stripe.refunds.create({ payment_intent: paymentIntent, amount: 701 }),
    );
    expect(tooMuch).toMatchObject({ statusCode: 400, code: "amount_too_large" });
    const rest = await stripe.refunds.create({ payment_intent: paymentIntent });
    expect(rest.amount).toBe(700);

    const refunded = await stripe.events.list({ type: "charge.refunded" });
    expect(refunded.data.map((e) => e.data.object)).toEqual([
      expect.objectContaining({
        amount_refunded: 1000,
        refunded: true,
        payment_intent: paymentIntent,
      }),
      expect.objectContaining({
        amount_refunded: 300,
        refunded: false,
        payment_intent: paymentIntent,
      }),
    ]);
    const again = await stripeErrorOf(stripe.refunds.create({ payment_intent: paymentIntent }));
    expect(again).toMatchObject({ code: "charge_already_refunded" });
  });

  it("two partial refunds give two charge.refunded events with a growing amount_refunded", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    await emulator.payWithCard(session.id);
    const paymentIntent = (await stripe.checkout.sessions.retrieve(session.id))
      .payment_intent as string;
    await emulator.refundSession(session.id, 100);
    await emulator.refundSession(session.id, 250);
    const refunded = (await stripe.events.list({ type: "charge.refunded" })).data.reverse();
    expect(refunded.map((event) => event.data.object)).toEqual([
      expect.objectContaining({
        amount: 1000,
        amount_refunded: 100,
        refunded: false,
        payment_intent: paymentIntent,
      }),
      expect.objectContaining({
        amount: 1000,
        amount_refunded: 350,
        refunded: false,
        payment_intent: paymentIntent,
      }),
    ]);
    expect(refunded[1]?.data.previous_attributes).toEqual({
      amount_refunded: 100,
      refunded: false,
    });
  });

  it("refuses a payment intent without a successful charge", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    await emulator.payWithDelayedMethod(session.id);
    const { payment_intent } = await stripe.checkout.sessions.retrieve(session.id);
    const error = await stripeErrorOf(
      stripe.refunds.create({ payment_intent: payment_intent as string }),
    );
    expect(error).toMatchObject({ statusCode: 400 });
    expect(await stripeErrorOf(stripe.refunds.create({ payment_intent: "pi_nope" }))).toMatchObject(
      {
        code: "resource_missing",
        param: "payment_intent",
      },
    );
  });
});

describe("GET /v1/events", () => {
  it("filters by type, types[] and created, newest first, and pages", async () => {
    await stripe.products.create({ name: "A" });
    await emulator.advanceClock(100);
    const b = await stripe.products.create({ name: "B" });
    const session = await stripe.checkout.sessions.create(sessionParams());
    await emulator.payWithCard(session.id);

    const all = await stripe.events.list({ limit: 100 });
    expect(all.data[0]?.type).toBe("checkout.session.completed");
    const products = await stripe.events.list({ type: "product.created" });
    expect(products.data.map((e) => (e.data.object as Stripe.Product).name)).toEqual(["B", "A"]);
    const several = await stripe.events.list({
      types: ["product.created", "checkout.session.completed"],
    });
    expect(several.data.map((e) => e.type)).toEqual([
      "checkout.session.completed",
      "product.created",
      "product.created",
    ]);
    const recent = await stripe.events.list({
      type: "product.created",
      created: { gte: b.created },
    });
    expect(recent.data).toHaveLength(1);
    const firstPage = await stripe.events.list({ types: ["product.created"], limit: 1 });
    const secondPage = await stripe.events.list({
      types: ["product.created"],
      limit: 1,
      starting_after: firstPage.data[0]?.id,
    });
    expect(secondPage.data.map((e) => (e.data.object as Stripe.Product).name)).toEqual(["A"]);
    const back = await stripe.events.list({
      types: ["product.created"],
      ending_before: secondPage.data[0]?.id,
    });
    expect(back.data.map((e) => e.id)).toEqual([firstPage.data[0]?.id]);
    await expect(stripe.events.retrieve(firstPage.data[0]?.id as string)).resolves.toMatchObject({
      object: "event",
    });
  });

  it("keeps a snapshot of the object at the time of the event", async () => {
    const product = await stripe.products.create({ name: "Before" });
    await stripe.products.update(product.id, { name: "After" });
    const [created] = (await stripe.events.list({ type: "product.created" })).data;
    expect((created?.data.object as Stripe.Product).name).toBe("Before");
  });
});

describe("webhooks", () => {
  it("delivers events signed so that stripe.webhooks.constructEvent verifies them", async () => {
    emulator.configure({ webhook: { url: receiver.url, secret: SECRET } });
    const session = await stripe.checkout.sessions.create(sessionParams());
    await emulator.payWithCard(session.id);
    await emulator.flushWebhooks();
    const events = receiver.received.map(({ body, signature }) =>
      Stripe.webhooks.constructEvent(body, signature, SECRET),
    );
    const completed = events.find((e) => e.type === "checkout.session.completed");
    expect(completed?.data.object).toMatchObject({ id: session.id, payment_status: "paid" });
    expect(receiver.received[0]?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(() =>
      Stripe.webhooks.constructEvent(
        receiver.received[0]?.body as string,
        receiver.received[0]?.signature as string,
        "whsec_other",
      ),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it("retries a failing endpoint with backoff until it answers 2xx", async () => {
    emulator.configure({ webhook: { url: receiver.url, secret: SECRET } });
    receiver.failures.push(500, 503);
    await stripe.products.create({ name: "Tea" });
    await emulator.flushWebhooks();
    expect(receiver.received).toHaveLength(1);
    const attempts = emulator.state.webhookDeliveries;
    expect(attempts.map((a) => [a.attempt, a.status, a.ok])).toEqual([
      [1, 500, false],
      [2, 503, false],
      [3, 200, true],
    ]);
    const [event] = emulator.state.events;
    expect(event?.pending_webhooks).toBe(0);
  });

  it("resends an event on request: the same event id arrives twice", async () => {
    emulator.configure({ webhook: { url: receiver.url, secret: SECRET } });
    const product = await stripe.products.create({ name: "Tea" });
    const [event] = emulator.state.events;
    await emulator.resendEvent(event?.id as string);
    await emulator.flushWebhooks();
    const ids = receiver.received.map(
      ({ body, signature }) => Stripe.webhooks.constructEvent(body, signature, SECRET).id,
    );
    expect(ids).toEqual([event?.id, event?.id]);
    expect(JSON.parse(receiver.received[1]?.body as string).data.object.id).toBe(product.id);
  });

  it("delivers every event even when jitter reorders them", async () => {
    emulator.configure({
      webhook: { url: receiver.url, secret: SECRET },
      webhookRetry: { jitterMs: 50 },
    });
    try {
      for (let i = 0; i < 5; i++) await stripe.products.create({ name: `P${i}` });
      await emulator.flushWebhooks();
      const received = receiver.received.map(({ body }) => (JSON.parse(body) as { id: string }).id);
      expect(received.sort()).toEqual(emulator.state.events.map((e) => e.id).sort());
    } finally {
      emulator.configure({ webhookRetry: { jitterMs: 0 } });
    }
  });

  it("gives up on an unreachable endpoint after the last attempt", async () => {
    const gone = await startReceiver();
    await gone.close();
    emulator.configure({ webhook: { url: gone.url, secret: SECRET } });
    await stripe.products.create({ name: "Tea" });
    await emulator.flushWebhooks();
    expect(emulator.state.webhookDeliveries.map((a) => a.status)).toEqual([0, 0, 0]);
    expect(emulator.state.events[0]?.pending_webhooks).toBe(1);
  });
});
