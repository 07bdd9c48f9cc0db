/**
 * A job keeps Stripe's rate limit busy without tripping it: at 25 requests/s (a test key's limit)
 * and 200 ms per request, every session is made and Stripe never answers 429. How close the wall
 * time comes to the rate-limit bound is a figure for the benchmarks (`npm run bench`), not a timed test.
 */
import { startTestProxy } from "../../../testkit/startTestProxy";
import type { RunningProxy } from "../../startProxy";
import { jobConcurrency } from "../jobConcurrency";
import { addOrders, call, jobMapping, pollJob, startEmulators, type Emulators } from "./jobTestKit";

describe("jobConcurrency", () => {
  it("keeps enough requests in flight for 25/s at 200 ms each, and for 100/s", () => {
    expect(jobConcurrency(25) / 0.2).toBeGreaterThanOrEqual(25);
    expect(jobConcurrency(100) / 0.2).toBeGreaterThanOrEqual(100);
  });
});

describe("POST /v1/jobs at Stripe's test-mode rate limit", () => {
  let emulators: Emulators;
  let proxy: RunningProxy;

  beforeAll(async () => {
    // Stripe as a test key sees it: 25 requests/s, beyond that 429; 200 ms per answer.
    emulators = await startEmulators({ rateLimitPerSecond: 25, latencyMs: 200 });
    // No stripeRateLimitPerSecond: the gateway's own default for an rk_test_ key.
    proxy = await startTestProxy(emulators.env);
  });

  afterAll(async () => {
    await proxy?.close();
    await emulators?.close();
  });

  it("makes every session, several at a time, without a single 429", async () => {
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
    expect(last).toMatchObject({ status: "succeeded", done: 80, failed: 0 });

    const creates = emulators.stripe.requests.filter(
      (r) => r.method === "POST" && r.path === "/v1/checkout/sessions",
    );
    expect(creates).toHaveLength(80);
    expect(emulators.stripe.requests.filter((r) => r.status === 429)).toEqual([]);
    // Requests overlap: with 200 ms per answer, one at a time would leave at most one arrival in
    // any 200 ms; the runner keeps several in flight. (Arrival times, not a speed threshold.)
    const arrivals = creates.map((r) => r.at).sort((a, b) => a - b);
    const overlapping = arrivals.some((at, i) => (arrivals[i + 2] ?? Infinity) - at < 200);
    expect(overlapping).toBe(true);
  });
});
