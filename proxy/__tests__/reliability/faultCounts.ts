/**
 * How much each fault test runs, in one place so the documentation's summary table can state it.
 * Kept small enough that the reliability tests take well under a minute on a shared machine.
 */

/**
 * Stripe faults tried, each against POST /v1/checkouts and POST /v1/jobs. Each rule fails
 * `perSession` × (sessions asked for) matching requests: enough to fail every attempt the proxy
 * makes (the SDK tries a 5xx or a timeout 3 times, the gateway a 429 5 times).
 */
export const STRIPE_FAULTS: {
  name: string;
  rules: { status: 429 | 500 | "timeout"; when: "before" | "after"; perSession: number }[];
  /**
   * Stripe made the sessions but no attempt heard back: the proxy cannot link what it never saw
   * until the caller tries again; right after the fault only a clear error is owed.
   */
  unheardSessions?: true;
}[] = [
  { name: "429 before", rules: [{ status: 429, when: "before", perSession: 5 }] },
  { name: "500 before", rules: [{ status: 500, when: "before", perSession: 3 }] },
  {
    name: "500 after (executed, answer replaced)",
    rules: [{ status: 500, when: "after", perSession: 3 }],
  },
  {
    name: "timeout before (never reached)",
    rules: [{ status: "timeout", when: "before", perSession: 3 }],
  },
  {
    name: "timeout after (executed, answer lost)",
    rules: [{ status: "timeout", when: "after", perSession: 3 }],
  },
  {
    name: "timeout after, then unreachable (answer lost and every retry too)",
    rules: [
      { status: "timeout", when: "after", perSession: 1 },
      { status: "timeout", when: "before", perSession: 2 },
    ],
    unheardSessions: true,
  },
];
/** Records per POST /v1/checkouts (grouping perRecord) in a Stripe fault test. */
export const STRIPE_FAULT_CHECKOUT_RECORDS = 4;
/** Records per job in a Stripe fault test. */
export const STRIPE_FAULT_JOB_RECORDS = 12;
/** Records of a job run while Stripe or kintone fails every attempt the runner makes. */
export const OUTAGE_JOB_RECORDS = 4;

/**
 * kintone faults tried, each against POST /v1/checkouts and POST /v1/jobs. `count`: requests
 * failed, enough to fail every attempt of the adapter (it tries a 429/5xx 4 times, a 409 once).
 */
export const KINTONE_FAULTS = [
  { name: "503 on the read", method: "GET", status: 503, count: 4 },
  { name: "429 on the read", method: "GET", status: 429, count: 4 },
  { name: "503 on the write-back", method: "PUT", status: 503, count: 4 },
  { name: "429 on the write-back", method: "PUT", status: 429, count: 4 },
  { name: "409 on the write-back", method: "PUT", status: 409, count: 1 },
] as const;
/** Records per request / job in a kintone fault test. */
export const KINTONE_FAULT_RECORDS = 6;
/** kintone's concurrency limit test: requests at once it serves, concurrent checkouts, job records. */
export const CONCURRENCY_LIMIT = 1;
export const CONCURRENT_CHECKOUTS = 6;
export const CONCURRENCY_LIMIT_JOB_RECORDS = 30;

/** SIGKILLs of the proxy during one job, each at a moment drawn from a seeded random. */
export const KILL_POINTS = 6;
/** Records of the job killed KILL_POINTS times. */
export const KILL_JOB_RECORDS = 150;
/**
 * Stripe requests per second the proxies killed allow themselves: the job outlives the kills, also
 * with the burst each restarted pacer may send at once.
 */
export const KILL_JOB_STRIPE_RATE = 20;
/** A kill comes this long after the (re)start, plus up to KILL_SPREAD_MS drawn at random. */
export const KILL_EARLIEST_MS = 80;
export const KILL_SPREAD_MS = 420;
/** SIGKILLs of the proxy during a POST /v1/checkouts, one per request, then the same request again. */
export const CHECKOUT_KILL_POINTS = 3;
/** Records per killed POST /v1/checkouts (grouping perRecord: a session each). */
export const CHECKOUT_KILL_RECORDS = 20;
/** Sessions one POST /v1/checkouts creates at once: at most this many are unheard at a kill. */
export const CHECKOUT_SESSION_CONCURRENCY = 4;
/** Seed of the random that picks the kill moments. */
export const KILL_SEED = 20261123;

/** Proxies on one PostgreSQL in the multi-proxy tests. */
export const MULTI_PROXIES = 3;
/** Records sent as twin POST /v1/checkouts (each to two proxies at once). */
export const MULTI_TWIN_RECORDS = 24;
/** Records of the job run by several proxies, one of them SIGKILLed now and then. */
export const MULTI_JOB_RECORDS = 300;
/** SIGKILLs of a proxy (picked at random) during that job; PostgreSQL restarts once between them. */
export const MULTI_KILL_POINTS = 4;
/**
 * Stripe requests per second for all the proxies together (shared pacing splits it): slow enough
 * that the job is still running at every kill.
 */
export const MULTI_STRIPE_RATE = 30;
