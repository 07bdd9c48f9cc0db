/**
 * What the job tests share: the emulators with an orders app, records, HTTP calls to a proxy, and
 * polling a job until it finishes.
 */
import type { KintoneEmulator } from "../../../sandbox/kintone/KintoneEmulator";
import type { FieldDef } from "../../../sandbox/kintone/KintoneStore";
import { startOrdersEmulators } from "../../../sandbox/startOrdersEmulators";
import type { StripeEmulator, StripeEmulatorOptions } from "../../../sandbox/stripe/StripeEmulator";

export const SECRET = "jobs-test-secret-0123456789-abcdefgh";
export const TOKEN = "jobstesttoken123";

const FIELDS: FieldDef[] = [
  { code: "code", label: "Code", type: "SINGLE_LINE_TEXT" },
  { code: "name", label: "Name", type: "SINGLE_LINE_TEXT" },
  { code: "price", label: "Price", type: "NUMBER" },
  { code: "qty", label: "Quantity", type: "NUMBER" },
  { code: "region", label: "Region", type: "SINGLE_LINE_TEXT" },
  { code: "checkout_url", label: "Checkout URL", type: "LINK", protocol: "WEB" },
  { code: "session_id", label: "Session", type: "SINGLE_LINE_TEXT" },
  { code: "status", label: "Status", type: "SINGLE_LINE_TEXT" },
  { code: "error", label: "Error", type: "MULTI_LINE_TEXT" },
];

export function jobMapping(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: 1,
    source: { type: "records" },
    grouping: "perRecord",
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

export interface Emulators {
  stripe: StripeEmulator;
  kintone: KintoneEmulator;
  appId: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startEmulators(
  stripeOptions: StripeEmulatorOptions = {},
): Promise<Emulators> {
  const emulators = await startOrdersEmulators({
    fields: FIELDS,
    token: TOKEN,
    stripe: stripeOptions,
  });
  return {
    ...emulators,
    env: {
      ...emulators.proxyEnv({ stripeApiKey: "rk_test_jobs", proxySecret: SECRET }),
      LOG_LEVEL: "silent",
    },
  };
}

/** `count` orders; every 3rd in region "east"; product codes cycle through a few. */
export function addOrders(
  emulators: Emulators,
  count: number,
  row: (
    i: number,
  ) => Partial<Record<"code" | "name" | "price" | "qty" | "region", string>> = () => ({}),
): string[] {
  const records = Array.from({ length: count }, (_, i) => {
    const values = {
      code: `SKU-${i % 5}`,
      name: `Order item ${i % 5}`,
      price: String(500 + (i % 5) * 100),
      qty: "1",
      region: i % 3 === 0 ? "east" : "west",
      ...row(i),
    };
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }]));
  });
  return emulators.kintone.store.addRecords(emulators.appId, records).ids;
}

export function fieldOf(emulators: Emulators, recordId: string, code: string): unknown {
  const record = emulators.kintone.store.getRecord(emulators.appId, recordId);
  return (record?.[code] as { value: unknown } | undefined)?.value;
}

export async function call(baseUrl: string, method: string, path: string, body?: unknown) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads the JSON freely
  return { status: response.status, body: (await response.json()) as any };
}

export interface JobAnswer {
  id: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  errors: { recordId: string; code: string; message: string }[];
}

const FINISHED = new Set(["succeeded", "partially_failed", "failed"]);

/** Polls the job until it finishes; returns every answer seen, the last one finished. */
export async function pollJob(
  baseUrl: string,
  jobId: string,
  options: { timeoutMs?: number; until?: (job: JobAnswer) => boolean } = {},
): Promise<JobAnswer[]> {
  const until = options.until ?? ((job) => FINISHED.has(job.status));
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const seen: JobAnswer[] = [];
  for (;;) {
    const answer = await call(baseUrl, "GET", `/v1/jobs/${jobId}`);
    if (answer.status !== 200) throw new Error(`GET job answered ${answer.status}`);
    seen.push(answer.body.job as JobAnswer);
    if (until(answer.body.job as JobAnswer)) return seen;
    if (Date.now() > deadline) {
      throw new Error(`job ${jobId} did not get there: ${JSON.stringify(answer.body.job)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Open sessions in the Stripe emulator, by the kintone record id in their metadata. */
export function openSessionsByRecord(
  emulators: Emulators,
): Map<string, { id: string; url: string }[]> {
  const byRecord = new Map<string, { id: string; url: string }[]>();
  for (const session of emulators.stripe.state.sessions) {
    if (session.status !== "open") continue;
    const recordId = String(session.metadata.kintone_record_ids);
    byRecord.set(recordId, [
      ...(byRecord.get(recordId) ?? []),
      { id: session.id, url: String(session.url) },
    ]);
  }
  return byRecord;
}
