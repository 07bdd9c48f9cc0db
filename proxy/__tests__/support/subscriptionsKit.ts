/**
 * What the subscription suites share: an Orders proxy with the subscription write-back fields, to
 * which the Stripe emulator (on a frozen clock) delivers its webhooks; the monthly ¥5,000
 * membership mapping; a membership record billed through the proxy and paid; the record's fields.
 */
import type { FieldDef } from "../../../sandbox/kintone/store/appDefinition";
import { addOrderRecords } from "../../../testkit/orderRecords";
import { ORDERS_FIELDS } from "../../../testkit/ordersFields";
import { ordersMappingJson } from "../../../testkit/ordersMapping";
import { ordersProxyPerTest } from "../../../testkit/ordersProxyPerTest";
import type { OrdersProxy } from "../../../testkit/startOrdersProxy";
import { WEBHOOK_SECRET } from "./webhooksKit";

const SUBSCRIPTION_FIELDS: FieldDef[] = [
  ...ORDERS_FIELDS,
  { code: "subscription_id", label: "Subscription", type: "SINGLE_LINE_TEXT" },
  { code: "subscription_status", label: "Subscription status", type: "SINGLE_LINE_TEXT" },
  { code: "period_end", label: "Current period end", type: "DATETIME" },
  { code: "invoice_url", label: "Invoice", type: "LINK", protocol: "WEB" },
];

export const DAY_SECONDS = 24 * 60 * 60;

/** A fresh proxy per test, webhooks delivered to it. */
export function subscriptionsProxyPerTest(): OrdersProxy {
  const env = ordersProxyPerTest({
    fields: SUBSCRIPTION_FIELDS,
    env: { STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET },
    stripe: { frozenClock: true, webhookRetry: { initialDelayMs: 20, maxAttempts: 2 } },
  });
  beforeEach(() => connectWebhook(env));
  return env;
}

export function connectWebhook(env: OrdersProxy): void {
  env.stripe.configure({
    webhook: { url: `${env.proxy.url}/v1/stripe/webhook`, secret: WEBHOOK_SECRET },
  });
}

/** The monthly membership: each record's price every month. */
export function membershipMapping(overrides: Record<string, unknown> = {}): string {
  return ordersMappingJson({
    mode: "subscription",
    lineItem: {
      name: { field: "name" },
      unitPrice: { field: "price" },
      recurring: { interval: { const: "month" } },
    },
    locale: "en",
    writeBack: {
      sessionId: "session_id",
      status: "status",
      paymentStatus: "pay_status",
      paidAt: "paid_at",
      subscriptionId: "subscription_id",
      subscriptionStatus: "subscription_status",
      currentPeriodEnd: "period_end",
      invoiceUrl: "invoice_url",
      error: "error",
    },
    ...overrides,
  });
}

export function addMemberRecord(env: OrdersProxy): string {
  return addOrderRecords(env, [{ name: "Membership", price: "5000" }])[0]!;
}

/** A membership link for the record, paid by card; the session id. */
export async function payMembership(env: OrdersProxy, recordId: string): Promise<string> {
  const answer = await env.call("POST", "/v1/checkouts", {
    appId: env.appId,
    records: [{ id: recordId }],
    mapping: membershipMapping(),
  });
  expect(answer.status).toBe(201);
  const sessionId = (answer.body as { sessions: { id: string }[] }).sessions[0]!.id;
  await env.stripe.payWithCard(sessionId);
  await env.stripe.flushWebhooks();
  return sessionId;
}

/** The emulator's subscription that the session started. */
export function subscriptionOf(env: OrdersProxy, sessionId: string) {
  const session = env.stripe.state.sessions.find((s) => s.id === sessionId);
  const subscription = env.stripe.state.subscriptions.find((s) => s.id === session?.subscription);
  if (!subscription) throw new Error(`session ${sessionId} started no subscription`);
  return subscription;
}

/** The subscription's period end as kintone's DATETIME holds it. */
export function periodEndOf(env: OrdersProxy, sessionId: string): string {
  const end = subscriptionOf(env, sessionId).items.data[0]!.current_period_end;
  return kintoneDateTime(end);
}

/** The hosted page of the subscription's newest paid invoice. */
export function newestPaidInvoiceUrl(env: OrdersProxy, subscriptionId: string): unknown {
  return env.stripe.state.invoices
    .filter(
      (invoice) => invoice.status === "paid" && JSON.stringify(invoice).includes(subscriptionId),
    )
    .at(-1)?.hosted_invoice_url;
}

/** kintone keeps DATETIME to the minute: the seconds read back as 00. */
export function kintoneDateTime(unixSeconds: number): string {
  return new Date(Math.floor(unixSeconds / 60) * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The record's subscription fields, as kintone holds them. */
export function memberFields(env: OrdersProxy, recordId: string) {
  const read = (code: string) => env.field(recordId, code);
  return {
    status: read("status"),
    paymentStatus: read("pay_status"),
    paidAt: read("paid_at"),
    subscriptionId: read("subscription_id"),
    subscriptionStatus: read("subscription_status"),
    currentPeriodEnd: read("period_end"),
    invoiceUrl: read("invoice_url"),
    error: read("error"),
  };
}
