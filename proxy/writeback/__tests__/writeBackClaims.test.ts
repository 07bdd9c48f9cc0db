/**
 * Owed write-backs retried by proxies sharing one journal: each record's write is claimed by one
 * retry pass at a time, and a pass that dies before settling its claims gives them back once their
 * lease runs out.
 */
import { SqliteJournal } from "../../adapters/sqlite/SqliteJournal";
import { FakeRecordStore } from "../../../testkit/FakeRecordStore";
import { silentLogger } from "../../../testkit/silentLogger";
import type { RecordUpdate } from "../../ports/RecordStore";
import { RecordWriter } from "../RecordWriter";

/** A record store whose writes wait until the test lets them through. */
class GatedRecordStore extends FakeRecordStore {
  private gate: Promise<void> = Promise.resolve();
  private openGate: () => void = () => undefined;
  /** Resolves when a write arrives at the closed gate. */
  arrived: Promise<void> = Promise.resolve();
  private arrive: () => void = () => undefined;

  close(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
    this.arrived = new Promise((resolve) => (this.arrive = resolve));
  }

  open(): void {
    this.openGate();
  }

  override async updateRecords(appId: string, updates: RecordUpdate[]) {
    this.arrive();
    await this.gate;
    return super.updateRecords(appId, updates);
  }
}

function setup() {
  const records = new GatedRecordStore();
  const recordId = records.addRecord("12", { status: { type: "SINGLE_LINE_TEXT", value: "" } });
  const journal = new SqliteJournal(":memory:");
  let now = new Date("2026-01-10T00:00:00Z");
  const writerOf = (owner: string) =>
    new RecordWriter(records, journal, silentLogger, {
      now: () => now,
      owner,
      claimLeaseMs: 60_000,
    });
  return {
    records,
    recordId,
    journal,
    writerOf,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

/** One record owed a write since long ago: due for a retry. */
async function setupOwed() {
  const made = setup();
  await made.journal.writeBacks.add(
    "12",
    made.recordId,
    { status: { value: "open" } },
    "down",
    new Date(0),
  );
  return made;
}

describe("RecordWriter retries shared by proxies", () => {
  it("never retries one record's owed write from two proxies at once", async () => {
    const { records, recordId, journal, writerOf } = await setupOwed();
    records.close();
    const first = writerOf("proxy-a").retryPending();
    await records.arrived;
    // The first proxy's write is in flight: the second finds nothing to claim.
    const before = records.updates.length;
    await writerOf("proxy-b").retryPending();
    expect(records.updates.length).toBe(before);
    records.open();
    await first;
    expect(records.updates).toHaveLength(1);
    expect(records.field("12", recordId, "status")).toBe("open");
    expect(await journal.writeBacks.count()).toBe(0);
  });

  it("retries a dead proxy's claimed write once its lease runs out, and loses none", async () => {
    const { records, recordId, journal, writerOf, advance } = await setupOwed();
    // A proxy claimed it and died before writing.
    await journal.writeBacks.claimDue(
      new Date("2026-01-10T00:00:00Z"),
      10,
      "dead-proxy",
      new Date("2026-01-10T00:01:00Z"),
    );
    const survivor = writerOf("proxy-b");
    await survivor.retryPending();
    expect(records.updates).toHaveLength(0);
    expect(await journal.writeBacks.count()).toBe(1);
    advance(60_000);
    await survivor.retryPending();
    expect(records.field("12", recordId, "status")).toBe("open");
    expect(await journal.writeBacks.count()).toBe(0);
  });
});
