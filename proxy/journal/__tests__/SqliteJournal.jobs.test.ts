import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SqliteJournal } from "../SqliteJournal";

const job = (jobId: string, createdAt = new Date("2026-01-01T00:00:00Z")) => ({
  jobId,
  appId: "12",
  mappingJson: "{}",
  query: null,
  createdAt,
});

describe("SqliteJournal jobs", () => {
  let journal: SqliteJournal;
  beforeEach(() => {
    journal = new SqliteJournal(":memory:");
  });
  afterEach(() => journal.close());

  it("keeps a job's records once each, in order, all pending", () => {
    journal.createJob(job("job_a"), [
      { recordId: "3", revision: "7" },
      { recordId: "1" },
      { recordId: "3", revision: "8" },
    ]);
    expect(journal.getJob("job_a")).toMatchObject({
      status: "queued",
      itemsResolved: true,
      error: null,
    });
    expect(journal.listJobItems("job_a").map((i) => [i.recordId, i.revision, i.state])).toEqual([
      ["3", "7", "pending"],
      ["1", null, "pending"],
    ]);
  });

  it("resolves a query job's records only once", () => {
    journal.createJob({ ...job("job_q"), query: 'region = "east"' });
    expect(journal.getJob("job_q")?.itemsResolved).toBe(false);
    journal.resolveJobItems("job_q", [{ recordId: "1" }, { recordId: "2" }]);
    journal.resolveJobItems("job_q", [{ recordId: "9" }]);
    expect(journal.listJobItems("job_q").map((i) => i.recordId)).toEqual(["1", "2"]);
  });

  it("moves an item from pending to done or failed once, and counts progress", () => {
    journal.createJob(
      job("job_p"),
      ["1", "2", "3", "4"].map((recordId) => ({ recordId })),
    );
    journal.finishJobItem("job_p", "2", { code: "VALIDATION_FAILED", message: "price: required" });
    journal.finishJobItem("job_p", "1", { sessionId: "cs_1" });
    journal.finishJobItem("job_p", "1", { code: "STRIPE_ERROR", message: "late retry" });
    journal.finishJobItem("job_p", "4", { code: "RECORD_NOT_FOUND", message: "gone" });

    expect(journal.getJobProgress("job_p", 1)).toEqual({
      total: 4,
      done: 1,
      failed: 2,
      errors: [{ recordId: "2", code: "VALIDATION_FAILED", message: "price: required" }],
    });
    expect(journal.listJobItems("job_p", "pending").map((i) => i.recordId)).toEqual(["3"]);
    expect(journal.listJobItems("job_p", "done")[0]).toMatchObject({
      recordId: "1",
      sessionId: "cs_1",
      error: null,
    });
  });

  it("tells which done items still owe their write-back", () => {
    journal.createJob(
      job("job_w"),
      ["1", "2", "3"].map((recordId) => ({ recordId })),
    );
    journal.finishJobItem("job_w", "1", { sessionId: "cs_1" });
    journal.finishJobItem("job_w", "2", { sessionId: "cs_2" });
    journal.markJobItemsWrittenBack("job_w", ["1"]);
    expect(journal.listJobItemsToWriteBack("job_w").map((i) => i.recordId)).toEqual(["2"]);
  });

  it("lists queued and running jobs oldest first, not finished ones", () => {
    journal.createJob(job("job_2", new Date("2026-01-02T00:00:00Z")), [{ recordId: "1" }]);
    journal.createJob(job("job_1", new Date("2026-01-01T00:00:00Z")), [{ recordId: "1" }]);
    journal.createJob(job("job_3"), [{ recordId: "1" }]);
    journal.setJobStatus("job_2", "running");
    journal.setJobStatus("job_3", "failed", { code: "KINTONE_ERROR", message: "query refused" });
    expect(journal.listUnfinishedJobs().map((j) => j.jobId)).toEqual(["job_1", "job_2"]);
    expect(journal.getJob("job_3")?.error).toEqual({
      code: "KINTONE_ERROR",
      message: "query refused",
    });
  });

  it("keeps jobs in the file across a reopen", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "journal-jobs-"));
    const file = path.join(dir, "journal.sqlite");
    try {
      const first = new SqliteJournal(file);
      first.createJob(job("job_f"), [{ recordId: "5" }]);
      first.close();
      const second = new SqliteJournal(file);
      expect(second.listUnfinishedJobs().map((j) => j.jobId)).toEqual(["job_f"]);
      second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
