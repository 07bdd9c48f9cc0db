/**
 * Runs per fuzz property of the HTTP API, in a module of their own so the documentation's summary
 * (docs/en/quality.md, checked by scripts/__tests__/qualitySummary.test.ts) can read them
 * without running the suites.
 */

/** POST /v1/checkouts (checkouts.fuzz.test.ts: broken requests; hostileCheckouts.fuzz.test.ts: hostile mappings and record data). */
export const HTTP_FUZZ_RUNS = {
  malformedJson: 60,
  nonObjectJson: 30,
  oversizedBody: 4,
  wrongTypes: 120,
  hostileMapping: 120,
  hostileRecordData: 60,
} as const;

/** Image attachments (images.fuzz.test.ts). */
export const IMAGES_FUZZ_RUNS = { brokenAttachments: 60 } as const;

/** POST /v1/jobs (jobs.fuzz.test.ts). */
export const JOBS_FUZZ_RUNS = { hostileQueries: 60, wrongTypes: 60 } as const;

/** The other /v1 routes (routes.fuzz.test.ts). */
export const ROUTES_FUZZ_RUNS = {
  pathParameters: 150,
  listQueries: 150,
} as const;
