/**
 * Issue #8: POST /v1/jobs fuzzed over HTTP against the emulators — kintone query conditions built
 * from hostile fragments (unbalanced quotes and parentheses, unknown fields, prototype keys,
 * order/limit clauses, unicode) and wrong types in every field. Never a 5xx: a query kintone
 * refuses is a 400 naming `query`; an accepted job ends succeeded, partially_failed or failed
 * with errors naming records. Random seeds: fast-check prints the seed and the shrunk case.
 */
import fc from "fast-check";
import {
  addOrders,
  callProxy,
  orderMapping,
  startEmulatedProxy,
  type EmulatedProxy,
} from "../support/emulatedProxy";
import { bothOutcomes } from "../support/bothOutcomes";
import { waitFor } from "../../../testkit/waitFor";
import { JOBS_FUZZ_RUNS } from "./fuzzRuns";

let env: EmulatedProxy;

beforeAll(async () => {
  env = await startEmulatedProxy();
  addOrders(env, [
    { code: "TEA-1", name: "Green tea", price: "500" },
    { code: "CUP-1", name: 'Tea "cup" (large)', price: "1200" },
    { code: "BAD-1", name: "Bad price", price: "12.5" },
  ]);
});

afterAll(async () => {
  await env.close();
});

const mapping = JSON.stringify(orderMapping({ grouping: "perRecord", replaceOpenSession: true }));

const fragment = fc.oneof(
  fc.constantFrom(
    "name",
    "price",
    "code",
    "$id",
    "__proto__",
    "constructor",
    "名前",
    "=",
    "!=",
    ">",
    "<=",
    "like",
    "not like",
    "in",
    "not in",
    "and",
    "or",
    "(",
    ")",
    '"',
    '"tea"',
    '"\\""',
    '"a\\\\"',
    '("1","2")',
    "500",
    "-1",
    "1e400",
    "order by",
    "price desc",
    "limit 1",
    "offset 5",
    "limit 500 offset 10000",
    "LOGINUSER()",
    "TODAY()",
    "'",
    ";",
    "--",
    "\u0000",
  ),
  fc.string({ unit: "grapheme", maxLength: 10 }),
);
const query = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(" "));

/** Polls GET /v1/jobs/:id until the job has finished. */
async function jobOutcome(id: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads the JSON freely
  let job: any;
  await waitFor(
    async () => {
      job = (await callProxy(env, "GET", `/v1/jobs/${id}`)).body.job;
      return !["queued", "running"].includes(job.status);
    },
    { timeoutMs: 20_000, intervalMs: 50, message: () => `job ${id} still ${job.status}` },
  );
  return job;
}

describe("POST /v1/jobs", () => {
  const outcomes = bothOutcomes("accepted", "refused");

  it("answers 202 or a 400 naming query for any query condition, and an accepted job finishes with errors naming records", async () => {
    await fc.assert(
      fc.asyncProperty(query, async (condition) => {
        const answer = await callProxy(env, "POST", "/v1/jobs", {
          json: { appId: env.appId, query: condition, mapping },
        });
        expect(answer.status < 500 ? "" : answer.text).toBe("");
        expect([202, 400]).toContain(answer.status);
        if (answer.status === 400) {
          expect(answer.body.error.code).toBe("BAD_REQUEST");
          expect(answer.body.error.details.map((d: { path: string }) => d.path)).toEqual(["query"]);
          outcomes.refused += 1;
          return;
        }
        outcomes.accepted += 1;
        const job = await jobOutcome(answer.body.job.id);
        expect(["succeeded", "partially_failed", "failed"]).toContain(job.status);
        expect(job.done + job.failed).toBe(job.total);
        for (const error of job.errors) {
          expect(error).toEqual({
            recordId: expect.stringMatching(/^\d+$/),
            code: expect.any(String),
            message: expect.any(String),
          });
        }
      }),
      { numRuns: JOBS_FUZZ_RUNS.hostileQueries },
    );
  });

  it("answers 400 BAD_REQUEST to wrong types in any field, never 5xx", async () => {
    const wrong = fc.record(
      {
        appId: fc.oneof(fc.anything(), fc.constantFrom("", "x", -1, 1.5)),
        query: fc.oneof(
          fc.anything().filter((v) => typeof v !== "string"),
          fc.constant(undefined),
        ),
        records: fc.oneof(
          fc.anything().filter((v) => !Array.isArray(v)),
          fc.constant([]),
          fc.constant([{ id: "1" }, { id: "1" }]),
          fc.array(fc.anything(), { minLength: 1, maxLength: 3 }),
        ),
        mapping: fc.oneof(
          fc.anything().filter((v) => typeof v !== "string"),
          fc.constant(""),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(wrong, async (body) => {
        // At least one field is wrong: a good appId and mapping with neither query nor records is wrong too.
        const answer = await callProxy(env, "POST", "/v1/jobs", {
          raw: JSON.stringify({ appId: env.appId, mapping, ...body }),
        });
        expect(answer.status < 500 ? "" : answer.text).toBe("");
        expect(answer.status).toBe(400);
        expect(answer.body.error.code).toBe("BAD_REQUEST");
        expect(answer.body.error.details.length).toBeGreaterThan(0);
      }),
      { numRuns: JOBS_FUZZ_RUNS.wrongTypes },
    );
  });
});
