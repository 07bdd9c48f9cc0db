import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { aJob, aSession } from "../../../journal/__tests__/journalFixtures";
import { SqliteJournal } from "../SqliteJournal";

/** Runs `body` with a new temporary directory, removed afterwards. */
async function inTempDir(prefix: string, body: (dir: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    await body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("SqliteJournal", () => {
  it("survives a restart in its data directory (WAL file, migrations applied once)", async () => {
    await inTempDir("journal-", async (dir) => {
      const first = SqliteJournal.inDataDir(path.join(dir, "nested"));
      await first.sessions.save(aSession("cs_1"));
      expect(first.database.pragma("journal_mode", { simple: true })).toBe("wal");
      await first.close();
      const second = SqliteJournal.inDataDir(path.join(dir, "nested"));
      expect((await second.sessions.get("cs_1"))?.sessionId).toBe("cs_1");
      await second.close();
    });
  });

  it("keeps jobs in the file across a reopen", async () => {
    await inTempDir("journal-jobs-", async (dir) => {
      const file = path.join(dir, "journal.sqlite");
      const first = new SqliteJournal(file);
      await first.jobs.create(aJob("job_f"), [{ recordId: "5" }]);
      await first.close();
      const second = new SqliteJournal(file);
      expect((await second.jobs.listUnfinished()).map((j) => j.jobId)).toEqual(["job_f"]);
      await second.close();
    });
  });

  it("opens a fresh file from several processes starting at the same moment (each finds the schema made once)", async () => {
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), "journal-race-")),
      "journal.sqlite",
    );
    const at = Date.now() + 1500; // after every process has loaded
    const outputs = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<string>((resolve, reject) => {
            execFile(
              process.execPath,
              ["--import", "tsx", path.join(__dirname, "openJournalAt.ts"), file, String(at)],
              { timeout: 30_000 },
              (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
            );
          }),
      ),
    );
    expect(outputs).toEqual(["opened", "opened", "opened", "opened"]);
  });
});
