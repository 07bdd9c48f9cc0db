/** Emulators and an in-process proxy for the benchmarks; every server binds 127.0.0.1/localhost. */
import pino from "pino";
import { startKintoneEmulator, type KintoneEmulator } from "../sandbox/kintone/KintoneEmulator";
import type { FieldDef } from "../sandbox/kintone/KintoneStore";
import {
  startStripeEmulator,
  type StripeEmulator,
  type StripeEmulatorOptions,
} from "../sandbox/stripe/StripeEmulator";
import { loadConfig } from "../proxy/config";
import { startProxy, type RunningProxy } from "../proxy/main";

export const SECRET = "bench-secret-0123456789-abcdefghijkl";
export const BENCH_TOKEN = "benchtoken1234567";
const TOKEN = BENCH_TOKEN;

const FIELDS: FieldDef[] = [
  { code: "code", label: "Code", type: "SINGLE_LINE_TEXT" },
  { code: "name", label: "Name", type: "SINGLE_LINE_TEXT" },
  { code: "price", label: "Price", type: "NUMBER" },
  { code: "qty", label: "Quantity", type: "NUMBER" },
  { code: "checkout_url", label: "Checkout URL", type: "LINK", protocol: "WEB" },
  { code: "session_id", label: "Session", type: "SINGLE_LINE_TEXT" },
  { code: "status", label: "Status", type: "SINGLE_LINE_TEXT" },
  { code: "error", label: "Error", type: "MULTI_LINE_TEXT" },
];

export function mapping(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: 1,
    source: { type: "records" },
    grouping: "single",
    lineItem: {
      productCode: { field: "code" },
      name: { field: "name" },
      unitPrice: { field: "price" },
      quantity: { field: "qty" },
    },
    currency: "JPY",
    successUrl: "https://shop.example.com/thanks?s={CHECKOUT_SESSION_ID}",
    writeBack: { url: "checkout_url", sessionId: "session_id", status: "status", error: "error" },
    ...overrides,
  });
}

export interface Row {
  code?: string;
  name: string;
  price: string;
  qty: string;
}

export interface Bed {
  stripe: StripeEmulator;
  kintone: KintoneEmulator;
  proxy: RunningProxy;
  appId: string;
  addRecords(rows: Row[]): string[];
  close(): Promise<void>;
}

export async function startBed(stripeOptions: StripeEmulatorOptions = {}): Promise<Bed> {
  const stripe = await startStripeEmulator(stripeOptions);
  const kintone = await startKintoneEmulator({
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
  const appId = kintone.store.listApps()[0]!.id;
  const loaded = loadConfig({
    STRIPE_API_KEY: "rk_test_bench",
    STRIPE_API_BASE: stripe.url,
    PROXY_SECRET: SECRET,
    KINTONE_BASE_URL: kintone.url,
    KINTONE_API_TOKENS: `${appId}:${TOKEN}`,
    PORT: "0",
    LOG_LEVEL: "silent",
  });
  if (!loaded.ok) throw new Error(loaded.message);
  const proxy = await startProxy(loaded.config, {
    host: "127.0.0.1",
    journalFile: ":memory:",
    logger: pino({ level: "silent" }),
  });
  return {
    stripe,
    kintone,
    proxy,
    appId,
    addRecords(rows) {
      const records = rows.map((row) => ({
        code: { value: row.code ?? "" },
        name: { value: row.name },
        price: { value: row.price },
        qty: { value: row.qty },
      }));
      return kintone.store.addRecords(appId, records).ids;
    },
    async close() {
      await proxy.close();
      await stripe.close();
      await kintone.close();
    },
  };
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
