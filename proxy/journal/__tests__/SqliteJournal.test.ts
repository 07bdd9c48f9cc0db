import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { JournalSession } from "../Journal";
import { SqliteJournal } from "../SqliteJournal";

function session(id: string, overrides: Partial<JournalSession> = {}): JournalSession {
  return {
    sessionId: id,
    appId: "12",
    recordIds: ["1"],
    mappingJson: "{}",
    status: "open",
    paymentStatus: "unpaid",
    url: `https://checkout.example/${id}`,
    currency: "jpy",
    amountTotal: 500,
    customerEmail: null,
    expiresAt: new Date("2026-01-11T00:00:00Z"),
    createdAt: new Date("2026-01-10T00:00:00Z"),
    paidAt: null,
    ...overrides,
  };
}

describe("SqliteJournal", () => {
  let journal: SqliteJournal;
  beforeEach(() => {
    journal = new SqliteJournal(":memory:");
  });
  afterEach(() => journal.close());

  it("keeps sessions with their records and mapping", () => {
    journal.saveSession(session("cs_1", { recordIds: ["1", "2"], mappingJson: '{"v":1}' }));
    expect(journal.getSession("cs_1")).toEqual(
      session("cs_1", { recordIds: ["1", "2"], mappingJson: '{"v":1}' }),
    );
    expect(journal.findOpenSessionsForRecord("12", "2").map((s) => s.sessionId)).toEqual(["cs_1"]);
    expect(journal.findOpenSessionsForRecord("13", "2")).toEqual([]);
  });

  it("moves a session's status only forward", () => {
    journal.saveSession(session("cs_1"));
    journal.updateSessionState("cs_1", { status: "complete", paymentStatus: "paid" });
    journal.updateSessionState("cs_1", { status: "expired" });
    journal.updateSessionState("cs_1", { status: "open" });
    expect(journal.getSession("cs_1")).toMatchObject({ status: "complete", paymentStatus: "paid" });
    expect(journal.findOpenSessionsForRecord("12", "1")).toEqual([]);
  });

  it("knows each record's newest session", () => {
    journal.saveSession(session("cs_old", { createdAt: new Date("2026-01-01T00:00:00Z") }));
    journal.saveSession(session("cs_new", { createdAt: new Date("2026-01-02T00:00:00Z") }));
    expect(journal.latestSessionIdForRecord("12", "1")).toBe("cs_new");
    expect(journal.latestSessionIdForRecord("12", "9")).toBeUndefined();
  });

  it("lists sessions newest first, by app and record, page by page", () => {
    for (let i = 1; i <= 5; i++) {
      journal.saveSession(
        session(`cs_${i}`, {
          recordIds: [String(i % 2)],
          createdAt: new Date(Date.UTC(2026, 0, i)),
        }),
      );
    }
    journal.saveSession(session("cs_other_app", { appId: "99" }));
    const first = journal.listSessions({ appId: "12", limit: 2 });
    expect(first.sessions.map((s) => s.sessionId)).toEqual(["cs_5", "cs_4"]);
    expect(first.hasMore).toBe(true);
    const rest = journal.listSessions({ appId: "12", limit: 10, startingAfter: "cs_4" });
    expect(rest.sessions.map((s) => s.sessionId)).toEqual(["cs_3", "cs_2", "cs_1"]);
    expect(rest.hasMore).toBe(false);
    expect(
      journal
        .listSessions({ appId: "12", recordId: "0", limit: 10 })
        .sessions.map((s) => s.sessionId),
    ).toEqual(["cs_4", "cs_2"]);
  });

  it("reuses a checkout intent while reusable, and starts a new generation when not", () => {
    const now = new Date("2026-01-10T00:00:00Z");
    const fresh = (generation: number) => ({ idempotencyKey: `key-${generation}`, expiresAt: now });
    const first = journal.claimCheckoutIntent("base", () => true, fresh, now);
    expect(first.idempotencyKey).toBe("key-1");
    expect(journal.claimCheckoutIntent("base", () => true, fresh, now).idempotencyKey).toBe(
      "key-1",
    );
    journal.completeCheckoutIntent("base", "key-1", "cs_1");
    expect(journal.findCheckoutIntent("base")?.sessionId).toBe("cs_1");
    const next = journal.claimCheckoutIntent("base", () => false, fresh, now);
    expect(next).toMatchObject({ idempotencyKey: "key-2", sessionId: null, abandoned: false });
    journal.abandonCheckoutIntent("base", "key-2");
    expect(journal.findCheckoutIntent("base")?.abandoned).toBe(true);
    const reusableUnlessAbandoned = (intent: { abandoned: boolean }) => !intent.abandoned;
    expect(journal.claimCheckoutIntent("base", reusableUnlessAbandoned, fresh, now)).toMatchObject({
      idempotencyKey: "key-3",
      abandoned: false,
    });
  });

  it("merges pending write-backs per record, newer values first, and clears written fields", () => {
    const due = new Date("2026-01-10T00:00:00Z");
    journal.addPendingWriteBack(
      "12",
      "1",
      { status: { value: "open" }, url: { value: "u" } },
      "down",
      due,
    );
    journal.addPendingWriteBack("12", "1", { status: { value: "complete" } }, "down", due);
    expect(journal.listDuePendingWriteBacks(due, 10)).toEqual([
      expect.objectContaining({
        recordId: "1",
        fields: { status: { value: "complete" }, url: { value: "u" } },
      }),
    ]);
    journal.clearPendingFields("12", "1", ["status"]);
    expect(journal.listDuePendingWriteBacks(due, 10)[0]?.fields).toEqual({ url: { value: "u" } });
    journal.recordWriteBackFailure("12", "1", "still down", new Date("2026-01-10T01:00:00Z"));
    expect(journal.listDuePendingWriteBacks(due, 10)).toEqual([]);
    journal.clearPendingFields("12", "1", ["url"]);
    expect(journal.countPendingWriteBacks()).toBe(0);
  });

  it("caches product ids and image URLs", () => {
    journal.putCachedProduct("s:product:A", { productId: "prod_1", contentHash: "h1" });
    journal.putCachedProduct("s:product:A", { productId: "prod_1", contentHash: "h2" });
    expect(journal.getCachedProduct("s:product:A")).toEqual({
      productId: "prod_1",
      contentHash: "h2",
    });
    journal.putCachedImageUrl("s:image:abc", "https://files/1");
    expect(journal.getCachedImageUrl("s:image:abc")).toBe("https://files/1");
    expect(journal.getCachedImageUrl("s:image:def")).toBeUndefined();
  });

  it("survives a restart in its data directory (WAL file, migrations applied once)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "journal-"));
    try {
      const first = SqliteJournal.inDataDir(path.join(dir, "nested"));
      first.saveSession(session("cs_1"));
      expect(first.database.pragma("journal_mode", { simple: true })).toBe("wal");
      first.close();
      const second = SqliteJournal.inDataDir(path.join(dir, "nested"));
      expect(second.getSession("cs_1")?.sessionId).toBe("cs_1");
      second.close();
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
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
