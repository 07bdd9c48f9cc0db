import { storeContract } from "./storeContract";

export const writeBacksContract = storeContract("writeBacks", (writeBacks) => {
  it("merges pending write-backs per record, newer values first, and clears written fields", async () => {
    const due = new Date("2026-01-10T00:00:00Z");
    await writeBacks.add(
      "12",
      "1",
      { status: { value: "open" }, url: { value: "u" } },
      "down",
      due,
    );
    await writeBacks.add("12", "1", { status: { value: "complete" } }, "down", due);
    expect(await writeBacks.listDue(due, 10)).toEqual([
      expect.objectContaining({
        recordId: "1",
        fields: { status: { value: "complete" }, url: { value: "u" } },
      }),
    ]);
    await writeBacks.clearFields("12", "1", ["status"]);
    expect((await writeBacks.listDue(due, 10))[0]?.fields).toEqual({ url: { value: "u" } });
    await writeBacks.recordFailure("12", "1", "still down", new Date("2026-01-10T01:00:00Z"));
    expect(await writeBacks.listDue(due, 10)).toEqual([]);
    await writeBacks.clearFields("12", "1", ["url"]);
    expect(await writeBacks.count()).toBe(0);
  });

  it("drops a record once every field it is owed is written, and only that record", async () => {
    const due = new Date("2026-01-10T00:00:00Z");
    await writeBacks.add(
      "12",
      "1",
      { status: { value: "open" }, url: { value: "u" } },
      "down",
      due,
    );
    await writeBacks.add("12", "2", { status: { value: "open" } }, "down", due);
    await writeBacks.clearFields("12", "1", ["url", "status", "session_id"]);
    expect(await writeBacks.listDue(due, 10)).toEqual([
      expect.objectContaining({
        appId: "12",
        recordId: "2",
        fields: { status: { value: "open" } },
      }),
    ]);
    await writeBacks.clearFields("12", "3", ["status"]);
    await writeBacks.clearFields("13", "2", ["status"]);
    expect(await writeBacks.count()).toBe(1);
  });

  it("keeps the error and the earlier attempt time of a record already owed values", async () => {
    const early = new Date("2026-01-10T00:00:00Z");
    const late = new Date("2026-01-10T02:00:00Z");
    await writeBacks.add("12", "1", { status: { value: "open" } }, "down", early);
    await writeBacks.add("12", "1", { url: { value: "u" } }, "still down", late);
    expect(await writeBacks.listDue(early, 10)).toEqual([
      expect.objectContaining({
        fields: { status: { value: "open" }, url: { value: "u" } },
        attempts: 0,
        nextAttemptAt: early,
        lastError: "still down",
      }),
    ]);
  });
});
