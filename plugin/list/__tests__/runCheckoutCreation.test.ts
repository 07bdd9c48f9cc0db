import { runCheckoutCreation } from "../runCheckoutCreation";
import { createdAnswer, fakeProxy, proxyError, recordIdsOf } from "./fakeProxy";

const refs = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: String(i + 1), revision: "4" }));
const noWait = () => Promise.resolve();

describe("runCheckoutCreation", () => {
  it("makes one session for all records when grouping is single", async () => {
    const { client, calls } = fakeProxy({
      "POST v1/checkouts": (c) => createdAnswer(recordIdsOf(c), "single"),
    });
    const summary = await runCheckoutCreation(client, "1", "single", refs(3));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.data).toMatchObject({ appId: "1", dryRun: false, records: refs(3) });
    expect(summary.sessions).toHaveLength(1);
    expect(summary).toMatchObject({ done: 3, failed: 0 });
  });

  it("refuses more than 100 records for one session", async () => {
    const { client, calls } = fakeProxy({});
    await expect(runCheckoutCreation(client, "1", "single", refs(101))).rejects.toThrow(RangeError);
    expect(calls).toHaveLength(0);
  });

  it("lets an error of a single request reach the caller (nothing was charged)", async () => {
    const { client } = fakeProxy({
      "POST v1/checkouts": () =>
        proxyError(409, "RECORD_CHANGED", [{ recordId: "2", expected: "4", actual: "5" }]),
    });
    await expect(runCheckoutCreation(client, "1", "perRecord", refs(3))).rejects.toMatchObject({
      code: "RECORD_CHANGED",
    });
  });

  it("runs more than 100 per-record checkouts as a job and reports its progress", async () => {
    const answers = [
      { id: "job_1", status: "running", total: 250, done: 100, failed: 0 },
      { id: "job_1", status: "running", total: 250, done: 200, failed: 1 },
      {
        id: "job_1",
        status: "partially_failed",
        total: 250,
        done: 248,
        failed: 2,
        errors: [
          { recordId: "7", code: "RECORD_CHANGED", message: "changed" },
          { recordId: "9", code: "STRIPE_ERROR", message: "card_declined" },
        ],
      },
    ];
    const { client, calls } = fakeProxy({
      "POST v1/jobs": () => ({ status: 202, body: { job: { id: "job_1", status: "queued" } } }),
      "GET v1/jobs/job_1": () => ({ status: 200, body: { job: answers.shift() } }),
    });
    const progress: string[] = [];
    const summary = await runCheckoutCreation(client, "1", "perRecord", refs(250), {
      sleep: noWait,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(calls[0]).toMatchObject({
      method: "POST",
      path: "v1/jobs",
      data: { appId: "1", records: refs(250) },
    });
    expect(progress).toEqual(["0/250", "100/250", "201/250", "250/250"]);
    expect(summary.done).toBe(248);
    expect(summary.failed).toBe(2);
    expect(summary.failures.map((f) => [f.recordIds, (f.error as { code: string }).code])).toEqual([
      [["7"], "RECORD_CHANGED"],
      [["9"], "STRIPE_ERROR"],
    ]);
  });

  it("falls back to batches of 100 when the proxy has no jobs yet, a failed batch not stopping the rest", async () => {
    const { client, calls } = fakeProxy({
      "POST v1/checkouts": (call) => {
        const ids = recordIdsOf(call);
        return ids.includes("150")
          ? proxyError(502, "STRIPE_ERROR", [], "rate limited")
          : createdAnswer(ids, "perRecord");
      },
    });
    const progress: string[] = [];
    const summary = await runCheckoutCreation(client, "1", "perRecord", refs(250), {
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(calls.map((c) => c.path)).toEqual([
      "v1/jobs",
      "v1/checkouts",
      "v1/checkouts",
      "v1/checkouts",
    ]);
    expect(calls.slice(1).map((c) => recordIdsOf(c).length)).toEqual([100, 100, 50]);
    expect(progress).toEqual(["0/250", "100/250", "200/250", "250/250"]);
    expect(summary).toMatchObject({ done: 150, failed: 100 });
    expect(summary.sessions).toHaveLength(150);
    expect(summary.failures[0]?.recordIds).toHaveLength(100);
  });
});
