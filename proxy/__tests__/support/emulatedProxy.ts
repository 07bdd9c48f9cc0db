/**
 * The Orders proxy (testkit/startOrdersProxy.ts) as the idempotency and fuzz suites use it: an
 * optional short Stripe timeout, an optional journal file, and their Orders rows and mapping.
 * Not a test file itself.
 */
import pino from "pino";
import type { OrdersProxy } from "../../../testkit/startOrdersProxy";
import { startOrdersProxy, ORDERS_STRIPE_KEY } from "../../../testkit/startOrdersProxy";
import { ORDERS_LINE_ITEM, ordersMapping } from "../../../testkit/ordersMapping";
import { addOrderRecords, type OrderRow } from "../../../testkit/orderRecords";
import {
  callProxy as callWithSecret,
  type CallOptions,
  type ProxyAnswer,
} from "../../../testkit/callProxy";
import { createStripePaymentGateway } from "../../adapters/stripe/StripePaymentGateway";

export { waitFor } from "../../../testkit/waitFor";
export type { OrderRow } from "../../../testkit/orderRecords";
export type EmulatedProxy = OrdersProxy;
export type Answer = ProxyAnswer;

export interface EmulatedProxyOptions {
  /** Per-attempt timeout of the proxy's Stripe SDK client; default the product's (15 s). */
  stripeTimeoutMs?: number;
  /** Journal file; default in memory (lost on restart). */
  journalFile?: string;
}

export async function startEmulatedProxy(
  options: EmulatedProxyOptions = {},
): Promise<EmulatedProxy> {
  const timeoutMs = options.stripeTimeoutMs;
  return startOrdersProxy({
    proxy: ({ stripe }) => ({
      journalFile: options.journalFile ?? ":memory:",
      logger: pino({ level: process.env.FUZZ_LOG ?? "silent" }),
      // The same real gateway, only with a shorter SDK timeout so a hanging Stripe is noticed fast.
      ...(timeoutMs !== undefined
        ? {
            extend: () => ({
              gateway: createStripePaymentGateway({
                apiKey: ORDERS_STRIPE_KEY,
                apiBase: stripe.url,
                mode: "test",
                keyType: "restricted",
                timeoutMs,
              }),
            }),
          }
        : {}),
    }),
  });
}

export function addOrders(env: EmulatedProxy, rows: OrderRow[]): string[] {
  return addOrderRecords(env, rows);
}

export function fieldValue(env: EmulatedProxy, recordId: string, code: string): unknown {
  return env.field(recordId, code);
}

export function revisionOf(env: EmulatedProxy, recordId: string): string {
  return env.revision(recordId);
}

/** The Orders mapping with the notes as each line item's description. */
export function orderMapping(overrides: Record<string, unknown> = {}) {
  return ordersMapping({
    lineItem: { ...ORDERS_LINE_ITEM, description: { field: "notes" } },
    ...overrides,
  });
}

/** A request to the proxy with the secret; `raw` sends the body bytes as they are. */
export function callProxy(
  env: EmulatedProxy,
  method: string,
  path: string,
  body?: { json: unknown } | { raw: string | Uint8Array },
  init: Omit<CallOptions, "raw" | "headers"> = {},
): Promise<Answer> {
  return callWithSecret(
    env.proxy.url,
    env.secret,
    method,
    path,
    body === undefined ? undefined : "json" in body ? body.json : body.raw,
    { contentType: "application/json", ...init, raw: body !== undefined && "raw" in body },
  );
}

/** Requests the Stripe emulator received that create a checkout session. */
export function sessionCreateRequests(env: EmulatedProxy): number {
  return env.stripe.requests.filter(
    (r) => r.method === "POST" && r.path === "/v1/checkout/sessions",
  ).length;
}
