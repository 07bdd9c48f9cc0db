/**
 * A job keeps Stripe's rate limit busy: at 25 requests/s (a test key's limit) and 200 ms per
 * request, sessions are made at the limit's pace, without tripping Stripe's 429s.
 */
import pino from "pino";
import { startStripeEmulator } from "../../../sandbox/stripe/StripeEmulator";
import { loadConfig } from "../../config";
import { startProxy, type RunningProxy } from "../../main";
import { jobConcurrency } from "../jobConcurrency";
import { addOrders, call, jobMapping, pollJob, startEmulators, type Emulators } from "./jobTestKit";

let emulators: Emulators;
let proxy: RunningProxy;

beforeEach(async () => {
  emulators = await startEmulators();
  // Stripe as a test key sees it: 25 requests/s, beyond that 429; 200 ms per answer.
  await emulators.stripe.close();
  emulators.stripe = await startStripeEmulator({ rateLimitPerSecond: 25, latencyMs: 200 });
  const loaded = loadConfig({ ...emulators.env, STRIPE_API_BASE: emulators.stripe.url });
  if (!loaded.ok) throw new Error(loaded.message);
  // No stripeRateLimitPerSecond: the gateway's own default for an rk_test_ key.
  proxy = await startProxy(loaded.config, {
    host: "127.0.0.1",
    journalFile: ":memory:",
    logger: pino({ level: "silent" }),
  });
});

afterEach(async () => {
  await proxy.close();
  await emulators.close();
});

describe("jobConcurrency", () => {
  it("keeps enough requests in flight for 25/s at 200 ms each, and for 100/s", () => {
    expect(jobConcurrency(25) / 0.2).toBeGreaterThanOrEqual(25);
    expect(jobConcurrency(100) / 0.2).toBeGreaterThanOrEqual(100);
  });
});

describe("POST /v1/jobs", () => {
  it("makes sessions at Stripe's rate limit, not slower, and without 429s", async () => {
    // No product code: one Stripe request per record.
    const mapping = JSON.parse(jobMapping()) as { lineItem: Record<string, unknown> };
    delete mapping.lineItem.productCode;
    const ids = addOrders(emulators, 80);

    const submitted = await call(proxy.url, "POST", "/v1/jobs", {
      appId: emulators.appId,
      records: ids.map((id) => ({ id })),
      mapping: JSON.stringify(mapping),
    });
    const last = (await pollJob(proxy.url, submitted.body.job.id)).at(-1)!;
    expect(last).toMatchObject({ status: "succeeded", done: 80 });

    const creates = emulators.stripe.requests.filter(
      (r) => r.method === "POST" && r.path === "/v1/checkout/sessions",
    );
    expect(creates).toHaveLength(80);
    expect(emulators.stripe.requests.filter((r) => r.status === 429)).toEqual([]);
    // Steady state, past the start: at 4 records in flight it would be at most 20/s.
    const from = creates[10]!.at;
    const to = creates[70]!.at;
    const perSecond = 60 / ((to - from) / 1000);
    expect(perSecond).toBeGreaterThan(21);
  });
});
