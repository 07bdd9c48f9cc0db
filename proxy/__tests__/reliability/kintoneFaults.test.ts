/**
 * kintone failing under POST /v1/checkouts and POST /v1/jobs: 503 and 429 on the read of the
 * records and on the write-back, a write-back refused with 409, its concurrency limit (429 beyond
 * it), and a record edited by someone between the proxy's read and its write-back. After each,
 * the invariant holds: one linked open session per record or a clear error, and — once pending
 * write-backs were retried — every record shows its session.
 */
import { waitFor } from "../../../testkit/waitFor";
import { JOB_ITEM_ATTEMPTS } from "../../jobs/JobRunner";
import {
  CONCURRENCY_LIMIT,
  CONCURRENCY_LIMIT_JOB_RECORDS,
  CONCURRENT_CHECKOUTS,
  KINTONE_FAULT_RECORDS,
  KINTONE_FAULTS,
  OUTAGE_JOB_RECORDS,
} from "./faultCounts";
import {
  addOrders,
  call,
  drainPendingWriteBacks,
  fieldOf,
  invariantProblems,
  jobMapping,
  requestErrors,
  runJob,
  sessionCount,
  faultProxyPerTest,
  type ItemError,
} from "./reliabilityKit";

const bed = faultProxyPerTest();

function armFault(fault: (typeof KINTONE_FAULTS)[number]): void {
  bed.emulators.kintone.failNext({
    method: fault.method,
    pathPrefix: "/k/v1/records.json",
    status: fault.status,
    count: fault.count,
  });
}

/**
 * Right after the fault: a failed read is every record's error (for a job, only once the runner's
 * own attempts failed too); a failed write-back is owed, not lost.
 */
async function checkRightAfterFault(
  fault: (typeof KINTONE_FAULTS)[number],
  ids: string[],
  errors: ItemError[],
  readFailedForGood: boolean,
): Promise<void> {
  if (readFailedForGood) {
    expect(errors.map((e) => [e.recordId, e.code])).toEqual(ids.map((id) => [id, "KINTONE_ERROR"]));
    expect(invariantProblems(bed.emulators, ids, errors)).toEqual([]);
    expect(sessionCount(bed.emulators)).toBe(0);
  } else if (fault.method === "GET") {
    expect(errors).toEqual([]);
    expect(invariantProblems(bed.emulators, ids)).toEqual([]);
  } else {
    expect(errors).toEqual([]);
    expect(await bed.proxy.journal.writeBacks.count()).toBe(ids.length);
    expect(sessionCount(bed.emulators)).toBe(ids.length);
  }
}

describe.each(KINTONE_FAULTS)("kintone answering $name", (fault) => {
  it("POST /v1/checkouts leaves a clear error or a write-back owed, and after a resend and the retries every record shows its one session", async () => {
    const ids = addOrders(bed.emulators, KINTONE_FAULT_RECORDS);
    const body = {
      appId: bed.emulators.appId,
      records: ids.map((id) => ({ id })),
      mapping: jobMapping(),
    };
    armFault(fault);

    const first = await call(bed.proxy.url, "POST", "/v1/checkouts", body);
    expect(first.status).toBe(fault.method === "GET" ? 502 : 201);
    await checkRightAfterFault(fault, ids, requestErrors(ids, first), fault.method === "GET");

    if (first.status !== 201) {
      expect((await call(bed.proxy.url, "POST", "/v1/checkouts", body)).status).toBe(201);
    }
    await drainPendingWriteBacks(bed.proxy);
    expect(await bed.proxy.journal.writeBacks.count()).toBe(0);
    expect(invariantProblems(bed.emulators, ids)).toEqual([]);
    expect(sessionCount(bed.emulators)).toBe(ids.length);
  });

  it("POST /v1/jobs rides the fault out (a read is tried again, a write-back owed is retried): every record shows its one session", async () => {
    const ids = addOrders(bed.emulators, KINTONE_FAULT_RECORDS);
    armFault(fault);

    const job = await runJob(bed.proxy.url, {
      appId: bed.emulators.appId,
      records: ids.map((id) => ({ id })),
      mapping: jobMapping(),
    });
    expect(job).toMatchObject({ status: "succeeded", done: ids.length, failed: 0 });
    await checkRightAfterFault(fault, ids, job.errors, false);

    await drainPendingWriteBacks(bed.proxy);
    expect(await bed.proxy.journal.writeBacks.count()).toBe(0);
    expect(invariantProblems(bed.emulators, ids)).toEqual([]);
    expect(sessionCount(bed.emulators)).toBe(ids.length);
  });
});

describe("kintone failing reads for longer than a job tries a record", () => {
  it("POST /v1/jobs fails each record with a clear error in the job, and a job over the failed records completes them", async () => {
    const ids = addOrders(bed.emulators, OUTAGE_JOB_RECORDS);
    // The adapter tries each read 4 times: the batch read, then each record's own reads.
    bed.emulators.kintone.failNext({
      method: "GET",
      pathPrefix: "/k/v1/records.json",
      status: 503,
      count: 4 + ids.length * 4 * (JOB_ITEM_ATTEMPTS - 1),
    });
    const job = await runJob(bed.proxy.url, {
      appId: bed.emulators.appId,
      records: ids.map((id) => ({ id })),
      mapping: jobMapping(),
    });
    expect(job).toMatchObject({ status: "failed", done: 0, failed: ids.length });
    await checkRightAfterFault(KINTONE_FAULTS[0], ids, job.errors, true);

    const rerun = await runJob(bed.proxy.url, {
      appId: bed.emulators.appId,
      records: job.errors.map((e) => ({ id: e.recordId })),
      mapping: jobMapping(),
    });
    expect(rerun).toMatchObject({ status: "succeeded", done: ids.length, failed: 0 });
    expect(invariantProblems(bed.emulators, ids)).toEqual([]);
    expect(sessionCount(bed.emulators)).toBe(ids.length);
  });
});

describe("kintone refusing a write-back field that is no longer in the app's form (GAIA_FC01)", () => {
  // The mapping was saved when the app had a payment-status field; the field was deleted since.
  const mapping = () =>
    jobMapping({
      writeBack: {
        url: "checkout_url",
        sessionId: "session_id",
        status: "status",
        error: "error",
        paymentStatus: "deleted_field",
      },
    });

  it("POST /v1/checkouts writes the link fields it can, owes nothing forever", async () => {
    const ids = addOrders(bed.emulators, KINTONE_FAULT_RECORDS);
    const answer = await call(bed.proxy.url, "POST", "/v1/checkouts", {
      appId: bed.emulators.appId,
      records: ids.map((id) => ({ id })),
      mapping: mapping(),
    });
    expect(answer.status).toBe(201);
    expect(await bed.proxy.journal.writeBacks.count()).toBe(0);
    expect(invariantProblems(bed.emulators, ids)).toEqual([]);
  });

  it("POST /v1/jobs writes the link fields it can, owes nothing forever", async () => {
    const ids = addOrders(bed.emulators, KINTONE_FAULT_RECORDS);
    const job = await runJob(bed.proxy.url, {
      appId: bed.emulators.appId,
      records: ids.map((id) => ({ id })),
      mapping: mapping(),
    });
    expect(job).toMatchObject({ status: "succeeded", done: ids.length });
    expect(await bed.proxy.journal.writeBacks.count()).toBe(0);
    expect(invariantProblems(bed.emulators, ids)).toEqual([]);
  });
});

describe("a record edited between the proxy's read and its write-back", () => {
  /** Starts `request`, edits the records once kintone served the read, awaits the request. */
  async function editDuringRequest<T>(ids: string[], request: () => Promise<T>): Promise<T> {
    // Stripe answers slowly, so the edit lands after the read and before the write-back.
    bed.emulators.stripe.configure({ latencyMs: 150 });
    bed.emulators.kintone.clearRequests();
    const pending = request();
    await waitFor(
      () => bed.emulators.kintone.requests.some((r) => r.method === "GET" && r.status === 200),
      { timeoutMs: 15_000 },
    );
    for (const id of ids) {
      bed.emulators.kintone.store.updateRecord(bed.emulators.appId, id, {
        name: { value: `Edited ${id}` },
      });
    }
    const result = await pending;
    bed.emulators.stripe.configure({ latencyMs: 0 });
    return result;
  }

  it("POST /v1/checkouts: the write-back lands beside the edit (the link fields only), nothing is lost", async () => {
    const ids = addOrders(bed.emulators, KINTONE_FAULT_RECORDS);
    const answer = await editDuringRequest(ids, () =>
      call(bed.proxy.url, "POST", "/v1/checkouts", {
        appId: bed.emulators.appId,
        records: ids.map((id) => ({ id, revision: "1" })),
        mapping: jobMapping(),
      }),
    );
    expect(answer.status).toBe(201);
    expect(await bed.proxy.journal.writeBacks.count()).toBe(0);
    expect(invariantProblems(bed.emulators, ids)).toEqual([]);
    for (const id of ids) expect(fieldOf(bed.emulators, id, "name")).toBe(`Edited ${id}`);
  });

  it("POST /v1/jobs: the write-back lands beside the edit (the link fields only), nothing is lost", async () => {
    const ids = addOrders(bed.emulators, KINTONE_FAULT_RECORDS);
    const job = await editDuringRequest(ids, () =>
      runJob(bed.proxy.url, {
        appId: bed.emulators.appId,
        records: ids.map((id) => ({ id, revision: "1" })),
        mapping: jobMapping(),
      }),
    );
    expect(job).toMatchObject({ status: "succeeded", done: ids.length });
    expect(await bed.proxy.journal.writeBacks.count()).toBe(0);
    expect(invariantProblems(bed.emulators, ids)).toEqual([]);
    for (const id of ids) expect(fieldOf(bed.emulators, id, "name")).toBe(`Edited ${id}`);
  });
});

describe("kintone's concurrency limit", () => {
  it("answering 429 beyond one request at a time, concurrent checkouts and a job still end with one linked session or a clear error per record", async () => {
    const singles = addOrders(bed.emulators, CONCURRENT_CHECKOUTS);
    const jobIds = addOrders(bed.emulators, CONCURRENCY_LIMIT_JOB_RECORDS);
    bed.emulators.kintone.configure({ concurrencyLimit: CONCURRENCY_LIMIT, latencyMs: 15 });
    bed.emulators.kintone.clearRequests();

    const [answers, job] = await Promise.all([
      Promise.all(
        singles.map((id) =>
          call(bed.proxy.url, "POST", "/v1/checkouts", {
            appId: bed.emulators.appId,
            records: [{ id }],
            mapping: jobMapping(),
          }),
        ),
      ),
      runJob(bed.proxy.url, {
        appId: bed.emulators.appId,
        records: jobIds.map((id) => ({ id })),
        mapping: jobMapping(),
      }),
    ]);
    // The limit was really hit.
    expect(bed.emulators.kintone.requests.some((r) => r.status === 429)).toBe(true);

    bed.emulators.kintone.configure({ concurrencyLimit: 100, latencyMs: 0 });
    await drainPendingWriteBacks(bed.proxy);
    const errors = [
      ...answers.flatMap((answer, i) => requestErrors([singles[i]!], answer)),
      ...job.errors,
    ];
    expect(invariantProblems(bed.emulators, [...singles, ...jobIds], errors)).toEqual([]);
  });
});
