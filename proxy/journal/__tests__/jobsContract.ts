import { storeContract } from "./storeContract";
import { aJob } from "./journalFixtures";

export const jobsContract = storeContract("jobs", (jobs) => {
  it("keeps a job's records once each, in order, all pending", async () => {
    await jobs.create(aJob("job_a"), [
      { recordId: "3", revision: "7" },
      { recordId: "1" },
      { recordId: "3", revision: "8" },
    ]);
    expect(await jobs.get("job_a")).toMatchObject({
      status: "queued",
      itemsResolved: true,
      error: null,
    });
    expect((await jobs.listItems("job_a")).map((i) => [i.recordId, i.revision, i.state])).toEqual([
      ["3", "7", "pending"],
      ["1", null, "pending"],
    ]);
  });

  it("resolves a query job's records only once", async () => {
    await jobs.create({ ...aJob("job_q"), query: 'region = "east"' });
    expect((await jobs.get("job_q"))?.itemsResolved).toBe(false);
    await jobs.resolveItems("job_q", [{ recordId: "1" }, { recordId: "2" }]);
    await jobs.resolveItems("job_q", [{ recordId: "9" }]);
    expect((await jobs.listItems("job_q")).map((i) => i.recordId)).toEqual(["1", "2"]);
  });

  it("moves an item from pending to done or failed once, and counts progress", async () => {
    await jobs.create(
      aJob("job_p"),
      ["1", "2", "3", "4"].map((recordId) => ({ recordId })),
    );
    await jobs.finishItem("job_p", "2", { code: "VALIDATION_FAILED", message: "price: required" });
    await jobs.finishItem("job_p", "1", { sessionId: "cs_1" });
    await jobs.finishItem("job_p", "1", { code: "STRIPE_ERROR", message: "late retry" });
    await jobs.finishItem("job_p", "4", { code: "RECORD_NOT_FOUND", message: "gone" });

    expect(await jobs.getProgress("job_p", 1)).toEqual({
      total: 4,
      done: 1,
      failed: 2,
      errors: [{ recordId: "2", code: "VALIDATION_FAILED", message: "price: required" }],
    });
    expect((await jobs.listItems("job_p", "pending")).map((i) => i.recordId)).toEqual(["3"]);
    expect((await jobs.listItems("job_p", "done"))[0]).toMatchObject({
      recordId: "1",
      sessionId: "cs_1",
      error: null,
    });
  });

  it("tells which done items still owe their write-back", async () => {
    await jobs.create(
      aJob("job_w"),
      ["1", "2", "3"].map((recordId) => ({ recordId })),
    );
    await jobs.finishItem("job_w", "1", { sessionId: "cs_1" });
    await jobs.finishItem("job_w", "2", { sessionId: "cs_2" });
    await jobs.markItemsWrittenBack("job_w", ["1"]);
    expect((await jobs.listItemsToWriteBack("job_w")).map((i) => i.recordId)).toEqual(["2"]);
  });

  it("lists queued and running jobs oldest first, not finished ones", async () => {
    await jobs.create(aJob("job_2", new Date("2026-01-02T00:00:00Z")), [{ recordId: "1" }]);
    await jobs.create(aJob("job_1", new Date("2026-01-01T00:00:00Z")), [{ recordId: "1" }]);
    await jobs.create(aJob("job_3"), [{ recordId: "1" }]);
    await jobs.setStatus("job_2", "running");
    await jobs.setStatus("job_3", "failed", { code: "KINTONE_ERROR", message: "query refused" });
    expect((await jobs.listUnfinished()).map((j) => j.jobId)).toEqual(["job_1", "job_2"]);
    expect((await jobs.get("job_3"))?.error).toEqual({
      code: "KINTONE_ERROR",
      message: "query refused",
    });
  });

  it("lists an app's jobs newest first, up to the limit, and no other app's", async () => {
    const day = (d: number) => new Date(`2026-01-0${d}T00:00:00Z`);
    await jobs.create(aJob("job_old", day(1)));
    await jobs.create(aJob("job_new", day(3)));
    await jobs.create(aJob("job_mid", day(2)));
    await jobs.create({ ...aJob("job_other", day(4)), appId: "13" });
    expect((await jobs.listForApp("12", 10)).map((j) => j.jobId)).toEqual([
      "job_new",
      "job_mid",
      "job_old",
    ]);
    expect((await jobs.listForApp("12", 2)).map((j) => j.jobId)).toEqual(["job_new", "job_mid"]);
    expect((await jobs.listForApp("13", 10)).map((j) => j.jobId)).toEqual(["job_other"]);
  });

  it("keeps the language of the request that submitted the job (English unless told)", async () => {
    await jobs.create({ ...aJob("job_ja"), language: "ja" });
    await jobs.create(aJob("job_en"));
    expect((await jobs.get("job_ja"))?.language).toBe("ja");
    expect((await jobs.get("job_en"))?.language).toBe("en");
  });
});
