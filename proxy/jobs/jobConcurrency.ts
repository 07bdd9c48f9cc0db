/**
 * How many records a job works on at once, so that Stripe's rate limit — not our own waiting —
 * sets the pace. By Little's law, requests in flight = rate × time per request: at 25 requests/s
 * and Stripe's ~200 ms a request, 5 are needed; each record also waits for its kintone read and its
 * turn at the gateway's token bucket, so we plan for 500 ms per record. More in flight than the
 * bucket lets through costs nothing but waiting in its queue (it spaces requests, never bursts).
 */
const PLANNED_SECONDS_PER_RECORD = 0.5;
const MIN_CONCURRENCY = 4;
/** kintone serves 100 concurrent requests per domain; stay far below it. */
const MAX_CONCURRENCY = 64;

export function jobConcurrency(stripeRequestsPerSecond: number): number {
  const needed = Math.ceil(stripeRequestsPerSecond * PLANNED_SECONDS_PER_RECORD);
  return Math.min(MAX_CONCURRENCY, Math.max(MIN_CONCURRENCY, needed));
}
