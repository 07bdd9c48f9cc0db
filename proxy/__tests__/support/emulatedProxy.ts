/**
 * The real proxy (startProxy: Stripe SDK, kintone REST client, sharp, SQLite in memory) listening
 * on 127.0.0.1 against a fresh Stripe emulator and a kintone emulator with one "Orders" app.
 * Shared by the idempotency and fuzz suites; not a test file itself.
 */
import pino from "pino";
import type { KintoneEmulator } from "../../../sandbox/kintone/KintoneEmulator";
import type { FieldDef } from "../../../sandbox/kintone/KintoneStore";
import { startOrdersEmulators } from "../../../sandbox/startOrdersEmulators";
import type { StripeEmulator } from "../../../sandbox/stripe/StripeEmulator";
import { createStripePaymentGateway } from "../../adapters/stripe/StripePaymentGateway";
import { loadConfig } from "../../config";
import { startProxy, type RunningProxy } from "../../main";

export const SECRET = "idempotency-and-fuzz-secret-0123456789";
const TOKEN = "emulatedproxytoken123";
const STRIPE_KEY = "rk_test_emulatedproxy";

export const ORDER_FIELDS: FieldDef[] = [
  { code: "code", label: "Code", type: "SINGLE_LINE_TEXT" },
  { code: "name", label: "Name", type: "SINGLE_LINE_TEXT" },
  { code: "notes", label: "Notes", type: "RICH_TEXT" },
  { code: "price", label: "Price", type: "NUMBER" },
  { code: "price_text", label: "Price (as typed)", type: "SINGLE_LINE_TEXT" },
  { code: "qty", label: "Quantity", type: "NUMBER" },
  { code: "currency", label: "Currency", type: "SINGLE_LINE_TEXT" },
  { code: "email", label: "E-mail", type: "SINGLE_LINE_TEXT" },
  { code: "photo", label: "Photo", type: "FILE" },
  { code: "checkout_url", label: "Checkout URL", type: "LINK", protocol: "WEB" },
  { code: "session_id", label: "Session", type: "SINGLE_LINE_TEXT" },
  { code: "status", label: "Status", type: "SINGLE_LINE_TEXT" },
];

export interface EmulatedProxy {
  stripe: StripeEmulator;
  kintone: KintoneEmulator;
  proxy: RunningProxy;
  appId: string;
  /** Stops the proxy and starts it again on the same journal (a file journal keeps its state). */
  restartProxy(): Promise<void>;
  close(): Promise<void>;
}

export interface EmulatedProxyOptions {
  /** Per-attempt timeout of the proxy's Stripe SDK client; default the product's (15 s). */
  stripeTimeoutMs?: number;
  /** Journal file; default in memory (lost on restart). */
  journalFile?: string;
}

export async function startEmulatedProxy(
  options: EmulatedProxyOptions = {},
): Promise<EmulatedProxy> {
  const { stripe, kintone, appId, proxyEnv, close } = await startOrdersEmulators({
    fields: ORDER_FIELDS,
    token: TOKEN,
  });
  const loaded = loadConfig(proxyEnv({ stripeApiKey: STRIPE_KEY, proxySecret: SECRET }));
  if (!loaded.ok) throw new Error(loaded.message);
  const config = loaded.config;
  const timeoutMs = options.stripeTimeoutMs;
  const start = () =>
    startProxy(config, {
      host: "127.0.0.1",
      journalFile: options.journalFile ?? ":memory:",
      logger: pino({ level: process.env.FUZZ_LOG ?? "silent" }),
      // The same real gateway, only with a shorter SDK timeout so a hanging Stripe is noticed fast.
      ...(timeoutMs !== undefined
        ? {
            extend: () => ({
              gateway: createStripePaymentGateway({
                apiKey: STRIPE_KEY,
                apiBase: stripe.url,
                timeoutMs,
              }),
            }),
          }
        : {}),
    });
  const env: EmulatedProxy = {
    stripe,
    kintone,
    proxy: await start(),
    appId,
    async restartProxy() {
      await env.proxy.close();
      env.proxy = await start();
    },
    async close() {
      await env.proxy.close();
      await close();
    },
  };
  return env;
}

export interface OrderRow {
  code?: string;
  name: string;
  notes?: string;
  price: string;
  /** Free text in a text field, for prices kintone's NUMBER field would refuse. */
  priceText?: string;
  qty?: string;
  currency?: string;
  email?: string;
  /** Attachments of the FILE field "photo", stored in the kintone emulator as given. */
  photos?: { bytes: Uint8Array; name: string; contentType: string }[];
}

export function addOrders(env: EmulatedProxy, rows: OrderRow[]): string[] {
  const records = rows.map((row) => ({
    code: { value: row.code ?? "" },
    name: { value: row.name },
    notes: { value: row.notes ?? "" },
    price: { value: row.price },
    price_text: { value: row.priceText ?? "" },
    qty: { value: row.qty ?? "1" },
    currency: { value: row.currency ?? "" },
    email: { value: row.email ?? "" },
    photo: {
      value: (row.photos ?? []).map((f) =>
        env.kintone.store.putFile(f.bytes, f.name, f.contentType),
      ),
    },
  }));
  return env.kintone.store.addRecords(env.appId, records).ids;
}

export function fieldValue(env: EmulatedProxy, recordId: string, code: string): unknown {
  const record = env.kintone.store.getRecord(env.appId, recordId);
  return (record?.[code] as { value: unknown } | undefined)?.value;
}

export function revisionOf(env: EmulatedProxy, recordId: string): string {
  return String(fieldValue(env, recordId, "$revision"));
}

export function orderMapping(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    source: { type: "records" },
    grouping: "single",
    lineItem: {
      productCode: { field: "code" },
      name: { field: "name" },
      description: { field: "notes" },
      unitPrice: { field: "price" },
      quantity: { field: "qty" },
    },
    currency: "JPY",
    successUrl: "https://shop.example.com/thanks?s={CHECKOUT_SESSION_ID}",
    writeBack: { url: "checkout_url", sessionId: "session_id", status: "status" },
    ...overrides,
  };
}

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON freely
  body: any;
  text: string;
}

/** A request to the proxy with the secret; `raw` sends the body bytes as they are. */
export async function callProxy(
  env: EmulatedProxy,
  method: string,
  path: string,
  body?: { json: unknown } | { raw: string | Uint8Array },
  init: { signal?: AbortSignal; contentType?: string } = {},
): Promise<Answer> {
  const payload =
    body === undefined ? undefined : "json" in body ? JSON.stringify(body.json) : body.raw;
  const response = await fetch(env.proxy.url + path, {
    method,
    headers: {
      authorization: `Bearer ${SECRET}`,
      "content-type": init.contentType ?? "application/json",
    },
    body: payload,
    signal: init.signal,
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text };
}

/** Requests the Stripe emulator received that create a checkout session. */
export function sessionCreateRequests(env: EmulatedProxy): number {
  return env.stripe.requests.filter(
    (r) => r.method === "POST" && r.path === "/v1/checkout/sessions",
  ).length;
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
