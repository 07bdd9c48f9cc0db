/**
 * What the webhook suites share: an Orders proxy with a webhook secret to which the Stripe
 * emulator delivers its events, a checkout of Orders rows, the events Stripe made, and a signed
 * POST of one to the proxy's webhook route.
 */
import Stripe from "stripe";
import { signWebhookPayload } from "../../../sandbox/stripe/WebhookDeliverer";
import { addOrderRecords } from "../../../testkit/orderRecords";
import { ordersMappingJson } from "../../../testkit/ordersMapping";
import { ordersProxyPerTest } from "../../../testkit/ordersProxyPerTest";
import { ORDERS_STRIPE_KEY, type OrdersProxy } from "../../../testkit/startOrdersProxy";
import type { RunningProxy } from "../../startProxy";
import { TEST_WEBHOOK_SECRET } from "../../../testkit/testSecrets";

export const WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;

const MAPPING = ordersMappingJson({
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

/** A fresh Orders proxy per test, the Stripe emulator delivering its webhooks to it. */
export function webhookProxyPerTest(): OrdersProxy {
  const env = ordersProxyPerTest({
    env: { STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET },
    stripe: { webhookRetry: { initialDelayMs: 20, maxAttempts: 2 } },
  });
  beforeEach(() => deliverWebhooksTo(env, env.proxy));
  return env;
}

/** Starts another proxy on the suite's emulators (the caller closes the one before) and sends it the webhooks. */
export async function startWebhookProxy(
  env: OrdersProxy,
  journalFile = ":memory:",
  variables: Record<string, string> = {},
): Promise<RunningProxy> {
  const proxy = await env.startProxy({ env: variables, proxy: { journalFile } });
  deliverWebhooksTo(env, proxy);
  return proxy;
}

function deliverWebhooksTo(env: OrdersProxy, proxy: RunningProxy): void {
  env.stripe.configure({
    webhook: { url: `${proxy.url}/v1/stripe/webhook`, secret: WEBHOOK_SECRET },
  });
}

export function stripeClient(env: OrdersProxy): Stripe {
  return new Stripe(ORDERS_STRIPE_KEY, {
    host: "localhost",
    port: env.stripe.port,
    protocol: "http",
  });
}

export function fields(env: OrdersProxy, recordId: string) {
  return {
    status: env.field(recordId, "status"),
    paymentStatus: env.field(recordId, "pay_status"),
    amount: env.field(recordId, "amount"),
  };
}

/** kintone keeps DATETIME to the minute. */
export function kintoneMinute(unixSeconds: number): string {
  return new Date(Math.floor(unixSeconds / 60) * 60_000).toISOString().replace(/\.000Z$/, "Z");
}

/** One session for the rows, made through the proxy. */
export async function checkout(env: OrdersProxy, rows: { name: string; price: string }[]) {
  const ids = addOrderRecords(env, rows);
  const answer = await env.call("POST", "/v1/checkouts", {
    appId: env.appId,
    records: ids.map((id) => ({ id })),
    mapping: MAPPING,
  });
  expect(answer.status).toBe(201);
  return { ids, sessionId: (answer.body as { sessions: { id: string }[] }).sessions[0]!.id };
}

export function eventOf(env: OrdersProxy, type: string, sessionOrIntentId: string) {
  const event = env.stripe.state.events.find((e) => {
    const object = e.data.object as { id?: string; payment_intent?: string };
    return (
      e.type === type &&
      (object.id === sessionOrIntentId || object.payment_intent === sessionOrIntentId)
    );
  });
  if (!event) throw new Error(`no ${type} event for ${sessionOrIntentId}`);
  return event;
}

export function signNow(payload: string, secret = WEBHOOK_SECRET, agoSeconds = 0): string {
  return signWebhookPayload(payload, secret, Math.floor(Date.now() / 1000) - agoSeconds);
}

export async function postEvent(
  env: OrdersProxy,
  payload: string,
  signature: string | undefined = signNow(payload),
) {
  const response = await fetch(`${env.proxy.url}/v1/stripe/webhook`, {
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

export function kintoneWrites(env: OrdersProxy): number {
  return env.kintone.requests.filter((r) => r.method === "PUT").length;
}
