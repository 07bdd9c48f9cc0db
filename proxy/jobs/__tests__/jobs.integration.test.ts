/**
 * Bulk jobs through HTTP with the proxy's real adapters (Stripe SDK, kintone REST client, SQLite)
 * against the Stripe and kintone emulators.
 */
import { startTestProxy } from "../../../testkit/startTestProxy";
import { waitFor } from "../../../testkit/waitFor";
import type { RunningProxy } from "../../startProxy";
import {
  addOrders,
  call,
  fieldOf,
  jobMapping,
  openSessionsByRecord,
  pollJob,
  startEmulators,
  type Emulators,
} from "./jobTestKit";

let emulators: Emulators;
let proxy: RunningProxy;

async function startJobProxy(env: Record<string, string> = {}): Promise<RunningProxy> {
  return startTestProxy(
    { ...emulators.env, ...env },
    {
      stripeRateLimitPerSecond: 400,
      // Only full batches and the last one are written (no timed flush mid-test).
      jobs: { writeBackIntervalMs: 60_000 },
    },
  );
}

beforeEach(async () => {
  emulators = await startEmulators();
  proxy = await startJobProxy();
});

afterEach(async () => {
  await proxy.close();
  await emulators.close();
});

function kintoneWrites(): number {
  return emulators.kintone.requests.filter(
    (r) => r.method === "PUT" && r.path.startsWith("/k/v1/records.json"),
  ).length;
}

describe("POST /v1/jobs", () => {
  it("makes one session per record for 250 records, shows progress, and writes every URL back in batches", async () => {
    const ids = addOrders(emulators, 250);
    emulators.kintone.clearRequests();

    const submitted = await call(proxy.url, "POST", "/v1/jobs", {
      appId: emulators.appId,
      records: ids.map((id) => ({ id, revision: "1" })),
      mapping: jobMapping(),
    });
    expect(submitted.status).toBe(202);
    expect(submitted.body).toEqual({
      job: { id: expect.stringMatching(/^job_/), status: "queued" },
    });

    const seen = await pollJob(proxy.url, submitted.body.job.id);
    const last = seen.at(-1)!;
    expect(last).toEqual({
      id: submitted.body.job.id,
      status: "succeeded",
      total: 250,
      done: 250,
      failed: 0,
      errors: [],
      createdAt: expect.any(String),
    });
    // Progress was visible on the way: a running job with some records done, never going back.
    expect(seen.some((job) => job.status === "running" && job.done > 0 && job.done < 250)).toBe(
      true,
    );
    const dones = seen.map((job) => job.done ?? 0);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));

    const open = openSessionsByRecord(emulators);
    expect(emulators.stripe.state.sessions).toHaveLength(250);
    for (const id of ids) {
      const sessions = open.get(id) ?? [];
      expect(sessions).toHaveLength(1);
      expect(fieldOf(emulators, id, "checkout_url")).toBe(sessions[0]!.url);
      expect(fieldOf(emulators, id, "session_id")).toBe(sessions[0]!.id);
      expect(fieldOf(emulators, id, "status")).toBe("open");
    }
    // Five product codes: five products, made once each.
    expect(emulators.stripe.state.products).toHaveLength(5);
    expect(kintoneWrites()).toBeLessThanOrEqual(Math.ceil(250 / 100) + 1);
  });

  it("resolves a query to its records and makes a session for each, and none for the others", async () => {
    const ids = addOrders(emulators, 30);
    const east = ids.filter((_, i) => i % 3 === 0);

    const submitted = await call(proxy.url, "POST", "/v1/jobs", {
      appId: emulators.appId,
      query: 'region = "east"',
      mapping: jobMapping(),
    });
    expect(submitted.status).toBe(202);
    const last = (await pollJob(proxy.url, submitted.body.job.id)).at(-1)!;

    expect(last).toMatchObject({ status: "succeeded", total: east.length, done: east.length });
    expect([...openSessionsByRecord(emulators).keys()].sort()).toEqual([...east].sort());
    for (const id of ids) {
      expect(Boolean(fieldOf(emulators, id, "checkout_url"))).toBe(east.includes(id));
    }
  });

  it("reports invalid, changed and missing records as item errors while the rest succeed", async () => {
    const ids = addOrders(emulators, 12, (i) => (i === 3 || i === 7 ? { price: "" } : {}));
    const changed = ids[5]!;
    emulators.kintone.store.updateRecord(emulators.appId, changed, { name: { value: "Edited" } });

    const submitted = await call(proxy.url, "POST", "/v1/jobs", {
      appId: emulators.appId,
      records: [...ids.map((id) => ({ id, revision: "1" })), { id: "9999" }],
      mapping: jobMapping(),
    });
    const last = (await pollJob(proxy.url, submitted.body.job.id)).at(-1)!;

    expect(last).toMatchObject({ status: "partially_failed", total: 13, done: 9, failed: 4 });
    expect(last.errors.map((e) => [e.recordId, e.code])).toEqual([
      [ids[3], "VALIDATION_FAILED"],
      [changed, "RECORD_CHANGED"],
      [ids[7], "VALIDATION_FAILED"],
      ["9999", "RECORD_NOT_FOUND"],
    ]);
    expect(last.errors[0]!.message).toMatch(/price/i);
    const open = openSessionsByRecord(emulators);
    expect([...open.keys()].sort()).toEqual(ids.filter((_, i) => ![3, 5, 7].includes(i)).sort());
  });

  it("leaves one open session per record when two jobs over the same records run at once", async () => {
    const ids = addOrders(emulators, 40);
    const body = {
      appId: emulators.appId,
      records: ids.map((id) => ({ id })),
      mapping: jobMapping(),
    };
    const [a, b] = await Promise.all([
      call(proxy.url, "POST", "/v1/jobs", body),
      call(proxy.url, "POST", "/v1/jobs", body),
    ]);
    const finished = await Promise.all(
      [a, b].map(async (answer) => (await pollJob(proxy.url, answer.body.job.id)).at(-1)!),
    );

    expect(finished.map((job) => job.status)).toEqual(["succeeded", "succeeded"]);
    const open = openSessionsByRecord(emulators);
    for (const id of ids) {
      const sessions = open.get(id) ?? [];
      expect(sessions).toHaveLength(1);
      expect(fieldOf(emulators, id, "session_id")).toBe(sessions[0]!.id);
    }
  });

  it("fails the job, naming no record, when its query cannot be read to the end", async () => {
    addOrders(emulators, 5);
    emulators.kintone.failNext({
      method: "POST",
      pathPrefix: "/k/v1/records/cursor.json",
      status: 403,
    });
    const submitted = await call(proxy.url, "POST", "/v1/jobs", {
      appId: emulators.appId,
      query: 'region = "east"',
      mapping: jobMapping(),
    });
    expect(submitted.status).toBe(202);
    const last = (await pollJob(proxy.url, submitted.body.job.id)).at(-1)!;
    expect(last).toEqual({
      id: submitted.body.job.id,
      status: "failed",
      total: 0,
      done: 0,
      failed: 0,
      errors: [
        { recordId: "", code: "KINTONE_ERROR", message: expect.stringContaining("permission") },
      ],
      createdAt: expect.any(String),
    });
    expect(emulators.stripe.state.sessions).toHaveLength(0);
  });

  it("fails a job whose every record fails", async () => {
    const ids = addOrders(emulators, 3, () => ({ price: "" }));
    const submitted = await call(proxy.url, "POST", "/v1/jobs", {
      appId: emulators.appId,
      records: ids.map((id) => ({ id })),
      mapping: jobMapping(),
    });
    const last = (await pollJob(proxy.url, submitted.body.job.id)).at(-1)!;
    expect(last).toMatchObject({ status: "failed", total: 3, done: 0, failed: 3 });
    expect(emulators.stripe.state.sessions).toHaveLength(0);
  });

  it.each([
    ["a mapping that fails its schema", { mapping: '{"version":2}' }],
    ["a single-session mapping", { mapping: jobMapping({ grouping: "single" }) }],
    ["both a query and records", { query: "", records: [{ id: "1" }] }],
    ["neither a query nor records", { records: undefined }],
    ["a query kintone refuses", { query: 'no_such_field = "x"', records: undefined }],
  ])("refuses %s with 400 and queues nothing", async (_, change) => {
    const answer = await call(proxy.url, "POST", "/v1/jobs", {
      appId: emulators.appId,
      records: [{ id: "1" }],
      mapping: jobMapping(),
      ...change,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: "BAD_REQUEST", details: expect.any(Array) });
    expect(await proxy.journal.jobs.listUnfinished()).toEqual([]);
  });
});

describe("GET /v1/jobs/:id", () => {
  it("answers 404 for an unknown job", async () => {
    const answer = await call(proxy.url, "GET", "/v1/jobs/job_unknown");
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      error: {
        code: "NOT_FOUND",
        message: "There is no job job_unknown.",
        details: [{ jobId: "job_unknown" }],
      },
    });
  });
});

describe("SCHEDULED_JOBS", () => {
  it("submits a job over its query when its cron fires", async () => {
    await proxy.close();
    addOrders(emulators, 6);
    proxy = await startJobProxy({
      SCHEDULED_JOBS: JSON.stringify([
        {
          name: "every second",
          cron: "* * * * * *",
          appId: emulators.appId,
          query: 'region = "east"',
          mapping: JSON.parse(jobMapping()),
        },
      ]),
    });
    await waitFor(() => openSessionsByRecord(emulators).size >= 2, { timeoutMs: 5_000 });
    const open = openSessionsByRecord(emulators);
    expect([...open.keys()].sort()).toEqual(["1", "4"]);
  });
});
