import { SqliteJournal } from "../../adapters/sqlite/SqliteJournal";
import { FakeRecordStore } from "../../../testkit/FakeRecordStore";
import { silentLogger } from "../../../testkit/silentLogger";
import { RecordWriter } from "../RecordWriter";
import { toKintoneDateTime, writeBackFields } from "../writeBackFields";

describe("writeBackFields", () => {
  it("writes only the fields the mapping names", () => {
    const fields = writeBackFields(
      { status: "st", amountTotal: "amt", paidAt: "paid" },
      {
        status: "complete",
        url: "https://x",
        amountTotal: { amount: 1999, currency: "usd" },
        paidAt: new Date("2026-01-10T12:34:56.789Z"),
      },
    );
    expect(fields).toEqual({
      st: { value: "complete" },
      amt: { value: "19.99" },
      paid: { value: "2026-01-10T12:34:56Z" },
    });
  });

  it("leaves out state it was not given and empties what is null", () => {
    expect(
      writeBackFields({ url: "u", customerEmail: "e", error: "err" }, { url: null, error: "" }),
    ).toEqual({
      u: { value: "" },
      err: { value: "" },
    });
  });

  it("writes the refunded amount in major units, the payment intent and the recovery link", () => {
    expect(
      writeBackFields(
        { amountRefunded: "ref", paymentIntentId: "pi", recoveryUrl: "rec" },
        {
          amountRefunded: { amount: 1250, currency: "usd" },
          paymentIntentId: "pi_1",
          recoveryUrl: "https://pay.example/r/1",
        },
      ),
    ).toEqual({
      ref: { value: "12.50" },
      pi: { value: "pi_1" },
      rec: { value: "https://pay.example/r/1" },
    });
  });

  it("formats kintone DATETIME without milliseconds", () => {
    expect(toKintoneDateTime(new Date("2026-03-04T05:06:07.000Z"))).toBe("2026-03-04T05:06:07Z");
  });
});

describe("RecordWriter", () => {
  function setup() {
    const records = new FakeRecordStore();
    const ids = Array.from({ length: 150 }, () =>
      records.addRecord("12", { status: { type: "SINGLE_LINE_TEXT", value: "" } }),
    );
    const journal = new SqliteJournal(":memory:");
    let now = new Date("2026-01-10T00:00:00Z");
    const writer = new RecordWriter(records, journal, silentLogger, { now: () => now });
    return {
      records,
      ids,
      journal,
      writer,
      advance: (ms: number) => (now = new Date(now.getTime() + ms)),
    };
  }

  it("writes in batches of at most 100", async () => {
    const { records, ids, writer } = setup();
    await writer.write(
      "12",
      ids.map((recordId) => ({ recordId, fields: { status: { value: "open" } } })),
    );
    expect(records.updates.map((u) => u.updates.length)).toEqual([100, 50]);
  });

  it("keeps a failed write for later and retries it with backoff until it lands", async () => {
    const { records, ids, journal, writer, advance } = setup();
    records.failUpdates = 2;
    const { pending } = await writer.write("12", [
      { recordId: ids[0]!, fields: { status: { value: "open" } } },
    ]);
    expect(pending).toEqual([ids[0]]);

    await writer.retryPending(); // not due yet
    expect(records.failUpdates).toBe(1);
    advance(5_000);
    await writer.retryPending(); // due, fails again: next try in 10 s
    expect(
      await journal.writeBacks.listDue(new Date(Date.parse("2026-01-10T00:00:14Z")), 10),
    ).toEqual([]);
    advance(10_000);
    await writer.retryPending();
    expect(records.field("12", ids[0]!, "status")).toBe("open");
    expect(await journal.writeBacks.count()).toBe(0);
  });

  it("lets a newer successful write supersede an older pending one", async () => {
    const { records, ids, journal, writer, advance } = setup();
    records.failUpdates = 1;
    await writer.write("12", [{ recordId: ids[0]!, fields: { status: { value: "open" } } }]);
    await writer.write("12", [{ recordId: ids[0]!, fields: { status: { value: "complete" } } }]);
    expect(await journal.writeBacks.count()).toBe(0);
    advance(60_000);
    await writer.retryPending();
    expect(records.field("12", ids[0]!, "status")).toBe("complete");
  });

  it("writes the good records of a batch kintone refuses for one bad value, and keeps the bad one pending", async () => {
    const { records, ids, journal, writer } = setup();
    const writes = ids.slice(0, 10).map((recordId, i) => ({
      recordId,
      fields: { status: { value: i === 6 ? "REFUSED-VALUE" : "open" } },
    }));
    const { pending } = await writer.write("12", writes);
    expect(pending).toEqual([ids[6]]);
    expect(
      ids.slice(0, 10).filter((id) => records.field("12", id, "status") === "open"),
    ).toHaveLength(9);
    expect(await journal.writeBacks.count()).toBe(1);
  });

  it("drops the write-back of a deleted record and writes the others", async () => {
    const { records, ids, journal, writer } = setup();
    await writer.write("12", [
      { recordId: ids[0]!, fields: { status: { value: "open" } } },
      { recordId: "9999", fields: { status: { value: "open" } } },
    ]);
    expect(records.field("12", ids[0]!, "status")).toBe("open");
    expect(await journal.writeBacks.count()).toBe(0);
  });
});
