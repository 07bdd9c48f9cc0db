/**
 * Stripe events → records, through HTTP with the REAL adapters against the Stripe and kintone
 * emulators: the emulator signs and delivers webhooks to the proxy, and its events list feeds the
 * catch-up. Issue 5's acceptance stories are the `it`s of "issue 5 acceptance".
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import Stripe from "stripe";
import { startKintoneEmulator, type KintoneEmulator } from "../../sandbox/kintone/KintoneEmulator";
import type { FieldDef } from "../../sandbox/kintone/KintoneStore";
import { startStripeEmulator, type StripeEmulator } from "../../sandbox/stripe/StripeEmulator";
import { signWebhookPayload } from "../../sandbox/stripe/WebhookDeliverer";
import { loadConfig, type ProxyConfig } from "../config";
import { startProxy, type RunningProxy } from "../main";

const SECRET = "integration-secret-0123456789-abcdef";
const TOKEN = "integrationtoken123";
const WEBHOOK_SECRET = "whsec_integration0123456789";
const STRIPE_KEY = "rk_test_integration";

const FIELDS: FieldDef[] = [
  { code: "name", label: "Name", type: "SINGLE_LINE_TEXT" },
  { code: "price", label: "Price", type: "NUMBER" },
  { code: "session_id", label: "Session", type: "SINGLE_LINE_TEXT" },
  { code: "status", label: "Status", type: "SINGLE_LINE_TEXT" },
  { code: "pay_status", label: "Payment status", type: "SINGLE_LINE_TEXT" },
  { code: "amount", label: "Amount", type: "NUMBER" },
  { code: "paid_at", label: "Paid at", type: "DATETIME" },
  { code: "email", label: "E-mail", type: "SINGLE_LINE_TEXT" },
];

const MAPPING = JSON.stringify({
  version: 1,
  source: { type: "records" },
  grouping: "single",
  lineItem: { name: { field: "name" }, unitPrice: { field: "price" } },
  currency: "USD",
  successUrl: "https://shop.example.com/thanks",
  writeBack: {
    sessionId: "session_id",
    status: "status",
    paymentStatus: "pay_status",
    amountTotal: "amount",
    paidAt: "paid_at",
    customerEmail: "email",
  },
});

let stripe: StripeEmulator;
let kintone: KintoneEmulator;
let proxy: RunningProxy;
let appId: string;
let tmpDir: string;

function proxyConfig(env: Record<string, string> = {}): ProxyConfig {
  const loaded = loadConfig({
    STRIPE_API_KEY: STRIPE_KEY,
    STRIPE_API_BASE: stripe.url,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    PROXY_SECRET: SECRET,
    KINTONE_BASE_URL: kintone.url,
    KINTONE_API_TOKENS: `${appId}:${TOKEN}`,
    PORT: "0",
    ...env,
  });
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.config;
}

async function startOurProxy(journalFile = ":memory:", env: Record<string, string> = {}) {
  const started = await startProxy(proxyConfig(env), {
    host: "127.0.0.1",
    journalFile,
    logger: pino({ level: "silent" }),
  });
  stripe.configure({
    webhook: { url: `${started.url}/v1/stripe/webhook`, secret: WEBHOOK_SECRET },
  });
  return started;
}

beforeEach(async () => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "webhooks-"));
  stripe = await startStripeEmulator({ webhookRetry: { initialDelayMs: 20, maxAttempts: 2 } });
  kintone = await startKintoneEmulator({
    apps: [
      {
        name: "Orders",
        fields: FIELDS,
        apiTokens: [
          { token: TOKEN, rights: { view: true, add: false, edit: true, delete: false } },
        ],
      },
    ],
  });
  appId = kintone.store.listApps()[0]!.id;
  proxy = await startOurProxy();
});

afterEach(async () => {
  await proxy.close();
  await stripe.close();
  await kintone.close();
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

function stripeClient(): Stripe {
  return new Stripe(STRIPE_KEY, { host: "localhost", port: stripe.port, protocol: "http" });
}

function field(recordId: string, code: string): unknown {
  return (kintone.store.getRecord(appId, recordId)?.[code] as { value: unknown } | undefined)
    ?.value;
}

function fields(recordId: string) {
  return {
    status: field(recordId, "status"),
    paymentStatus: field(recordId, "pay_status"),
    amount: field(recordId, "amount"),
  };
}

/** kintone keeps DATETIME to the minute. */
function kintoneMinute(unixSeconds: number): string {
  return new Date(Math.floor(unixSeconds / 60) * 60_000).toISOString().replace(/\.000Z$/, "Z");
}

async function checkout(rows: { name: string; price: string }[]) {
  const ids = kintone.store.addRecords(
    appId,
    rows.map((row) => ({ name: { value: row.name }, price: { value: row.price } })),
  ).ids;
  const response = await fetch(`${proxy.url}/v1/checkouts`, {
    method: "POST",
    headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" },
    body: JSON.stringify({ appId, records: ids.map((id) => ({ id })), mapping: MAPPING }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { sessions: { id: string }[] };
  return { ids, sessionId: body.sessions[0]!.id };
}

function eventOf(type: string, sessionOrIntentId: string) {
  const event = stripe.state.events.find((e) => {
    const object = e.data.object as { id?: string; payment_intent?: string };
    return (
      e.type === type &&
      (object.id === sessionOrIntentId || object.payment_intent === sessionOrIntentId)
    );
  });
  if (!event) throw new Error(`no ${type} event for ${sessionOrIntentId}`);
  return event;
}

async function postEvent(
  payload: string,
  signature: string | undefined = signWebhookPayload(
    payload,
    WEBHOOK_SECRET,
    Math.floor(Date.now() / 1000),
  ),
) {
  const response = await fetch(`${proxy.url}/v1/stripe/webhook`, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      ...(signature ? { "stripe-signature": signature } : {}),
    },
    body: payload,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads the JSON freely
  return { status: response.status, body: (await response.json()) as any };
}

function kintoneWrites(): number {
  return kintone.requests.filter((r) => r.method === "PUT").length;
}

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("issue 5 acceptance", () => {
  it("shows complete / unpaid after a delayed payment, then paid when the emulator settles it", async () => {
    const { ids, sessionId } = await checkout([{ name: "Tea", price: "12.50" }]);
    await stripe.payWithDelayedMethod(sessionId);
    await stripe.flushWebhooks();
    expect(fields(ids[0]!)).toEqual({
      status: "complete",
      paymentStatus: "unpaid",
      amount: "12.50",
    });
    expect(field(ids[0]!, "paid_at")).toBe("");

    await stripe.settleDelayedPayment(sessionId, "succeeded");
    await stripe.flushWebhooks();
    expect(fields(ids[0]!)).toEqual({ status: "complete", paymentStatus: "paid", amount: "12.50" });
    const settled = eventOf("checkout.session.async_payment_succeeded", sessionId);
    expect(field(ids[0]!, "paid_at")).toBe(kintoneMinute(settled.created));
  });

  it("shows failed when the delayed payment fails to settle", async () => {
    const { ids, sessionId } = await checkout([{ name: "Tea", price: "12.50" }]);
    await stripe.payWithDelayedMethod(sessionId);
    await stripe.settleDelayedPayment(sessionId, "failed");
    await stripe.flushWebhooks();
    expect(fields(ids[0]!)).toMatchObject({ status: "complete", paymentStatus: "failed" });
    expect(field(ids[0]!, "paid_at")).toBe("");
  });

  it("shows expired when the session expires", async () => {
    const { ids } = await checkout([{ name: "Tea", price: "12.50" }]);
    await stripe.advanceClock(25 * 60 * 60);
    await stripe.flushWebhooks();
    expect(fields(ids[0]!)).toMatchObject({ status: "expired", paymentStatus: "unpaid" });
  });

  it("shows refunded after a full refund", async () => {
    const { ids, sessionId } = await checkout([{ name: "Tea", price: "12.50" }]);
    await stripe.payWithCard(sessionId);
    await stripe.refundSession(sessionId);
    await stripe.flushWebhooks();
    expect(fields(ids[0]!)).toEqual({
      status: "complete",
      paymentStatus: "refunded",
      amount: "12.50",
    });
  });

  it("shows partially_refunded after a partial refund made with stripe.refunds.create", async () => {
    const { ids, sessionId } = await checkout([{ name: "Tea", price: "12.50" }]);
    await stripe.payWithCard(sessionId);
    const paymentIntent = stripe.state.sessions.find((s) => s.id === sessionId)!.payment_intent!;
    await stripeClient().refunds.create({ payment_intent: paymentIntent, amount: 500 });
    await stripe.flushWebhooks();
    expect(fields(ids[0]!)).toMatchObject({ paymentStatus: "partially_refunded" });
  });
});

describe("POST /v1/stripe/webhook", () => {
  it("writes the paid state into every record of the session, with the buyer's e-mail and paidAt", async () => {
    const { ids, sessionId } = await checkout([
      { name: "Tea", price: "12.50" },
      { name: "Cup", price: "3.00" },
    ]);
    await stripe.payWithCard(sessionId);
    await stripe.flushWebhooks();
    const completed = eventOf("checkout.session.completed", sessionId);
    for (const id of ids) {
      expect(fields(id)).toEqual({ status: "complete", paymentStatus: "paid", amount: "15.50" });
      expect(field(id, "email")).toBe("customer@example.com");
      expect(field(id, "paid_at")).toBe(kintoneMinute(completed.created));
    }
    expect(stripe.state.webhookDeliveries.every((d) => d.ok && d.status === 200)).toBe(true);
  });

  it("ignores an event delivered twice", async () => {
    const { ids, sessionId } = await checkout([{ name: "Tea", price: "12.50" }]);
    stripe.configure({ webhook: undefined });
    await stripe.payWithCard(sessionId);
    const payload = JSON.stringify(eventOf("checkout.session.completed", sessionId));

    const first = await postEvent(payload);
    const writesAfterFirst = kintoneWrites();
    const second = await postEvent(payload);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.body.outcome, second.body.outcome]).toEqual(["applied", "duplicate"]);
    expect(kintoneWrites()).toBe(writesAfterFirst);
    expect(fields(ids[0]!)).toMatchObject({ paymentStatus: "paid" });
  });

  it("keeps the record paid when the old completed (unpaid) event arrives after async_payment_succeeded", async () => {
    const { ids, sessionId } = await checkout([{ name: "Tea", price: "12.50" }]);
    stripe.configure({ webhook: undefined });
    await stripe.payWithDelayedMethod(sessionId);
    await stripe.settleDelayedPayment(sessionId, "succeeded");
    const completed = eventOf("checkout.session.completed", sessionId);
    const succeeded = eventOf("checkout.session.async_payment_succeeded", sessionId);

    expect((await postEvent(JSON.stringify(succeeded))).body.outcome).toBe("applied");
    expect(fields(ids[0]!)).toMatchObject({ status: "complete", paymentStatus: "paid" });
    const late = await postEvent(JSON.stringify(completed));
    expect(late).toMatchObject({ status: 200, body: { outcome: "no_change" } });
    expect(fields(ids[0]!)).toMatchObject({ status: "complete", paymentStatus: "paid" });
    expect(field(ids[0]!, "paid_at")).toBe(kintoneMinute(succeeded.created));
  });

  it("keeps refunded when the payment events arrive after the refund", async () => {
    const { ids, sessionId } = await checkout([{ name: "Tea", price: "12.50" }]);
    stripe.configure({ webhook: undefined });
    await stripe.payWithCard(sessionId);
    await stripe.refundSession(sessionId);
    const paymentIntent = stripe.state.sessions.find((s) => s.id === sessionId)!.payment_intent!;
    // The refund names only the payment intent: the proxy asks Stripe which session it paid.
    expect(
      (await postEvent(JSON.stringify(eventOf("charge.refunded", paymentIntent)))).body.outcome,
    ).toBe("applied");
    await postEvent(JSON.stringify(eventOf("checkout.session.completed", sessionId)));
    expect(fields(ids[0]!)).toMatchObject({ status: "complete", paymentStatus: "refunded" });
  });

  it.each([
    [
      "a wrong signature",
      (payload: string) =>
        signWebhookPayload(payload, "whsec_wrong", Math.floor(Date.now() / 1000)),
    ],
    [
      "a signature older than 300 s",
      (payload: string) =>
        signWebhookPayload(payload, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 301),
    ],
    [
      "a signature over another body",
      (payload: string) =>
        signWebhookPayload(`${payload} `, WEBHOOK_SECRET, Math.floor(Date.now() / 1000)),
    ],
    ["no signature", () => undefined],
  ])("answers 400 UNAUTHORIZED for %s, and applies nothing", async (_case, sign) => {
    const { ids, sessionId } = await checkout([{ name: "Tea", price: "12.50" }]);
    stripe.configure({ webhook: undefined });
    await stripe.payWithCard(sessionId);
    const payload = JSON.stringify(eventOf("checkout.session.completed", sessionId));
    const answer = await postEvent(payload, sign(payload) ?? "");
    expect(answer).toEqual({
      status: 400,
      body: { error: { code: "UNAUTHORIZED", message: expect.any(String), details: [] } },
    });
    expect(answer.body.error.message).not.toContain(WEBHOOK_SECRET);
    expect(fields(ids[0]!)).toMatchObject({ status: "open" });
    expect(proxy.journal.stripeEvents.latestCreated()).toBeUndefined();
  });

  it("answers 200 and writes no record for an event of a session the proxy did not make", async () => {
    const foreign = await stripeClient().checkout.sessions.create({
      mode: "payment",
      line_items: [
        {
          price_data: { currency: "usd", unit_amount: 700, product_data: { name: "Elsewhere" } },
          quantity: 1,
        },
      ],
      success_url: "https://elsewhere.example.com/",
    });
    kintone.clearRequests();
    await stripe.payWithCard(foreign.id);
    await stripe.flushWebhooks();
    const delivery = stripe.state.webhookDeliveries.find(
      (d) => d.eventType === "checkout.session.completed",
    );
    expect(delivery).toMatchObject({ status: 200, ok: true });
    expect(kintone.requests).toEqual([]);
    const event = eventOf("checkout.session.completed", foreign.id);
    expect(proxy.journal.stripeEvents.get(event.id)?.outcome).toBe("unknown_session");
  });

  it("answers 503 with a clear error when no STRIPE_WEBHOOK_SECRET is set", async () => {
    await proxy.close();
    proxy = await startOurProxy(":memory:", { STRIPE_WEBHOOK_SECRET: "" });
    const answer = await postEvent(JSON.stringify({ id: "evt_1", object: "event" }));
    expect(answer.status).toBe(503);
    expect(answer.body.error.message).toContain("STRIPE_WEBHOOK_SECRET");
  });
});

describe("Stripe event catch-up", () => {
  it("applies an event that was stored but could not be applied, on the next pass", async () => {
    const { ids, sessionId } = await checkout([{ name: "Tea", price: "12.50" }]);
    stripe.configure({ webhook: undefined });
    await stripe.payWithCard(sessionId);
    await stripe.refundSession(sessionId);
    const paymentIntent = stripe.state.sessions.find((s) => s.id === sessionId)!.payment_intent!;
    const refunded = eventOf("charge.refunded", paymentIntent);
    // The refund comes first: finding its session takes a Stripe call, which fails once.
    stripe.failNext({ method: "GET", pathPrefix: "/v1/checkout/sessions", status: 400 });

    const answer = await postEvent(JSON.stringify(refunded));
    expect(answer).toMatchObject({ status: 200, body: { outcome: "deferred" } });
    expect(proxy.journal.stripeEvents.get(refunded.id)).toMatchObject({
      appliedAt: null,
      attempts: 1,
    });
    expect(fields(ids[0]!)).toMatchObject({ status: "open" });

    await proxy.catchUpEvents();
    expect(proxy.journal.stripeEvents.get(refunded.id)?.outcome).toBe("applied");
    expect(fields(ids[0]!)).toEqual({
      status: "complete",
      paymentStatus: "refunded",
      amount: "12.50",
    });
  });

  it("writes paid after a restart for a payment made while the proxy was down", async () => {
    const journalFile = path.join(tmpDir, "journal.sqlite");
    await proxy.close();
    proxy = await startOurProxy(journalFile);
    const { ids, sessionId } = await checkout([{ name: "Tea", price: "12.50" }]);
    await proxy.close();

    await stripe.payWithCard(sessionId);
    await stripe.flushWebhooks(); // delivered to nobody
    expect(stripe.state.webhookDeliveries.some((d) => d.ok)).toBe(false);
    expect(fields(ids[0]!)).toMatchObject({ status: "open" });

    proxy = await startOurProxy(journalFile);
    await waitFor(() => field(ids[0]!, "pay_status") === "paid");
    expect(fields(ids[0]!)).toEqual({ status: "complete", paymentStatus: "paid", amount: "12.50" });
  });

  it("applies missed events oldest first and each once, ending where live webhooks would", async () => {
    const { ids, sessionId } = await checkout([{ name: "Tea", price: "12.50" }]);
    stripe.configure({ webhook: undefined });
    await stripe.payWithDelayedMethod(sessionId);
    await stripe.settleDelayedPayment(sessionId, "succeeded");
    const paymentIntent = stripe.state.sessions.find((s) => s.id === sessionId)!.payment_intent!;
    await stripeClient().refunds.create({ payment_intent: paymentIntent, amount: 250 });

    const first = await proxy.catchUpEvents();
    expect(first.outcomes).toEqual({ applied: 3 });
    expect(fields(ids[0]!)).toEqual({
      status: "complete",
      paymentStatus: "partially_refunded",
      amount: "12.50",
    });
    const writes = kintoneWrites();
    const again = await proxy.catchUpEvents();
    expect(again.outcomes).toEqual({ duplicate: 3 });
    expect(kintoneWrites()).toBe(writes);
  });
});
