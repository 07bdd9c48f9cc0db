/**
 * What the job tests share: the emulators with an orders app, records, HTTP calls to a proxy, and
 * polling a job until it finishes.
 */
import { startOrdersEmulators, type OrdersEmulators } from "../../../sandbox/startOrdersEmulators";
import type { StripeEmulatorOptions } from "../../../sandbox/stripe/StripeEmulator";
import { callProxy } from "../../../testkit/callProxy";
import { orderValues } from "../../../testkit/orderRecords";
import { ORDERS_WRITE_BACK_WITH_ERROR, ordersMappingJson } from "../../../testkit/ordersMapping";
import { waitFor } from "../../../testkit/waitFor";

export const SECRET = "jobs-test-secret-0123456789-abcdefgh";

/** The Orders mapping, a session per record, errors written back. */
export function jobMapping(overrides: Record<string, unknown> = {}): string {
  return ordersMappingJson({
    grouping: "perRecord",
    writeBack: ORDERS_WRITE_BACK_WITH_ERROR,
    ...overrides,
  });
}

export interface Emulators extends OrdersEmulators {
  /** The proxy's variables for these emulators, its log silent. */
  env: Record<string, string>;
}

export async function startEmulators(
  stripeOptions: StripeEmulatorOptions = {},
): Promise<Emulators> {
  const emulators = await startOrdersEmulators({ stripe: stripeOptions });
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
  const { store } = emulators.kintone;
  const records = Array.from({ length: count }, (_, i) =>
    orderValues(store, {
      code: `SKU-${i % 5}`,
      name: `Order item ${i % 5}`,
      price: String(500 + (i % 5) * 100),
      qty: "1",
      region: i % 3 === 0 ? "east" : "west",
      ...row(i),
    }),
  );
  return store.addRecords(emulators.appId, records).ids;
}

export function fieldOf(emulators: Emulators, recordId: string, code: string): unknown {
  const record = emulators.kintone.store.getRecord(emulators.appId, recordId);
  return (record?.[code] as { value: unknown } | undefined)?.value;
}

export function call(baseUrl: string, method: string, path: string, body?: unknown) {
  return callProxy(baseUrl, SECRET, method, path, body);
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
  options: { timeoutMs?: number; intervalMs?: number; until?: (job: JobAnswer) => boolean } = {},
): Promise<JobAnswer[]> {
  const until = options.until ?? ((job) => FINISHED.has(job.status));
  const seen: JobAnswer[] = [];
  await waitFor(
    async () => {
      const answer = await call(baseUrl, "GET", `/v1/jobs/${jobId}`);
      if (answer.status !== 200) throw new Error(`GET job answered ${answer.status}`);
      seen.push(answer.body.job as JobAnswer);
      return until(answer.body.job as JobAnswer);
    },
    {
      timeoutMs: options.timeoutMs ?? 20_000,
      // A long wait polls gently: the proxy limits each client's requests per minute.
      intervalMs: options.intervalMs ?? 10,
      message: () => `job ${jobId} did not get there: ${JSON.stringify(seen.at(-1))}`,
    },
  );
  return seen;
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
