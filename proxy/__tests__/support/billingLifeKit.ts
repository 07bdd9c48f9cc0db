/**
 * What the billing-life suites share: an Orders proxy (with the write-back fields of a bill's
 * later life: refunded amount, payment intent, recovery link) to which the Stripe emulator
 * delivers its webhooks, a JPY record billed through the proxy, and the record's fields.
 */
import type { FieldDef } from "../../../sandbox/kintone/store/appDefinition";
import { addOrderRecords } from "../../../testkit/orderRecords";
import { ORDERS_FIELDS } from "../../../testkit/ordersFields";
import { ordersMappingJson } from "../../../testkit/ordersMapping";
import { ordersProxyPerTest } from "../../../testkit/ordersProxyPerTest";
import type { OrdersProxy } from "../../../testkit/startOrdersProxy";
import { WEBHOOK_SECRET } from "./webhooksKit";

const BILLING_FIELDS: FieldDef[] = [
  ...ORDERS_FIELDS,
  { code: "refunded", label: "Refunded", type: "NUMBER" },
  { code: "payment_intent", label: "Payment intent", type: "SINGLE_LINE_TEXT" },
  { code: "recovery_url", label: "Recovery link", type: "LINK", protocol: "WEB" },
];

/** A fresh proxy per test. */
export function billingProxyPerTest(): OrdersProxy {
  const env = ordersProxyPerTest({
    fields: BILLING_FIELDS,
    env: { STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET },
    stripe: { webhookRetry: { initialDelayMs: 20, maxAttempts: 2 } },
  });
  beforeEach(() =>
    env.stripe.configure({
      webhook: { url: `${env.proxy.url}/v1/stripe/webhook`, secret: WEBHOOK_SECRET },
    }),
  );
  return env;
}

export function billingMapping(overrides: Record<string, unknown> = {}): string {
  return ordersMappingJson({
    lineItem: { name: { field: "name" }, unitPrice: { field: "price" } },
    locale: "en",
    writeBack: {
      url: "checkout_url",
      sessionId: "session_id",
      status: "status",
      paymentStatus: "pay_status",
      amountRefunded: "refunded",
      paymentIntentId: "payment_intent",
      recoveryUrl: "recovery_url",
      error: "error",
    },
    ...overrides,
  });
}

/** One record of 500 JPY. */
export function addBillRecord(env: OrdersProxy): string {
  return addOrderRecords(env, [{ name: "Tea", price: "500" }])[0]!;
}

/** A new link for the record through the proxy; its session id. */
export async function billRecord(env: OrdersProxy, recordId: string, mapping: string) {
  const answer = await env.call("POST", "/v1/checkouts", {
    appId: env.appId,
    records: [{ id: recordId }],
    mapping,
  });
  expect(answer.status).toBe(201);
  return (answer.body as { sessions: { id: string }[] }).sessions[0]!.id;
}

/** The record's billing fields, as kintone holds them. */
export function billFields(env: OrdersProxy, recordId: string) {
  const read = (code: string) => env.field(recordId, code);
  return {
    sessionId: read("session_id"),
    status: read("status"),
    paymentStatus: read("pay_status"),
    refunded: read("refunded"),
    url: read("checkout_url"),
    recoveryUrl: read("recovery_url"),
    error: read("error"),
  };
}

export function paymentIntentOf(env: OrdersProxy, sessionId: string): string {
  const intent = env.stripe.state.sessions.find((s) => s.id === sessionId)?.payment_intent;
  if (!intent) throw new Error(`session ${sessionId} has no payment intent`);
  return intent;
}
